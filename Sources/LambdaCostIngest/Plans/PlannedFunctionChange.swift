import LambdaCostCore

/// One function as a plan changes it, with its log group and provisioned concurrency folded in.
public struct PlannedFunctionChange: Sendable, Hashable {
    /// What the plan does to the function.
    public enum Operation: String, Sendable, Hashable, CaseIterable {
        case create, update, delete, same, replace
        /// A template or planned-values listing: the desired state, without saying what changes.
        case declared
    }

    /// How ``PlanMatcher`` tied the change to a function in the database.
    public enum MatchKind: String, Sendable, Hashable, CaseIterable {
        /// The function name the plan gives equals a known function's.
        case physicalName
        /// The plan's log group `/aws/lambda/<name>` names a known function.
        case logGroup
        /// Only the resource's logical name (or its auto-name stem) matched: a guess, reported as one.
        case logicalName
        /// Not matched (yet, or at all).
        case none
    }

    /// The resource's name in the plan: the Pulumi URN's last part, the Terraform address, the
    /// template's logical id, or the function name in a LambdaCost plan.
    public var logicalName: String
    /// The deployed function name when the plan knows it.
    public var physicalName: String?
    /// The log group the plan attaches to the function, when it has one.
    public var logGroupName: String?
    /// The plan's resource type (`aws:lambda/function:Function`, `aws_lambda_function`, …).
    public var resourceType: String
    /// How it was matched to the database (set by ``PlanMatcher``).
    public var matchedBy: MatchKind
    /// The database function it was matched to.
    public var matchedFunction: FunctionIdentity?
    /// What the plan does.
    public var operation: Operation
    /// The settings before the change, when the plan shows them (updates, deletes, replaces).
    public var before: PlannedSettings?
    /// The settings after the change (empty for a delete).
    public var after: PlannedSettings

    /// Makes a change.
    public init(
        logicalName: String, physicalName: String? = nil, logGroupName: String? = nil, resourceType: String,
        matchedBy: MatchKind = .none, matchedFunction: FunctionIdentity? = nil, operation: Operation,
        before: PlannedSettings? = nil, after: PlannedSettings
    ) {
        self.logicalName = logicalName
        self.physicalName = physicalName
        self.logGroupName = logGroupName
        self.resourceType = resourceType
        self.matchedBy = matchedBy
        self.matchedFunction = matchedFunction
        self.operation = operation
        self.before = before
        self.after = after
    }

    /// The name to show: the physical name when known, else the logical one.
    public var displayName: String { physicalName ?? logicalName }
}
