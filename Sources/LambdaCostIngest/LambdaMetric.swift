/// The AWS/Lambda CloudWatch metrics the tool stores, with the statistic each is usually read with
/// and the label convention `export-script` writes: `lambdacost:<function>:<Metric>:<Stat>:<period>`.
public enum LambdaMetric {
    /// Metric names the tool accepts, in the order `export-script` exports them.
    public static let names: [String] = [
        "Invocations", "Errors", "Throttles", "Duration", "ConcurrentExecutions",
        "ProvisionedConcurrentExecutions", "ProvisionedConcurrencyUtilization", "ProvisionedConcurrencyInvocations",
        "ProvisionedConcurrencySpilloverInvocations", "AsyncEventAge", "AsyncEventsReceived", "AsyncEventsDropped",
        "DeadLetterErrors", "IteratorAge", "UnreservedConcurrentExecutions",
    ]

    /// Metrics that are Region-wide (no FunctionName dimension): stored under the function "".
    public static let regionWide: Set<String> = ["UnreservedConcurrentExecutions"]

    /// The prefix of a conventional label.
    public static let labelPrefix = "lambdacost"

    /// The statistic a metric is read with when nothing says otherwise.
    public static func defaultStat(for metric: String) -> String {
        switch metric {
        case "Duration", "ProvisionedConcurrencyUtilization", "AsyncEventAge", "IteratorAge": return "Average"
        case "ConcurrentExecutions", "UnreservedConcurrentExecutions", "ProvisionedConcurrentExecutions": return "Maximum"
        default: return "Sum"
        }
    }

    /// Whether `stat` is a CloudWatch statistic the tool stores (`Sum`, `Average`, `Minimum`,
    /// `Maximum`, `SampleCount`, or a percentile `pNN` / `pNN.N`).
    public static func isStatistic(_ stat: String) -> Bool {
        if ["Sum", "Average", "Minimum", "Maximum", "SampleCount"].contains(stat) { return true }
        guard stat.first == "p", let n = Double(stat.dropFirst()) else { return false }
        return n >= 0 && n <= 100
    }

    /// The conventional label of a series.
    public static func label(function: String, metric: String, stat: String, periodSeconds: Int) -> String {
        "\(labelPrefix):\(function):\(metric):\(stat):\(periodSeconds)"
    }

    /// The parts of a conventional label; nil when `label` does not follow the convention.
    public static func parse(label: String) -> (function: String, metric: String, stat: String, periodSeconds: Int)? {
        let parts = label.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == labelPrefix, let period = Int(parts[4]), period > 0 else { return nil }
        return (String(parts[1]), String(parts[2]), String(parts[3]), period)
    }
}
