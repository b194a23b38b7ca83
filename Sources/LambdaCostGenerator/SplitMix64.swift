import Foundation

/// A small, fast, seedable PRNG (Steele, Lea & Flood's SplitMix64), so that the same seed gives
/// the same stream on every platform and Swift version — `SystemRandomNumberGenerator` cannot.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose stream is fully determined by `seed`.
    public init(seed: UInt64) { state = seed }

    /// A generator for one named sub-stream (a function, a month), so that adding a function
    /// to a scenario does not change the numbers drawn for the others.
    public init(seed: UInt64, stream: String, index: Int = 0) {
        // FNV-1a, because Swift's `Hasher` is randomly seeded per process.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stream.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        var mixer = SplitMix64(seed: seed ^ h ^ (UInt64(bitPattern: Int64(index)) &* 0x9e37_79b9_7f4a_7c15))
        state = mixer.next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform integer in `range` (slight modulo bias is irrelevant for synthetic data).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % span)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { p > 0 && unit() < p }

    /// A standard normal draw (Box–Muller; one value per call keeps the stream simple).
    public mutating func normal() -> Double {
        let u1 = max(unit(), 0x1.0p-60)
        let u2 = unit()
        return (-2 * Foundation.log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A lognormal factor with mean 1 and log-space standard deviation `sigma`, so that scaling a
    /// mean by it keeps the mean.
    public mutating func lognormalFactor(sigma: Double) -> Double {
        sigma <= 0 ? 1 : exp(sigma * normal() - sigma * sigma / 2)
    }

    /// A Poisson draw: Knuth's method for small means, a rounded normal approximation above 40.
    public mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 40 { return max(0, Int((mean + mean.squareRoot() * normal()).rounded())) }
        let limit = exp(-mean)
        var k = 0
        var p = unit()
        while p > limit {
            k += 1
            p *= unit()
        }
        return k
    }
}
