import LambdaCostCore

/// What the bill says Lambda and the services around it cost in a month, split by cost key.
public struct BilledCosts: Sendable, Hashable {
    /// Cost attributed to functions (their Lambda lines and `/aws/lambda/<name>` log groups).
    public var functions: [FunctionIdentity: CostBreakdown]
    /// Cost of the detailed services (Lambda, CloudWatch, X-Ray, SQS) that names no function.
    public var accountLevel: CostBreakdown

    /// Creates the value.
    public init(functions: [FunctionIdentity: CostBreakdown] = [:], accountLevel: CostBreakdown = .zero) {
        self.functions = functions
        self.accountLevel = accountLevel
    }

    /// Everything: functions plus account level.
    public var total: CostBreakdown { functions.values.reduce(accountLevel, +) }
}
