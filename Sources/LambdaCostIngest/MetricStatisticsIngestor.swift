import LambdaCostCore

/// Reads `aws cloudwatch get-metric-statistics` output (`{"Label","Datapoints":[…]}`, not in
/// time order, at most 1,440 points per call so read whole): every statistic present becomes a
/// series — SampleCount, Average, Sum, Minimum, Maximum and each ExtendedStatistics `pNN`.
enum MetricStatisticsIngestor: FormatIngestor {
    static let simpleStats = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"]

    static func ingest(_ context: IngestContext) throws -> SourceReadout {
        let writer = MetricSeriesWriter(context: context)
        let reader = JSONStreamReader(source: context.source)
        let document = try reader.readDocument()
        guard let datapoints = document["Datapoints"]?.arrayValue else {
            throw LambdaCostError.badInput(
                file: context.path, line: 1, column: nil, expected: "a Datapoints array", found: "none")
        }
        let label = document["Label"]?.stringValue
        var series: [String: [(Int64, Double)]] = [:]
        var order: [String] = []
        for (index, point) in datapoints.enumerated() {
            guard let ms = point["Timestamp"].flatMap(MetricTime.millis) else {
                throw LambdaCostError.badInput(
                    file: context.path, line: 1, column: nil, expected: "a Timestamp in every datapoint",
                    found: "datapoint \(index + 1) without a readable one")
            }
            var stats: [(String, Double)] = simpleStats.compactMap { s in point[s]?.doubleValue.map { (s, $0) } }
            for (key, value) in point["ExtendedStatistics"]?.objectValue ?? [] {
                if let v = value.doubleValue { stats.append((key, v)) }
            }
            for (stat, value) in stats {
                if series[stat] == nil { order.append(stat) }
                series[stat, default: []].append((ms, value))
            }
        }
        for stat in order {
            try writer.write(id: nil, label: label, statHint: stat, points: series[stat] ?? [], partial: false, line: 1)
        }
        if datapoints.isEmpty {
            // Still check attribution so an unattributable empty file says what to pass.
            try writer.write(id: nil, label: label, statHint: nil, points: [], partial: false, line: 1)
        }
        return writer.finish()
    }
}
