import LambdaCostCore

/// Account-wide feasibility of reserved concurrency (BRIEF §3): the reservations of all functions
/// must leave at least the unreserved minimum under the account limit.
public enum ConcurrencyPlanCheck {
    /// AWS's error text when a reservation would leave too little unreserved concurrency.
    public static func awsMessage(unreservedMinimum: Int) -> String {
        "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution"
            + " below its minimum value of [\(unreservedMinimum)]"
    }

    /// Checks a plan of reservations in order, as AWS would apply them one by one.
    ///
    /// The first function whose reservation pushes unreserved concurrency below the minimum gets
    /// AWS's error; later ones are also reported, since each would fail the same way.
    /// - Parameters:
    ///   - reservations: functions and their reserved concurrency (nil = none).
    ///   - accountLimit: the Region's concurrency limit (1,000 by default).
    ///   - unreservedMinimum: what must stay unreserved (100 by default; 10 on small accounts).
    ///   - otherReserved: concurrency reserved by functions outside the plan.
    /// - Returns: problems with code `reserved_concurrency_infeasible` or
    ///   `reserved_concurrency_negative`; empty when the plan fits.
    public static func check(
        reservations: [(function: FunctionIdentity, reserved: Int?)], accountLimit: Int = 1000,
        unreservedMinimum: Int = 100, otherReserved: Int = 0
    ) -> [ModelProblem] {
        var problems: [ModelProblem] = []
        var reserved = otherReserved
        for (function, value) in reservations {
            guard let value else { continue }
            if value < 0 {
                problems.append(
                    ModelProblem(
                        code: "reserved_concurrency_negative",
                        message: "\(function): reserved concurrency \(value) is negative"))
                continue
            }
            reserved += value
            let unreserved = accountLimit - reserved
            if unreserved < unreservedMinimum {
                problems.append(
                    ModelProblem(
                        code: "reserved_concurrency_infeasible",
                        message: awsMessage(unreservedMinimum: unreservedMinimum)
                            + " (function \(function) reserves \(value); reservations total \(reserved) of account"
                            + " limit \(accountLimit), leaving \(unreserved) unreserved)"))
            }
        }
        return problems
    }
}
