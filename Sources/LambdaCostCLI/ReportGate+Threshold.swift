import Foundation
import LambdaCostCore
import LambdaCostReport

/// The CI threshold of BRIEF §6 (`25` USD, `10%` percent), shared by `report` and `check`.
typealias Threshold = ReportGate.Threshold

extension ReportGate.Threshold: CustomStringConvertible {
    /// Reads `--name` from the arguments as a threshold.
    static func option(_ name: String, in a: ParsedArguments) throws -> Threshold? {
        guard let text = a.value(name) else { return nil }
        guard let t = Threshold(parsing: text) else {
            throw LambdaCostError.usage(message: "--\(name) takes an amount in USD (25) or a percentage (10%), not '\(text)'", command: a.command)
        }
        return t
    }

    /// Whether an increase from `before` to `after` exceeds the threshold; for a percentage with
    /// a zero base, any increase does.
    func exceeded(before: Double, after: Double) -> Bool {
        let increase = after - before
        switch self {
        case .usd(let limit): return increase > limit
        case .percent(let limit): return before > 0 ? increase / before * 100 > limit : increase > 0
        }
    }

    public var description: String {
        switch self {
        case .usd(let v): return Display.usd(v)
        case .percent(let v): return "\(Display.fixed(v, v == v.rounded() ? 0 : 2))%"
        }
    }
}
