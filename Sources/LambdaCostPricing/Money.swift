import Foundation

/// Display helpers for USD amounts. Figures are kept at full precision; only display rounds.
public enum Money {
    /// Rounds to cents, half up (away from zero), as AWS's worked examples round each line.
    /// A first rounding at 1e-6 cent removes binary noise so that 2.335 rounds to 2.34.
    public static func cents(_ amount: Double) -> Double {
        let scaled = (amount * 100 * 1_000_000).rounded() / 1_000_000
        return scaled.rounded(.toNearestOrAwayFromZero) / 100
    }

    /// `$1,234.57`-style text without grouping: `$1234.57`, negative as `-$0.10`.
    public static func format(_ amount: Double) -> String {
        let value = cents(amount)
        let magnitude = String(format: "%.2f", abs(value))
        return value < 0 ? "-$\(magnitude)" : "$\(magnitude)"
    }
}
