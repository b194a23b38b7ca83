import Foundation
import LambdaCostCore

/// Writes a month of realistic AWS exports for a ``DemoScenario`` into a folder — REPORT logs,
/// a legacy CUR, get-metric-data JSON and configuration exports — all derived from the same
/// simulated invocations, and returns the ground truth. Same seed, same bytes.
///
/// Layout (relative to the folder):
/// `logs/<function>.log`, `cur/lambdacost-demo-<YYYY-MM>.csv`,
/// `metrics/<function>.get-metric-data.json`, `config/list-functions.json`,
/// `config/get-account-settings.json`, `config/describe-log-groups.json`,
/// `config/list-provisioned-concurrency-configs-<function>.json` (PC functions),
/// `config/get-function-concurrency-<function>.json` (reserved functions).
public enum DemoDataset {
    /// Days of log history assumed before the first generated month, for never-expiring groups.
    static let priorLogDays = 180

    /// Writes one month into `folder` (created if needed) and returns its truth.
    /// - Parameters:
    ///   - applyResize: whether functions with a ``SyntheticFunction/Resize`` change memory during this month.
    /// - Throws: ``LambdaCostError/usage(message:command:)`` for a month before 2025-08 (the generator
    ///   only knows the billing rule that bills INIT), ``LambdaCostError/io(message:)`` when a file cannot be written.
    public static func write(
        to folder: URL, scenario: DemoScenario = .standard, month: Month, seed: UInt64,
        prices: GeneratorPrices = GeneratorPrices(), applyResize: Bool = true
    ) throws -> DemoTruth {
        guard month >= Month(year: 2025, month: 8) else {
            throw LambdaCostError.usage(message: "demo months start at 2025-08 (INIT billing rule)", command: "demo")
        }
        let fm = FileManager.default
        for sub in ["logs", "cur", "metrics", "config"] {
            do {
                try fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
            } catch {
                throw LambdaCostError.io(message: "cannot create \(folder.appendingPathComponent(sub).path): \(error)")
            }
        }
        var files: [String] = []
        var truths: [FunctionTruth] = []
        var usages: [FunctionMonthUsage] = []
        let monthStartMs = month.startEpochSeconds * 1000

        for function in scenario.functions {
            var simulator = InvocationSimulator(
                function: function, month: month, seed: seed, applyResize: applyResize,
                accountLimit: scenario.accountConcurrencyLimit)
            var truth = FunctionTruth(function: function)
            var usage = FunctionMonthUsage(function: function, hours: month.hours)
            let logPath = "logs/\(function.name).log"
            let out = try ByteWriter(url: folder.appendingPathComponent(logPath))
            let logs = ReportLogWriter(out: out, function: function, month: month)
            while let hour = simulator.next() {
                try logs.add(hour)
                usage.record(hour, monthStartMs: monthStartMs)
                truth.throttles += hour.throttles
                for inv in hour.invocations { truth.record(inv) }
            }
            try logs.finish()
            try out.close()
            usage.logIngestBytes = logs.ingestBytesPerHour
            truth.logIngestBytes = logs.ingestBytesPerHour.reduce(0, +)
            files.append(logPath)
            usages.append(usage)
            truths.append(truth)
        }

        // Storage: compressed bytes held per hour, from this month's daily ingest.
        var storedPerHour: [[Double]] = []
        var storedAtEnd: [String: Int64] = [:]
        for (i, usage) in usages.enumerated() {
            let f = usage.function
            let dailyIngest = Double(truths[i].logIngestBytes) / Double(month.days)
            let stored = (0..<month.hours).map { h -> Double in
                let days = f.logRetentionDays.map(Double.init) ?? Double(priorLogDays + h / 24 + 1)
                return dailyIngest * days * prices.logCompressionRatio
            }
            storedPerHour.append(stored)
            storedAtEnd[f.name] = Int64((stored.last ?? 0).rounded())
        }

        let curPath = "cur/lambdacost-demo-\(month).csv"
        let curOut = try ByteWriter(url: folder.appendingPathComponent(curPath))
        let cur = CURWriter(
            out: curOut, columns: CURColumns.standard, payer: scenario.functions.first?.accountId ?? DemoScenario.defaultAccountId,
            month: month, region: "us-east-1", location: "US East (N. Virginia)", seed: seed)
        try cur.writeHeader()
        var costs = Array(repeating: CostBreakdown(), count: usages.count)
        let lines = DemoCURLines(prices: prices, month: month)
        for h in 0..<month.hours {
            for (i, usage) in usages.enumerated() {
                for line in lines.lines(for: usage, hour: h, storedBytes: storedPerHour[i][h], cost: &costs[i]) {
                    try cur.write(line)
                }
            }
            for line in lines.unrelatedLines(hour: h, account: scenario.functions.first?.accountId ?? DemoScenario.defaultAccountId) {
                try cur.write(line)
            }
        }
        try curOut.close()
        files.append(curPath)

        for (i, usage) in usages.enumerated() {
            truths[i].curCost = costs[i]
            truths[i].logStorageGBMonths = storedPerHour[i].reduce(0, +) / 1_073_741_824 / Double(month.hours)
            if let pc = usage.function.provisionedConcurrency {
                truths[i].provisionedConcurrencyGBSeconds = Double(pc) * Double(usage.function.memoryMB) / 1024 * 3600 * Double(month.hours)
            }
            let path = "metrics/\(usage.function.name).get-metric-data.json"
            let out = try ByteWriter(url: folder.appendingPathComponent(path))
            try MetricDataWriter.write(usage, month: month, to: out)
            try out.close()
            files.append(path)
        }

        for (name, doc) in ConfigExportWriter.documents(scenario: scenario, month: month, storedBytes: storedAtEnd) {
            let path = "config/\(name)"
            let out = try ByteWriter(url: folder.appendingPathComponent(path))
            try out.text(doc.rendered)
            try out.close()
            files.append(path)
        }
        return DemoTruth(month: month, seed: seed, functions: truths, files: files.sorted())
    }

    /// Writes `count` consecutive months from `first`, each into `<folder>/<YYYY-MM>/`, for
    /// month-over-month reports. Resizes happen in the first month only; each month draws from
    /// its own random stream.
    /// - Throws: as ``write(to:scenario:month:seed:prices:applyResize:)``.
    public static func writeMonths(
        to folder: URL, scenario: DemoScenario = .standard, first: Month, count: Int, seed: UInt64,
        prices: GeneratorPrices = GeneratorPrices()
    ) throws -> [DemoTruth] {
        var month = first
        var result: [DemoTruth] = []
        for i in 0..<max(count, 0) {
            var truth = try write(
                to: folder.appendingPathComponent(month.description), scenario: scenario, month: month, seed: seed,
                prices: prices, applyResize: i == 0)
            truth.files = truth.files.map { "\(month)/\($0)" }
            result.append(truth)
            month = month.next
        }
        return result
    }
}
