import Foundation
import LambdaCostCore

/// A streaming pull tokenizer for JSON documents of any size: memory stays flat because only
/// the current token is held (BRIEF §7: Foundation's parsers load whole documents).
///
/// It checks the grammar as it goes (a trailing comma or a missing `:` is an error at its line
/// and column), decodes all string escapes including surrogate pairs, and nests at most
/// ``maximumDepth`` levels so hostile input cannot exhaust the stack.
public final class JSONStreamReader {
    /// The source being read.
    public let source: ByteSource
    /// The 1-based line of the most recent token's first byte.
    public private(set) var tokenLine = 1
    /// The 1-based byte column of the most recent token's first byte.
    public private(set) var tokenColumn = 1
    /// The deepest nesting accepted.
    public static let maximumDepth = 512

    private let allowsMultipleDocuments: Bool
    private var chunk = UnsafeRawBufferPointer(start: nil, count: 0)
    private var pos = 0
    private var chunkBase = 0
    private var atEnd = false
    private var line = 1
    private var lineStart = 0

    private enum Container { case object, array }
    private enum Expect { case value, valueOrEnd, keyOrEnd, key, colon, commaOrEnd, done }
    private var stack: [Container] = []
    private var expect = Expect.value
    private var text: [UInt8] = []

    /// Starts reading at the source's current position.
    /// - Parameters:
    ///   - source: the bytes to tokenize.
    ///   - allowsMultipleDocuments: accept several top-level values one after another (JSON
    ///     Lines, concatenated CLI outputs) instead of requiring the input to end after one.
    public init(source: ByteSource, allowsMultipleDocuments: Bool = false) {
        self.source = source
        self.allowsMultipleDocuments = allowsMultipleDocuments
        text.reserveCapacity(256)
        // A UTF-8 byte order mark is not JSON but editors write it.
        if let head = try? source.peek(maxBytes: 3), head == [0xEF, 0xBB, 0xBF] {
            _ = try? skipBOM()
        }
    }

    private func skipBOM() throws {
        for _ in 0..<3 {
            _ = try peekByte()
            pos += 1
        }
        lineStart = 3
    }

    /// The number of containers currently open.
    public var depth: Int { stack.count }

    /// The next token, or `nil` at the end of the input (after a complete document).
    /// - Throws: `LambdaCostError.badInput` at the first byte that breaks the grammar.
    public func next() throws -> JSONToken? {
        try next(decoding: true)
    }

    /// Skips the next value whole (after a ``JSONToken/key(_:)``, or an array element), without
    /// decoding its strings.
    /// - Throws: `LambdaCostError.badInput` for invalid JSON or when no value comes next.
    public func skipValue() throws {
        guard let token = try next(decoding: false) else {
            throw error(expected: "a JSON value", found: "end of input")
        }
        try skip(startingWith: token)
    }

    /// Skips the rest of a value whose first token was `token`.
    func skip(startingWith token: JSONToken) throws {
        switch token {
        case .beginObject, .beginArray:
            let target = stack.count - 1
            while stack.count > target {
                guard try next(decoding: false) != nil else { return }
            }
        case .endObject, .endArray, .key:
            throw error(expected: "a JSON value", found: token.summary)
        default:
            return
        }
    }

    /// A badInput error located at the most recent token.
    func error(expected: String, found: String) -> LambdaCostError {
        .badInput(file: source.name, line: tokenLine, column: tokenColumn, expected: expected, found: found)
    }

    // MARK: - Bytes

    private func fetch() throws -> Bool {
        if atEnd { return false }
        chunkBase += chunk.count
        pos = 0
        guard let next = try source.nextChunk() else {
            atEnd = true
            chunk = UnsafeRawBufferPointer(start: nil, count: 0)
            return false
        }
        chunk = next
        return true
    }

    @inline(__always) private func peekByte() throws -> UInt8? {
        if pos < chunk.count { return chunk[pos] }
        guard try fetch() else { return nil }
        return chunk[pos]
    }

    private var column: Int { chunkBase + pos - lineStart + 1 }

    private func skipWhitespace() throws {
        while true {
            if pos >= chunk.count { guard try fetch() else { return } }
            let c = chunk[pos]
            if c == 0x20 || c == 0x09 || c == 0x0D {
                pos += 1
            } else if c == 0x0A {
                pos += 1
                line += 1
                lineStart = chunkBase + pos
            } else {
                return
            }
        }
    }

    private static func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "end of input" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return String(format: "byte 0x%02x", byte)
    }

    /// An error at the current byte (not the token start).
    private func errorHere(expected: String, found: UInt8?) -> LambdaCostError {
        .badInput(
            file: source.name, line: line, column: column, expected: expected, found: Self.describe(found))
    }

    // MARK: - Grammar

    func next(decoding: Bool) throws -> JSONToken? {
        while true {
            try skipWhitespace()
            tokenLine = line
            tokenColumn = column
            let c = try peekByte()
            switch expect {
            case .done:
                guard let c else { return nil }
                if !allowsMultipleDocuments {
                    throw errorHere(expected: "end of input after the JSON document", found: c)
                }
                return try value(first: c, decoding: decoding)
            case .value:
                guard let c else {
                    if stack.isEmpty, allowsMultipleDocuments { return nil }
                    throw errorHere(expected: "a JSON value", found: nil)
                }
                return try value(first: c, decoding: decoding)
            case .valueOrEnd:
                if c == 0x5D { return close(.array) }
                guard let c else { throw errorHere(expected: "a value or ']'", found: nil) }
                return try value(first: c, decoding: decoding)
            case .keyOrEnd, .key:
                if c == 0x7D, expect == .keyOrEnd { return close(.object) }
                guard c == 0x22 else {
                    throw errorHere(
                        expected: expect == .keyOrEnd ? "a key string or '}'" : "a key string after ','",
                        found: c)
                }
                pos += 1
                let name = try string(decoding: decoding)
                expect = .colon
                return .key(name)
            case .colon:
                guard c == 0x3A else { throw errorHere(expected: "':' after the key", found: c) }
                pos += 1
                expect = .value
            case .commaOrEnd:
                let top = stack[stack.count - 1]
                if c == 0x2C {
                    pos += 1
                    expect = top == .object ? .key : .value
                } else if top == .object, c == 0x7D {
                    return close(.object)
                } else if top == .array, c == 0x5D {
                    return close(.array)
                } else {
                    throw errorHere(expected: top == .object ? "',' or '}'" : "',' or ']'", found: c)
                }
            }
        }
    }

    private func close(_ container: Container) -> JSONToken {
        pos += 1
        stack.removeLast()
        afterValue()
        return container == .object ? .endObject : .endArray
    }

    private func afterValue() {
        expect = stack.isEmpty ? .done : .commaOrEnd
    }

    private func open(_ container: Container) throws -> JSONToken {
        if stack.count >= Self.maximumDepth {
            throw errorHere(expected: "nesting at most \(Self.maximumDepth) deep", found: chunk[pos])
        }
        pos += 1
        stack.append(container)
        expect = container == .object ? .keyOrEnd : .valueOrEnd
        return container == .object ? .beginObject : .beginArray
    }

    private func value(first c: UInt8, decoding: Bool) throws -> JSONToken {
        switch c {
        case 0x7B: return try open(.object)
        case 0x5B: return try open(.array)
        case 0x22:
            pos += 1
            let s = try string(decoding: decoding)
            afterValue()
            return .string(s)
        case 0x2D, 0x30...0x39:
            let token = try number(decoding: decoding)
            afterValue()
            return token
        case 0x74:
            try literal("true")
            afterValue()
            return .bool(true)
        case 0x66:
            try literal("false")
            afterValue()
            return .bool(false)
        case 0x6E:
            try literal("null")
            afterValue()
            return .null
        default:
            throw errorHere(expected: "a JSON value", found: c)
        }
    }

    private func literal(_ word: StaticString) throws {
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for expected in bytes {
            let c = try peekByte()
            guard c == expected else { throw errorHere(expected: "'\(word)'", found: c) }
            pos += 1
        }
    }

    private func number(decoding: Bool) throws -> JSONToken {
        text.removeAll(keepingCapacity: true)
        func take() throws -> UInt8? {
            let c = try peekByte()
            if let c {
                text.append(c)
                pos += 1
            }
            return c
        }
        func digits(atLeastOne: Bool, what: String) throws {
            var count = 0
            while let c = try peekByte(), c &- 0x30 < 10 {
                _ = try take()
                count += 1
            }
            if atLeastOne, count == 0 { throw errorHere(expected: what, found: try peekByte()) }
        }
        if try peekByte() == 0x2D { _ = try take() }
        let lead = try peekByte()
        if lead == 0x30 {
            _ = try take()
        } else {
            try digits(atLeastOne: true, what: "a digit")
        }
        if try peekByte() == 0x2E {
            _ = try take()
            try digits(atLeastOne: true, what: "a digit after '.'")
        }
        if let c = try peekByte(), c | 0x20 == 0x65 {
            _ = try take()
            if let s = try peekByte(), s == 0x2B || s == 0x2D { _ = try take() }
            try digits(atLeastOne: true, what: "a digit in the exponent")
        }
        if let c = try peekByte(), c &- 0x30 < 10 || c == 0x2E || (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A {
            throw errorHere(expected: "a number", found: c)
        }
        guard decoding else { return .number(0, text: "") }
        let value = text.withUnsafeBytes { DecimalParser.double($0) } ?? .nan
        return .number(value, text: String(decoding: text, as: UTF8.self))
    }

    /// Reads a string body after its opening quote.
    private func string(decoding: Bool) throws -> String {
        text.removeAll(keepingCapacity: true)
        while true {
            if pos >= chunk.count {
                guard try fetch() else { throw errorHere(expected: "a closing '\"'", found: nil) }
            }
            let n = chunk.count
            var j = pos
            while j < n {
                let c = chunk[j]
                if c == 0x22 || c == 0x5C || c < 0x20 { break }
                j += 1
            }
            if decoding, j > pos { text.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[pos..<j])) }
            pos = j
            if j == n { continue }
            let c = chunk[j]
            if c == 0x22 {
                pos += 1
                return decoding ? String(decoding: text, as: UTF8.self) : ""
            }
            if c < 0x20 {
                throw errorHere(expected: "a closing '\"' (control characters must be escaped)", found: c)
            }
            pos += 1
            try escape(decoding: decoding)
        }
    }

    private func escape(decoding: Bool) throws {
        guard let c = try peekByte() else { throw errorHere(expected: "an escape character", found: nil) }
        pos += 1
        let plain: UInt8
        switch c {
        case 0x22: plain = 0x22
        case 0x5C: plain = 0x5C
        case 0x2F: plain = 0x2F
        case 0x62: plain = 0x08
        case 0x66: plain = 0x0C
        case 0x6E: plain = 0x0A
        case 0x72: plain = 0x0D
        case 0x74: plain = 0x09
        case 0x75:
            var scalar = try hex4()
            if scalar >= 0xD800 && scalar < 0xDC00 {
                // A high surrogate must pair with a following low one; alone it becomes U+FFFD.
                if try peekByte() == 0x5C {
                    pos += 1
                    guard try peekByte() == 0x75 else {
                        if decoding { appendScalar(0xFFFD) }
                        return try escape(decoding: decoding)
                    }
                    pos += 1
                    let low = try hex4()
                    if low >= 0xDC00 && low < 0xE000 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        if decoding { appendScalar(0xFFFD) }
                        scalar = low
                    }
                }
            }
            if decoding { appendScalar(scalar) }
            return
        default:
            pos -= 1
            throw errorHere(
                expected: "one of the escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", found: c)
        }
        if decoding { text.append(plain) }
    }

    private func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = try peekByte()
            let digit: UInt32
            switch c {
            case .some(0x30...0x39): digit = UInt32(c! - 0x30)
            case .some(0x41...0x46): digit = UInt32(c! - 0x41 + 10)
            case .some(0x61...0x66): digit = UInt32(c! - 0x61 + 10)
            default: throw errorHere(expected: "four hex digits after \\u", found: c)
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    private func appendScalar(_ value: UInt32) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        UTF8.encode(scalar) { text.append($0) }
    }
}
