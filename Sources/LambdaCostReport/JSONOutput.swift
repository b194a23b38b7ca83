import Foundation

/// Stable JSON for machines: sorted keys, pretty-printed, no escaped slashes, a trailing newline.
public enum JSONOutput {
    /// The schema version every JSON document carries.
    public static let schemaVersion = 1

    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
