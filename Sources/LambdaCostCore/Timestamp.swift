/// Fast parsing of the timestamp forms AWS exports use, without Foundation formatters
/// (BRIEF §7: `ISO8601DateFormatter` parses ~24k dates/s). All results are UTC.
public enum Timestamp {
    /// Parses, to milliseconds since 1970 (UTC):
    /// - ISO 8601 `2024-09-29T22:10:00+00:00`, `2014-04-09T11:18:00Z`, with optional fractional
    ///   seconds and any `±hh:mm`/`±hhmm` offset;
    /// - `2024-09-18 22:00:00` and `2025-07-29 20:09:02.638` (no zone: UTC);
    /// - a date alone `2024-09-18`;
    /// - epoch seconds or milliseconds as a number (values above 10^11 are milliseconds).
    /// Returns nil for anything else.
    public static func parseMillis(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let n = bytes.count
        guard n > 0 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let c = bytes[i]
            return c >= 48 && c <= 57 ? Int(c - 48) : nil
        }
        // Epoch numbers.
        if n < 5 || bytes[4] != UInt8(ascii: "-") {
            var value = 0.0
            var sawDigit = false
            var fraction = 0.0
            var scale = 1.0
            var inFraction = false
            for i in 0..<n {
                let c = bytes[i]
                if c >= 48 && c <= 57 {
                    sawDigit = true
                    if inFraction {
                        scale /= 10
                        fraction += Double(c - 48) * scale
                    } else {
                        value = value * 10 + Double(c - 48)
                    }
                } else if c == UInt8(ascii: ".") && !inFraction {
                    inFraction = true
                } else if c == UInt8(ascii: "E") || c == UInt8(ascii: "e") || c == UInt8(ascii: "+") {
                    return parseScientific(bytes)
                } else {
                    return nil
                }
            }
            guard sawDigit else { return nil }
            let v = value + fraction
            return v >= 1e11 ? Int64(v.rounded()) : Int64((v * 1000).rounded())
        }
        guard n >= 10, let y1 = digit(0), let y2 = digit(1), let y3 = digit(2), let y4 = digit(3),
            bytes[4] == UInt8(ascii: "-"), let mo1 = digit(5), let mo2 = digit(6), bytes[7] == UInt8(ascii: "-"),
            let d1 = digit(8), let d2 = digit(9)
        else { return nil }
        let year = y1 * 1000 + y2 * 100 + y3 * 10 + y4
        let month = mo1 * 10 + mo2
        let day = d1 * 10 + d2
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        var millis = CivilDate.epochDay(year: year, month: month, day: day) * 86_400_000
        if n == 10 { return millis }
        guard n >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            let h1 = digit(11), let h2 = digit(12), bytes[13] == UInt8(ascii: ":"), let m1 = digit(14), let m2 = digit(15)
        else { return nil }
        let hour = h1 * 10 + h2
        let minute = m1 * 10 + m2
        guard hour < 24, minute < 60 else { return nil }
        var i = 16
        var second = 0
        if i < n, bytes[i] == UInt8(ascii: ":") {
            guard i + 2 < n, let s1 = digit(i + 1), let s2 = digit(i + 2) else { return nil }
            second = s1 * 10 + s2
            guard second <= 60 else { return nil }
            i += 3
        }
        var fractionMillis = 0
        if i < n, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ",") {
            i += 1
            var place = 100
            let start = i
            while i < n, let d = digit(i) {
                fractionMillis += d * place
                place /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        millis += Int64(hour * 3_600_000 + minute * 60_000 + second * 1000 + fractionMillis)
        if i == n { return millis }
        let z = bytes[i]
        if z == UInt8(ascii: "Z") || z == UInt8(ascii: "z") { return i + 1 == n ? millis : nil }
        guard z == UInt8(ascii: "+") || z == UInt8(ascii: "-"), i + 3 <= n, let oh1 = digit(i + 1), let oh2 = digit(i + 2)
        else { return nil }
        var offsetMinutes = (oh1 * 10 + oh2) * 60
        var j = i + 3
        if j < n, bytes[j] == UInt8(ascii: ":") { j += 1 }
        if j + 2 <= n, let om1 = digit(j), let om2 = digit(j + 1) {
            offsetMinutes += om1 * 10 + om2
            j += 2
        }
        guard j == n else { return nil }
        if z == UInt8(ascii: "-") { offsetMinutes = -offsetMinutes }
        return millis - Int64(offsetMinutes) * 60_000
    }

    /// String convenience for ``parseMillis(_:)-(UnsafeRawBufferPointer)``.
    public static func parseMillis(_ text: some StringProtocol) -> Int64? {
        var s = String(text)
        return s.withUTF8 { parseMillis(UnsafeRawBufferPointer($0)) }
    }

    private static func parseScientific(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        guard let v = Double(String(decoding: bytes, as: UTF8.self)), v.isFinite, v >= 0 else { return nil }
        return v >= 1e11 ? Int64(v.rounded()) : Int64((v * 1000).rounded())
    }

    /// `YYYY-MM-DDThh:mm:ssZ` for milliseconds since 1970.
    public static func iso8601(millis: Int64) -> String {
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let civil = CivilDate(epochDay: day)
        let rest = Int(seconds - day * 86_400)
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(civil.iso)T\(pad(rest / 3600)):\(pad(rest / 60 % 60)):\(pad(rest % 60))Z"
    }
}
