/// What an infrastructure-as-code plan (or a LambdaCost plan file) would deploy, reduced to the
/// settings that cost money or can fail a deployment.
public struct InfrastructurePlan: Sendable, Hashable {
    /// Where a plan came from.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case pulumiPreview = "pulumi-preview"
        case pulumiStackExport = "pulumi-stack-export"
        case terraformPlan = "terraform-plan"
        case cloudFormation = "cloudformation"
        case lambdaCostPlan = "lambdacost-plan"
    }

    /// The plan's format.
    public var kind: Kind
    /// The account the plan is for, when it says (only LambdaCost plans do).
    public var account: String?
    /// The Region the plan is for, when it says.
    public var region: String?
    /// Functions in the plan, in document order.
    public var functions: [PlannedFunctionChange]
    /// The account's concurrency limit, when the plan states it (LambdaCost plans).
    public var accountConcurrencyLimit: Int?
    /// Concurrency reserved by functions outside the plan, when the plan states it.
    public var otherReservedConcurrency: Int?
    /// What the parser and matcher could not settle: unknown values, unlinked resources, guesses.
    public var warnings: [String]

    /// Makes a plan.
    public init(
        kind: Kind, account: String? = nil, region: String? = nil, functions: [PlannedFunctionChange] = [],
        accountConcurrencyLimit: Int? = nil, otherReservedConcurrency: Int? = nil, warnings: [String] = []
    ) {
        self.kind = kind
        self.account = account
        self.region = region
        self.functions = functions
        self.accountConcurrencyLimit = accountConcurrencyLimit
        self.otherReservedConcurrency = otherReservedConcurrency
        self.warnings = warnings
    }

    /// The change for a function by physical or logical name.
    public func function(named name: String) -> PlannedFunctionChange? {
        functions.first { $0.physicalName == name } ?? functions.first { $0.logicalName == name }
    }

    /// Reserved concurrency the plan adds to the account (negative when it frees some): for each
    /// function, its planned reservation minus its current one. `current` gives the reservation
    /// in force for a change (from the database, or the plan's `before`); a reservation the plan
    /// does not mention counts as unchanged.
    public func reservedConcurrencyDelta(current: (PlannedFunctionChange) -> Int?) -> Int {
        var delta = 0
        for change in functions {
            let now = current(change) ?? 0
            switch change.operation {
            case .delete: delta -= now
            default:
                switch change.after.reservedConcurrency {
                case .notSpecified: continue
                case .unset: delta -= now
                case .value(let planned): delta += planned - now
                }
            }
        }
        return delta
    }
}
