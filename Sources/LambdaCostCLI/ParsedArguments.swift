import LambdaCostCore

/// A command line split into options and positional arguments, checked against the command's
/// ``OptionSpec``s. Unknown options are usage errors with a "did you mean" hint.
public struct ParsedArguments: Sendable {
    public private(set) var values: [String: [String]] = [:]
    public private(set) var flags: Set<String> = []
    public private(set) var positionals: [String] = []
    let command: String

    /// Parses `arguments` for `command` with the given options (global options are added).
    public init(_ arguments: [String], command: String, options: [OptionSpec]) throws {
        self.command = command
        let specs = options + GlobalOptions.specs
        var byName: [String: OptionSpec] = [:]
        for s in specs { byName[s.name] = s }
        var i = 0
        var onlyPositionals = false
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if onlyPositionals || !arg.hasPrefix("-") || arg == "-" {
                positionals.append(arg)
                continue
            }
            if arg == "--" {
                onlyPositionals = true
                continue
            }
            if arg == "-h" {
                flags.insert("help")
                continue
            }
            guard arg.hasPrefix("--") else {
                throw LambdaCostError.usage(message: "unknown option '\(arg)'", command: command)
            }
            var name = String(arg.dropFirst(2))
            var inlineValue: String?
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let spec = byName[name] else {
                var message = "unknown option '--\(name)'"
                if let near = Self.nearest(name, in: specs.map(\.name)) { message += "; did you mean '--\(near)'?" }
                throw LambdaCostError.usage(message: message, command: command)
            }
            if spec.valueName == nil {
                guard inlineValue == nil else {
                    throw LambdaCostError.usage(message: "option '--\(name)' takes no value", command: command)
                }
                flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard i < arguments.count else {
                    throw LambdaCostError.usage(message: "option '--\(name)' needs a value (\(spec.valueName!))", command: command)
                }
                value = arguments[i]
                i += 1
            }
            if values[name] != nil && !spec.repeatable {
                throw LambdaCostError.usage(message: "option '--\(name)' given more than once", command: command)
            }
            values[name, default: []].append(value)
        }
    }

    /// The value of an option, if given.
    public func value(_ name: String) -> String? { values[name]?.last }
    /// Every value of a repeatable option.
    public func all(_ name: String) -> [String] { values[name] ?? [] }
    /// Whether a value-less flag was given.
    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// An option's value as an integer within a range.
    public func int(_ name: String, in range: ClosedRange<Int>? = nil) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let v = Int(text), range.map({ $0.contains(v) }) ?? true else {
            let bounds = range.map { " from \($0.lowerBound) to \($0.upperBound)" } ?? ""
            throw LambdaCostError.usage(message: "--\(name) takes a whole number\(bounds), not '\(text)'", command: command)
        }
        return v
    }

    /// An option's value as a number within a range.
    public func double(_ name: String, in range: ClosedRange<Double>? = nil) throws -> Double? {
        guard let text = value(name) else { return nil }
        guard let v = Double(text), v.isFinite, range.map({ $0.contains(v) }) ?? true else {
            let bounds = range.map { " from \($0.lowerBound) to \($0.upperBound)" } ?? ""
            throw LambdaCostError.usage(message: "--\(name) takes a number\(bounds), not '\(text)'", command: command)
        }
        return v
    }

    /// `--month YYYY-MM`.
    public func month(_ name: String = "month") throws -> Month? {
        guard let text = value(name) else { return nil }
        guard let m = Month(parsing: text) else {
            throw LambdaCostError.usage(message: "--\(name) takes a month as YYYY-MM, not '\(text)'", command: command)
        }
        return m
    }

    /// An option whose value must be one of an enum's raw values.
    public func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = value(name) else { return nil }
        guard let v = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: "|")
            throw LambdaCostError.usage(message: "--\(name) takes one of \(allowed), not '\(text)'", command: command)
        }
        return v
    }

    /// Fails when positional arguments were given to a command that takes none.
    public func expectNoPositionals() throws {
        if let first = positionals.first {
            throw LambdaCostError.usage(message: "unexpected argument '\(first)'", command: command)
        }
    }

    /// The closest name within edit distance 2, for "did you mean".
    static func nearest(_ word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= max(2, word.count / 3) }
        return scored.min(by: { $0.1 < $1.1 })?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
