import LambdaCostCore

extension Store {
    /// Billed usage quantities per function and usage type (Region prefix stripped) in a month,
    /// e.g. `VendedLog-Bytes` in GB, `TimedStorage-ByteHrs` in GB-months, `Lambda-GB-Second`.
    public func billedUsage(month: Month) throws -> [FunctionIdentity: [String: Double]] {
        let (from, to) = Self.dayRange(month)
        let names = try functions()
        var result: [FunctionIdentity: [String: Double]] = [:]
        for (fid, usageType, amount) in try database.rows(
            "SELECT function_id, usage_type, SUM(usage_amount) FROM bill_lines WHERE day >= ?1 AND day < ?2 AND function_id IS NOT NULL GROUP BY 1, 2",
            [.int(from), .int(to)], { ($0.int64(0), $0.string(1) ?? "", $0.double(2)) })
        {
            guard let identity = names[fid] else { continue }
            result[identity, default: [:]][String(BillService.strippingRegionPrefix(usageType)), default: 0] += amount
        }
        return result
    }

    /// Whether any bill lines exist for the month.
    public func hasBills(month: Month) throws -> Bool {
        let (from, to) = Self.dayRange(month)
        return try database.scalarInt("SELECT 1 FROM bill_lines WHERE day >= ?1 AND day < ?2 LIMIT 1", [.int(from), .int(to)]) != nil
    }

    /// Per function: the sum (or maximum) of a metric statistic over a month's points.
    public func metricTotals(month: Month, metric: String, stat: String, maximum: Bool = false) throws -> [FunctionIdentity: Double] {
        let names = try functions()
        var result: [FunctionIdentity: Double] = [:]
        let aggregate = maximum ? "MAX(value)" : "SUM(value)"
        for (fid, value) in try database.rows(
            "SELECT function_id, \(aggregate) FROM metric_points WHERE metric = ?1 AND stat = ?2 AND ts >= ?3 AND ts < ?4 GROUP BY 1",
            [.text(metric), .text(stat), .int(month.startEpochSeconds * 1000), .int(month.endEpochSeconds * 1000)],
            { ($0.int64(0), $0.double(1)) })
        {
            if let identity = names[fid] { result[identity] = value }
        }
        return result
    }

    /// Per function and hour of the month: a metric statistic (e.g. Throttles Sum per hour).
    public func hourlyMetric(month: Month, functionID: Int64, metric: String, stat: String) throws -> [Int: Double] {
        var result: [Int: Double] = [:]
        for (ts, value) in try database.rows(
            "SELECT ts, value FROM metric_points WHERE function_id = ?1 AND metric = ?2 AND stat = ?3 AND ts >= ?4 AND ts < ?5",
            [.int(functionID), .text(metric), .text(stat), .int(month.startEpochSeconds * 1000), .int(month.endEpochSeconds * 1000)],
            { ($0.int64(0), $0.double(1)) })
        {
            result[Int((ts / 1000 - month.startEpochSeconds) / 3600), default: 0] += value
        }
        return result
    }

    /// The sources that fed each function in a month (logs, metrics, bills, configuration),
    /// as (id, path, format), sorted by id.
    public func sourcesByFunction(month: Month) throws -> [FunctionIdentity: [SourceRecord]] {
        let names = try functions()
        let all = Dictionary(uniqueKeysWithValues: try sources().map { ($0.id, $0) })
        let (fromDay, toDay) = Self.dayRange(month)
        let fromHour = month.startEpochSeconds / 3600
        let toHour = month.endEpochSeconds / 3600
        let pairs = try database.rows(
            """
            SELECT DISTINCT function_id, source_id FROM invocation_hours WHERE hour >= ?1 AND hour < ?2
            UNION SELECT DISTINCT function_id, source_id FROM metric_points WHERE ts >= ?3 AND ts < ?4
            UNION SELECT DISTINCT function_id, source_id FROM bill_lines WHERE day >= ?5 AND day < ?6 AND function_id IS NOT NULL
            UNION SELECT DISTINCT function_id, source_id FROM function_configs
            """,
            [.int(fromHour), .int(toHour), .int(month.startEpochSeconds * 1000), .int(month.endEpochSeconds * 1000), .int(fromDay), .int(toDay)],
            { ($0.int64(0), $0.int64(1)) })
        var result: [FunctionIdentity: [SourceRecord]] = [:]
        for (fid, sid) in pairs {
            guard let identity = names[fid], let source = all[sid] else { continue }
            result[identity, default: []].append(source)
        }
        return result.mapValues { $0.sorted { $0.id < $1.id } }
    }
}
