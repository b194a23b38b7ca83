import LambdaCostCore
import LambdaCostStore

/// Reads one input format into the store, inside the file's transaction.
protocol FormatIngestor {
    /// Reads the whole source and stores its facts under `context.sourceID`.
    /// - Throws: ``LambdaCostError/badInput(file:line:column:expected:found:)`` for bad data.
    static func ingest(_ context: IngestContext) throws -> SourceReadout
}

/// What a format ingestor works with.
struct IngestContext {
    let store: Store
    /// The path as the user gave it (used in messages).
    let path: String
    let options: IngestOptions
    let sourceID: Int64
    /// The file's bytes, decompressed when gzip; hashed as they are read.
    let source: ByteSource
    let format: InputFormat
}

extension InputFormat {
    /// The ingestor that reads this format; each family keeps its own table.
    var ingestor: any FormatIngestor.Type {
        switch family {
        case .logs: return LogFormats.ingestor(for: self)
        case .metrics: return MetricFormats.ingestor(for: self)
        case .billing: return BillingFormats.ingestor(for: self)
        case .configuration: return ConfigurationFormats.ingestor(for: self)
        }
    }
}

/// Stands in for a format whose reader is not built yet: a clear error, never a silent skip.
enum UnsupportedFormatIngestor: FormatIngestor {
    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        throw LambdaCostError.badInput(
            file: context.path, line: 0, column: nil, expected: "a format this build can read",
            found: "\(context.format.rawValue), which is recognised but not supported yet")
    }
}
