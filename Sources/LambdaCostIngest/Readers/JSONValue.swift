import LambdaCostCore

/// A small materialized JSON value: one event, one configuration, one metric result.
///
/// Objects keep their members in document order (duplicate keys are kept; lookups take the
/// first). For gigabyte documents, stream with ``JSONStreamReader`` and materialize only the
/// elements you need.
public enum JSONValue: Sendable, Equatable {
    /// An object's members in document order.
    case object([(key: String, value: JSONValue)])
    /// An array.
    case array([JSONValue])
    /// A string with escapes decoded.
    case string(String)
    /// A number and its text as written.
    case number(Double, text: String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// Parses a whole (small) document.
    /// - Parameters:
    ///   - bytes: the document, gzip or not.
    ///   - name: the name used in error messages.
    /// - Throws: `LambdaCostError.badInput` naming line and column for invalid JSON.
    public static func parse(bytes: [UInt8], name: String = "<input>") throws -> JSONValue {
        try JSONStreamReader(source: ByteSource(bytes: bytes, name: name)).readDocument()
    }

    /// Parses a whole (small) file.
    /// - Throws: `LambdaCostError.missingInput` or `.badInput`.
    public static func parse(path: String) throws -> JSONValue {
        try JSONStreamReader(source: ByteSource(path: path)).readDocument()
    }

    /// The first member named `key` of an object; `nil` for other values or a missing key.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Element `index` of an array; `nil` for other values or out of range.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The value reached by following object keys, e.g. `["record", "metrics", "durationMs"]`.
    public func value(at path: [String]) -> JSONValue? {
        var current: JSONValue? = self
        for key in path { current = current?[key] }
        return current
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number, when this is a number.
    public var doubleValue: Double? {
        if case .number(let value, _) = self { return value }
        return nil
    }

    /// The number as an exact integer, when this is a number written as an integer that fits.
    public var int64Value: Int64? {
        guard case .number(_, let text) = self else { return nil }
        return Int64(text)
    }

    /// The flag, when this is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members, when this is an object.
    public var objectValue: [(key: String, value: JSONValue)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Whether this is `null`.
    public var isNull: Bool { self == .null }

    /// Structural equality; object members compare in order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let a), .array(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a, _), .number(let b, _)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }
}
