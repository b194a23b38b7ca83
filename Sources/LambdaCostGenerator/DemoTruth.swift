import LambdaCostCore

/// Ground truth for one generated month: per function, in scenario order, and the files written
/// (paths relative to the dataset folder, sorted).
public struct DemoTruth: Sendable, Hashable {
    /// The month the files cover.
    public var month: Month
    /// The seed that produced them.
    public var seed: UInt64
    /// Per function, in scenario order.
    public var functions: [FunctionTruth]
    /// Relative paths of the files written, sorted.
    public var files: [String]

    /// Truth assembled by ``DemoDataset``.
    public init(month: Month, seed: UInt64, functions: [FunctionTruth], files: [String]) {
        self.month = month
        self.seed = seed
        self.functions = functions
        self.files = files
    }

    /// The truth for a function name, if it is in the scenario.
    public subscript(name: String) -> FunctionTruth? { functions.first { $0.identity.name == name } }
}
