/// The charts of a ``MonthReport``, each with the file name its SVG is written under.
public enum ReportCharts {
    /// A chart and its SVG file name.
    public struct Named: Sendable, Hashable {
        /// File name inside the report's chart folder, e.g. `daily-cost.svg`.
        public var fileName: String
        /// The chart.
        public var chart: ChartSpec
    }

    static let current = "#e15759"
    static let recommended = "#59a14f"

    /// The daily cost chart.
    public static func dailyCost(_ r: MonthReport) -> Named {
        Named(
            fileName: "daily-cost.svg",
            chart: ChartSpec(
                title: "Modeled cost per day, \(r.month)", xLabel: "day of month (UTC)", yLabel: "cost (USD)", seriesLabel: "cost per day",
                categories: r.dailyCost.map { String($0.date.suffix(2)) }, values: r.dailyCost.map(\.costUSD), kind: .bars, format: .usd))
    }

    /// Cost vs memory and p99 vs memory of one function's curve.
    public static func memoryCharts(_ c: MonthReport.MemoryCurve) -> [Named] {
        let categories = c.points.map { "\($0.memoryMB)" }
        var highlights: [ChartSpec.Highlight] = []
        if let i = c.points.firstIndex(where: { $0.memoryMB == c.currentMemoryMB }) {
            highlights.append(.init(index: i, label: "current", color: current))
        }
        if c.recommendedMemoryMB != c.currentMemoryMB, let i = c.points.firstIndex(where: { $0.memoryMB == c.recommendedMemoryMB }) {
            highlights.append(.init(index: i, label: "recommended", color: recommended))
        }
        return [
            Named(
                fileName: "\(slug(c.function))-cost-vs-memory.svg",
                chart: ChartSpec(
                    title: "\(c.function): monthly cost vs memory (\(c.arch))", xLabel: "memory (MB)", yLabel: "cost per month (USD)",
                    seriesLabel: "predicted cost", categories: categories, values: c.points.map(\.costUSD), kind: .line, format: .usd,
                    highlights: highlights)),
            Named(
                fileName: "\(slug(c.function))-p99-vs-memory.svg",
                chart: ChartSpec(
                    title: "\(c.function): p99 duration vs memory (\(c.arch))", xLabel: "memory (MB)", yLabel: "p99 duration (ms)",
                    seriesLabel: "predicted p99", categories: categories, values: c.points.map(\.p99Ms), kind: .line, format: .milliseconds,
                    highlights: highlights)),
        ]
    }

    /// One function's duration histogram.
    public static func durationHistogram(_ h: MonthReport.DurationHistogram) -> Named {
        let width = h.binWidthMs
        let categories = h.counts.indices.map { i -> String in
            let low = ChartSpec.trimmed(Double(i) * width)
            return i == h.counts.count - 1 ? "≥\(low)" : low
        }
        return Named(
            fileName: "\(slug(h.function))-duration.svg",
            chart: ChartSpec(
                title: "\(h.function): duration histogram", xLabel: "duration (ms, bin start; bins \(ChartSpec.trimmed(width)) ms wide)",
                yLabel: "invocations", seriesLabel: "invocations per bin", categories: categories, values: h.counts.map { Double($0) },
                kind: .bars, format: .count))
    }

    /// Every chart of the report, in the order the Markdown shows them.
    public static func all(_ r: MonthReport) -> [Named] {
        var out = [dailyCost(r)]
        for c in r.memoryCurves { out += memoryCharts(c) }
        out += r.durationHistograms.map(durationHistogram)
        return out
    }

    /// A file-name-safe form of a function name.
    public static func slug(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }
}
