/// The facts of one Lambda `REPORT` line (or JSON `platform.report` record). Durations are exact
/// hundredths of a millisecond as printed; billed values are whole milliseconds.
public struct ReportLine: Sendable, Hashable {
    public var requestIDHash: UInt64 = 0
    public var durationCentiMs: Int64 = 0
    public var billedMs: Int64 = 0
    public var memoryMB: Int = 0
    public var maxMemoryUsedMB: Int = 0
    public var initCentiMs: Int64? = nil
    public var restoreCentiMs: Int64? = nil
    public var billedRestoreMs: Int64? = nil
    public var status: Status = .success

    /// The outcome the line reports.
    public enum Status: Sendable, Hashable {
        case success, error, timeout
    }

    public init() {}

    /// A 64-bit FNV-1a hash of a request id: stored instead of the id (8 bytes, sortable).
    @inline(__always)
    public static func hashRequestID(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    public static func hashRequestID(_ text: String) -> UInt64 {
        var s = text
        return s.withUTF8 { hashRequestID(UnsafeRawBufferPointer($0)) }
    }
}
