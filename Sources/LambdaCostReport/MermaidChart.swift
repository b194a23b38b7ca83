/// Draws a ``ChartSpec`` as a Mermaid `xychart-beta` block, which GitHub renders inline: one
/// y axis, one bar or line series, evenly spaced categorical x values. Highlights go into the
/// category labels, since Mermaid cannot colour single points.
public enum MermaidChart {
    /// The fenced Markdown block for a chart.
    public static func render(_ chart: ChartSpec) -> String {
        let labels = chart.categories.enumerated().map { i, c -> String in
            let marks = chart.highlights.filter { $0.index == i }.map(\.label)
            return quote(marks.isEmpty ? c : "\(c) (\(marks.joined(separator: ", ")))")
        }
        let (axisMax, _) = chart.axis
        let values = chart.values.map(chart.plain).joined(separator: ", ")
        return """
            ```mermaid
            xychart-beta
                title \(quote(chart.title))
                x-axis \(quote(chart.xLabel)) [\(labels.joined(separator: ", "))]
                y-axis \(quote(chart.yLabel)) 0 --> \(chart.plain(axisMax))
                \(chart.kind == .bars ? "bar" : "line") [\(values)]
            ```

            """
    }

    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "'") + "\""
    }
}
