import LambdaCostCSQLite

/// `SQLITE_TRANSIENT`: SQLite copies the bound bytes before the bind call returns.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
/// `SQLITE_STATIC`: the bound bytes outlive the statement's next step.
let sqliteStatic = unsafeBitCast(0, to: sqlite3_destructor_type.self)

/// One SQLite connection (WAL mode) with a cache of prepared statements. Not thread-safe: one
/// connection per task. The only type in the project that touches SQLite's C API, with
/// ``Statement``.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    private var cache: [String: Statement] = [:]

    /// Opens (creating if needed) the database at `path`.
    /// - Throws: ``DatabaseError`` when the file cannot be opened.
    public init(path: String) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw DatabaseError(code: rc, message: message)
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, 5_000)
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA foreign_keys = ON")
        // A gigabyte file is one transaction; keep the WAL from staying gigabytes afterwards.
        try execute("PRAGMA journal_size_limit = 67108864")
        try execute("PRAGMA cache_size = -65536")
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    func error(_ code: Int32, sql: String?) -> DatabaseError {
        DatabaseError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// Runs SQL that returns no rows (may hold several statements: schema scripts).
    public func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? "error"
            sqlite3_free(errorMessage)
            throw DatabaseError(code: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// A cached prepared statement for exactly one SQL statement, reset and with bindings cleared.
    public func statement(_ sql: String) throws -> Statement {
        if let cached = cache[sql] {
            cached.reset()
            return cached
        }
        let statement = try Statement(database: self, sql: sql)
        cache[sql] = statement
        return statement
    }

    /// Drops a statement from the cache (after a failed step its state is suspect).
    func evict(_ sql: String) { cache[sql] = nil }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    public func inTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Truncates the WAL after a large commit.
    public func checkpoint() throws {
        try execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// `PRAGMA user_version`: the schema version.
    public var userVersion: Int {
        get throws { try scalarInt("PRAGMA user_version") ?? 0 }
    }

    public func setUserVersion(_ version: Int) throws { try execute("PRAGMA user_version = \(version)") }

    /// First column of the first row as an integer, nil when no row or NULL.
    public func scalarInt(_ sql: String, _ bindings: [SQLValue] = []) throws -> Int? {
        let s = try statement(sql)
        try s.bind(bindings)
        // Reset after reading: a statement left mid-result keeps its read transaction (and so an
        // old snapshot of the database) open.
        defer { s.reset() }
        guard try s.step(), !s.isNull(0) else { return nil }
        return Int(s.int64(0))
    }

    /// All rows of a query, mapped.
    public func rows<T>(_ sql: String, _ bindings: [SQLValue] = [], _ map: (Statement) throws -> T) throws -> [T] {
        let s = try statement(sql)
        try s.bind(bindings)
        var result: [T] = []
        while try s.step() { result.append(try map(s)) }
        return result
    }

    /// Runs one statement with bindings, no rows expected.
    public func run(_ sql: String, _ bindings: [SQLValue] = []) throws {
        let s = try statement(sql)
        try s.bind(bindings)
        while try s.step() {}
    }

    /// `PRAGMA integrity_check` result ("ok" when healthy).
    public func integrityCheck() throws -> String {
        try rows("PRAGMA integrity_check") { $0.string(0) ?? "" }.joined(separator: "; ")
    }
}

/// A value to bind to a statement parameter.
public enum SQLValue: Sendable, Hashable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])
}

extension SQLValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByFloatLiteral {
    public init(integerLiteral value: Int) { self = .int(Int64(value)) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(floatLiteral value: Double) { self = .double(value) }

    public init(_ value: Int?) { self = value.map { .int(Int64($0)) } ?? .null }
    public init(_ value: Int64?) { self = value.map { .int($0) } ?? .null }
    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    public init(_ value: Double?) { self = value.map { .double($0) } ?? .null }
}
