/// A CI gate over a ``MonthReport``: trips when savings, cost or the month-on-month increase
/// exceed a threshold, and says which and by how much in one line.
public enum ReportGate: Sendable, Hashable {
    /// A limit in USD or in percent.
    public enum Threshold: Sendable, Hashable {
        /// US dollars per month.
        case usd(Double)
        /// Percent (25 = 25%).
        case percent(Double)

        /// Parses `25` (USD) or `10%` (percent); nil when malformed or negative.
        public init?(parsing text: String) {
            let trimmed = text.hasSuffix("%") ? String(text.dropLast()) : text
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isNumber || $0 == "." }), let v = Double(trimmed), v.isFinite, v >= 0 else {
                return nil
            }
            self = text.hasSuffix("%") ? .percent(v) : .usd(v)
        }
    }

    /// Expected potential savings above USD.
    case savingsAbove(Double)
    /// Total cost above USD.
    case costAbove(Double)
    /// Increase over the previous month above USD or percent.
    case costIncreaseAbove(Threshold)

    /// The one-line message when the gate trips, nil when it passes.
    public func check(_ r: MonthReport) -> String? {
        let h = r.headline
        switch self {
        case .savingsAbove(let limit):
            guard h.savingsUSD.expected > limit else { return nil }
            return "gate --fail-if-savings-above \(Display.usd(limit)) tripped: potential savings \(Display.usd(h.savingsUSD.expected))/month exceed it by \(Display.usd(h.savingsUSD.expected - limit))"
        case .costAbove(let limit):
            guard h.totalUSD > limit else { return nil }
            return "gate --fail-if-cost-above \(Display.usd(limit)) tripped: cost \(Display.usd(h.totalUSD))/month exceeds it by \(Display.usd(h.totalUSD - limit))"
        case .costIncreaseAbove(let threshold):
            guard let change = h.changeUSD, let previous = h.previousTotalUSD else { return nil }
            switch threshold {
            case .usd(let limit):
                guard change > limit else { return nil }
                return "gate --fail-if-cost-increase-above \(Display.usd(limit)) tripped: cost rose \(Display.usd(change)) (\(Display.usd(previous)) → \(Display.usd(h.totalUSD))), \(Display.usd(change - limit)) over the limit"
            case .percent(let limit):
                let fraction = h.changeFraction ?? (change > 0 ? .infinity : 0)
                guard fraction * 100 > limit else { return nil }
                let rose = fraction.isFinite ? Display.percent(fraction, 1) : "from zero"
                let over = fraction.isFinite ? ", \(Display.fixed(fraction * 100 - limit, 1)) points over the limit" : ""
                return "gate --fail-if-cost-increase-above \(Display.fixed(limit, 1))% tripped: cost rose \(rose) (\(Display.usd(previous)) → \(Display.usd(h.totalUSD)))\(over)"
            }
        }
    }
}
