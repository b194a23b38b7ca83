/// One option a command accepts, with its help line.
public struct OptionSpec: Sendable {
    /// Long name without dashes, e.g. `month`.
    public let name: String
    /// Placeholder for the value (`YYYY-MM`), or nil for a flag that takes none.
    public let valueName: String?
    public let help: String
    /// May be given several times.
    public let repeatable: Bool

    public init(_ name: String, value: String? = nil, help: String, repeatable: Bool = false) {
        self.name = name
        self.valueName = value
        self.help = help
        self.repeatable = repeatable
    }

    var display: String { valueName.map { "--\(name) \($0)" } ?? "--\(name)" }
}

/// The global options every command accepts.
enum GlobalOptions {
    static let specs: [OptionSpec] = [
        OptionSpec("db", value: "PATH", help: "Database file (env LAMBDACOST_DB; default ./lambdacost.sqlite)."),
        OptionSpec("pricing-dir", value: "DIR", help: "Price catalog folder to use instead of the bundled one."),
        OptionSpec("help", help: "Show help for this command."),
    ]
}
