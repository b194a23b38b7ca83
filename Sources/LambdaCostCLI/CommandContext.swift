import Foundation
import LambdaCostCore
import LambdaCostPricing
import LambdaCostStore

/// What a command runs with: output sinks, environment and the global options.
final class CommandContext {
    let environment: [String: String]
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void
    /// Whether stderr is a terminal (progress is shown only then).
    let stderrIsTerminal: Bool
    private var progressShown = false
    var databasePath = "./lambdacost.sqlite"
    var pricingDirectory: String?
    private var openedStore: Store?
    private var loadedCatalog: PriceCatalog?

    init(environment: [String: String], stdout: @escaping (String) -> Void, stderr: @escaping (String) -> Void, stderrIsTerminal: Bool) {
        self.environment = environment
        self.writeOut = stdout
        self.writeErr = stderr
        self.stderrIsTerminal = stderrIsTerminal
        if let db = environment["LAMBDACOST_DB"], !db.isEmpty { databasePath = db }
    }

    func out(_ text: String) { writeOut(text) }
    func err(_ text: String) { writeErr(text) }

    /// Progress on stderr, only when it is a terminal; an empty text clears the line.
    func progress(_ text: String) {
        guard stderrIsTerminal else { return }
        if text.isEmpty {
            if progressShown { writeErr("\r\u{1B}[K") }
            progressShown = false
        } else {
            writeErr("\r\u{1B}[K" + text)
            progressShown = true
        }
    }

    /// The database, opened (and migrated) on first use.
    func store() throws -> Store {
        if let openedStore { return openedStore }
        let s = try Store(path: databasePath)
        openedStore = s
        return s
    }

    /// The price catalog: `--pricing-dir` or the bundled one.
    func catalog() throws -> PriceCatalog {
        if let loadedCatalog { return loadedCatalog }
        let c = try PriceCatalog.load(directory: pricingDirectory.map { URL(fileURLWithPath: $0) })
        loadedCatalog = c
        return c
    }
}
