import LambdaCostCore

extension Store {
    /// A month key as stored: `year * 100 + month`.
    static func monthKey(_ m: Month) -> Int64 { Int64(m.year * 100 + m.month) }

    /// Writes a source's monthly roll-ups of the hourly aggregates it just stored.
    /// - Parameter hours: the source's hourly aggregates with their function ids.
    public func insertMonthRollups(_ hours: [(functionID: Int64, hour: InvocationHour)], sourceID: Int64) throws {
        struct Key: Hashable {
            var functionID: Int64
            var month: Month
            var memoryMB: Int
            var arch: Architecture
        }
        struct Rollup {
            var total: InvocationHour
            var hourly: [Int64]
            var timedOutMax: Int64?
            var lastHour: Int64
        }
        var rollups: [Key: Rollup] = [:]
        for (fid, h) in hours {
            let month = Month(containingEpochSeconds: h.hour * 3600)
            let key = Key(functionID: fid, month: month, memoryMB: h.memoryMB, arch: h.arch)
            var r = rollups[key] ?? Rollup(total: InvocationHour(hour: 0, memoryMB: h.memoryMB, arch: h.arch), hourly: [Int64](repeating: 0, count: month.hours), timedOutMax: nil, lastHour: h.hour)
            r.total.merge(h)
            let index = Int(h.hour - month.startEpochSeconds / 3600)
            if r.hourly.indices.contains(index) { r.hourly[index] += h.invocations }
            if h.timeouts > 0 { r.timedOutMax = max(r.timedOutMax ?? 0, h.durationMaxCentiMs) }
            r.lastHour = max(r.lastHour, h.hour)
            rollups[key] = r
        }
        let s = try database.statement(
            """
            INSERT INTO invocation_months (source_id, function_id, month, memory_mb, arch, invocations, billed_ms,
              duration_centims, duration_max_centims, duration_hist, cold_starts, init_centims, init_hist, restores,
              billed_restore_ms, max_memory_mb, memory_hist, errors, timeouts, timed_out_max_centims, last_hour, hourly_invocations)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
            """)
        for (key, r) in rollups {
            let h = r.total
            var hourly: [UInt8] = []
            hourly.reserveCapacity(r.hourly.count)
            for c in r.hourly { Varint.append(UInt64(max(0, c)), to: &hourly) }
            try s.bind([
                .int(sourceID), .int(key.functionID), .int(Self.monthKey(key.month)), .int(Int64(key.memoryMB)), .text(key.arch.rawValue),
                .int(h.invocations), .int(h.billedMs), .int(h.durationCentiMs), .int(h.durationMaxCentiMs), .blob(h.durations.encoded()),
                .int(h.coldStarts), .int(h.initCentiMs), .blob(h.initDurations.encoded()), .int(h.restores), .int(h.billedRestoreMs),
                .int(Int64(h.maxMemoryUsedMB)), .blob(h.memoryUsed.encoded()), .int(h.errors), .int(h.timeouts), SQLValue(r.timedOutMax),
                .int(r.lastHour), .blob(hourly),
            ])
            try s.step()
        }
    }

    /// Rebuilds every source's roll-ups from `invocation_hours` (migration to schema 2).
    func rebuildMonthRollups() throws {
        try database.execute("DELETE FROM invocation_months")
        let sourceIDs = try database.rows("SELECT DISTINCT source_id FROM invocation_hours", []) { $0.int64(0) }
        for sid in sourceIDs {
            var rows: [(functionID: Int64, hour: InvocationHour)] = []
            let s = try database.statement("SELECT \(Self.invocationHourColumns) FROM invocation_hours WHERE source_id = ?1")
            try s.bind([.int(sid)])
            while try s.step() { rows.append((s.int64(0), try invocationHour(s))) }
            try insertMonthRollups(rows, sourceID: sid)
        }
    }

    /// Every function's month from the roll-ups: merged per memory size and architecture across
    /// sources, with invocations per hour and day.
    /// - Parameters:
    ///   - functionID: only this function when given.
    ///   - histograms: false skips the histogram blobs (totals, arrivals and billed GB-s only).
    public func functionMonths(month: Month, functionID: Int64? = nil, histograms: Bool = true) throws -> [Int64: FunctionMonth] {
        let blobs = histograms ? "duration_hist, init_hist, memory_hist" : "NULL, NULL, NULL"
        var sql = """
            SELECT function_id, memory_mb, arch, invocations, billed_ms, duration_centims, duration_max_centims,
              cold_starts, init_centims, restores, billed_restore_ms, max_memory_mb, errors, timeouts, timed_out_max_centims,
              last_hour, hourly_invocations, \(blobs)
            FROM invocation_months WHERE month = ?1
            """
        var bindings: [SQLValue] = [.int(Self.monthKey(month))]
        if let functionID {
            sql += " AND function_id = ?2"
            bindings.append(.int(functionID))
        }
        var months: [Int64: FunctionMonth] = [:]
        var latestHour: [Int64: Int64] = [:]
        let s = try database.statement(sql)
        try s.bind(bindings)
        while try s.step() {
            let fid = s.int64(0)
            let memory = s.int(1)
            guard let arch = Architecture(rawValue: s.string(2) ?? "") else {
                throw LambdaCostError.io(message: "database \(database.path): unknown architecture '\(s.string(2) ?? "")' in invocation_months")
            }
            var m = months.removeValue(forKey: fid) ?? FunctionMonth(hours: month.hours)
            var i = m.samples.firstIndex { $0.memoryMB == memory && $0.arch == arch } ?? -1
            if i < 0 {
                m.samples.append(InvocationHour(hour: 0, memoryMB: memory, arch: arch))
                i = m.samples.count - 1
            }
            m.samples[i].invocations += s.int64(3)
            m.samples[i].billedMs += s.int64(4)
            m.samples[i].durationCentiMs += s.int64(5)
            m.samples[i].durationMaxCentiMs = max(m.samples[i].durationMaxCentiMs, s.int64(6))
            m.samples[i].coldStarts += s.int64(7)
            m.samples[i].initCentiMs += s.int64(8)
            m.samples[i].restores += s.int64(9)
            m.samples[i].billedRestoreMs += s.int64(10)
            m.samples[i].maxMemoryUsedMB = max(m.samples[i].maxMemoryUsedMB, s.int(11))
            m.samples[i].errors += s.int64(12)
            m.samples[i].timeouts += s.int64(13)
            if !s.isNull(14) { m.timedOutMaxDurationCentiMs = max(m.timedOutMaxDurationCentiMs ?? 0, s.int64(14)) }
            let lastHour = s.int64(15)
            var reader = Varint.Reader(s.blob(16))
            var h = 0
            while !reader.atEnd, h < m.hourlyInvocations.count {
                let c = try reader.next()
                if c > 0 {
                    m.hourlyInvocations[h] += Int(c)
                    m.dailyInvocations[h / 24] += Int64(c)
                }
                h += 1
            }
            if histograms {
                try m.samples[i].durations.merge(encoded: s.blob(17))
                try m.samples[i].initDurations.merge(encoded: s.blob(18))
                m.samples[i].memoryUsed.merge(try IntHistogram(encoded: s.blob(19)))
            }
            if lastHour >= latestHour[fid] ?? Int64.min {
                latestHour[fid] = lastHour
                m.latestMemoryMB = memory
                m.latestArch = arch
            }
            months[fid] = m
        }
        for key in months.keys { months[key]!.samples.sort { ($0.memoryMB, $0.arch) < ($1.memoryMB, $1.arch) } }
        return months
    }
}
