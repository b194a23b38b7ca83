import LambdaCostCore

/// A subcommand: its name, help and behaviour. One type per command, in `Commands/`.
protocol Command {
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// Usage line(s) after `lambdacost`.
    static var usage: String { get }
    /// Paragraphs after the usage line.
    static var discussion: String { get }
    static var options: [OptionSpec] { get }
    /// Runs with checked arguments; returns the exit code (errors are thrown).
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32
}

extension Command {
    static var discussion: String { "" }

    /// The full `--help` text.
    static var help: String {
        var text = "\(summary)\n\nUsage: lambdacost \(usage)\n"
        if !discussion.isEmpty { text += "\n\(discussion)\n" }
        let all = options + GlobalOptions.specs
        let width = (all.map { $0.display.count }.max() ?? 0) + 2
        text += "\nOptions:\n"
        for o in all {
            let pad = String(repeating: " ", count: width - o.display.count)
            text += "  \(o.display)\(pad)\(o.help)\n"
        }
        return text
    }
}
