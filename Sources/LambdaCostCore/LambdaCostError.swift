/// The kinds of failure a command can end with, each mapped to one process exit code (BRIEF §6).
public enum ExitCode: Int32, Sendable {
    case ok = 0
    /// A policy failed: a CI gate tripped or a plan would not deploy.
    case policyFailure = 3
    case usage = 64
    case badInput = 65
    case missingInput = 66
    case internalError = 70
    case ioError = 74
}

/// A located, user-facing error. Every error a command reports is one of these, so one function
/// (``LambdaCostError/exitCode``) decides the process exit code.
public enum LambdaCostError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The command line is wrong; `hint` names the command whose `--help` to read.
    case usage(message: String, command: String)
    /// Input data is malformed: names the file, line (1-based, 0 when unknown), optional column,
    /// what was expected and what was found.
    case badInput(file: String, line: Int, column: Int?, expected: String, found: String)
    /// A file is missing or unreadable.
    case missingInput(path: String, reason: String)
    /// The database or a file could not be read or written.
    case io(message: String)
    /// A policy gate tripped; the message says which and by how much.
    case policy(message: String)
    /// A bug or impossible state.
    case internalError(message: String)

    /// The process exit code for this error.
    public var exitCode: ExitCode {
        switch self {
        case .usage: return .usage
        case .badInput: return .badInput
        case .missingInput: return .missingInput
        case .io: return .ioError
        case .policy: return .policyFailure
        case .internalError: return .internalError
        }
    }

    public var description: String {
        switch self {
        case .usage(let message, _): return message
        case .badInput(let file, let line, let column, let expected, let found):
            var location = file
            if line > 0 { location += ":\(line)" }
            if let column { location += ":\(column)" }
            return "\(location): expected \(expected), found \(found)"
        case .missingInput(let path, let reason): return "\(path): \(reason)"
        case .io(let message): return message
        case .policy(let message): return message
        case .internalError(let message): return "internal error: \(message)"
        }
    }

    /// Shortens a found value for an error message so a megabyte line does not flood stderr.
    public static func excerpt(_ text: some StringProtocol, limit: Int = 80) -> String {
        let s = String(text)
        if s.count <= limit { return "'\(s)'" }
        return "'\(s.prefix(limit))…'"
    }
}
