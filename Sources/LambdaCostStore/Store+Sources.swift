import LambdaCostCore

extension Store {
    private static let sourceColumns =
        "id, path, content_hash, format, size_bytes, rows_read, rows_kept, rows_duplicate, rows_rejected, coverage_start_ms, coverage_end_ms, coverage, ingested_at, options"

    private static func source(_ s: Statement) -> SourceRecord {
        SourceRecord(
            id: s.int64(0), path: s.string(1) ?? "", contentHash: s.string(2) ?? "", format: s.string(3) ?? "",
            sizeBytes: s.int64(4), rowsRead: s.int(5), rowsKept: s.int(6), rowsDuplicate: s.int(7), rowsRejected: s.int(8),
            coverageStartMs: s.isNull(9) ? nil : s.int64(9), coverageEndMs: s.isNull(10) ? nil : s.int64(10),
            coverage: s.string(11) ?? "", ingestedAt: s.string(12) ?? "", options: s.string(13) ?? "")
    }

    /// The source with this content hash, if that content was ingested before.
    public func source(contentHash: String) throws -> SourceRecord? {
        try database.rows("SELECT \(Self.sourceColumns) FROM sources WHERE content_hash = ?1", [.text(contentHash)], Self.source).first
    }

    /// Every source, oldest first.
    public func sources() throws -> [SourceRecord] {
        try database.rows("SELECT \(Self.sourceColumns) FROM sources ORDER BY id", [], Self.source)
    }

    /// Inserts a source row and returns its id (call inside the file's transaction).
    public func insertSource(_ r: SourceRecord) throws -> Int64 {
        try database.run(
            "INSERT INTO sources (path, content_hash, format, size_bytes, rows_read, rows_kept, rows_duplicate, rows_rejected, coverage_start_ms, coverage_end_ms, coverage, ingested_at, options) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            [
                .text(r.path), .text(r.contentHash), .text(r.format), .int(r.sizeBytes), .int(Int64(r.rowsRead)),
                .int(Int64(r.rowsKept)), .int(Int64(r.rowsDuplicate)), .int(Int64(r.rowsRejected)), SQLValue(r.coverageStartMs),
                SQLValue(r.coverageEndMs), .text(r.coverage), .text(r.ingestedAt), .text(r.options),
            ])
        return database.lastInsertRowID
    }

    /// Updates the counts and coverage of a source after its file has been read.
    public func updateSource(_ r: SourceRecord) throws {
        try database.run(
            "UPDATE sources SET content_hash = ?2, format = ?3, size_bytes = ?4, rows_read = ?5, rows_kept = ?6, rows_duplicate = ?7, rows_rejected = ?8, coverage_start_ms = ?9, coverage_end_ms = ?10, coverage = ?11 WHERE id = ?1",
            [
                .int(r.id), .text(r.contentHash), .text(r.format), .int(r.sizeBytes), .int(Int64(r.rowsRead)), .int(Int64(r.rowsKept)),
                .int(Int64(r.rowsDuplicate)), .int(Int64(r.rowsRejected)), SQLValue(r.coverageStartMs), SQLValue(r.coverageEndMs),
                .text(r.coverage),
            ])
    }

    /// Removes a source and every fact that came from it (foreign keys cascade).
    /// - Returns: false when no such source exists.
    public func forget(sourceID: Int64) throws -> Bool {
        try inTransaction {
            try database.run("DELETE FROM sources WHERE id = ?1", [.int(sourceID)])
            return database.changes > 0
        }
    }
}
