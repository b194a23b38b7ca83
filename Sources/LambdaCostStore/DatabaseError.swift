/// An SQLite failure with SQLite's extended result code, its message and the SQL involved.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    /// SQLite's extended result code (e.g. 2067 for a UNIQUE constraint).
    public let code: Int32
    public let message: String
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " (in: \(sql.prefix(120)))" }
        return text
    }
}
