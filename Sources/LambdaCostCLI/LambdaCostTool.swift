import Foundation
import LambdaCostCore
import LambdaCostStore

/// The `lambdacost` command line: dispatches to subcommands, maps every error to its exit code
/// (BRIEF §6), and prints `Error: …` with a pointer to `--help` for usage errors.
public enum LambdaCostTool {
    /// The tool's version, printed by `--version`.
    public static let version = "0.1.0"

    static var commands: [any Command.Type] {
        [
            IngestCommand.self,
            SourcesCommand.self,
            ForgetCommand.self,
            SummaryCommand.self,
            BillCommand.self,
            WhatIfCommand.self,
            RecommendCommand.self,
            ReportCommand.self,
            PricingCommand.self,
            CheckCommand.self,
            ExportScriptCommand.self,
            DemoCommand.self,
        ]
    }

    /// Runs the tool with the process's environment and standard streams.
    public static func run(arguments: [String]) -> Int32 {
        run(
            arguments: arguments, environment: ProcessInfo.processInfo.environment,
            stdout: { FileHandle.standardOutput.write(Data($0.utf8)) },
            stderr: { FileHandle.standardError.write(Data($0.utf8)) },
            stderrIsTerminal: isatty(2) == 1)
    }

    /// Runs the tool; testable: output goes to the given sinks.
    /// - Returns: the process exit code.
    public static func run(
        arguments: [String], environment: [String: String], stdout: @escaping (String) -> Void,
        stderr: @escaping (String) -> Void, stderrIsTerminal: Bool = false
    ) -> Int32 {
        let context = CommandContext(environment: environment, stdout: stdout, stderr: stderr, stderrIsTerminal: stderrIsTerminal)
        var commandName = "lambdacost"
        do {
            guard let first = arguments.first else {
                stdout(overview)
                return 0
            }
            switch first {
            case "-h", "--help":
                stdout(overview)
                return 0
            case "--version", "version":
                stdout("lambdacost \(version)\n")
                return 0
            case "help":
                guard arguments.count > 1 else {
                    stdout(overview)
                    return 0
                }
                stdout(try command(named: arguments[1]).help)
                return 0
            default: break
            }
            // Global options may come before the subcommand.
            var rest = arguments[...]
            var leading: [String] = []
            while let a = rest.first, a.hasPrefix("--") {
                leading.append(a)
                rest = rest.dropFirst()
                if (a == "--db" || a == "--pricing-dir"), let v = rest.first {
                    leading.append(v)
                    rest = rest.dropFirst()
                }
            }
            guard let name = rest.first else {
                throw LambdaCostError.usage(message: "missing command", command: "lambdacost")
            }
            let type = try command(named: name)
            commandName = type.name
            let parsed = try ParsedArguments(leading + Array(rest.dropFirst()), command: type.name, options: type.options)
            if parsed.flag("help") {
                stdout(type.help)
                return 0
            }
            if let db = parsed.value("db") { context.databasePath = db }
            context.pricingDirectory = parsed.value("pricing-dir")
            return try type.run(parsed, context)
        } catch let error as LambdaCostError {
            return report(error, stderr: stderr, command: commandName)
        } catch let error as DatabaseError {
            return report(.io(message: "database \(context.databasePath): \(error)"), stderr: stderr, command: commandName)
        } catch {
            return report(.internalError(message: "\(error)"), stderr: stderr, command: commandName)
        }
    }

    static func report(_ error: LambdaCostError, stderr: (String) -> Void, command: String) -> Int32 {
        stderr("Error: \(error)\n")
        if case .usage(_, let cmd) = error {
            let target = cmd == "lambdacost" ? "lambdacost --help" : "lambdacost \(cmd) --help"
            stderr("See '\(target)'.\n")
        }
        return error.exitCode.rawValue
    }

    static func command(named name: String) throws -> any Command.Type {
        if let c = commands.first(where: { $0.name == name }) { return c }
        var message = "unknown command '\(name)'"
        if let near = ParsedArguments.nearest(name, in: commands.map { $0.name }) { message += "; did you mean '\(near)'?" }
        throw LambdaCostError.usage(message: message, command: "lambdacost")
    }

    static var overview: String {
        var text = """
            lambdacost \(version): what your AWS Lambda functions cost, why, and which configuration would be cheaper or faster.

            Usage: lambdacost [--db PATH] <command> [options]

            Commands:

            """
        let width = (commands.map { $0.name.count }.max() ?? 0) + 2
        for c in commands {
            text += "  \(c.name)\(String(repeating: " ", count: width - c.name.count))\(c.summary)\n"
        }
        text += """

            Global options: --db PATH (env LAMBDACOST_DB, default ./lambdacost.sqlite), --pricing-dir DIR, --version, -h/--help.
            Exit codes: 0 ok, 3 policy failed, 64 usage, 65 bad input, 66 missing input, 70 internal, 74 I/O or database.
            See 'lambdacost help <command>' for a command's options.

            """
        return text
    }
}
