import Foundation
import LambdaCostCore

/// Locale-free number and date formatting into byte buffers (one `String` per field would cost
/// more than the whole rest of a CUR row).
public enum NumberFormat {
    /// Appends a decimal integer.
    public static func appendInt(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 {
            out.append(UInt8(ascii: "-"))
            // Int64.min cannot be negated; the generator never writes it.
            appendUnsigned(UInt64(-value), to: &out)
        } else {
            appendUnsigned(UInt64(value), to: &out)
        }
    }

    static func appendUnsigned(_ value: UInt64, to out: inout [UInt8]) {
        if value < 10 {
            out.append(48 + UInt8(value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = value
        var n = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            while v > 0 {
                raw[n] = 48 + UInt8(v % 10)
                v /= 10
                n += 1
            }
            for i in stride(from: n - 1, through: 0, by: -1) { out.append(raw[i]) }
        }
    }

    /// Appends `value / 100` with exactly two decimals.
    public static func appendCenti(_ value: Int64, to out: inout [UInt8]) {
        var v = value
        if v < 0 {
            out.append(UInt8(ascii: "-"))
            v = -v
        }
        appendUnsigned(UInt64(v / 100), to: &out)
        out.append(UInt8(ascii: "."))
        let f = v % 100
        out.append(48 + UInt8(f / 10))
        out.append(48 + UInt8(f % 10))
    }

    /// Appends `value` rounded to `significant` significant digits as a plain decimal without
    /// exponent or trailing zeros (`0.0000166667`, `1234.5`, `0`).
    public static func appendDecimal(_ value: Double, significant: Int, to out: inout [UInt8]) {
        guard value.isFinite, value != 0 else {
            out.append(UInt8(ascii: "0"))
            return
        }
        var v = value
        if v < 0 {
            out.append(UInt8(ascii: "-"))
            v = -v
        }
        let sig = min(max(significant, 1), 17)
        var exponent = Int(floor(log10(v)))
        let scaled = (v * pow10(sig - 1 - exponent)).rounded()
        // Subnormal inputs scale past Double's range; they print as zero.
        guard scaled.isFinite, scaled < 1.8e19 else {
            out.append(UInt8(ascii: "0"))
            return
        }
        var mantissa = UInt64(scaled)
        let limit = UInt64(pow10(sig))
        if mantissa >= limit {
            mantissa /= 10
            exponent += 1
        } else if mantissa < limit / 10 {
            // log10 rounding put the exponent one too high.
            exponent -= 1
            mantissa = UInt64((v * pow10(sig - 1 - exponent)).rounded())
        }
        // Drop trailing zeros; `count` digits remain, the first worth 10^exponent.
        var m = mantissa
        var count = sig
        while count > 1 && m % 10 == 0 {
            m /= 10
            count -= 1
        }
        @inline(__always) func digit(_ i: Int) -> UInt8 { 48 + UInt8((m / powers[count - 1 - i]) % 10) }
        if exponent < 0 {
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            for _ in 0..<(-exponent - 1) { out.append(UInt8(ascii: "0")) }
            for i in 0..<count { out.append(digit(i)) }
        } else {
            for i in 0...exponent { out.append(i < count ? digit(i) : UInt8(ascii: "0")) }
            if count > exponent + 1 {
                out.append(UInt8(ascii: "."))
                for i in (exponent + 1)..<count { out.append(digit(i)) }
            }
        }
    }

    /// 10^0 … 10^19, so digit extraction needs no allocation.
    private static let powers: [UInt64] = (0..<20).map { e in (0..<e).reduce(UInt64(1)) { acc, _ in acc * 10 } }

    @inline(__always) private static func pow10(_ e: Int) -> Double {
        Foundation.pow(10.0, Double(e))
    }

    /// `value` as a plain decimal string with `significant` significant digits.
    public static func decimal(_ value: Double, significant: Int = 10) -> String {
        var out = [UInt8]()
        appendDecimal(value, significant: significant, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends an ISO-8601 UTC instant: `2026-11-03T14:05:09.123Z` (`fraction`), `…:09Z`, or
    /// `…:09+00:00` when not `zulu`.
    public static func appendISO(millis: Int64, fraction: Bool, zulu: Bool, to out: inout [UInt8]) {
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let civil = CivilDate(epochDay: day)
        let rest = Int(seconds - day * 86_400)
        @inline(__always) func two(_ v: Int) {
            out.append(48 + UInt8(v / 10))
            out.append(48 + UInt8(v % 10))
        }
        two(civil.year / 100)
        two(civil.year % 100)
        out.append(UInt8(ascii: "-"))
        two(civil.month)
        out.append(UInt8(ascii: "-"))
        two(civil.day)
        out.append(UInt8(ascii: "T"))
        two(rest / 3600)
        out.append(UInt8(ascii: ":"))
        two(rest / 60 % 60)
        out.append(UInt8(ascii: ":"))
        two(rest % 60)
        if fraction {
            let ms = Int(millis - seconds * 1000)
            out.append(UInt8(ascii: "."))
            out.append(48 + UInt8(ms / 100))
            two(ms % 100)
        }
        if zulu {
            out.append(UInt8(ascii: "Z"))
        } else {
            out.append(contentsOf: "+00:00".utf8)
        }
    }

    /// An ISO-8601 UTC instant as a string (see ``appendISO(millis:fraction:zulu:to:)``).
    public static func iso(millis: Int64, fraction: Bool = false, zulu: Bool = true) -> String {
        var out = [UInt8]()
        appendISO(millis: millis, fraction: fraction, zulu: zulu, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
