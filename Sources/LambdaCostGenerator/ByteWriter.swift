import Foundation
import LambdaCostCore

/// A buffered, append-only file writer that formats numbers straight into bytes, so that
/// multi-gigabyte exports stream to disk without building strings or whole files in memory.
/// A resource with a lifetime: call ``close()`` (the deinit flushes as a fallback but cannot report errors).
final class ByteWriter {
    private let handle: FileHandle
    private var buffer: [UInt8]
    private let capacity: Int
    private var closed = false
    /// Bytes written so far (buffered or flushed).
    private(set) var bytesWritten: Int64 = 0

    init(url: URL, capacity: Int = 1 << 20) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw LambdaCostError.io(message: "cannot create \(url.path)")
        }
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw LambdaCostError.io(message: "cannot open \(url.path): \(error)")
        }
        self.capacity = capacity
        buffer = []
        buffer.reserveCapacity(capacity + 4096)
    }

    deinit { if !closed { try? close() } }

    @inline(__always) private func didAppend(_ n: Int) throws {
        bytesWritten += Int64(n)
        if buffer.count >= capacity { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try buffer.withUnsafeBytes { try handle.write(contentsOf: $0) }
        } catch {
            throw LambdaCostError.io(message: "cannot write: \(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        guard !closed else { return }
        closed = true
        try flush()
        try handle.close()
    }

    func byte(_ b: UInt8) throws {
        buffer.append(b)
        try didAppend(1)
    }

    func text(_ s: StaticString) throws {
        let n = s.utf8CodeUnitCount
        s.withUTF8Buffer { buffer.append(contentsOf: $0) }
        try didAppend(n)
    }

    func text(_ s: String) throws {
        let before = buffer.count
        buffer.append(contentsOf: s.utf8)
        try didAppend(buffer.count - before)
    }

    func bytes(_ b: [UInt8]) throws {
        buffer.append(contentsOf: b)
        try didAppend(b.count)
    }

    /// A decimal integer.
    func int(_ value: Int64) throws {
        let before = buffer.count
        NumberFormat.appendInt(value, to: &buffer)
        try didAppend(buffer.count - before)
    }

    /// `value / 100` with exactly two decimals (durations kept as integer hundredths of a ms).
    func centi(_ value: Int64) throws {
        let before = buffer.count
        NumberFormat.appendCenti(value, to: &buffer)
        try didAppend(buffer.count - before)
    }

    /// A plain decimal (never exponent notation) with `significant` significant digits.
    func decimal(_ value: Double, significant: Int = 10) throws {
        let before = buffer.count
        NumberFormat.appendDecimal(value, significant: significant, to: &buffer)
        try didAppend(buffer.count - before)
    }

    /// `YYYY-MM-DDThh:mm:ss.mmmZ` (with `fraction`) or `YYYY-MM-DDThh:mm:ssZ`.
    func iso(millis: Int64, fraction: Bool) throws {
        let before = buffer.count
        NumberFormat.appendISO(millis: millis, fraction: fraction, zulu: true, to: &buffer)
        try didAppend(buffer.count - before)
    }

    /// `YYYY-MM-DDThh:mm:ss+00:00`, the AWS CLI v2 form.
    func isoOffset(millis: Int64) throws {
        let before = buffer.count
        NumberFormat.appendISO(millis: millis, fraction: false, zulu: false, to: &buffer)
        try didAppend(buffer.count - before)
    }
}
