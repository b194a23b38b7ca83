import Foundation

/// The Erlang-B loss formula: the probability that an arrival finds all `c` servers busy when
/// Poisson traffic of `A` erlangs is offered and blocked arrivals are lost (BRIEF §4). Used for
/// throttles under reserved concurrency and for spillover past provisioned concurrency.
public enum ErlangB {
    /// The blocking probability B(c, A).
    ///
    /// Uses the recursion B(k) = A·B(k−1) / (k + A·B(k−1)), B(0) = 1, whose terms stay in (0, 1]
    /// and so neither overflow nor lose precision, unlike the factorial form, for c up to 10,000
    /// and any load. When c exceeds A by far more than the Poisson spread, B is below 1e−20 and the
    /// loop is skipped: that keeps the common "lots of headroom" case O(1).
    /// - Parameters:
    ///   - servers: c ≥ 0; 0 blocks everything offered.
    ///   - offeredLoad: A in erlangs (arrival rate × mean holding time); ≤ 0 means nothing arrives.
    public static func blocking(servers: Int, offeredLoad: Double) -> Double {
        guard offeredLoad > 0, offeredLoad.isFinite else { return offeredLoad.isInfinite ? 1 : 0 }
        guard servers > 0 else { return 1 }
        let c = Double(servers)
        if c > offeredLoad + 12 * offeredLoad.squareRoot() + 40 { return 0 }
        var b = 1.0
        for k in 1...servers {
            b = offeredLoad * b / (Double(k) + offeredLoad * b)
        }
        return b
    }

    /// The throttle rate of a function over a month: the arrival-weighted mean of B(c, A_h) with
    /// A_h = λ_h · E[D] for each hour h (Little's law per interval).
    ///
    /// Hourly averages hide bursts inside the hour, so this is a lower estimate of throttling for
    /// spiky traffic; callers compare it with observed Throttles where they have them.
    /// - Parameters:
    ///   - hourlyArrivals: arrivals per hour (ideally invocations plus throttles).
    ///   - meanDurationSeconds: E[D], the mean time an invocation holds an environment.
    ///   - servers: the concurrency available to the function.
    /// - Returns: a fraction in [0, 1]; 0 when nothing arrives.
    public static func throttleRate(hourlyArrivals: [Int], meanDurationSeconds: Double, servers: Int) -> Double {
        var total = 0.0
        var blocked = 0.0
        var cache: [Int: Double] = [:]
        for arrivals in hourlyArrivals where arrivals > 0 {
            let b: Double
            if let hit = cache[arrivals] {
                b = hit
            } else {
                b = blocking(servers: servers, offeredLoad: Double(arrivals) / 3600 * meanDurationSeconds)
                cache[arrivals] = b
            }
            total += Double(arrivals)
            blocked += Double(arrivals) * b
        }
        return total > 0 ? blocked / total : 0
    }

    /// The load carried by `servers` environments per hour and what spills over, summed over the
    /// month: used for provisioned concurrency, where calls that find every provisioned
    /// environment busy run on demand instead of being lost.
    /// - Returns: `spilloverFraction` (arrival-weighted B), and `carriedErlangHours`, the sum over
    ///   hours of A_h·(1 − B), i.e. busy environment-hours on the provisioned pool.
    public static func overflow(hourlyArrivals: [Int], meanDurationSeconds: Double, servers: Int)
        -> (spilloverFraction: Double, carriedErlangHours: Double)
    {
        var total = 0.0
        var blocked = 0.0
        var carried = 0.0
        for arrivals in hourlyArrivals where arrivals > 0 {
            let load = Double(arrivals) / 3600 * meanDurationSeconds
            let b = blocking(servers: servers, offeredLoad: load)
            total += Double(arrivals)
            blocked += Double(arrivals) * b
            carried += load * (1 - b)
        }
        return (total > 0 ? blocked / total : 0, carried)
    }
}
