import Foundation
import LambdaCostCore
import Testing

@testable import LambdaCostGenerator

@Suite struct GeneratorFormatTests {
    @Test(arguments: [
        (0.0000166667, 10, "0.0000166667"),
        (0.0000002, 10, "0.0000002"),
        (1234.5, 10, "1234.5"),
        (0.1 + 0.2, 12, "0.3"),
        (123_456_789_012.0, 12, "123456789012"),
        (1e-12, 10, "0.000000000001"),
        (10.304, 12, "10.304"),
        (99.99999999999, 10, "100"),
        (0.0, 10, "0"),
        (-2.5, 10, "-2.5"),
        (1e15, 12, "1000000000000000"),
    ])
    func decimalsArePlainAndRounded(value: Double, digits: Int, expected: String) {
        #expect(NumberFormat.decimal(value, significant: digits) == expected)
    }

    @Test func decimalsRoundTripToTwelveDigits() {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<2000 {
            let v = exp(rng.normal() * 12)
            let text = NumberFormat.decimal(v, significant: 12)
            #expect(!text.contains("e"))
            let back = Double(text)!
            #expect(abs(back - v) <= 5.1e-12 * v, "\(v) -> \(text)")
        }
    }

    @Test func isoTimestampsMatchCoreFormatting() {
        for millis: Int64 in [0, 1_793_577_909_123, 1_798_761_599_999, 951_782_400_000] {
            let z = NumberFormat.iso(millis: millis)
            #expect(z == Timestamp.iso8601(millis: millis))
            #expect(Timestamp.parseMillis(NumberFormat.iso(millis: millis, fraction: true)) == millis)
            #expect(NumberFormat.iso(millis: millis, zulu: false).hasSuffix("+00:00"))
        }
    }

    @Test func prngIsStableAcrossRunsAndStreamsDiffer() {
        // SplitMix64's published first output for seed 0 (Vigna's reference implementation).
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xe220_a839_7b1d_cdaf)
        var a = SplitMix64(seed: 5, stream: "order-processor")
        var b = SplitMix64(seed: 5, stream: "order-processor")
        var c = SplitMix64(seed: 5, stream: "image-resizer")
        let xs = (0..<4).map { _ in a.next() }
        #expect(xs == (0..<4).map { _ in b.next() })
        #expect(xs != (0..<4).map { _ in c.next() })
    }

    @Test func poissonAndLognormalHaveTheirMeans() {
        var rng = SplitMix64(seed: 11)
        let n = 20_000
        let small = (0..<n).map { _ in Double(rng.poisson(mean: 3.5)) }.reduce(0, +) / Double(n)
        let large = (0..<n).map { _ in Double(rng.poisson(mean: 120)) }.reduce(0, +) / Double(n)
        let factor = (0..<n).map { _ in rng.lognormalFactor(sigma: 0.4) }.reduce(0, +) / Double(n)
        #expect(abs(small - 3.5) < 0.05)
        #expect(abs(large - 120) < 0.5)
        #expect(abs(factor - 1) < 0.01)
    }

    @Test func reportLineHasTheRealTabSeparatedForm() {
        let inv = SimulatedInvocation(
            idHigh: 0x0123_4567_89ab_cdef, idLow: 0xfedc_ba98_7654_3210, startMs: 0, durationCenti: 10_225,
            initCenti: 18_037, billedMs: 283, memoryMB: 512, maxMemoryUsedMB: 88, outcome: .error, sampled: false,
            onProvisioned: false, attempt: 0, toDeadLetter: false)
        var bytes: [UInt8] = []
        ReportLogWriter.appendReport(inv, to: &bytes)
        let expected = "REPORT RequestId: 01234567-89ab-4def-bedc-ba9876543210\tDuration: 102.25 ms\tBilled Duration: 283 ms\t"
            + "Memory Size: 512 MB\tMax Memory Used: 88 MB\tInit Duration: 180.37 ms\tStatus: error\tError Type: Runtime.ExitError\t"
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }
}
