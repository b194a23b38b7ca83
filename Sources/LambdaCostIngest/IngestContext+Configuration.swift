import Foundation
import LambdaCostCore

extension IngestContext {
    /// When the configuration in this file was observed: the start of `--month` when given,
    /// else the file's modification time (see ``ConfigurationFormats``).
    func observedAtMs() -> Int64 {
        if let month = options.month { return month.startEpochSeconds * 1000 }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let modified = (attributes?[.modificationDate] as? Date) ?? Date()
        return Int64((modified.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The whole document (configuration exports are small enough to hold).
    func readDocument() throws -> JSONValue {
        try JSONStreamReader(source: source).readDocument()
    }

    /// A bad-input error for this file at line 0 (a materialized document has no positions).
    func bad(expected: String, found: String) -> LambdaCostError {
        .badInput(file: path, line: 0, column: nil, expected: expected, found: found)
    }

    /// The identity of a function named without an ARN, from the flags.
    func identity(name: String) -> FunctionIdentity {
        FunctionIdentity(account: options.account ?? "", region: options.region ?? "us-east-1", name: name)
    }
}

extension JSONValue {
    /// An integer written as a number or as a numeric string (templates write both).
    var intValue: Int? {
        switch self {
        case .number(let value, let text): return Int(text) ?? (value == value.rounded() ? Int(exactly: value) : nil)
        case .string(let text): return Int(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }
}
