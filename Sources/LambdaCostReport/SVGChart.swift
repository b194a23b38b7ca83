/// Draws a ``ChartSpec`` as a fixed-size SVG: title, axes with labels and ticks, grid lines,
/// a legend, and highlighted categories. Pure string building with fixed number formatting, so
/// the same chart is the same bytes on every platform.
public enum SVGChart {
    /// Canvas width in pixels.
    public static let width = 760
    /// Canvas height in pixels.
    public static let height = 400

    static let left = 90.0
    static let right = 20.0
    static let top = 64.0
    static let bottom = 80.0
    static let seriesColor = "#4e79a7"

    /// The SVG document for a chart.
    public static func render(_ chart: ChartSpec) -> String {
        let plotW = Double(width) - left - right
        let plotH = Double(height) - top - bottom
        let (axisMax, step) = chart.axis
        let n = max(chart.categories.count, 1)
        let slot = plotW / Double(n)
        func x(_ i: Int) -> Double { left + slot * (Double(i) + 0.5) }
        func y(_ v: Double) -> Double { top + plotH - plotH * max(0, v) / axisMax }
        var s = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
            font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="13">
            <rect width="\(width)" height="\(height)" fill="#ffffff"/>
            <text x="\(f(Double(width) / 2))" y="26" text-anchor="middle" font-size="17" font-weight="bold">\(escape(chart.title))</text>

            """
        // Grid and y ticks.
        var tick = 0.0
        while tick <= axisMax + step / 1000 {
            let ty = y(tick)
            s += "<line x1=\"\(f(left))\" y1=\"\(f(ty))\" x2=\"\(f(left + plotW))\" y2=\"\(f(ty))\" stroke=\"#dddddd\"/>\n"
            s += "<text x=\"\(f(left - 8))\" y=\"\(f(ty + 4))\" text-anchor=\"end\">\(escape(chart.text(tick)))</text>\n"
            tick += step
        }
        // Axes.
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" stroke=\"#333333\"/>\n"
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" stroke=\"#333333\"/>\n"
        let highlightColor = Dictionary(chart.highlights.map { ($0.index, $0.color) }, uniquingKeysWith: { a, _ in a })
        // Series.
        switch chart.kind {
        case .bars:
            let barW = max(1, slot * 0.7)
            for (i, v) in chart.values.enumerated() {
                let fill = highlightColor[i] ?? seriesColor
                s += "<rect x=\"\(f(x(i) - barW / 2))\" y=\"\(f(y(v)))\" width=\"\(f(barW))\" height=\"\(f(top + plotH - y(v)))\" fill=\"\(fill)\"/>\n"
            }
        case .line:
            let points = chart.values.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element)))" }.joined(separator: " ")
            s += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(seriesColor)\" stroke-width=\"2.5\"/>\n"
            for (i, v) in chart.values.enumerated() {
                let fill = highlightColor[i] ?? seriesColor
                let r = highlightColor[i] == nil ? 4 : 7
                s += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"\(r)\" fill=\"\(fill)\"/>\n"
            }
        }
        // Value labels on highlighted categories, so the marked points read without the axis.
        for h in chart.highlights where chart.values.indices.contains(h.index) {
            let v = chart.values[h.index]
            s += "<text x=\"\(f(x(h.index)))\" y=\"\(f(y(v) - 14))\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"\(h.color)\">\(escape(chart.text(v)))</text>\n"
        }
        // X labels: thinned so they never overlap (about 60 px per label).
        let every = max(1, Int((60 / slot).rounded(.up)))
        for (i, label) in chart.categories.enumerated() where i % every == 0 || highlightColor[i] != nil {
            s += "<text x=\"\(f(x(i)))\" y=\"\(f(top + plotH + 18))\" text-anchor=\"middle\">\(escape(label))</text>\n"
        }
        s += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(Double(height) - 30))\" text-anchor=\"middle\">\(escape(chart.xLabel))</text>\n"
        s += "<text transform=\"translate(20,\(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(chart.yLabel))</text>\n"
        // Legend, bottom line.
        var lx = left
        let ly = Double(height) - 10
        for (label, color) in [(chart.seriesLabel, seriesColor)] + chart.highlights.map({ ($0.label, $0.color) }) {
            s += "<rect x=\"\(f(lx))\" y=\"\(f(ly - 11))\" width=\"12\" height=\"12\" fill=\"\(color)\"/>\n"
            s += "<text x=\"\(f(lx + 17))\" y=\"\(f(ly))\">\(escape(label))</text>\n"
            lx += 30 + Double(label.count) * 7.5
        }
        s += "</svg>\n"
        return s
    }

    /// A coordinate with one decimal, fixed format.
    static func f(_ v: Double) -> String { Display.fixed(v, 1) }

    /// XML-escapes text.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
