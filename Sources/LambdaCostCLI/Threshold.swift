import Foundation
import LambdaCostCore
import LambdaCostReport

/// A CI gate threshold (BRIEF §6): `25` is an amount in USD, `10%` a percentage.
struct Threshold: Sendable, Equatable, CustomStringConvertible {
    enum Kind: Sendable, Equatable {
        case usd(Double)
        case percent(Double)
    }

    let kind: Kind

    /// Parses `25`, `25.5` or `10%`.
    init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") {
            guard let v = Double(trimmed.dropLast()), v.isFinite, v >= 0 else { return nil }
            kind = .percent(v)
        } else {
            guard let v = Double(trimmed), v.isFinite, v >= 0 else { return nil }
            kind = .usd(v)
        }
    }

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
        switch kind {
        case .usd(let limit): return increase > limit
        case .percent(let limit): return before > 0 ? increase / before * 100 > limit : increase > 0
        }
    }

    var description: String {
        switch kind {
        case .usd(let v): return Display.usd(v)
        case .percent(let v): return "\(Display.fixed(v, v == v.rounded() ? 0 : 2))%"
        }
    }
}
