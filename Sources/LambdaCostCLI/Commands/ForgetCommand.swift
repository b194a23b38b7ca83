import LambdaCostCore

/// `lambdacost forget`: removes everything one source brought in.
enum ForgetCommand: Command {
    static let name = "forget"
    static let summary = "Remove everything that came from one ingested source."
    static let usage = "forget SOURCE"
    static let discussion = "SOURCE is a source id from 'lambdacost sources', a content hash (or a unique prefix of one), or the path it was ingested from."
    static let options: [OptionSpec] = []

    static func run(_ a: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        guard a.positionals.count == 1, let key = a.positionals.first else {
            throw LambdaCostError.usage(message: "forget takes exactly one SOURCE", command: name)
        }
        let store = try context.store()
        let all = try store.sources()
        var matches = all.filter { "\($0.id)" == key || $0.path == key }
        if matches.isEmpty, key.count >= 6 { matches = all.filter { $0.contentHash.hasPrefix(key) } }
        guard !matches.isEmpty else {
            throw LambdaCostError.usage(message: "no source matches '\(key)'; see 'lambdacost sources'", command: name)
        }
        guard matches.count == 1, let source = matches.first else {
            throw LambdaCostError.usage(message: "'\(key)' matches \(matches.count) sources (ids \(matches.map { "\($0.id)" }.joined(separator: ", "))); give an id", command: name)
        }
        _ = try store.forget(sourceID: source.id)
        context.out("forgot source \(source.id) (\(source.path), \(source.format), \(source.rowsKept) rows)\n")
        return 0
    }
}
