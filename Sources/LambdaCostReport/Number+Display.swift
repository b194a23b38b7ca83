import Foundation

/// Number formatting for people (tables, Markdown); JSON keeps full precision.
public enum Display {
    /// USD rounded half-up to cents: `$1,234.57`.
    public static func usd(_ value: Double) -> String {
        let cents = (abs(value) * 100 + 1e-9).rounded(.toNearestOrAwayFromZero)
        let whole = Int64(cents / 100)
        let fraction = Int64(cents) % 100
        let sign = value < 0 && cents > 0 ? "-" : ""
        return "\(sign)$\(grouped(whole)).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// An integer with thousands separators.
    public static func grouped(_ value: Int64) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }

    public static func grouped(_ value: Int) -> String { grouped(Int64(value)) }

    /// A number with a fixed count of decimals (no locale).
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// A fraction as a percentage with the given decimals: `0.0123` → `1.23%`.
    public static func percent(_ fraction: Double, _ decimals: Int = 2) -> String {
        fixed(fraction * 100, decimals) + "%"
    }
}
