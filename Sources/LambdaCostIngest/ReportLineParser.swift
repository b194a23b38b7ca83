import LambdaCostCore

/// Parses Lambda `REPORT RequestId: …` lines in every spacing AWS and its docs use (tabs, runs of
/// spaces, a space before a tab), with unknown `Key: value` fields accepted and skipped.
///
/// Works on the line's bytes: no `String` is made per field, so it keeps up with millions of
/// lines per second.
public enum ReportLineParser {
    /// Why a REPORT line could not be parsed: the 1-based column and what was expected/found.
    public struct Failure: Error, Sendable {
        public let column: Int
        public let expected: String
        public let found: String
    }

    static let marker = Array("REPORT RequestId:".utf8)

    /// Offset of `REPORT RequestId:` in the line, or nil when the line is not a REPORT line.
    @inline(__always)
    public static func reportOffset(_ line: UnsafeRawBufferPointer) -> Int? {
        let n = line.count
        let m = marker.count
        guard n >= m else { return nil }
        // Fast path: the marker at the start, or after a timestamp/console prefix (first 40 bytes).
        let limit = min(n - m, 64)
        var i = 0
        while i <= limit {
            if line[i] == UInt8(ascii: "R") {
                var j = 1
                while j < m && line[i + j] == marker[j] { j += 1 }
                if j == m { return i }
            }
            i += 1
        }
        return nil
    }

    private static let keyDuration = Array("Duration".utf8)
    private static let keyBilled = Array("Billed Duration".utf8)
    private static let keyMemory = Array("Memory Size".utf8)
    private static let keyMaxMemory = Array("Max Memory Used".utf8)
    private static let keyInit = Array("Init Duration".utf8)
    private static let keyRestore = Array("Restore Duration".utf8)
    private static let keyBilledRestore = Array("Billed Restore Duration".utf8)
    private static let keyStatus = Array("Status".utf8)

    @inline(__always)
    private static func equal(_ line: UnsafeRawBufferPointer, _ start: Int, _ end: Int, _ key: [UInt8]) -> Bool {
        guard end - start == key.count else { return false }
        var i = 0
        while i < key.count {
            if line[start + i] != key[i] { return false }
            i += 1
        }
        return true
    }

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 || b == 10 }

    /// Parses the REPORT record that starts at `offset` (see ``reportOffset(_:)``).
    /// - Throws: ``Failure`` for a malformed line (a required field missing or not a number).
    public static func parse(_ line: UnsafeRawBufferPointer, at offset: Int) throws(Failure) -> ReportLine {
        let n = line.count
        var pos = offset + marker.count
        while pos < n && isSpace(line[pos]) { pos += 1 }
        let idStart = pos
        while pos < n && !isSpace(line[pos]) { pos += 1 }
        guard pos > idStart else { throw Failure(column: idStart + 1, expected: "a request id after 'RequestId:'", found: "nothing") }
        var r = ReportLine()
        r.requestIDHash = ReportLine.hashRequestID(UnsafeRawBufferPointer(rebasing: line[idStart..<pos]))
        var seen: UInt8 = 0  // bits: duration, billed, memory, max memory
        while pos < n {
            while pos < n && isSpace(line[pos]) { pos += 1 }
            if pos >= n { break }
            // Key: everything up to ": ".
            let keyStart = pos
            while pos < n && !(line[pos] == UInt8(ascii: ":") && (pos + 1 == n || isSpace(line[pos + 1]))) { pos += 1 }
            if pos >= n { break }  // trailing words without a value: ignore
            let keyEnd = pos
            pos += 1
            while pos < n && (line[pos] == 32 || line[pos] == 9) { pos += 1 }
            let valueStart = pos
            while pos < n && !isSpace(line[pos]) { pos += 1 }
            let valueEnd = pos
            // An optional unit word right after the value.
            var look = pos
            while look < n && (line[look] == 32 || line[look] == 9) { look += 1 }
            if look + 2 <= n, (line[look] == UInt8(ascii: "m") && line[look + 1] == UInt8(ascii: "s"))
                || (line[look] == UInt8(ascii: "M") && line[look + 1] == UInt8(ascii: "B")),
                look + 2 == n || isSpace(line[look + 2])
            {
                pos = look + 2
            }
            if equal(line, keyStart, keyEnd, keyDuration) {
                r.durationCentiMs = try centi(line, valueStart, valueEnd, "Duration")
                seen |= 1
            } else if equal(line, keyStart, keyEnd, keyBilled) {
                r.billedMs = try whole(line, valueStart, valueEnd, "Billed Duration")
                seen |= 2
            } else if equal(line, keyStart, keyEnd, keyMemory) {
                r.memoryMB = Int(try whole(line, valueStart, valueEnd, "Memory Size"))
                seen |= 4
            } else if equal(line, keyStart, keyEnd, keyMaxMemory) {
                r.maxMemoryUsedMB = Int(try whole(line, valueStart, valueEnd, "Max Memory Used"))
                seen |= 8
            } else if equal(line, keyStart, keyEnd, keyInit) {
                r.initCentiMs = try centi(line, valueStart, valueEnd, "Init Duration")
            } else if equal(line, keyStart, keyEnd, keyRestore) {
                r.restoreCentiMs = try centi(line, valueStart, valueEnd, "Restore Duration")
            } else if equal(line, keyStart, keyEnd, keyBilledRestore) {
                r.billedRestoreMs = try whole(line, valueStart, valueEnd, "Billed Restore Duration")
            } else if equal(line, keyStart, keyEnd, keyStatus) {
                let v = UnsafeRawBufferPointer(rebasing: line[valueStart..<valueEnd])
                if v.elementsEqual("timeout".utf8) {
                    r.status = .timeout
                } else if v.elementsEqual("error".utf8) {
                    r.status = .error
                }
            }
        }
        if seen != 15 {
            let missing = [(1, "Duration"), (2, "Billed Duration"), (4, "Memory Size"), (8, "Max Memory Used")]
                .filter { seen & UInt8($0.0) == 0 }.map { "'\($0.1): …'" }
            throw Failure(
                column: offset + 1, expected: "REPORT fields \(missing.joined(separator: ", "))",
                found: "a REPORT line without them")
        }
        return r
    }

    /// A decimal number of milliseconds as exact hundredths (more digits round half up).
    @inline(__always)
    private static func centi(_ line: UnsafeRawBufferPointer, _ start: Int, _ end: Int, _ name: String) throws(Failure) -> Int64 {
        var whole: Int64 = 0
        var i = start
        var digits = 0
        while i < end, line[i] >= 48, line[i] <= 57 {
            whole = whole * 10 + Int64(line[i] - 48)
            i += 1
            digits += 1
        }
        var fraction: Int64 = 0
        var places = 0
        var roundUp = false
        if i < end, line[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, line[i] >= 48, line[i] <= 57 {
                if places < 2 {
                    fraction = fraction * 10 + Int64(line[i] - 48)
                } else if places == 2 {
                    roundUp = line[i] >= 53
                }
                places += 1
                digits += 1
                i += 1
            }
        }
        guard digits > 0, i == end else {
            throw Failure(
                column: start + 1, expected: "a number of milliseconds after '\(name):'",
                found: LambdaCostError.excerpt(String(decoding: UnsafeRawBufferPointer(rebasing: line[start..<end]), as: UTF8.self)))
        }
        while places < 2 {
            fraction *= 10
            places += 1
        }
        return whole * 100 + fraction + (roundUp ? 1 : 0)
    }

    @inline(__always)
    private static func whole(_ line: UnsafeRawBufferPointer, _ start: Int, _ end: Int, _ name: String) throws(Failure) -> Int64 {
        var value: Int64 = 0
        var i = start
        while i < end, line[i] >= 48, line[i] <= 57, i - start < 18 {
            value = value * 10 + Int64(line[i] - 48)
            i += 1
        }
        guard i > start, i == end else {
            throw Failure(
                column: start + 1, expected: "a whole number after '\(name):'",
                found: LambdaCostError.excerpt(String(decoding: UnsafeRawBufferPointer(rebasing: line[start..<end]), as: UTF8.self)))
        }
        return value
    }
}
