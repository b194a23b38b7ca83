import LambdaCostCore
import LambdaCostModel
import LambdaCostPricing
import LambdaCostReport
import LambdaCostStore

/// Builds a ``MonthReport`` from the store and the model: the month summary, one cost-strategy
/// recommendation per function, trade-off curves and duration histograms for the most
/// expensive functions, daily cost, and coverage. Deterministic for the same database.
struct MonthReportBuilder {
    let store: Store
    let catalog: PriceCatalog
    let databasePath: String
    var options = SimulatorOptions()
    var constraints = RecommendationConstraints()
    /// How many of the most expensive functions get charts.
    var chartFunctions = 3

    func build(month requested: Month?) throws -> MonthReport {
        let analysis = try MonthAnalysis.load(store: store, catalog: catalog, month: requested, options: options, databasePath: databasePath)
        let month = analysis.month
        let summary = try MonthSummaryBuilder(store: store, catalog: catalog).build(month: month, functionName: nil)
        let recs = RecommendCommand.recommendations(analysis, constraints: constraints, strategy: .cost, weight: 0.5)
        let recByFunction = Dictionary(recs.map { ($0.function, $0) }, uniquingKeysWith: { a, _ in a })
        let coverage = try store.reportCoverage(month: month)
        let usage = try dailyUsage(month: month)

        var rows: [MonthReport.FunctionRow] = []
        for f in summary.functions {
            let identity = FunctionIdentity(account: f.account, region: f.region, name: f.function)
            let u = usage[identity] ?? FunctionDays()
            let failed = min(f.errors, f.invocations)  // Errors include timeouts (CloudWatch's definition).
            let share = f.invocations > 0 ? Double(failed) / Double(f.invocations) : 0
            rows.append(
                MonthReport.FunctionRow(
                    function: f.function, account: f.account, region: f.region, arch: f.arch, memoryMB: f.memoryMB, invocations: f.invocations,
                    errors: f.errors, timeouts: f.timeouts, coldStarts: f.coldStarts, durationMs: f.durationMs, maxDurationMs: f.durationMs.max,
                    maxMemoryUsedMB: f.maxMemoryUsedMB, modeledCostUSD: f.modeledCostUSD, billedCostUSD: f.billedCostUSD,
                    errorCostUSD: (f.modeledCostUSD.compute + f.modeledCostUSD.requests) * share,
                    throttles: f.throttles, concurrencyPeak: f.concurrencyPeak, configurationObserved: f.configuration != nil,
                    daysWithoutLogs: (0..<month.days).filter { u.invocations[$0] == 0 }.map { dayString(month, $0) }))
            rows[rows.count - 1].drift = f.drift
        }
        rows.sort { ($0.modeledCostUSD.total, $1.function) > ($1.modeledCostUSD.total, $0.function) }
        let identities = rows.map { FunctionIdentity(account: $0.account, region: $0.region, name: $0.function) }
        let orderedRecs = identities.compactMap { recByFunction[$0] }

        let categories = rows.reduce(CostBreakdown.zero) { $0 + $1.modeledCostUSD }
        let savings = MonthReport.SavingsRange(
            low: orderedRecs.reduce(0) { $0 + $1.savings.low }, expected: orderedRecs.reduce(0) { $0 + $1.savings.expected },
            high: orderedRecs.reduce(0) { $0 + $1.savings.high })
        let previous = try previousTotal(month.previous)
        let headline = MonthReport.Headline(
            totalUSD: categories.total, afterFreeTierUSD: summary.totals.modeledCostUSD.total,
            byService: [
                "lambda": categories.compute + categories.requests + categories.provisioned + categories.ephemeralStorage,
                "cloudwatch_logs": categories.logsIngest + categories.logsStorage, "xray": categories.xray, "sqs": categories.sqs,
                "other": categories.other,
            ],
            billedUSD: summary.totals.billedCostUSD?.total, previousTotalUSD: previous, previousSource: previous == nil ? nil : "database", savingsUSD: savings)

        let top = Array(identities.prefix(chartFunctions))
        var curves: [MonthReport.MemoryCurve] = []
        for identity in top {
            guard let rec = recByFunction[identity], let built = analysis.profiles.first(where: { $0.profile.function == identity }),
                let simulator = Simulator(profile: built.profile, options: analysis.options)
            else { continue }
            curves.append(curve(rec, simulator: simulator, pricing: analysis.pricing))
        }
        let histograms = top.compactMap { id in usage[id].map { histogram(name: id.name, $0.durations) } }

        var daily: [MonthReport.DailyCost] = []
        for day in 0..<month.days {
            var cost = 0.0
            var invocations: Int64 = 0
            for row in rows {
                let id = FunctionIdentity(account: row.account, region: row.region, name: row.function)
                guard let u = usage[id] else { continue }
                cost += u.cost(day: day, of: row.modeledCostUSD, days: month.days)
                invocations += u.invocations[day]
            }
            daily.append(MonthReport.DailyCost(date: dayString(month, day), costUSD: cost, invocations: invocations))
        }

        // Functions the bill charges that ran no invocations this month.
        let facts = try MonthFacts.load(store: store, month: month)
        let withData = Set(identities)
        let idle: [String]? = facts.billed.map { billed in
            billed.functions.filter { !withData.contains($0.key) && $0.value.total > 0.005 }.keys.map(\.name).sorted()
        }
        let settings = identities.first.flatMap { facts.settings(for: $0) }
        let reserved = recs.reduce(0) { $0 + ($1.current.reservedConcurrency ?? 0) }
        let recommendedReserved = recs.reduce(0) { $0 + ($1.recommended.reservedConcurrency ?? 0) }
        var assumptions = summary.assumptions + analysis.profiles.flatMap(\.assumptions) + RecommendCommand.modelAssumptions(analysis.options)
        assumptions.append("Recommendations use the cost strategy; savings and the curves are the model's predictions for this month's workload.")
        assumptions.append("Trade-off curves are drawn on the recommended architecture; the current memory is marked on that curve.")
        assumptions.append("Daily cost spreads each function's monthly compute by its billed GB-seconds per day, provisioned concurrency and log storage evenly over the days, and the rest by invocations per day.")
        return MonthReport(
            month: month.description, headline: headline, functions: rows, categories: categories,
            recommendations: orderedRecs.map(RecommendationJSON.init), memoryCurves: curves, durationHistograms: histograms, dailyCost: daily,
            concurrency: MonthReport.ConcurrencyFacts(
                accountLimit: settings?.concurrencyLimit ?? analysis.options.accountConcurrencyLimit, unreservedMinimum: analysis.options.unreservedMinimum,
                reservedTotal: reserved, recommendedReservedTotal: recommendedReserved),
            coverage: MonthReport.Coverage(
                daysWithLogs: daily.filter { $0.invocations > 0 }.count, daysInMonth: month.days, metricsIngested: coverage.metrics,
                billsIngested: coverage.bills, configurationIngested: coverage.configuration, functionsWithoutInvocations: idle),
            assumptions: assumptions, prices: summary.prices)
    }

    /// One function's month per day, and its merged duration histogram.
    struct FunctionDays {
        var invocations = [Int64](repeating: 0, count: 31)
        var mbMs = [Int64](repeating: 0, count: 31)
        var durations = LogHistogram()

        /// A day's share: compute by billed work that day, time-based charges (provisioned
        /// concurrency, log storage) evenly over the month's days, the rest by invocations.
        func cost(day: Int, of cost: CostBreakdown, days: Int) -> Double {
            let inv = invocations.reduce(0, +)
            let work = mbMs.reduce(0, +)
            let byWork = work > 0 ? cost.compute * Double(mbMs[day]) / Double(work) : 0
            let timeBased = cost.provisioned + cost.logsStorage
            let byTime = timeBased / Double(days)
            let byCount = inv > 0 ? (cost.total - cost.compute - timeBased) * Double(invocations[day]) / Double(inv) : 0
            return byWork + byTime + byCount
        }
    }

    func dailyUsage(month: Month) throws -> [FunctionIdentity: FunctionDays] {
        let functions = try store.functions()
        let fromHour = month.startEpochSeconds / 3600
        var out: [FunctionIdentity: FunctionDays] = [:]
        for (fid, hours) in try store.invocationHours(fromHour: fromHour, toHour: month.endEpochSeconds / 3600) {
            guard let identity = functions[fid] else { continue }
            var d = out[identity] ?? FunctionDays()
            for h in hours {
                let day = Int((h.hour - fromHour) / 24)
                guard (0..<31).contains(day) else { continue }
                d.invocations[day] += h.invocations
                d.mbMs[day] += h.billedMBMs
                d.durations.merge(h.durations)
            }
            out[identity] = d
        }
        return out
    }

    func dayString(_ month: Month, _ day: Int) -> String {
        CivilDate(epochDay: month.startEpochSeconds / 86_400 + Int64(day)).iso
    }

    /// The previous month's total from the database, nil when it has no invocations there.
    func previousTotal(_ month: Month) throws -> Double? {
        let s = try MonthSummaryBuilder(store: store, catalog: catalog).build(month: month, functionName: nil)
        guard !s.functions.isEmpty else { return nil }
        return s.functions.reduce(0) { $0 + $1.modeledCostUSD.total }
    }

    /// Cost and p99 over the memory grid at the recommended architecture, from the memory floor
    /// to a little past the larger of current and recommended.
    func curve(_ rec: Recommendation, simulator: Simulator, pricing: ModelPricing) -> MonthReport.MemoryCurve {
        let current = rec.current.memoryMB
        let recommended = rec.recommended.memoryMB
        let upper = max(current, recommended, 1024) * 2
        var grid = Recommender.memoryGrid.filter { $0 >= min(simulator.memoryFloorMB, current, recommended) && $0 <= upper }
        for m in [current, recommended] where !grid.contains(m) { grid.append(m) }
        grid.sort()
        let points = grid.map { m -> MonthReport.MemoryCurve.Point in
            var spec = rec.recommended
            spec.memoryMB = m
            let p = simulator.predict(spec)
            let cost = pricing.cost(p.usage, arch: spec.arch, identity: rec.function).total
            return .init(memoryMB: m, costUSD: cost, p99Ms: p.durationP99Ms)
        }
        return MonthReport.MemoryCurve(
            function: rec.function.name, arch: rec.recommended.arch.rawValue, currentMemoryMB: current, recommendedMemoryMB: recommended,
            points: points)
    }

    /// About a dozen equal bins up to the p99.5, the last holding the tail.
    func histogram(name: String, _ h: LogHistogram) -> MonthReport.DurationHistogram {
        let top = h.quantile(0.995) ?? 1
        let raw = max(top / 12, 0.01)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let width = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let bins = Int((top / width).rounded(.up)) + 1
        var counts = [Int64](repeating: 0, count: max(bins, 1))
        for b in h.buckets {
            let i = min(Int(LogHistogram.value(ofIndex: b.index) / width), counts.count - 1)
            counts[max(i, 0)] += Int64(b.count)
        }
        return MonthReport.DurationHistogram(function: name, binWidthMs: width, counts: counts)
    }
}
