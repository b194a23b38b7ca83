import Foundation
import LambdaCostCore

/// Duration as a function of memory, `d(m) = d_io + d_cpu · s(ref)/s(m)` with
/// `s(m) = min(m, 1769·k)/1769` (BRIEF §4).
///
/// With two or more distinct CPU shares in the history the split is fitted by least squares on
/// the exact mean durations (`kind == .fitted`); otherwise it is unknown and predictions are a
/// range between "all I/O" (no change) and "all CPU" (scales with the CPU share), with the
/// midpoint as the expectation (`kind == .bounded`).
///
/// Distributions are scaled by the ratio of predicted means: every quantile moves by the same
/// factor. Aggregates only identify the split of the *mean*; how each invocation splits its time
/// is unobservable, so proportional scaling is the assumption that adds nothing beyond the data.
/// It keeps the predicted mean exact and the distribution's shape (coefficient of variation).
public struct DurationModel: Sendable, Hashable {
    /// Whether the I/O–CPU split was fitted or only bounded.
    public enum Kind: String, Sendable, Hashable, Codable {
        case fitted
        case bounded
    }

    /// MB of memory that buys one full vCPU.
    public static let megabytesPerVCPU = 1769.0
    /// Invocations beyond which a size's weight in the fit stops growing.
    public static let saturatingWeight: Int64 = 10_000
    /// The most vCPUs Lambda gives a function.
    public static let maximumVCPUs = 6

    /// Whether the split was fitted or only bounded.
    public let kind: Kind
    /// Memory of the reference sample whose histogram is scaled.
    public let referenceMemoryMB: Int
    /// Architecture of the samples the model was fitted on.
    public let arch: Architecture
    /// Threads the code can keep busy (1 for most code), capped at 6.
    public let usableThreads: Int
    /// I/O part of the mean at the reference (ms); for `.bounded` the observed mean is split
    /// 50/50 as the expectation.
    public let ioMs: Double
    /// CPU part of the mean at the reference (ms).
    public let cpuMs: Double
    /// Relative RMS residual of the fit over the sizes seen (0 for exactly two sizes).
    public let residual: Double
    /// The reference sample's duration distribution.
    public let referenceDuration: LogHistogram
    /// The reference sample's init duration distribution.
    public let referenceInit: LogHistogram
    /// Memory sizes whose own histograms were measured (same architecture).
    public let measured: [Int: MemorySample]

    /// Fits the model to a profile's samples.
    ///
    /// The reference is the sample at the configured memory and architecture, else the one with
    /// the most invocations; only samples of the reference's architecture enter the fit, since
    /// the architectures' speeds differ by an unknown ratio.
    /// - Returns: nil when no sample has invocations.
    public init?(profile: WorkloadProfile, usableThreads: Int = 1) {
        let usable = profile.samples.filter { $0.invocations > 0 }
        let config = profile.configuration
        guard
            let reference = usable.first(where: { $0.memoryMB == config.memoryMB && $0.arch == config.arch })
                ?? usable.max(by: { $0.invocations < $1.invocations })
        else { return nil }
        let seen = Set(usable.map(\.memoryMB))
        let earlier = profile.history.filter { $0.invocations > 0 && !seen.contains($0.memoryMB) }
        self.init(samples: (usable + earlier).filter { $0.arch == reference.arch }, reference: reference, usableThreads: usableThreads)
    }

    /// Fits the model to samples of one architecture, scaling `reference`'s histogram.
    public init(samples: [MemorySample], reference: MemorySample, usableThreads: Int = 1) {
        let threads = min(max(usableThreads, 1), Self.maximumVCPUs)
        self.usableThreads = threads
        self.referenceMemoryMB = reference.memoryMB
        self.arch = reference.arch
        self.referenceDuration = reference.duration
        self.referenceInit = reference.initDuration
        var measured: [Int: MemorySample] = [:]
        for s in samples where s.invocations > 0 {
            if let old = measured[s.memoryMB], old.invocations >= s.invocations { continue }
            measured[s.memoryMB] = s
        }
        self.measured = measured
        let refMean = reference.meanDurationMs ?? 0
        let refShare = Self.cpuShare(memoryMB: reference.memoryMB, usableThreads: threads)
        // Points (x, mean, weight) with x = s(ref)/s(m): mean = d_io + d_cpu·x is linear in x.
        // Weights saturate so a size seen a handful of times counts less, while a huge sample
        // cannot drown the others.
        let points = measured.values.compactMap { s -> (x: Double, y: Double, w: Double)? in
            guard let mean = s.meanDurationMs else { return nil }
            let x = refShare / Self.cpuShare(memoryMB: s.memoryMB, usableThreads: threads)
            return (x, mean, Double(min(s.invocations, Self.saturatingWeight)))
        }
        let xs = Set(points.map { ($0.x * 1e9).rounded() })
        guard xs.count >= 2 else {
            kind = .bounded
            ioMs = refMean / 2
            cpuMs = refMean / 2
            residual = 0
            return
        }
        let n = points.reduce(0) { $0 + $1.w }
        let mx = points.reduce(0) { $0 + $1.w * $1.x } / n
        let my = points.reduce(0) { $0 + $1.w * $1.y } / n
        let sxx = points.reduce(0) { $0 + $1.w * ($1.x - mx) * ($1.x - mx) }
        let sxy = points.reduce(0) { $0 + $1.w * ($1.x - mx) * ($1.y - my) }
        var slope = sxy / sxx
        var intercept = my - slope * mx
        // Negative parts are noise, not physics: clamp and refit the other part alone.
        if slope < 0 {
            slope = 0
            intercept = my
        } else if intercept < 0 {
            intercept = 0
            slope = points.reduce(0) { $0 + $1.w * $1.x * $1.y } / points.reduce(0) { $0 + $1.w * $1.x * $1.x }
        }
        var squared = 0.0
        for p in points where p.y > 0 {
            squared += p.w * pow((intercept + slope * p.x - p.y) / p.y, 2)
        }
        residual = (squared / n).squareRoot()
        kind = .fitted
        ioMs = intercept
        cpuMs = slope
    }

    /// The CPU share s(m) = min(m, 1769·k)/1769.
    public static func cpuShare(memoryMB: Int, usableThreads: Int) -> Double {
        let k = Double(min(max(usableThreads, 1), maximumVCPUs))
        return min(Double(memoryMB), megabytesPerVCPU * k) / megabytesPerVCPU
    }

    /// s(ref)/s(m): how much longer CPU work takes at `memoryMB` than at the reference.
    public func cpuStretch(memoryMB: Int) -> Double {
        Self.cpuShare(memoryMB: referenceMemoryMB, usableThreads: usableThreads)
            / Self.cpuShare(memoryMB: memoryMB, usableThreads: usableThreads)
    }

    /// Factors that multiply every reference duration to predict `memoryMB`: the expectation and
    /// the low–high range. For `.bounded` the range is all-I/O (1) to all-CPU (the stretch); for
    /// `.fitted` it is ±max(5 %, fit residual) of the predicted change, exactly 1 at the reference.
    public func scaleFactors(memoryMB: Int) -> (expected: Double, low: Double, high: Double) {
        let stretch = cpuStretch(memoryMB: memoryMB)
        switch kind {
        case .bounded:
            return ((1 + stretch) / 2, min(1, stretch), max(1, stretch))
        case .fitted:
            let total = ioMs + cpuMs
            guard total > 0 else { return (1, 1, 1) }
            let factor = (ioMs + cpuMs * stretch) / total
            let band = memoryMB == referenceMemoryMB ? 0 : max(0.05, residual) * max(abs(factor - 1), 0.02)
            return (factor, max(0, factor - band), factor + band)
        }
    }

    /// Predicted mean duration (ms) at `memoryMB`, with its range.
    public func predictedMeanMs(memoryMB: Int) -> (expected: Double, low: Double, high: Double) {
        let refMean = ioMs + cpuMs
        let f = scaleFactors(memoryMB: memoryMB)
        return (refMean * f.expected, refMean * f.low, refMean * f.high)
    }

    /// The predicted duration histogram at `memoryMB`, every bucket moved by the expected factor.
    ///
    /// Scaling a log-bucketed histogram by r shifts every index by the same whole number of
    /// buckets, so this costs one pass over the buckets and no logarithm per bucket.
    public func predictedHistogram(memoryMB: Int, factor: Double? = nil) -> LogHistogram {
        Self.scale(referenceDuration, by: factor ?? scaleFactors(memoryMB: memoryMB).expected)
    }

    /// `histogram` with every value multiplied by `factor` (> 0), to bucket resolution.
    public static func scale(_ histogram: LogHistogram, by factor: Double) -> LogHistogram {
        guard factor > 0, factor != 1 else { return histogram }
        let shift = Int32((log(factor) / log(LogHistogram.gamma)).rounded())
        var out = LogHistogram()
        for b in histogram.buckets { out.addToBucket(b.index + shift, count: b.count) }
        return out
    }
}
