import LambdaCostCore

extension Store {
    /// Which kinds of data cover a month, for the report's coverage section.
    public struct ReportCoverage: Sendable, Hashable {
        /// Any CloudWatch metric point in the month.
        public var metrics: Bool
        /// Any bill line in the month.
        public var bills: Bool
        /// Any configuration export ingested.
        public var configuration: Bool
    }

    /// Whether metrics, bills and configuration exist for a month (cheap EXISTS queries).
    public func reportCoverage(month: Month) throws -> ReportCoverage {
        let start = month.startEpochSeconds
        let end = month.endEpochSeconds
        // Metric timestamps may be stored in seconds or milliseconds; either range counts.
        let metrics = try database.scalarInt(
            "SELECT EXISTS(SELECT 1 FROM metric_points WHERE (ts >= ?1 AND ts < ?2) OR (ts >= ?1 * 1000 AND ts < ?2 * 1000))",
            [.int(start), .int(end)]) ?? 0
        let bills = try database.scalarInt(
            "SELECT EXISTS(SELECT 1 FROM bill_lines WHERE day >= ? AND day < ?)", [.int(start / 86_400), .int(end / 86_400)]) ?? 0
        let configs = try database.scalarInt("SELECT EXISTS(SELECT 1 FROM function_configs)") ?? 0
        return ReportCoverage(metrics: metrics != 0, bills: bills != 0, configuration: configs != 0)
    }
}
