import Foundation
import LambdaCostCore

/// Large synthetic exports for benchmarks: a wide legacy CUR and REPORT-line logs, written with
/// the same byte-level writers as ``DemoDataset`` but without simulating traffic.
public enum BenchmarkData {
    /// What a benchmark writer produced, for checking a reader's totals.
    public struct Summary: Sendable, Hashable {
        /// Data rows (CUR) or REPORT lines (logs) written, header excluded.
        public var rows: Int
        /// Bytes written across all files.
        public var bytes: Int64
        /// Σ UnblendedCost over all rows (CUR), or Σ billed ms × memory MB (logs).
        public var total: Double
        /// Files written, relative to the target folder (logs) or the file's own name (CUR).
        public var files: [String]
    }

    /// Writes a legacy CUR CSV of `functions × hours × 2` Lambda rows (duration and requests per
    /// function-hour) with the 120 columns of ``CURColumns/wide``: about 1.5M rows and 1 GB at
    /// the defaults. Functions spread over 10 linked accounts; every fourth is arm64.
    /// - Throws: ``LambdaCostError/io(message:)`` when the file cannot be written.
    public static func writeCUR(
        to file: URL, functions: Int = 1000, hours: Int = 744, seed: UInt64,
        month: Month = Month(year: 2026, month: 11), prices: GeneratorPrices = GeneratorPrices()
    ) throws -> Summary {
        let out = try ByteWriter(url: file, capacity: 4 << 20)
        let writer = CURWriter(
            out: out, columns: CURColumns.wide, payer: "999988887777", month: month, region: "us-east-1",
            location: "US East (N. Virginia)", seed: seed)
        try writer.writeHeader()
        var rng = SplitMix64(seed: seed, stream: "benchmark-cur")
        struct Template {
            var duration: CURLine
            var requests: CURLine
            var meanGBSeconds: Double
            var meanRequests: Double
        }
        var templates: [Template] = []
        templates.reserveCapacity(functions)
        for i in 0..<functions {
            let account = String(100_000_000_000 + (i % 10) * 1_111_111_111)
            let arm = i % 4 == 3
            let suffix = arm ? "-ARM" : ""
            let name = "svc-\(i / 10)-fn-\(i)"
            let arn = Array("arn:aws:lambda:us-east-1:\(account):function:\(name)".utf8)
            let team = Array(["orders", "media", "api", "data", "finance", "security"][i % 6].utf8)
            func template(_ usageType: String, _ group: String, _ rate: Double, _ unit: String, _ text: String) -> CURLine {
                CURLine(
                    lineItemType: Array("Usage".utf8), startMs: 0, endMs: 0, usageAccountId: Array(account.utf8),
                    productCode: Array("AWSLambda".utf8), usageType: Array(usageType.utf8),
                    operation: Array("Invoke".utf8), resourceId: arn, amount: 0, rate: rate, cost: 0,
                    description: CURLine.field(text), productName: Array("AWS Lambda".utf8),
                    productFamily: Array("Serverless".utf8), group: Array(group.utf8),
                    serviceCode: Array("AWSLambda".utf8), sku: Array(DemoCURLines.sku("AWSLambda" + usageType).utf8),
                    unit: Array(unit.utf8), team: team)
            }
            templates.append(Template(
                duration: template("Lambda-GB-Second" + suffix, "AWS-Lambda-Duration" + suffix, prices.duration(arm: arm),
                                   "Lambda-GB-Second", "AWS Lambda - Total Compute - US East (Northern Virginia)"),
                requests: template("Request" + suffix, "AWS-Lambda-Requests" + suffix, prices.request, "Requests",
                                   "AWS Lambda - Total Requests - US East (Northern Virginia)"),
                meanGBSeconds: 50 * exp(2 * rng.normal()), meanRequests: 200 * exp(1.5 * rng.normal())))
        }
        var rows = 0
        var total = 0.0
        let monthStartMs = month.startEpochSeconds * 1000
        for h in 0..<hours {
            let start = monthStartMs + Int64(h) * 3_600_000
            for i in templates.indices {
                var d = templates[i].duration
                d.startMs = start
                d.endMs = start + 3_600_000
                d.amount = (templates[i].meanGBSeconds * rng.lognormalFactor(sigma: 0.3) * 1000).rounded() / 1000
                d.cost = d.amount * d.rate
                try writer.write(d)
                var r = templates[i].requests
                r.startMs = start
                r.endMs = d.endMs
                r.amount = max(1, (templates[i].meanRequests * rng.lognormalFactor(sigma: 0.3)).rounded())
                r.cost = r.amount * r.rate
                try writer.write(r)
                rows += 2
                total += d.cost + r.cost
            }
        }
        try out.close()
        return Summary(rows: rows, bytes: out.bytesWritten, total: total, files: [file.lastPathComponent])
    }

    /// Writes `lines` REPORT lines spread over `functions` files `<folder>/bench-fn-<i>.log`,
    /// each line prefixed with its ISO timestamp as a CloudWatch Logs export has it, times
    /// increasing through `month`. About 1 in 20 lines is a cold start.
    /// - Throws: ``LambdaCostError/io(message:)`` when a file cannot be written.
    public static func writeReportLog(
        to folder: URL, lines: Int = 2_000_000, functions: Int = 10, seed: UInt64,
        month: Month = Month(year: 2026, month: 11)
    ) throws -> Summary {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw LambdaCostError.io(message: "cannot create \(folder.path): \(error)")
        }
        let count = max(functions, 1)
        var rows = 0
        var bytes: Int64 = 0
        var total: Int64 = 0
        var files: [String] = []
        var line: [UInt8] = []
        line.reserveCapacity(512)
        let spanMs = (month.endEpochSeconds - month.startEpochSeconds) * 1000
        for f in 0..<count {
            let n = lines / count + (f < lines % count ? 1 : 0)
            let name = "bench-fn-\(f).log"
            let out = try ByteWriter(url: folder.appendingPathComponent(name), capacity: 4 << 20)
            var rng = SplitMix64(seed: seed, stream: "benchmark-log", index: f)
            let memory = [128, 256, 512, 1024, 1769, 3008][f % 6]
            let step = n > 0 ? max(spanMs / Int64(n), 1) : 1
            var t = month.startEpochSeconds * 1000
            for _ in 0..<n {
                t += Int64(rng.int(in: 0...Int(step * 2 - 1)))
                t = min(t, month.endEpochSeconds * 1000 - 1)
                let duration = max(1, Int64((80 * rng.lognormalFactor(sigma: 0.6) * 100).rounded()))
                let initCenti: Int64 = rng.chance(0.05) ? Int64(rng.int(in: 10_000...90_000)) : 0
                let inv = SimulatedInvocation(
                    idHigh: rng.next(), idLow: rng.next(), startMs: t, durationCenti: duration, initCenti: initCenti,
                    billedMs: (duration + initCenti + 99) / 100, memoryMB: memory,
                    maxMemoryUsedMB: min(memory, 40 + rng.int(in: 0...60)), outcome: .success, sampled: false,
                    onProvisioned: false, attempt: 0, toDeadLetter: false)
                line.removeAll(keepingCapacity: true)
                NumberFormat.appendISO(millis: t, fraction: true, zulu: true, to: &line)
                line.append(UInt8(ascii: " "))
                ReportLogWriter.appendReport(inv, to: &line)
                line.append(10)
                try out.bytes(line)
                total += inv.billedMs * Int64(memory)
                rows += 1
            }
            try out.close()
            bytes += out.bytesWritten
            files.append(name)
        }
        return Summary(rows: rows, bytes: bytes, total: Double(total), files: files)
    }
}
