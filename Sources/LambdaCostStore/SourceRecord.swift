/// One ingested file: where it came from, what it was and what it covered.
public struct SourceRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var path: String
    public var contentHash: String
    public var format: String
    public var sizeBytes: Int64
    public var rowsRead: Int
    public var rowsKept: Int
    public var rowsDuplicate: Int
    public var rowsRejected: Int
    /// First and last instant covered (ms since 1970), when known.
    public var coverageStartMs: Int64?
    public var coverageEndMs: Int64?
    /// Human-readable coverage (functions, streams).
    public var coverage: String
    /// When it was ingested (ISO 8601, UTC).
    public var ingestedAt: String
    /// The flags that shaped the ingest (e.g. `--function x --month 2026-10`).
    public var options: String

    public init(
        id: Int64 = 0, path: String, contentHash: String, format: String, sizeBytes: Int64, rowsRead: Int = 0,
        rowsKept: Int = 0, rowsDuplicate: Int = 0, rowsRejected: Int = 0, coverageStartMs: Int64? = nil,
        coverageEndMs: Int64? = nil, coverage: String = "", ingestedAt: String, options: String = ""
    ) {
        self.id = id
        self.path = path
        self.contentHash = contentHash
        self.format = format
        self.sizeBytes = sizeBytes
        self.rowsRead = rowsRead
        self.rowsKept = rowsKept
        self.rowsDuplicate = rowsDuplicate
        self.rowsRejected = rowsRejected
        self.coverageStartMs = coverageStartMs
        self.coverageEndMs = coverageEndMs
        self.coverage = coverage
        self.ingestedAt = ingestedAt
        self.options = options
    }
}
