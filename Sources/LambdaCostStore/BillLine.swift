/// One aggregated bill line: the sum of every billing row that shares its day, payer, account,
/// Region, service, function or resource, usage type, operation, line item type and unit.
///
/// Services kept in detail (``BillService/isDetailed(_:)``) keep their function, resource, usage
/// type and operation; every other service is one line per day, account, Region, line item type
/// and unit with `functionID` nil and `resource`, `usageType`, `operation` empty.
public struct BillLine: Sendable, Hashable {
    /// Days since 1970-01-01 (UTC) of the usage start.
    public var day: Int64
    /// The payer (management) account, `""` when the export does not say.
    public var payer: String
    /// The usage (linked) account, `""` when unknown.
    public var account: String
    /// A Region code such as `us-east-1`; `""` for global charges.
    public var region: String
    /// The canonical service key (``BillService/canonical(_:)``), e.g. `AWSLambda`.
    public var service: String
    /// The function the line belongs to, when its resource names one.
    public var functionID: Int64?
    /// The resource id as written when it names no function; `""` otherwise.
    public var resource: String
    /// The usage type as written (with its Region prefix).
    public var usageType: String
    public var operation: String
    /// `Usage`, `DiscountedUsage`, `SavingsPlanCoveredUsage`, `Credit`, … (CUR) or the FOCUS
    /// `ChargeCategory`.
    public var lineItemType: String
    public var unit: String
    public var usageAmount: Double
    public var unblendedCost: Double
    public var amortizedCost: Double
    public var netCost: Double
    /// How many source rows were summed into this line.
    public var rowCount: Int64

    /// Creates a line; amounts default to zero.
    public init(
        day: Int64, payer: String, account: String, region: String, service: String, functionID: Int64?,
        resource: String, usageType: String, operation: String, lineItemType: String, unit: String,
        usageAmount: Double = 0, unblendedCost: Double = 0, amortizedCost: Double = 0, netCost: Double = 0,
        rowCount: Int64 = 0
    ) {
        self.day = day
        self.payer = payer
        self.account = account
        self.region = region
        self.service = service
        self.functionID = functionID
        self.resource = resource
        self.usageType = usageType
        self.operation = operation
        self.lineItemType = lineItemType
        self.unit = unit
        self.usageAmount = usageAmount
        self.unblendedCost = unblendedCost
        self.amortizedCost = amortizedCost
        self.netCost = netCost
        self.rowCount = rowCount
    }
}
