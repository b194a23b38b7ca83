/// Cost carried by one cost allocation tag value on one day, service and function.
public struct BillTag: Sendable, Hashable {
    /// Days since 1970-01-01 (UTC).
    public var day: Int64
    /// The canonical service key.
    public var service: String
    public var functionID: Int64?
    /// The tag key without CUR's `user:` / CUR 2.0's `user_` prefix (`team`, `aws:createdBy`).
    public var key: String
    public var value: String
    public var unblendedCost: Double
    public var amortizedCost: Double
    public var netCost: Double

    /// Creates a tag line; amounts default to zero.
    public init(
        day: Int64, service: String, functionID: Int64?, key: String, value: String, unblendedCost: Double = 0,
        amortizedCost: Double = 0, netCost: Double = 0
    ) {
        self.day = day
        self.service = service
        self.functionID = functionID
        self.key = key
        self.value = value
        self.unblendedCost = unblendedCost
        self.amortizedCost = amortizedCost
        self.netCost = netCost
    }
}
