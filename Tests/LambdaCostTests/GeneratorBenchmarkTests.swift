import Foundation
import LambdaCostCore
import Testing

@testable import LambdaCostGenerator

@Suite struct GeneratorBenchmarkTests {
    @Test func wideCURHasOneHundredTwentyColumnsAndTwoRowsPerFunctionHour() throws {
        let folder = GeneratorFixture.tempFolder("bench-cur")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bench.csv")
        let summary = try BenchmarkData.writeCUR(to: file, functions: 7, hours: 5, seed: 1)
        let text = try String(contentsOf: file, encoding: .utf8)
        var lines = text.split(separator: "\n")
        let header = GeneratorFixture.csvFields(lines.removeFirst())
        #expect(header.count == 120)
        #expect(Set(header).count == 120)
        #expect(header.contains("lineItem/UnblendedCost") && header.contains("resourceTags/user:team"))
        #expect(lines.count == 7 * 5 * 2)
        #expect(summary.rows == lines.count)
        #expect(summary.bytes == Int64(text.utf8.count))
        let costColumn = try #require(header.firstIndex(of: "lineItem/UnblendedCost"))
        let amountColumn = try #require(header.firstIndex(of: "lineItem/UsageAmount"))
        let rateColumn = try #require(header.firstIndex(of: "lineItem/UnblendedRate"))
        var total = 0.0
        for line in lines {
            let f = GeneratorFixture.csvFields(line)
            #expect(f.count == 120)
            let cost = Double(f[costColumn])!
            #expect(abs(cost - Double(f[amountColumn])! * Double(f[rateColumn])!) <= 1e-11 * max(cost, 1e-9))
            total += cost
        }
        #expect(abs(total - summary.total) <= 1e-10 * summary.total)
        let again = folder.appendingPathComponent("again.csv")
        _ = try BenchmarkData.writeCUR(to: again, functions: 7, hours: 5, seed: 1)
        #expect(try Data(contentsOf: again) == Data(contentsOf: file))
    }

    @Test func reportLogsSplitLinesAcrossFunctionsInTimeOrder() throws {
        let folder = GeneratorFixture.tempFolder("bench-log")
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try BenchmarkData.writeReportLog(to: folder, lines: 1001, functions: 3, seed: 2)
        #expect(summary.files == ["bench-fn-0.log", "bench-fn-1.log", "bench-fn-2.log"])
        var count = 0
        var mbms = 0.0
        for name in summary.files {
            let lines = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n")
            #expect(lines.map { $0.prefix(24) } == lines.map { $0.prefix(24) }.sorted())
            for line in lines {
                #expect(line.dropFirst(25).hasPrefix("REPORT RequestId: "))
                let billed = try #require(GeneratorFixture.field(line, "Billed Duration: "))
                let memory = try #require(GeneratorFixture.field(line, "Memory Size: "))
                mbms += billed * memory
                count += 1
            }
        }
        #expect(count == 1001)
        #expect(summary.rows == 1001)
        #expect(mbms == summary.total)
    }
}
