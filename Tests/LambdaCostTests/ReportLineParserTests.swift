import Foundation
import Testing
@testable import LambdaCostIngest

@Suite struct ReportLineParserTests {
    func parse(_ line: String) throws -> ReportLine? {
        var s = line
        return try s.withUTF8 { utf8 -> ReportLine? in
            let raw = UnsafeRawBufferPointer(utf8)
            guard let offset = ReportLineParser.reportOffset(raw) else { return nil }
            return try ReportLineParser.parse(raw, at: offset)
        }
    }

    @Test func everyCorpusReportLineParses() throws {
        let text = try Fixtures.text("corpus/report-lines.devguide.log")
        var parsed = 0
        var billedMBMs = 0
        for line in text.split(separator: "\n") {
            guard let r = try parse(String(line)) else {
                #expect(line.hasPrefix("XRAY"))
                continue
            }
            parsed += 1
            billedMBMs += Int(r.billedMs) * r.memoryMB
        }
        #expect(parsed == 13)
        // Σ billed ms × memory, added up by hand from the 13 lines of the corpus file.
        #expect(billedMBMs == 128 * (100 + 80 + 39 + 200 + 16 + 3 + 13 + 300 + 977) + 256 * (4200 + 1) + 512 * (200 + 4000))
    }

    @Test func tabSeparatedWithInitDuration() throws {
        let r = try #require(try parse("REPORT RequestId: d1cf0ccb-xmpl-46e6-950d-04c96c9b1c5d\tDuration: 4157.16 ms\tBilled Duration: 4200 ms\tMemory Size: 256 MB\tMax Memory Used: 99 MB\tInit Duration: 841.60 ms"))
        #expect(r.durationCentiMs == 415_716)
        #expect(r.billedMs == 4200)
        #expect(r.memoryMB == 256)
        #expect(r.maxMemoryUsedMB == 99)
        #expect(r.initCentiMs == 84_160)
        #expect(r.status == .success)
    }

    @Test func spaceSeparatedOldBillingAndInitFirst() throws {
        let a = try #require(try parse("REPORT RequestId: 3604209a-e9a3-11e6-939a-754dd98c7be3\tDuration: 12.34 ms\tBilled Duration: 100 ms Memory Size: 128 MB\tMax Memory Used: 18 MB"))
        #expect(a.durationCentiMs == 1234 && a.billedMs == 100 && a.memoryMB == 128 && a.maxMemoryUsedMB == 18 && a.initCentiMs == nil)
        let b = try #require(try parse("REPORT RequestId: f8ac1208... Init Duration: 48.26 ms   Duration: 237.17 ms   Billed Duration: 300 ms   Memory Size: 128 MB   Max Memory Used: 26 MB"))
        #expect(b.initCentiMs == 4826 && b.durationCentiMs == 23_717 && b.billedMs == 300)
    }

    @Test func xrayOnTheSameLineAndTrailingTab() throws {
        let a = try #require(try parse("REPORT RequestId: c793869b-ee49-115b-a5b6-4fd21e8dedac\tDuration: 128.83 ms\tBilled Duration: 200 ms\tMemory Size: 128 MB\tMax Memory Used: 74 MB\tInit Duration: 166.62 ms\tXRAY TraceId: 1-5d9d007f-0a8c7fd02xmpl480aed55ef0\tSegmentId: 3d752xmpl1bbe37e\tSampled: true"))
        #expect(a.initCentiMs == 16_662 && a.billedMs == 200)
        let b = try #require(try parse("REPORT RequestId: 4ce9340a-b765-490f-ad8a-02ab3415e2bf\tDuration: 26.73 ms\tBilled Duration: 27 ms \tMemory Size: 128 MB\tMax Memory Used: 75 MB\t"))
        #expect(b.billedMs == 27 && b.maxMemoryUsedMB == 75)
    }

    @Test func statusFieldsRestoreAndUnknownKeys() throws {
        let t = try #require(try parse("2026-10-01T00:00:45.100Z REPORT RequestId: x-1\tDuration: 45054.87 ms\tBilled Duration: 45000 ms\tMemory Size: 512 MB\tMax Memory Used: 88 MB\tStatus: timeout"))
        #expect(t.status == .timeout && t.billedMs == 45000)
        let e = try #require(try parse("REPORT RequestId: x-2\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\tStatus: error\tError Type: Runtime.OutOfMemory\tFuture Field: 7 units"))
        #expect(e.status == .error)
        let s = try #require(try parse("REPORT RequestId: x-3\tDuration: 10.00 ms\tBilled Duration: 180 ms\tMemory Size: 1024 MB\tMax Memory Used: 90 MB\tRestore Duration: 300.12 ms\tBilled Restore Duration: 170 ms"))
        #expect(s.restoreCentiMs == 30_012 && s.billedRestoreMs == 170)
    }

    @Test func consolePrefixIsAccepted() throws {
        let r = try #require(try parse("17:39:45 REPORT RequestId: abc\tDuration: 2.00 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB"))
        #expect(r.billedMs == 2)
    }

    @Test func malformedLinesSayWhereAndWhat() {
        #expect(throws: ReportLineParser.Failure.self) {
            _ = try parse("REPORT RequestId: abc\tDuration: 12.x ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB")
        }
        do {
            _ = try parse("REPORT RequestId: abc\tDuration: 12.00 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB")
            Issue.record("a REPORT line without Billed Duration parsed")
        } catch let f as ReportLineParser.Failure {
            #expect(f.expected.contains("Billed Duration"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func otherLinesAreNotReports() throws {
        #expect(try parse("START RequestId: abc Version: $LATEST") == nil)
        #expect(try parse("END RequestId: abc") == nil)
        #expect(try parse("XRAY TraceId: 1-5e7e8131-7ff0xmpl32bfb31045d0a3bb\tSegmentId: 0152xmpl6016310f\tSampled: true") == nil)
        #expect(try parse("INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout") == nil)
    }
}
