import Foundation

/// The hidden truth behind a synthetic function's traffic and behaviour: what a model fitted to
/// the generated exports should recover.
public struct SyntheticWorkload: Sendable, Hashable {
    /// Expected invocations in a 30-day month before throttling (scaled to the month's length).
    public var monthlyInvocations: Double
    /// 24 relative weights, one per UTC hour of day (need not sum to 1).
    public var hourlyShape: [Double]
    /// Traffic on Saturdays and Sundays relative to weekdays.
    public var weekendFactor: Double
    /// Mean I/O (memory-independent) part of the duration, ms.
    public var ioMilliseconds: Double
    /// Mean CPU part of the duration at ``referenceMemoryMB``, ms.
    public var cpuMilliseconds: Double
    /// The memory size at which ``cpuMilliseconds`` holds.
    public var referenceMemoryMB: Int
    /// Threads the code can use (BRIEF §4: `s(m) = min(m, 1769·k)/1769`).
    public var threads: Int
    /// Log-space standard deviation of the duration's lognormal spread.
    public var durationSpread: Double
    /// Probability that an invocation ends with `Status: error`.
    public var errorRate: Double
    /// Probability that an event is poison: every attempt fails, so an async function retries it
    /// twice and then sends it to its dead-letter queue.
    public var poisonRate: Double
    /// Probability that an invocation hangs until the timeout.
    public var timeoutRate: Double
    /// Probability that an on-demand invocation is a cold start.
    public var coldStartRate: Double
    /// Median init duration of a cold start, ms.
    public var initMedianMilliseconds: Double
    /// Log-space standard deviation of the init duration.
    public var initSpread: Double
    /// Median Max Memory Used, MB.
    public var memoryUsedMedianMB: Double
    /// Log-space standard deviation of Max Memory Used.
    public var memoryUsedSpread: Double
    /// Bytes of application log text per invocation (one app line of about this size).
    public var appLogBytes: Int
    /// Probability that an arrival is a burst of several near-simultaneous invocations (fan-out).
    public var burstProbability: Double
    /// Largest burst size (bursts are uniform in 2...burstSize).
    public var burstSize: Int

    /// A workload with defaults for everything but volume and duration.
    public init(
        monthlyInvocations: Double, hourlyShape: [Double] = SyntheticWorkload.diurnal(peakHour: 15, peakToTrough: 4),
        weekendFactor: Double = 1, ioMilliseconds: Double, cpuMilliseconds: Double, referenceMemoryMB: Int,
        threads: Int = 1, durationSpread: Double = 0.35, errorRate: Double = 0.002, poisonRate: Double = 0, timeoutRate: Double = 0,
        coldStartRate: Double = 0.01, initMedianMilliseconds: Double = 250, initSpread: Double = 0.25,
        memoryUsedMedianMB: Double = 80, memoryUsedSpread: Double = 0.1, appLogBytes: Int = 120,
        burstProbability: Double = 0, burstSize: Int = 1
    ) {
        self.monthlyInvocations = monthlyInvocations
        self.hourlyShape = hourlyShape
        self.weekendFactor = weekendFactor
        self.ioMilliseconds = ioMilliseconds
        self.cpuMilliseconds = cpuMilliseconds
        self.referenceMemoryMB = referenceMemoryMB
        self.threads = threads
        self.durationSpread = durationSpread
        self.errorRate = errorRate
        self.poisonRate = poisonRate
        self.timeoutRate = timeoutRate
        self.coldStartRate = coldStartRate
        self.initMedianMilliseconds = initMedianMilliseconds
        self.initSpread = initSpread
        self.memoryUsedMedianMB = memoryUsedMedianMB
        self.memoryUsedSpread = memoryUsedSpread
        self.appLogBytes = appLogBytes
        self.burstProbability = burstProbability
        self.burstSize = burstSize
    }

    /// A day shape peaking at `peakHour` (UTC) with the given peak-to-trough ratio (cosine).
    public static func diurnal(peakHour: Int, peakToTrough: Double) -> [Double] {
        let low = 1.0
        let high = max(peakToTrough, 1)
        return (0..<24).map { h in
            let phase = 2 * Double.pi * Double(h - peakHour) / 24
            return low + (high - low) * (1 + cos(phase)) / 2
        }
    }

    /// Mean duration at `memoryMB` from the model truth (BRIEF §4), before the lognormal spread.
    public func meanDurationMilliseconds(memoryMB: Int) -> Double {
        ioMilliseconds + cpuMilliseconds * Self.speed(referenceMemoryMB, threads: threads) / Self.speed(memoryMB, threads: threads)
    }

    /// Relative CPU speed `s(m) = min(m, 1769·k)/1769`, k capped at 6 vCPUs.
    public static func speed(_ memoryMB: Int, threads: Int) -> Double {
        let k = Double(min(max(threads, 1), 6))
        return min(Double(memoryMB), 1769 * k) / 1769
    }
}
