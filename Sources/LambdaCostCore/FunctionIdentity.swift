/// Who a function is (BRIEF §6): account, Region and name. Aliases and versions fold into it.
/// An empty account means "not known from the data" (REPORT lines carry no account).
public struct FunctionIdentity: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var account: String
    public var region: String
    public var name: String

    public init(account: String = "", region: String, name: String) {
        self.account = account
        self.region = region
        self.name = name
    }

    public var description: String { account.isEmpty ? "\(region)/\(name)" : "\(account)/\(region)/\(name)" }

    public static func < (a: Self, b: Self) -> Bool { (a.name, a.region, a.account) < (b.name, b.region, b.account) }

    /// Extracts the identity from a Lambda function ARN
    /// (`arn:aws:lambda:us-east-1:123456789012:function:name[:qualifier]`); the qualifier folds in.
    /// Returns nil for an ARN that is not a Lambda function's.
    public static func fromLambdaARN(_ arn: some StringProtocol) -> FunctionIdentity? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 7, parts[0] == "arn", parts[2] == "lambda", parts[5] == "function", !parts[6].isEmpty
        else { return nil }
        return FunctionIdentity(account: String(parts[4]), region: String(parts[3]), name: String(parts[6]))
    }

    /// The function name in a log group name `/aws/lambda/<name>`, or nil.
    public static func nameFromLogGroup(_ group: some StringProtocol) -> String? {
        let prefix = "/aws/lambda/"
        guard group.hasPrefix(prefix) else { return nil }
        let name = group.dropFirst(prefix.count)
        return name.isEmpty ? nil : String(name)
    }
}

/// Lambda instruction-set architecture.
public enum Architecture: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case x86_64
    case arm64

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
