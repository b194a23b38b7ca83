import Foundation
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

    /// What starts a REPORT record.
    static let marker: StaticString = "REPORT RequestId:"

    /// Offset of `REPORT RequestId:` in the line, or nil when the line is not a REPORT line. The
    /// marker is looked for in the first 64 bytes (after a timestamp or console prefix).
    @inline(__always)
    public static func reportOffset(_ line: UnsafeRawBufferPointer) -> Int? {
        let n = line.count
        let m = marker.utf8CodeUnitCount
        guard n >= m, let base = line.baseAddress else { return nil }
        let p = base.assumingMemoryBound(to: UInt8.self)
        let limit = min(n - m, 64)
        var i = 0
        while i <= limit {
            if p[i] == UInt8(ascii: "R"), memcmp(p + i, marker.utf8Start, m) == 0 { return i }
            i += 1
        }
        return nil
    }

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 || b == 10 }

    /// Whether `p[start..<start+length]` spells `key` (a compile-time constant: no lazy global).
    @inline(__always)
    private static func matches(_ p: UnsafePointer<UInt8>, _ start: Int, _ length: Int, _ key: StaticString) -> Bool {
        length == key.utf8CodeUnitCount && memcmp(p + start, key.utf8Start, length) == 0
    }

    /// The REPORT fields the parser reads.
    private enum Field {
        case duration, billed, memory, maxMemory, initDuration, restore, billedRestore, status, other
    }

    /// Identifies a key by its length and first letter, then confirms it byte by byte.
    @inline(__always)
    private static func field(_ p: UnsafePointer<UInt8>, _ start: Int, _ length: Int) -> Field {
        switch (length, p[start]) {
        case (8, UInt8(ascii: "D")): return matches(p, start, length, "Duration") ? .duration : .other
        case (15, UInt8(ascii: "B")): return matches(p, start, length, "Billed Duration") ? .billed : .other
        case (11, UInt8(ascii: "M")): return matches(p, start, length, "Memory Size") ? .memory : .other
        case (15, UInt8(ascii: "M")): return matches(p, start, length, "Max Memory Used") ? .maxMemory : .other
        case (13, UInt8(ascii: "I")): return matches(p, start, length, "Init Duration") ? .initDuration : .other
        case (16, UInt8(ascii: "R")): return matches(p, start, length, "Restore Duration") ? .restore : .other
        case (23, UInt8(ascii: "B")): return matches(p, start, length, "Billed Restore Duration") ? .billedRestore : .other
        case (6, UInt8(ascii: "S")): return matches(p, start, length, "Status") ? .status : .other
        default: return .other
        }
    }

    /// Parses the REPORT record that starts at `offset` (see ``reportOffset(_:)``).
    /// - Throws: ``Failure`` for a malformed line (a required field missing or not a number).
    public static func parse(_ line: UnsafeRawBufferPointer, at offset: Int) throws(Failure) -> ReportLine {
        let n = line.count
        guard let base = line.baseAddress else { throw Failure(column: 1, expected: "a REPORT line", found: "an empty line") }
        let p = base.assumingMemoryBound(to: UInt8.self)
        var pos = offset + marker.utf8CodeUnitCount
        while pos < n && isSpace(p[pos]) { pos += 1 }
        let idStart = pos
        while pos < n && !isSpace(p[pos]) { pos += 1 }
        guard pos > idStart else { throw Failure(column: idStart + 1, expected: "a request id after 'RequestId:'", found: "nothing") }
        var r = ReportLine()
        r.requestIDHash = ReportLine.hashRequestID(UnsafeRawBufferPointer(start: p + idStart, count: pos - idStart))
        var seen: UInt8 = 0  // bits: duration, billed, memory, max memory
        while pos < n {
            while pos < n && isSpace(p[pos]) { pos += 1 }
            if pos >= n { break }
            // Key: everything up to ": ".
            let keyStart = pos
            while pos < n && !(p[pos] == UInt8(ascii: ":") && (pos + 1 == n || isSpace(p[pos + 1]))) { pos += 1 }
            if pos >= n { break }  // trailing words without a value: ignore
            let keyEnd = pos
            pos += 1
            while pos < n && (p[pos] == 32 || p[pos] == 9) { pos += 1 }
            let valueStart = pos
            while pos < n && !isSpace(p[pos]) { pos += 1 }
            let valueEnd = pos
            // An optional unit word right after the value.
            var look = pos
            while look < n && (p[look] == 32 || p[look] == 9) { look += 1 }
            if look + 2 <= n, (p[look] == UInt8(ascii: "m") && p[look + 1] == UInt8(ascii: "s"))
                || (p[look] == UInt8(ascii: "M") && p[look + 1] == UInt8(ascii: "B")),
                look + 2 == n || isSpace(p[look + 2])
            {
                pos = look + 2
            }
            switch field(p, keyStart, keyEnd - keyStart) {
            case .duration:
                r.durationCentiMs = try centi(p, valueStart, valueEnd, "Duration")
                seen |= 1
            case .billed:
                r.billedMs = try whole(p, valueStart, valueEnd, "Billed Duration")
                seen |= 2
            case .memory:
                r.memoryMB = Int(try whole(p, valueStart, valueEnd, "Memory Size"))
                seen |= 4
            case .maxMemory:
                r.maxMemoryUsedMB = Int(try whole(p, valueStart, valueEnd, "Max Memory Used"))
                seen |= 8
            case .initDuration:
                r.initCentiMs = try centi(p, valueStart, valueEnd, "Init Duration")
            case .restore:
                r.restoreCentiMs = try centi(p, valueStart, valueEnd, "Restore Duration")
            case .billedRestore:
                r.billedRestoreMs = try whole(p, valueStart, valueEnd, "Billed Restore Duration")
            case .status:
                if matches(p, valueStart, valueEnd - valueStart, "timeout") {
                    r.status = .timeout
                } else if matches(p, valueStart, valueEnd - valueStart, "error") {
                    r.status = .error
                }
            case .other:
                break
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
    private static func centi(_ line: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ name: String) throws(Failure) -> Int64 {
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
                found: LambdaCostError.excerpt(String(decoding: UnsafeBufferPointer(start: line + start, count: end - start), as: UTF8.self)))
        }
        while places < 2 {
            fraction *= 10
            places += 1
        }
        return whole * 100 + fraction + (roundUp ? 1 : 0)
    }

    @inline(__always)
    private static func whole(_ line: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ name: String) throws(Failure) -> Int64 {
        var value: Int64 = 0
        var i = start
        while i < end, line[i] >= 48, line[i] <= 57, i - start < 18 {
            value = value * 10 + Int64(line[i] - 48)
            i += 1
        }
        guard i > start, i == end else {
            throw Failure(
                column: start + 1, expected: "a whole number after '\(name):'",
                found: LambdaCostError.excerpt(String(decoding: UnsafeBufferPointer(start: line + start, count: end - start), as: UTF8.self)))
        }
        return value
    }
}
