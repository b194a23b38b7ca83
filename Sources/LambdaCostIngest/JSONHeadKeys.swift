import LambdaCostCore

/// The member names of a JSON document's top-level object, read from its first bytes only.
///
/// Detection looks at keys rather than substrings so a log message that quotes `"Functions"`
/// cannot pass for a `list-functions` export. A document cut off by the peek still yields the
/// keys before the cut.
enum JSONHeadKeys {
    /// The top-level keys in document order; empty when the head is not a JSON object.
    static func keys(_ head: [UInt8]) -> [String] {
        var start = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < head.count, [9, 10, 13, 32].contains(head[start]) { start += 1 }
        guard start < head.count, head[start] == UInt8(ascii: "{") else { return [] }
        guard let source = try? ByteSource(bytes: Array(head[start...]), name: "<head>") else { return [] }
        let reader = JSONStreamReader(source: source)
        var keys: [String] = []
        do {
            guard try reader.next() == .beginObject else { return [] }
            while let token = try reader.next() {
                guard case .key(let name) = token else { break }
                keys.append(name)
                try reader.skipValue()
            }
        } catch {
            // The peek ended inside a value: the keys so far are what there is.
        }
        return keys
    }
}
