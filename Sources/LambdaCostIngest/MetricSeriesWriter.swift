import LambdaCostCore
import LambdaCostStore

/// Attributes CloudWatch series to a function and metric and stores their points, shared by the
/// `get-metric-data` and `get-metric-statistics` readers.
///
/// A series is attributed by its label when it follows the convention `export-script` writes
/// (`lambdacost:<function>:<Metric>:<Stat>:<period>`), else by `--function`/`--metric`
/// (`--stat`, `--period`), with a label that is a Lambda metric name (as `get-metric-statistics`
/// prints) standing in for `--metric`. Anything else is an error that names the flags.
final class MetricSeriesWriter {
    private let context: IngestContext
    private var functionIDs: [String: Int64] = [:]
    private var functionNames: Set<String> = []
    /// Series attributed by flags, by key: two different series on one key would overwrite each other.
    private var flagKeys: [String: String] = [:]
    var out = SourceReadout()

    init(context: IngestContext) {
        self.context = context
    }

    struct Attribution {
        var function: String
        var metric: String
        var stat: String
        var periodSeconds: Int
    }

    /// Stores one series. `statHint` is the statistic the shape itself names
    /// (`get-metric-statistics` datapoint keys).
    func write(
        id: String?, label: String?, statHint: String?, points: [(Int64, Double)], partial: Bool, line: Int
    ) throws {
        let name = describe(id: id, label: label)
        let a = try attribute(id: id, label: label, statHint: statHint, points: points, name: name, line: line)
        let functionID = try functionID(a.function)
        for (ms, value) in points {
            out.rowsRead += 1
            let point = MetricPoint(
                metric: a.metric, stat: a.stat, periodSeconds: a.periodSeconds, timestampMs: ms, value: value, partial: partial)
            if try context.store.insertMetricPoint(point, functionID: functionID, sourceID: context.sourceID) {
                out.rowsKept += 1
            } else {
                out.rowsDuplicate += 1
            }
            out.coverageStartMs = min(out.coverageStartMs ?? ms, ms)
            out.coverageEndMs = max(out.coverageEndMs ?? ms, ms)
        }
    }

    private func describe(id: String?, label: String?) -> String {
        switch (id, label) {
        case (let id?, let label?): return "series Id '\(id)' (Label '\(label)')"
        case (let id?, nil): return "series Id '\(id)'"
        case (nil, let label?): return "series Label '\(label)'"
        default: return "a series without Id or Label"
        }
    }

    private func fail(_ line: Int, _ expected: String, _ found: String) -> LambdaCostError {
        .badInput(file: context.path, line: line, column: nil, expected: expected, found: found)
    }

    private static let conventionHint =
        "a Label 'lambdacost:<function>:<Metric>:<Stat>:<period>' (as 'lambdacost export-script' writes), or --function NAME --metric NAME"

    private func attribute(
        id: String?, label: String?, statHint: String?, points: [(Int64, Double)], name: String, line: Int
    ) throws -> Attribution {
        let supported = "supported metrics: \(LambdaMetric.names.joined(separator: ", "))"
        if let label, let parts = LambdaMetric.parse(label: label) {
            guard LambdaMetric.names.contains(parts.metric) else {
                throw fail(line, "a Lambda metric in the label (\(supported))", "\(name) naming '\(parts.metric)'")
            }
            let stat = statHint ?? parts.stat
            guard LambdaMetric.isStatistic(stat) else {
                throw fail(line, "a statistic (Sum, Average, Minimum, Maximum, SampleCount or pNN) in the label", "\(name)")
            }
            let function = LambdaMetric.regionWide.contains(parts.metric) ? "" : parts.function
            guard !function.isEmpty || LambdaMetric.regionWide.contains(parts.metric) else {
                throw fail(line, "a function name in the label, or --function NAME", "\(name) with an empty function")
            }
            return Attribution(function: function, metric: parts.metric, stat: stat, periodSeconds: parts.periodSeconds)
        }
        let options = context.options
        let labelMetric = label.flatMap { LambdaMetric.names.contains($0) ? $0 : nil }
        guard let metric = options.metric ?? labelMetric else {
            let what = label.map { "'\($0)' is not a Lambda metric this tool stores (\(supported))" } ?? "no metric name"
            throw fail(line, Self.conventionHint, "\(name): \(what)")
        }
        guard LambdaMetric.names.contains(metric) else {
            throw fail(line, "--metric naming a Lambda metric (\(supported))", "--metric \(metric)")
        }
        let regionWide = LambdaMetric.regionWide.contains(metric)
        guard let function = regionWide ? "" : options.functionName else {
            throw fail(line, "--function NAME for \(name) (or \(Self.conventionHint))", "\(name) that names no function")
        }
        let stat = statHint ?? options.stat ?? LambdaMetric.defaultStat(for: metric)
        guard LambdaMetric.isStatistic(stat) else {
            throw fail(line, "--stat Sum|Average|Minimum|Maximum|SampleCount|pNN", "--stat \(stat)")
        }
        let period = options.period ?? inferredPeriod(points, name: name)
        let key = "\(function)|\(metric)|\(stat)|\(period)"
        let who = id ?? label ?? ""
        if let other = flagKeys[key], other != who {
            throw fail(
                line, "one series per file when attributing by --function/--metric (or \(Self.conventionHint))",
                "several series ('\(other)', '\(who)') that would all be stored as \(metric) \(stat)")
        }
        flagKeys[key] = who
        return Attribution(function: function, metric: metric, stat: stat, periodSeconds: period)
    }

    /// The smallest spacing of the points in seconds (CloudWatch periods are whole seconds);
    /// 60 for a lone point, Lambda's publishing resolution.
    private func inferredPeriod(_ points: [(Int64, Double)], name: String) -> Int {
        let times = Set(points.map(\.0)).sorted()
        var gap = Int64.max
        for i in times.indices.dropFirst() { gap = min(gap, times[i] - times[i - 1]) }
        let period = gap == .max ? 60 : max(1, Int(gap / 1000))
        if out.warnings.count < 5 {
            out.warnings.append("\(name): period not given, taken as \(period) s from the timestamps (pass --period to set it)")
        }
        return period
    }

    private func functionID(_ name: String) throws -> Int64 {
        if let id = functionIDs[name] { return id }
        let identity = FunctionIdentity(
            account: context.options.account ?? "", region: context.options.region ?? "us-east-1", name: name)
        let id = try context.store.functionID(identity)
        functionIDs[name] = id
        functionNames.insert(name)
        return id
    }

    /// The file's readout.
    func finish() -> SourceReadout {
        var result = out
        let names = functionNames.sorted().map { $0.isEmpty ? "(Region-wide)" : $0 }
        result.coverage = names.isEmpty ? "no metric points" : "metrics of \(names.joined(separator: ", ")) in \(context.options.region ?? "us-east-1")"
        if result.rowsRead == 0 { result.warnings.append("no data points found: nothing stored") }
        return result
    }
}
