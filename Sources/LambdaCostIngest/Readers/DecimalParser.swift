import Foundation

/// Hand-written decimal parsing over bytes: billing files hold millions of numbers, and a
/// `String` plus `Double(_:)` per field costs more than the whole CSV scan.
public enum DecimalParser {
    /// Exact powers of ten a `Double` can hold; products with them are correctly rounded.
    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (also `.5` and `5.`); `nil` for anything
    /// else, including an empty buffer.
    ///
    /// Numbers with at most 19 significant digits and a small exponent take an exact fast path
    /// (Clinger's); the rest go through `strtod`, so results always match `Double(String)`.
    public static func double(_ bytes: UnsafeRawBufferPointer) -> Double? {
        let n = bytes.count
        if n == 0 { return nil }
        var i = 0
        var negative = false
        let first = bytes[0]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var significant = 0
        var exponent = 0
        var overflow = false
        while i < n, bytes[i] &- 48 < 10 {
            let d = UInt64(bytes[i] &- 48)
            if significant > 0 || d != 0 {
                if significant < 19 { mantissa = mantissa &* 10 &+ d } else { overflow = true; exponent += 1 }
                significant += 1
            }
            digits += 1
            i += 1
        }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, bytes[i] &- 48 < 10 {
                let d = UInt64(bytes[i] &- 48)
                if significant > 0 || d != 0 {
                    if significant < 19 {
                        mantissa = mantissa &* 10 &+ d
                        exponent -= 1
                    } else {
                        overflow = true
                    }
                    significant += 1
                } else {
                    exponent -= 1
                }
                digits += 1
                i += 1
            }
        }
        if digits == 0 { return nil }
        if i < n, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                expNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0
            var expDigits = 0
            while i < n, bytes[i] &- 48 < 10 {
                if e < 100_000 { e = e * 10 + Int(bytes[i] &- 48) }
                expDigits += 1
                i += 1
            }
            if expDigits == 0 { return nil }
            exponent += expNegative ? -e : e
        }
        if i != n { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if !overflow, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            var value = Double(mantissa)
            value = exponent < 0 ? value / exactPowers[-exponent] : value * exactPowers[exponent]
            return negative ? -value : value
        }
        return slowPath(bytes)
    }

    private static func slowPath(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var text = [CChar](repeating: 0, count: bytes.count + 1)
        for k in 0..<bytes.count { text[k] = CChar(bitPattern: bytes[k]) }
        return text.withUnsafeBufferPointer { buffer in
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            return value
        }
    }

    /// Parses an optionally signed decimal integer; `nil` for anything else or on overflow.
    public static func int64(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let n = bytes.count
        if n == 0 { return nil }
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        if i == n { return nil }
        var value: Int64 = 0
        while i < n {
            let d = bytes[i] &- 48
            if d >= 10 { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) =
                negative
                ? times.subtractingReportingOverflow(Int64(d)) : times.addingReportingOverflow(Int64(d))
            if o1 || o2 { return nil }
            value = plus
            i += 1
        }
        return value
    }
}
