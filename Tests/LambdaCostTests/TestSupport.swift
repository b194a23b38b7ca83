import Foundation
@testable import LambdaCostCLI

/// A temporary folder owned by one test, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("lambdacost-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes text to a file in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let p = path(name)
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }
}

/// Fixture files that ship with the tests.
enum Fixtures {
    static var root: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static func text(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }
}

/// The captured result of running the CLI in-process.
struct CLIResult {
    var code: Int32
    var stdout: String
    var stderr: String
}

/// Runs `lambdacost` in-process with a private database.
func runCLI(_ arguments: [String], db: String, environment: [String: String] = [:]) -> CLIResult {
    final class Sink: @unchecked Sendable { var text = "" }
    let out = Sink()
    let err = Sink()
    var env = environment
    env["LAMBDACOST_DB"] = db
    let code = LambdaCostTool.run(arguments: arguments, environment: env, stdout: { out.text += $0 }, stderr: { err.text += $0 })
    return CLIResult(code: code, stdout: out.text, stderr: err.text)
}
