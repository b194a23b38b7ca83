import LambdaCostCore

/// One stored CloudWatch data point.
public struct MetricPoint: Sendable, Hashable {
    /// The metric name, e.g. `Invocations`.
    public var metric: String
    /// The statistic: `Sum`, `Average`, `Maximum`, `Minimum`, `SampleCount` or `pNN`.
    public var stat: String
    /// The period in seconds.
    public var periodSeconds: Int
    /// The start of the period, epoch milliseconds.
    public var timestampMs: Int64
    /// The value.
    public var value: Double
    /// Whether CloudWatch flagged the series `PartialData`.
    public var partial: Bool

    /// A point.
    public init(metric: String, stat: String, periodSeconds: Int, timestampMs: Int64, value: Double, partial: Bool = false) {
        self.metric = metric
        self.stat = stat
        self.periodSeconds = periodSeconds
        self.timestampMs = timestampMs
        self.value = value
        self.partial = partial
    }
}

extension Store {
    /// Stores a point unless the same function, metric, statistic, period and timestamp is
    /// stored already (`metric_points` primary key). `ts` is epoch milliseconds.
    /// - Returns: true when stored, false when it was a duplicate.
    @discardableResult
    public func insertMetricPoint(_ point: MetricPoint, functionID: Int64, sourceID: Int64) throws -> Bool {
        let s = try database.statement(
            """
            INSERT OR IGNORE INTO metric_points (function_id, metric, stat, period_s, ts, value, partial, source_id)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """)
        try s.bind([
            .int(functionID), .text(point.metric), .text(point.stat), .int(Int64(point.periodSeconds)), .int(point.timestampMs),
            .double(point.value), .int(point.partial ? 1 : 0), .int(sourceID),
        ])
        _ = try s.step()
        return database.changes == 1
    }

    /// The stored points of a function in [fromMs, toMs), ordered by metric, statistic, period
    /// and time.
    public func metricPoints(functionID: Int64, fromMs: Int64 = .min, toMs: Int64 = .max) throws -> [MetricPoint] {
        try database.rows(
            """
            SELECT metric, stat, period_s, ts, value, partial FROM metric_points
            WHERE function_id = ?1 AND ts >= ?2 AND ts < ?3 ORDER BY metric, stat, period_s, ts
            """, [.int(functionID), .int(fromMs), .int(toMs)]
        ) {
            MetricPoint(
                metric: $0.string(0) ?? "", stat: $0.string(1) ?? "", periodSeconds: $0.int(2), timestampMs: $0.int64(3),
                value: $0.double(4), partial: $0.int(5) != 0)
        }
    }
}
