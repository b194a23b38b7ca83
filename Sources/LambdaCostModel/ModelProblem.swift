/// Why a variant cannot be deployed or breaks a constraint: a stable code and a sentence.
public struct ModelProblem: Sendable, Hashable, Codable {
    /// Stable snake_case code, e.g. `reserved_concurrency_infeasible`, `memory_below_floor`.
    public var code: String
    /// Human-readable explanation; for AWS-enforced rules it starts with AWS's own wording.
    public var message: String

    /// Creates a problem.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
