/// What happened to one file: the line `ingest` prints and the JSON it emits.
public struct IngestResult: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable {
        /// Stored in the database.
        case ingested
        /// The same content was ingested before: nothing stored.
        case alreadyIngested = "already_ingested"
        /// Rejected as bad input: nothing stored.
        case failed
    }

    public var path: String
    public var format: String
    public var status: Status
    public var sourceID: Int64?
    public var rowsRead: Int
    public var rowsKept: Int
    public var rowsDuplicate: Int
    public var rowsRejected: Int
    public var seconds: Double
    /// The first few reasons rows were skipped (`--skip-bad-rows`) and other warnings.
    public var warnings: [String]

    public init(
        path: String, format: String, status: Status, sourceID: Int64? = nil, rowsRead: Int = 0, rowsKept: Int = 0,
        rowsDuplicate: Int = 0, rowsRejected: Int = 0, seconds: Double = 0, warnings: [String] = []
    ) {
        self.path = path
        self.format = format
        self.status = status
        self.sourceID = sourceID
        self.rowsRead = rowsRead
        self.rowsKept = rowsKept
        self.rowsDuplicate = rowsDuplicate
        self.rowsRejected = rowsRejected
        self.seconds = seconds
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case path, format, status
        case sourceID = "source_id"
        case rowsRead = "rows_read"
        case rowsKept = "rows_kept"
        case rowsDuplicate = "rows_duplicate"
        case rowsRejected = "rows_rejected"
        case seconds, warnings
    }
}
