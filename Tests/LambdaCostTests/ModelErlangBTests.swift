import LambdaCostCore
import Testing

@testable import LambdaCostModel

@Suite struct ModelErlangBTests {
    // Reference values computed independently with exact rational arithmetic of
    // B = (A^c/c!) / Σ_{k≤c} A^k/k! (Python fractions); the c = 10,000 case with the recursion in Python.
    @Test(arguments: [
        (1, 1.0, 0.5),
        (2, 1.0, 0.2),
        (3, 2.0, 0.21052631578947367),
        (5, 2.0, 0.03669724770642202),
        (10, 5.0, 0.018384570336648132),
        (20, 15.0, 0.04559321558981184),
        (50, 40.0, 0.01869067110963225),
        (100, 80.0, 0.003992028604553197),
        (10_000, 10_000.0, 0.007936563248805671),
        (10_000, 9_500.0, 9.642737926005892e-09),
    ])
    func tableValues(servers: Int, load: Double, expected: Double) {
        let b = ErlangB.blocking(servers: servers, offeredLoad: load)
        #expect(abs(b - expected) <= 1e-9 * max(1, expected) + expected * 1e-9)
        #expect(abs(b - expected) / expected < 1e-9)
    }

    @Test func edgeCases() {
        #expect(ErlangB.blocking(servers: 0, offeredLoad: 3) == 1)
        #expect(ErlangB.blocking(servers: 5, offeredLoad: 0) == 0)
        #expect(ErlangB.blocking(servers: 1000, offeredLoad: 1) == 0)
        // Heavy overload: B → 1 − c/A.
        let b = ErlangB.blocking(servers: 100, offeredLoad: 10_000)
        #expect(abs(b - 0.99) < 0.001)
    }

    @Test func throttleRateIsArrivalWeighted() {
        // A = 1 erlang in hour 0 and 2 in hour 2: B(2,1) = 1/5, B(2,2) = 2/5; weights 1:2.
        let rate = ErlangB.throttleRate(hourlyArrivals: [3600, 0, 7200], meanDurationSeconds: 1, servers: 2)
        #expect(abs(rate - (0.2 + 2 * 0.4) / 3) < 1e-12)
    }

    @Test func overflowCarriesLoad() {
        let o = ErlangB.overflow(hourlyArrivals: [3600, 3600], meanDurationSeconds: 1, servers: 2)
        #expect(abs(o.spilloverFraction - 0.2) < 1e-12)
        #expect(abs(o.carriedErlangHours - 1.6) < 1e-12)
    }
}

@Suite struct ModelConcurrencyPlanTests {
    let a = FunctionIdentity(account: "123456789012", region: "us-east-1", name: "a")
    let b = FunctionIdentity(account: "123456789012", region: "us-east-1", name: "b")

    @Test func infeasiblePlanUsesAWSWording() throws {
        let problems = ConcurrencyPlanCheck.check(
            reservations: [(a, 500), (b, 450)], accountLimit: 1000, unreservedMinimum: 100, otherReserved: 0)
        let p = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(p.code == "reserved_concurrency_infeasible")
        #expect(
            p.message.hasPrefix(
                "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100]"
            ))
        #expect(p.message.contains("/b"))
    }

    @Test func feasiblePlanAndOtherReservations() {
        #expect(ConcurrencyPlanCheck.check(reservations: [(a, 500), (b, 400), (a, nil)]).isEmpty)
        // 850 reserved elsewhere leaves 150; 60 more leaves 90 < 100.
        let problems = ConcurrencyPlanCheck.check(reservations: [(a, 60)], otherReserved: 850)
        #expect(problems.map(\.code) == ["reserved_concurrency_infeasible"])
        // Small accounts: limit 10, minimum 10 → nothing can be reserved.
        let small = ConcurrencyPlanCheck.check(reservations: [(a, 1)], accountLimit: 10, unreservedMinimum: 10)
        #expect(small.first?.message.contains("minimum value of [10]") == true)
    }

    @Test func billingRule() {
        #expect(BilledDurationRule(initBilled: false).billedMs(durationMs: 100.2, initMs: 300) == 101)
        #expect(BilledDurationRule(initBilled: true).billedMs(durationMs: 100.2, initMs: 300.5) == 401)
        #expect(BilledDurationRule(initBilled: true).billedMs(durationMs: 0.3) == 1)
        #expect(BilledDurationRule(initBilled: false).billedMs(durationMs: 120) == 120)
    }
}
