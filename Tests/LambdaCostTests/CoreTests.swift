import Testing
@testable import LambdaCostCore

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2024-09-29T22:10:00+00:00", Int64(1_727_647_800_000)),
        ("2014-04-09T11:18:00Z", Int64(1_397_042_280_000)),
        ("2024-09-18 22:00:00", Int64(1_726_696_800_000)),
        ("2025-07-29 20:09:02.638", Int64(1_753_819_742_638)),
        ("2024-09-29T23:10:00.5+01:00", Int64(1_727_647_800_500)),
        ("1552518348220", Int64(1_552_518_348_220)),
        ("1552518348", Int64(1_552_518_348_000)),
        ("2024-09-18", Int64(1_726_617_600_000)),
    ])
    func parsesAWSForms(text: String, expected: Int64) {
        #expect(Timestamp.parseMillis(text) == expected)
    }

    @Test(arguments: ["", "yesterday", "2024-13-01T00:00:00Z", "2024-09-18T22:00:00Q", "12ab"])
    func rejectsGarbage(text: String) {
        #expect(Timestamp.parseMillis(text) == nil)
    }

    @Test func formatsISO() {
        #expect(Timestamp.iso8601(millis: 1_397_042_280_000) == "2014-04-09T11:18:00Z")
    }
}

@Suite struct MonthTests {
    @Test func arithmetic() throws {
        let m = try #require(Month(parsing: "2024-02"))
        #expect(m.hours == 29 * 24)
        #expect(m.next.description == "2024-03")
        #expect(m.previous.description == "2024-01")
        #expect(Month(containingEpochSeconds: m.endEpochSeconds - 1) == m)
        #expect(Month(parsing: "2024-2") == nil)
    }
}

@Suite struct LogHistogramTests {
    @Test func quantilesWithinOnePercent() throws {
        var h = LogHistogram()
        var values: [Double] = []
        var x: UInt64 = 42
        for _ in 0..<20_000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let v = 1 + Double(x >> 11) / Double(1 << 53) * 5000
            values.append(v)
            h.add(v)
        }
        values.sort()
        for q in [0.5, 0.9, 0.99] {
            let exact = values[Int((q * Double(values.count)).rounded(.up)) - 1]
            let estimate = try #require(h.quantile(q))
            #expect(abs(estimate - exact) / exact <= 0.0101)
        }
    }

    @Test func encodeDecodeAndMergeRoundTrip() throws {
        var a = LogHistogram()
        var b = LogHistogram()
        for v in [0.001, 1.0, 12.5, 900_000.0] { a.add(v) }
        for v in [3.0, 12.5] { b.add(v, count: 3) }
        let decoded = try LogHistogram(encoded: a.encoded())
        #expect(decoded == a)
        var merged = decoded
        merged.merge(b)
        #expect(merged.totalCount == 10)
        #expect(try LogHistogram(encoded: merged.encoded()) == merged)
    }

    @Test func intHistogramRoundTrip() throws {
        var h = IntHistogram()
        for v in [88, 88, 90, 367] { h.add(v) }
        let d = try IntHistogram(encoded: h.encoded())
        #expect(d == h)
        #expect(d.quantile(0.5) == 88)
        #expect(d.maximum == 367)
    }
}

@Suite struct ContentHasherTests {
    @Test func knownVector() {
        #expect(ContentHasher.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

@Suite struct FunctionIdentityTests {
    @Test func arnFoldsQualifier() {
        let id = FunctionIdentity.fromLambdaARN("arn:aws:lambda:us-west-2:123456789012:function:orders:live")
        #expect(id == FunctionIdentity(account: "123456789012", region: "us-west-2", name: "orders"))
        #expect(FunctionIdentity.fromLambdaARN("arn:aws:sqs:us-west-2:1:q") == nil)
    }
}
