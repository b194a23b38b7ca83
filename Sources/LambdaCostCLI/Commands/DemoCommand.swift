import LambdaCostCore

/// `lambdacost demo`: generates a realistic month, ingests it and writes the report.
enum DemoCommand: Command {
    static let name = "demo"
    static let summary = "Generate a demo month of exports, ingest them, and write Reports/demo.md."
    static let usage = "demo [--out DIR] [--scale N]"
    static let options: [OptionSpec] = [
        OptionSpec("out", value: "DIR", help: "Folder for the generated exports and database (default ./demo-data)."),
        OptionSpec("scale", value: "N", help: "Multiply invocation volumes by N (default 1)."),
    ]

    static func run(_ a: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        context.out("demo: not yet wired\n")
        return 0
    }
}
