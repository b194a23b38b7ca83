import Foundation
import LambdaCostCore

/// The LambdaCost database: opens (and migrates) the SQLite file and offers typed reads and
/// writes. Extensions add the tables of each data family (`Store+Invocations.swift`, …).
public final class Store {
    public let database: Database
    private var functionIDs: [FunctionIdentity: Int64] = [:]

    /// Opens the database at `path`, creating and migrating it forward as needed.
    /// - Throws: ``LambdaCostError/io(message:)`` when SQLite cannot open or migrate it.
    public init(path: String) throws {
        do {
            database = try Database(path: path)
            try migrate()
        } catch let error as DatabaseError {
            throw LambdaCostError.io(message: "database \(path): \(error)")
        }
    }

    private func migrate() throws {
        let version = try database.userVersion
        if version > Schema.currentVersion {
            throw LambdaCostError.io(
                message: "database \(database.path) has schema version \(version), newer than this lambdacost supports (\(Schema.currentVersion)); upgrade lambdacost")
        }
        for target in version..<Schema.currentVersion {
            try database.inTransaction {
                try database.execute(Schema.migrations[target])
                // Data a SQL script cannot derive (merged histogram blobs) is rebuilt in Swift.
                if target == 1 { try rebuildMonthRollups() }
                try database.setUserVersion(target + 1)
            }
        }
    }

    /// The schema version of the open database.
    public var schemaVersion: Int { (try? database.userVersion) ?? 0 }

    /// WAL size above which a commit is followed by a truncating checkpoint.
    static let walTruncateBytes = 64 << 20

    /// Runs `body` in one transaction (rolled back when it throws); truncates a large WAL after.
    public func inTransaction<T>(_ body: () throws -> T) throws -> T {
        let result: T
        do {
            result = try database.inTransaction(body)
        } catch let error as DatabaseError {
            functionIDs.removeAll()
            throw LambdaCostError.io(message: "database \(database.path): \(error)")
        } catch {
            // Ids cached inside the rolled-back transaction may not exist any more.
            functionIDs.removeAll()
            throw error
        }
        // A large file's transaction leaves a large WAL: truncate it then (BRIEF §7); small ones
        // are left to SQLite's automatic checkpoints, which cost nothing extra per file.
        let walSize = (try? FileManager.default.attributesOfItem(atPath: database.path + "-wal")[.size] as? Int) ?? 0
        if walSize > Self.walTruncateBytes { try? database.checkpoint() }
        return result
    }

    /// The row id of a function, inserted when new.
    ///
    /// REPORT lines carry no account, bills and configuration exports do. So that both describe
    /// the same function whichever came first, an identity without an account resolves to the one
    /// function of that Region and name with a known account, and a function first seen without
    /// an account adopts the account when it later appears (unless that would be ambiguous).
    public func functionID(_ identity: FunctionIdentity) throws -> Int64 {
        if let id = functionIDs[identity] { return id }
        let id: Int64
        if let exact = try lookupFunction(identity) {
            id = exact
        } else if identity.account.isEmpty,
            let only = try database.rows(
                "SELECT id FROM functions WHERE region = ?1 AND name = ?2 AND account <> '' LIMIT 2",
                [.text(identity.region), .text(identity.name)], { $0.int64(0) }).onlyElement
        {
            id = only
        } else if !identity.account.isEmpty,
            let unknown = try lookupFunction(FunctionIdentity(account: "", region: identity.region, name: identity.name))
        {
            try database.run("UPDATE functions SET account = ?1 WHERE id = ?2", [.text(identity.account), .int(unknown)])
            functionIDs = functionIDs.filter { $0.value != unknown }
            id = unknown
        } else {
            try database.run(
                "INSERT INTO functions (account, region, name) VALUES (?1, ?2, ?3)",
                [.text(identity.account), .text(identity.region), .text(identity.name)])
            id = database.lastInsertRowID
        }
        functionIDs[identity] = id
        return id
    }

    private func lookupFunction(_ identity: FunctionIdentity) throws -> Int64? {
        let s = try database.statement("SELECT id FROM functions WHERE account = ?1 AND region = ?2 AND name = ?3")
        try s.bind([.text(identity.account), .text(identity.region), .text(identity.name)])
        guard try s.step() else { return nil }
        let id = s.int64(0)
        s.reset()
        return id
    }

    /// All functions known to the database, keyed by row id.
    public func functions() throws -> [Int64: FunctionIdentity] {
        var result: [Int64: FunctionIdentity] = [:]
        for (id, identity) in try database.rows("SELECT id, account, region, name FROM functions", [], {
            ($0.int64(0), FunctionIdentity(account: $0.string(1) ?? "", region: $0.string(2) ?? "", name: $0.string(3) ?? ""))
        }) {
            result[id] = identity
        }
        return result
    }
}

extension Array {
    /// The element of a one-element array, else nil.
    var onlyElement: Element? { count == 1 ? first : nil }
}
