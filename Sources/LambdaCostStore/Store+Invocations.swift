import LambdaCostCore

extension Store {
    /// Stores one hourly aggregate from a source.
    public func insertInvocationHour(_ h: InvocationHour, functionID: Int64, sourceID: Int64) throws {
        let s = try database.statement(
            """
            INSERT INTO invocation_hours (source_id, function_id, hour, memory_mb, arch, invocations, billed_ms,
              duration_centims, duration_max_centims, duration_hist, cold_starts, init_centims, init_hist, restores,
              billed_restore_ms, max_memory_mb, memory_hist, errors, timeouts)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
            """)
        try s.bind([
            .int(sourceID), .int(functionID), .int(h.hour), .int(Int64(h.memoryMB)), .text(h.arch.rawValue), .int(h.invocations),
            .int(h.billedMs), .int(h.durationCentiMs), .int(h.durationMaxCentiMs), .blob(h.durations.encoded()), .int(h.coldStarts),
            .int(h.initCentiMs), .blob(h.initDurations.encoded()), .int(h.restores), .int(h.billedRestoreMs),
            .int(Int64(h.maxMemoryUsedMB)), .blob(h.memoryUsed.encoded()), .int(h.errors), .int(h.timeouts),
        ])
        try s.step()
    }

    /// Request-id hashes already stored for a function and hour, from every source.
    public func requestIDHashes(functionID: Int64, hour: Int64) throws -> [UInt64] {
        var result: [UInt64] = []
        for blob in try database.rows(
            "SELECT ids FROM request_ids WHERE function_id = ?1 AND hour = ?2", [.int(functionID), .int(hour)], { $0.blob(0) })
        {
            result.append(contentsOf: Self.decodeHashes(blob))
        }
        return result
    }

    /// The hours for which any source stored request ids of this function (its coverage).
    public func requestIDHours(functionID: Int64) throws -> Set<Int64> {
        Set(try database.rows("SELECT DISTINCT hour FROM request_ids WHERE function_id = ?1", [.int(functionID)]) { $0.int64(0) })
    }

    /// Whether any source has stored request ids for this function in [fromHour, toHour].
    public func hasRequestIDs(functionID: Int64, fromHour: Int64, toHour: Int64) throws -> Bool {
        try database.scalarInt(
            "SELECT 1 FROM request_ids WHERE function_id = ?1 AND hour BETWEEN ?2 AND ?3 LIMIT 1",
            [.int(functionID), .int(fromHour), .int(toHour)]) != nil
    }

    /// Stores the request-id hashes a source kept for one function and hour (sorted, 8 bytes each).
    public func insertRequestIDHashes(_ hashes: [UInt64], functionID: Int64, hour: Int64, sourceID: Int64) throws {
        var bytes = [UInt8]()
        bytes.reserveCapacity(hashes.count * 8)
        for h in hashes.sorted() { withUnsafeBytes(of: h.littleEndian) { bytes.append(contentsOf: $0) } }
        try database.run(
            "INSERT INTO request_ids (function_id, hour, source_id, ids) VALUES (?1, ?2, ?3, ?4)",
            [.int(functionID), .int(hour), .int(sourceID), .blob(bytes)])
    }

    static func decodeHashes(_ blob: [UInt8]) -> [UInt64] {
        var result = [UInt64]()
        result.reserveCapacity(blob.count / 8)
        blob.withUnsafeBytes { raw in
            for i in stride(from: 0, to: raw.count - 7, by: 8) {
                result.append(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            }
        }
        return result
    }

    /// Every hourly aggregate in [fromHour, toHour), merged across sources, per function.
    /// - Parameter functionID: restricts to one function when given.
    public func invocationHours(fromHour: Int64, toHour: Int64, functionID: Int64? = nil) throws -> [Int64: [InvocationHour]] {
        var sql = """
            SELECT \(Self.invocationHourColumns)
            FROM invocation_hours WHERE hour >= ?1 AND hour < ?2
            """
        var bindings: [SQLValue] = [.int(fromHour), .int(toHour)]
        if let functionID {
            sql += " AND function_id = ?3"
            bindings.append(.int(functionID))
        }
        sql += " ORDER BY function_id, hour, memory_mb, arch"
        var merged: [Int64: [InvocationHour]] = [:]
        let s = try database.statement(sql)
        try s.bind(bindings)
        while try s.step() {
            let h = try invocationHour(s)
            let fid = s.int64(0)
            if var list = merged[fid], let last = list.last, last.hour == h.hour, last.memoryMB == h.memoryMB, last.arch == h.arch {
                list[list.count - 1].merge(h)
                merged[fid] = list
            } else {
                merged[fid, default: []].append(h)
            }
        }
        return merged
    }

    /// The columns ``invocationHour(_:)`` reads, in its order (column 0 is `function_id`).
    static let invocationHourColumns = """
        function_id, hour, memory_mb, arch, invocations, billed_ms, duration_centims, duration_max_centims,
        duration_hist, cold_starts, init_centims, init_hist, restores, billed_restore_ms, max_memory_mb, memory_hist,
        errors, timeouts
        """

    /// Decodes a row selected with ``invocationHourColumns``.
    func invocationHour(_ s: Statement) throws -> InvocationHour {
        guard let arch = Architecture(rawValue: s.string(3) ?? "") else {
            throw LambdaCostError.io(message: "database \(database.path): unknown architecture '\(s.string(3) ?? "")' in invocation_hours")
        }
        var h = InvocationHour(hour: s.int64(1), memoryMB: s.int(2), arch: arch)
        h.invocations = s.int64(4)
        h.billedMs = s.int64(5)
        h.durationCentiMs = s.int64(6)
        h.durationMaxCentiMs = s.int64(7)
        h.durations = try LogHistogram(encoded: s.blob(8))
        h.coldStarts = s.int64(9)
        h.initCentiMs = s.int64(10)
        h.initDurations = try LogHistogram(encoded: s.blob(11))
        h.restores = s.int64(12)
        h.billedRestoreMs = s.int64(13)
        h.maxMemoryUsedMB = s.int(14)
        h.memoryUsed = try IntHistogram(encoded: s.blob(15))
        h.errors = s.int64(16)
        h.timeouts = s.int64(17)
        return h
    }

    /// The latest month with invocation data, or nil when there is none.
    public func latestInvocationMonth() throws -> Month? {
        guard let key = try database.scalarInt("SELECT MAX(month) FROM invocation_months") else { return nil }
        return Month(year: key / 100, month: key % 100)
    }

    /// Months that have invocation data, ascending.
    public func invocationMonths() throws -> [Month] {
        try database.rows("SELECT DISTINCT month FROM invocation_months ORDER BY 1", []) { s in
            Month(year: s.int(0) / 100, month: s.int(0) % 100)
        }
    }
}

extension Store {
    /// The architecture of a function's latest observed configuration, if any was ingested.
    public func configuredArchitecture(functionID: Int64) throws -> Architecture? {
        let rows = try database.rows(
            "SELECT arch FROM function_configs WHERE function_id = ?1 AND arch IS NOT NULL ORDER BY observed_at_ms DESC LIMIT 1",
            [.int(functionID)], { $0.string(0) })
        return rows.first.flatMap { $0.flatMap(Architecture.init(rawValue:)) }
    }
}
