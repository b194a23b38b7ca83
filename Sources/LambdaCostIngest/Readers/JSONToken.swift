import LambdaCostCore

/// One token of a JSON document as ``JSONStreamReader`` delivers it.
public enum JSONToken: Sendable, Equatable {
    /// `{`
    case beginObject
    /// `}`
    case endObject
    /// `[`
    case beginArray
    /// `]`
    case endArray
    /// An object member's name (the `:` is consumed with it).
    case key(String)
    /// A string value with escapes decoded.
    case string(String)
    /// A number: its value and its text as written (for integers too large for a `Double`).
    case number(Double, text: String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`
    case null

    /// A short description for error messages.
    var summary: String {
        switch self {
        case .beginObject: return "'{'"
        case .endObject: return "'}'"
        case .beginArray: return "'['"
        case .endArray: return "']'"
        case .key(let name): return "key \(LambdaCostError.excerpt(name))"
        case .string(let text): return "string \(LambdaCostError.excerpt(text))"
        case .number(_, let text): return "number \(text)"
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }
}
