import LambdaCostCore

/// Configuration observations (`function_configs`, `account_settings`, `log_groups`).
///
/// Each row keeps the time it was observed, so an analysis of a month uses the configuration in
/// force then: the latest observation at or before the month's end, or, when the database has
/// none that early, the earliest one after it (the best evidence there is).
extension Store {
    // MARK: Writes (inside the file's transaction)

    /// Stores one function's configuration from a source. A second row for the same function from
    /// the same source (a `list-functions` page listing it twice) replaces the first.
    public func insertFunctionConfiguration(_ r: FunctionConfigurationRecord, sourceID: Int64) throws {
        let id = try functionID(r.identity)
        let s = try database.statement(
            """
            INSERT OR REPLACE INTO function_configs (source_id, function_id, observed_at_ms, memory_mb, timeout_s, arch,
              ephemeral_storage_mb, runtime, package_type, tracing_mode, dlq_target, log_format, log_group, snap_start,
              reserved_concurrency, reserved_known, provisioned_concurrency)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
            """)
        try s.bind([
            .int(sourceID), .int(id), .int(r.observedAtMs), SQLValue(r.memoryMB), SQLValue(r.timeoutSeconds),
            SQLValue(r.arch?.rawValue), SQLValue(r.ephemeralStorageMB), SQLValue(r.runtime), SQLValue(r.packageType),
            SQLValue(r.tracingMode), SQLValue(r.dlqTarget), SQLValue(r.logFormat), SQLValue(r.logGroup), SQLValue(r.snapStart),
            SQLValue(r.reservedConcurrency), .int(r.reservedKnown ? 1 : 0), SQLValue(r.provisionedConcurrency),
        ])
        try s.step()
    }

    /// Stores an account's concurrency settings from a source.
    public func insertAccountSettings(_ r: AccountSettingsRecord, sourceID: Int64) throws {
        try database.run(
            """
            INSERT OR REPLACE INTO account_settings (source_id, account, region, observed_at_ms, concurrency_limit, unreserved_concurrency)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            """,
            [
                .int(sourceID), .text(r.account), .text(r.region), .int(r.observedAtMs), SQLValue(r.concurrencyLimit),
                SQLValue(r.unreservedConcurrency),
            ])
    }

    /// Stores one log group from a source; `function` links it to a function when known.
    public func insertLogGroup(_ r: LogGroupRecord, sourceID: Int64) throws {
        let linkedID: Int64? = try r.function.map { try self.functionID($0) }
        let s = try database.statement(
            """
            INSERT OR REPLACE INTO log_groups (source_id, account, region, name, function_id, observed_at_ms, retention_days,
              stored_bytes, log_class)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """)
        try s.bind([
            .int(sourceID), .text(r.account), .text(r.region), .text(r.name), SQLValue(linkedID), .int(r.observedAtMs),
            SQLValue(r.retentionDays), SQLValue(r.storedBytes), SQLValue(r.logClass),
        ])
        try s.step()
    }

    /// The function whose latest stored configuration names `logGroup` as its custom log group.
    public func function(writingTo logGroup: String, account: String, region: String) throws -> FunctionIdentity? {
        try database.rows(
            """
            SELECT f.account, f.region, f.name FROM function_configs c JOIN functions f ON f.id = c.function_id
            WHERE c.log_group = ?1 AND f.region = ?3 AND (f.account = ?2 OR ?2 = '' OR f.account = '')
            ORDER BY c.observed_at_ms DESC, c.source_id DESC LIMIT 1
            """, [.text(logGroup), .text(account), .text(region)]
        ) { FunctionIdentity(account: $0.string(0) ?? "", region: $0.string(1) ?? "", name: $0.string(2) ?? "") }.first
    }

    // MARK: Reads

    /// The configuration of every function as of `month`: for each setting, the latest observation
    /// at or before the month's end, else the earliest after it. Sources that observed only some
    /// settings (`get-function-concurrency`, provisioned-concurrency lists) merge with the rest.
    public func configuration(asOf month: Month) throws -> [FunctionIdentity: FunctionConfigurationRecord] {
        let endMs = month.endEpochSeconds * 1000
        let rows = try database.rows(
            """
            SELECT f.account, f.region, f.name, c.observed_at_ms, c.memory_mb, c.timeout_s, c.arch, c.ephemeral_storage_mb,
              c.runtime, c.package_type, c.tracing_mode, c.dlq_target, c.log_format, c.log_group, c.snap_start,
              c.reserved_concurrency, c.reserved_known, c.provisioned_concurrency
            FROM function_configs c JOIN functions f ON f.id = c.function_id
            ORDER BY c.observed_at_ms, c.source_id
            """
        ) { s in
            FunctionConfigurationRecord(
                identity: FunctionIdentity(account: s.string(0) ?? "", region: s.string(1) ?? "", name: s.string(2) ?? ""),
                observedAtMs: s.int64(3), memoryMB: s.optionalInt(4), timeoutSeconds: s.optionalInt(5),
                arch: s.string(6).flatMap(Architecture.init(rawValue:)), ephemeralStorageMB: s.optionalInt(7), runtime: s.string(8),
                packageType: s.string(9), tracingMode: s.string(10), dlqTarget: s.string(11), logFormat: s.string(12),
                logGroup: s.string(13), snapStart: s.string(14), reservedConcurrency: s.optionalInt(15),
                reservedKnown: s.int(16) != 0, provisionedConcurrency: s.optionalInt(17))
        }
        var byFunction: [FunctionIdentity: [FunctionConfigurationRecord]] = [:]
        for row in rows { byFunction[row.identity, default: []].append(row) }
        var result: [FunctionIdentity: FunctionConfigurationRecord] = [:]
        for (identity, observations) in byFunction {
            // Later overlays win: first the observations after the month, latest first (so the
            // earliest of them wins), then those in force by the month's end, oldest first.
            let after = observations.filter { $0.observedAtMs >= endMs }
            let before = observations.filter { $0.observedAtMs < endMs }
            var merged = FunctionConfigurationRecord(identity: identity, observedAtMs: Int64.min)
            for r in after.reversed() { merged = merged.overlaid(with: r) }
            if let latestAfter = after.first?.observedAtMs, before.isEmpty { merged.observedAtMs = latestAfter }
            for r in before { merged = merged.overlaid(with: r) }
            if !before.isEmpty { merged.observedAtMs = before.last!.observedAtMs }
            result[identity] = merged
        }
        return result
    }

    /// Account concurrency settings per (account, Region) as of `month` (see ``configuration(asOf:)``).
    public func accountSettings(asOf month: Month) throws -> [AccountSettingsRecord] {
        let rows = try database.rows(
            "SELECT account, region, observed_at_ms, concurrency_limit, unreserved_concurrency FROM account_settings ORDER BY observed_at_ms, source_id"
        ) {
            AccountSettingsRecord(
                account: $0.string(0) ?? "", region: $0.string(1) ?? "", observedAtMs: $0.int64(2),
                concurrencyLimit: $0.optionalInt(3), unreservedConcurrency: $0.optionalInt(4))
        }
        let chosen = Self.inForce(rows, month: month, key: { "\($0.account)\u{1}\($0.region)" }, at: \.observedAtMs)
        return chosen.sorted { ($0.account, $0.region) < ($1.account, $1.region) }
    }

    /// Log groups as of `month` (see ``configuration(asOf:)``), each linked to its function: the
    /// one stored with it, else a function whose configuration names it as its log group.
    public func logGroups(asOf month: Month) throws -> [LogGroupRecord] {
        let rows = try database.rows(
            """
            SELECT g.account, g.region, g.name, f.account, f.region, f.name, g.observed_at_ms, g.retention_days,
              g.stored_bytes, g.log_class
            FROM log_groups g LEFT JOIN functions f ON f.id = g.function_id
            ORDER BY g.observed_at_ms, g.source_id
            """
        ) { s in
            LogGroupRecord(
                account: s.string(0) ?? "", region: s.string(1) ?? "", name: s.string(2) ?? "",
                function: s.isNull(5) ? nil : FunctionIdentity(account: s.string(3) ?? "", region: s.string(4) ?? "", name: s.string(5) ?? ""),
                observedAtMs: s.int64(6), retentionDays: s.optionalInt(7), storedBytes: s.isNull(8) ? nil : s.int64(8),
                logClass: s.string(9))
        }
        var chosen = Self.inForce(rows, month: month, key: { "\($0.account)\u{1}\($0.region)\u{1}\($0.name)" }, at: \.observedAtMs)
        let unlinked = chosen.indices.filter { chosen[$0].function == nil }
        if !unlinked.isEmpty {
            let configs = try configuration(asOf: month).values
            for i in unlinked {
                let g = chosen[i]
                chosen[i].function = configs.first {
                    $0.logGroup == g.name && $0.identity.region == g.region
                        && ($0.identity.account == g.account || $0.identity.account.isEmpty || g.account.isEmpty)
                }?.identity
            }
        }
        return chosen.sorted { ($0.account, $0.region, $0.name) < ($1.account, $1.region, $1.name) }
    }

    /// Per key, the latest row observed before the end of `month`, else the earliest after it.
    /// `rows` must be in observation order.
    static func inForce<T>(_ rows: [T], month: Month, key: (T) -> String, at time: KeyPath<T, Int64>) -> [T] {
        let endMs = month.endEpochSeconds * 1000
        var chosen: [String: T] = [:]
        for row in rows {
            let k = key(row)
            guard chosen[k] != nil else {
                chosen[k] = row
                continue
            }
            // Rows come oldest first: one before the end replaces what came earlier; one after the
            // end never replaces anything (the earliest after was kept when first seen).
            if row[keyPath: time] < endMs { chosen[k] = row }
        }
        return Array(chosen.values)
    }
}
