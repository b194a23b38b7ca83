/// One chart as data, drawn by ``SVGChart`` and ``MermaidChart``: a single series over evenly
/// spaced categories (what GitHub's Mermaid xychart can render), with categories to highlight.
public struct ChartSpec: Sendable, Hashable {
    /// How the series is drawn.
    public enum Kind: Sendable, Hashable {
        /// One bar per category.
        case bars
        /// A line through the categories, with a dot on each.
        case line
    }

    /// How y values and ticks are printed.
    public enum ValueFormat: Sendable, Hashable {
        /// US dollars with cents, or more decimals for small values.
        case usd
        /// Milliseconds.
        case milliseconds
        /// Whole counts.
        case count
    }

    /// A category to mark, with the legend text of its mark.
    public struct Highlight: Sendable, Hashable {
        /// Index into `categories`.
        public var index: Int
        /// Legend text, e.g. `current` or `recommended`.
        public var label: String
        /// Fill colour (`#rrggbb`).
        public var color: String

        /// Creates a highlight.
        public init(index: Int, label: String, color: String) {
            self.index = index
            self.label = label
            self.color = color
        }
    }

    /// Title above the chart.
    public var title: String
    /// Label of the x axis.
    public var xLabel: String
    /// Label of the y axis (with its unit).
    public var yLabel: String
    /// Legend text of the series.
    public var seriesLabel: String
    /// Category labels, left to right.
    public var categories: [String]
    /// One value per category.
    public var values: [Double]
    /// Bars or a line.
    public var kind: Kind
    /// How values are printed.
    public var format: ValueFormat
    /// Categories to mark.
    public var highlights: [Highlight]

    /// Creates a chart.
    public init(
        title: String, xLabel: String, yLabel: String, seriesLabel: String, categories: [String], values: [Double], kind: Kind,
        format: ValueFormat, highlights: [Highlight] = []
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.seriesLabel = seriesLabel
        self.categories = categories
        self.values = values
        self.kind = kind
        self.format = format
        self.highlights = highlights
    }

    /// A round axis maximum at or above the largest value, and its tick step (5 or so ticks).
    public var axis: (max: Double, step: Double) {
        let top = values.max() ?? 0
        guard top > 0 else { return (1, 0.2) }
        let raw = top / 5
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        return ((top / step).rounded(.up) * step, step)
    }

    /// A value printed for a tick or label.
    public func text(_ value: Double) -> String {
        switch format {
        case .usd:
            if value == 0 { return "$0" }
            return "$" + Display.fixed(value, value < 0.1 ? 3 : 2)
        case .milliseconds:
            return Display.fixed(value, value < 10 && value != 0 ? 1 : 0)
        case .count:
            return Display.grouped(Int64(value.rounded()))
        }
    }

    /// A value for Mermaid data (plain, no unit, enough decimals to keep small costs apart).
    public func plain(_ value: Double) -> String {
        switch format {
        case .usd: return Display.fixed(value, 4)
        case .milliseconds: return Display.fixed(value, 1)
        case .count: return String(Int64(value.rounded()))
        }
    }
}

extension ChartSpec {
    /// A number without trailing zeros: `250`, `12.5`.
    public static func trimmed(_ v: Double) -> String {
        v == v.rounded() ? String(Int64(v)) : Display.fixed(v, 1)
    }
}
