import LambdaCostCore

extension JSONStreamReader {
    /// Reads the next value whole.
    /// - Throws: `LambdaCostError.badInput` for invalid JSON or when no value comes next.
    public func readValue() throws -> JSONValue {
        guard let token = try next() else { throw error(expected: "a JSON value", found: "end of input") }
        return try value(startingWith: token)
    }

    /// Reads a whole document and checks that nothing follows it.
    /// - Throws: `LambdaCostError.badInput` for invalid JSON.
    public func readDocument() throws -> JSONValue {
        let value = try readValue()
        if try next() != nil {
            throw error(expected: "end of input after the JSON document", found: "more JSON")
        }
        return value
    }

    /// Materializes the value whose first token is `token`.
    /// - Throws: `LambdaCostError.badInput` for invalid JSON.
    public func value(startingWith token: JSONToken) throws -> JSONValue {
        switch token {
        case .beginObject:
            var members: [(key: String, value: JSONValue)] = []
            while let next = try next() {
                if next == .endObject { break }
                guard case .key(let name) = next else {
                    throw error(expected: "a key", found: next.summary)
                }
                members.append((name, try readValue()))
            }
            return .object(members)
        case .beginArray:
            var elements: [JSONValue] = []
            while let next = try next() {
                if next == .endArray { break }
                elements.append(try value(startingWith: next))
            }
            return .array(elements)
        case .string(let text): return .string(text)
        case .number(let value, let text): return .number(value, text: text)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        case .endObject, .endArray, .key:
            throw error(expected: "a JSON value", found: token.summary)
        }
    }

    /// Streams the elements of the array reached by following object keys from the top, e.g.
    /// `["events"]` for `aws logs filter-log-events` output, materializing one element at a time
    /// so memory stays flat however long the array is. An empty path means the top-level value
    /// is the array. Members before and after the path are skipped without decoding, and the
    /// rest of the document is still read so that errors after the array are reported and the
    /// source's content hash is complete.
    /// - Parameters:
    ///   - path: object keys leading to the array.
    ///   - body: receives each element in order.
    /// - Throws: `LambdaCostError.badInput` when the JSON is invalid or the path does not lead to
    ///   an array; whatever `body` throws.
    public func forEachElement(ofArrayAt path: [String], _ body: (JSONValue) throws -> Void) throws {
        guard var token = try next() else { throw error(expected: "a JSON value", found: "end of input") }
        var walked: [String] = []
        for component in path {
            guard token == .beginObject else {
                throw error(expected: "an object with key '\(component)'", found: token.summary)
            }
            while true {
                guard let member = try next() else { throw error(expected: "a key", found: "end of input") }
                if member == .endObject {
                    let place = walked.isEmpty ? "the top-level object" : "'\(walked.joined(separator: "."))'"
                    throw error(expected: "a key '\(component)' in \(place)", found: "'}'")
                }
                if case .key(let name) = member, name == component { break }
                try skipValue()
            }
            walked.append(component)
            guard let inner = try next() else { throw error(expected: "a JSON value", found: "end of input") }
            token = inner
        }
        guard token == .beginArray else {
            let place = path.isEmpty ? "the top level" : "'\(path.joined(separator: "."))'"
            throw error(expected: "an array at \(place)", found: token.summary)
        }
        while let element = try next() {
            if element == .endArray { break }
            try body(value(startingWith: element))
        }
        while try next(decoding: false) != nil {}
    }
}
