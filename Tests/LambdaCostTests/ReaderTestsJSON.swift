import Foundation
import Testing
@testable import LambdaCostCore
@testable import LambdaCostIngest

/// A canonical text of a Foundation JSON tree (keys sorted, numbers as doubles), the reference.
func canonical(foundation value: Any) -> String {
    if let dict = value as? [String: Any] {
        return "{" + dict.keys.sorted().map { "\($0):\(canonical(foundation: dict[$0]!))" }.joined(separator: ",") + "}"
    }
    if let array = value as? [Any] { return "[" + array.map { canonical(foundation: $0) }.joined(separator: ",") + "]" }
    if let string = value as? String { return "s:" + string }
    if value is NSNull { return "null" }
    if let number = value as? NSNumber { return "n:\(number.doubleValue)" }
    return "?"
}

/// The same canonical text of our tree; booleans as 1/0 because Foundation gives NSNumbers.
func canonical(_ value: JSONValue) -> String {
    switch value {
    case .object(let members):
        var seen = Set<String>()
        // Foundation keeps the last duplicate; none of the corpus files has duplicates.
        let unique = members.filter { seen.insert($0.key).inserted }
        return "{" + unique.sorted { $0.key < $1.key }.map { "\($0.key):\(canonical($0.value))" }
            .joined(separator: ",") + "}"
    case .array(let elements): return "[" + elements.map { canonical($0) }.joined(separator: ",") + "]"
    case .string(let text): return "s:" + text
    case .number(let number, _): return "n:\(number)"
    case .bool(let flag): return "n:\(flag ? 1.0 : 0.0)"
    case .null: return "null"
    }
}

func jsonError(_ text: String, chunkSize: Int = 1 << 20) -> LambdaCostError? {
    do {
        _ = try JSONStreamReader(source: ByteSource(bytes: Array(text.utf8), name: "t.json", chunkSize: chunkSize))
            .readDocument()
        return nil
    } catch {
        return error as? LambdaCostError
    }
}

@Suite struct ReaderJSONTests {
    static let corpus = [
        "cloudwatch-get-metric-data.ex1-metric-math.output.json",
        "cloudwatch-get-metric-data.ex2-billing.output.json",
        "cloudwatch-get-metric-statistics.cpu-max.output.json",
        "logs-filter-log-events.output.json",
        "logs-get-log-events.output.json",
        "logs-get-query-results.output.json",
        "cwlogs-subscription-data-message.decoded.json",
        "get-log-events.csharp-logging.output.json",
    ].map { Fixtures.path("corpus/" + $0) }

    @Test(
        arguments: corpus, [3, 1 << 20])
    func corpusMatchesFoundation(path: String, chunkSize: Int) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let reference = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        let ours = try JSONStreamReader(source: ByteSource(path: path, chunkSize: chunkSize)).readDocument()
        #expect(canonical(ours) == canonical(foundation: reference))
    }

    @Test
    func trailingCommaInTelemetryExample() {
        let path = Fixtures.path("corpus/telemetry-platform-report.example.txt")
        #expect(throws: LambdaCostError.badInput(
            file: path, line: 13, column: 5, expected: "a key string after ','", found: "'}'")
        ) {
            _ = try JSONValue.parse(path: path)
        }
    }

    @Test(arguments: [1, 2, 5, 1 << 20])
    func tokensInOrder(chunkSize: Int) throws {
        let text = #" { "a" : [1, -2.5e3, true, false, null, "x"], "b": {}, "c": [] } "#
        let reader = JSONStreamReader(source: try ByteSource(bytes: Array(text.utf8), chunkSize: chunkSize))
        var tokens: [JSONToken] = []
        while let token = try reader.next() { tokens.append(token) }
        #expect(tokens == [
            .beginObject, .key("a"), .beginArray, .number(1, text: "1"), .number(-2500, text: "-2.5e3"),
            .bool(true), .bool(false), .null, .string("x"), .endArray, .key("b"), .beginObject, .endObject,
            .key("c"), .beginArray, .endArray, .endObject,
        ])
    }

    @Test(arguments: [1, 3, 1 << 20])
    func escapes(chunkSize: Int) throws {
        let text = #"["a\nb\t\"\\\/\u00e9\ud83d\ude00\u0041\b\f\r", "\ud800x", "plain é 😀"]"#
        let value = try JSONStreamReader(
            source: try ByteSource(bytes: Array(text.utf8), chunkSize: chunkSize)
        ).readDocument()
        #expect(value[0]?.stringValue == "a\nb\t\"\\/é😀A\u{8}\u{C}\r")
        #expect(value[1]?.stringValue == "\u{FFFD}x")
        #expect(value[2]?.stringValue == "plain é 😀")
        // Foundation rejects the lone surrogate, so it checks only the first string.
        let first = #"["a\nb\t\"\\\/\u00e9\ud83d\ude00\u0041\b\f\r"]"#
        let reference = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [Any]
        #expect(reference?.first as? String == value[0]?.stringValue)
    }

    static let errorCases: [(String, LambdaCostError)] = [
        ("{\"a\" 1}", .badInput(file: "t.json", line: 1, column: 6, expected: "':' after the key", found: "'1'")),
        ("[1,]", .badInput(file: "t.json", line: 1, column: 4, expected: "a JSON value", found: "']'")),
        ("[1 2]", .badInput(file: "t.json", line: 1, column: 4, expected: "',' or ']'", found: "'2'")),
        ("{\"a\":1,\n  }", .badInput(file: "t.json", line: 2, column: 3, expected: "a key string after ','", found: "'}'")),
        ("\n\n  [tru]", .badInput(file: "t.json", line: 3, column: 7, expected: "'true'", found: "']'")),
        ("[01]", .badInput(file: "t.json", line: 1, column: 3, expected: "a number", found: "'1'")),
        ("[\"abc", .badInput(file: "t.json", line: 1, column: 6, expected: "a closing '\"'", found: "end of input")),
        ("{} {}", .badInput(
            file: "t.json", line: 1, column: 4, expected: "end of input after the JSON document", found: "'{'")),
        ("", .badInput(file: "t.json", line: 1, column: 1, expected: "a JSON value", found: "end of input")),
        ("[\"a\u{1}\"]", .badInput(
            file: "t.json", line: 1, column: 4, expected: "a closing '\"' (control characters must be escaped)",
            found: "byte 0x01")),
        ("[\"\\x\"]", .badInput(
            file: "t.json", line: 1, column: 4, expected: "one of the escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
            found: "'x'")),
        ("[-]", .badInput(file: "t.json", line: 1, column: 3, expected: "a digit", found: "']'")),
        ("{\"a\":[1}", .badInput(file: "t.json", line: 1, column: 8, expected: "',' or ']'", found: "'}'")),
        ("[[1]", .badInput(file: "t.json", line: 1, column: 5, expected: "',' or ']'", found: "end of input")),
    ]

    @Test(arguments: 0..<14, [1, 1 << 20])
    func errorsNameLineAndColumn(caseIndex: Int, chunkSize: Int) {
        let (text, expected) = Self.errorCases[caseIndex]
        #expect(jsonError(text, chunkSize: chunkSize) == expected, "case \(caseIndex): \(text)")
    }

    @Test func tooDeepIsAnError() {
        let text = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        guard case .badInput(_, _, let column, _, _) = jsonError(text) else {
            Issue.record("deep nesting accepted")
            return
        }
        #expect(column == JSONStreamReader.maximumDepth + 1)
    }

    @Test func skipValueSkipsWholeSubtrees() throws {
        let text = #"{"skip": {"x": [1, {"y": "z"}], "w": "\"}"}, "keep": 7}"#
        let reader = JSONStreamReader(source: try ByteSource(bytes: Array(text.utf8), chunkSize: 4))
        #expect(try reader.next() == .beginObject)
        #expect(try reader.next() == .key("skip"))
        try reader.skipValue()
        #expect(try reader.next() == .key("keep"))
        #expect(try reader.next() == .number(7, text: "7"))
        #expect(try reader.next() == .endObject)
        #expect(try reader.next() == nil)
    }

    @Test func multipleDocuments() throws {
        let text = "{\"a\":1}\n{\"a\":2}\n[3]\n"
        let reader = JSONStreamReader(source: try ByteSource(bytes: Array(text.utf8)), allowsMultipleDocuments: true)
        var values: [JSONValue] = []
        while let token = try reader.next() { values.append(try reader.value(startingWith: token)) }
        #expect(values.count == 3)
        #expect(values[1]["a"]?.int64Value == 2)
        #expect(values[2][0]?.doubleValue == 3)
    }

    @Test
    func filterLogEventsElements() throws {
        let path = Fixtures.path("corpus/logs-filter-log-events.output.json")
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        let events = try #require((reference as? [String: Any])?["events"] as? [[String: Any]])
        var messages: [String] = []
        var timestamps: [Int64] = []
        try JSONStreamReader(source: ByteSource(path: path)).forEachElement(ofArrayAt: ["events"]) { event in
            messages.append(event["message"]?.stringValue ?? "")
            timestamps.append(event["timestamp"]?.int64Value ?? 0)
        }
        #expect(messages == events.map { $0["message"] as? String ?? "" })
        #expect(timestamps == events.map { ($0["timestamp"] as? NSNumber)?.int64Value ?? -1 })
    }

    @Test func pathThatIsNotThereIsAnError() {
        let text = #"{"events": {"a": 1}, "other": []}"#
        #expect(throws: LambdaCostError.badInput(
            file: "t.json", line: 1, column: 12, expected: "an array at 'events'", found: "'{'")
        ) {
            try JSONStreamReader(source: ByteSource(bytes: Array(text.utf8), name: "t.json"))
                .forEachElement(ofArrayAt: ["events"]) { _ in }
        }
        #expect(throws: LambdaCostError.badInput(
            file: "t.json", line: 1, column: 33, expected: "a key 'missing' in the top-level object", found: "'}'")
        ) {
            try JSONStreamReader(source: ByteSource(bytes: Array(text.utf8), name: "t.json"))
                .forEachElement(ofArrayAt: ["missing"]) { _ in }
        }
    }

    /// 200k events in a file with members before and after the array, streamed one at a time.
    @Test(arguments: [false, true])
    func largeGeneratedDocumentStreamsInOrder(gzipped: Bool) throws {
        let dir = try ReaderTestDirectory()
        let count = 200_000
        var text = #"{"nextToken": "abc", "#
        text += #""searchedLogStreams": [{"logStreamName": "s", "searchedCompletely": true}], "events": ["#
        text.reserveCapacity(count * 100)
        for k in 0..<count {
            if k > 0 { text += ",\n" }
            text += #"{"logStreamName":"2024/05/09/[$LATEST]x","timestamp":\#(1_700_000_000_000 + k),"#
            text += #""message":"REPORT RequestId: \#(k)\tDuration: \#(k % 1000).5 ms\n"}"#
        }
        text += "], \"tail\": {\"deep\": [[[]]]}}\n"
        let bytes = Array(text.utf8)
        let path = gzipped ? try dir.gzip("events.json", bytes) : try dir.write("events.json", bytes)
        let source = try ByteSource(path: path, chunkSize: 64 * 1024)
        var visited = 0
        var inOrder = true
        try JSONStreamReader(source: source).forEachElement(ofArrayAt: ["events"]) { event in
            if event["timestamp"]?.int64Value != 1_700_000_000_000 + Int64(visited)
                || event["message"]?.stringValue != "REPORT RequestId: \(visited)\tDuration: \(visited % 1000).5 ms\n"
            {
                inOrder = false
            }
            visited += 1
        }
        #expect(visited == count)
        #expect(inOrder)
        #expect(source.contentHash == (try dir.sha256sum(path)))
    }

    @Test func parseSmallDocumentAndAccessors() throws {
        let text = #"{"record":{"metrics":{"durationMs":693.92,"billedDurationMs":694}},"ok":true,"n":null}"#
        let value = try JSONValue.parse(bytes: Array(text.utf8))
        #expect(value.value(at: ["record", "metrics", "durationMs"])?.doubleValue == 693.92)
        #expect(value.value(at: ["record", "metrics", "billedDurationMs"])?.int64Value == 694)
        #expect(value["ok"]?.boolValue == true)
        #expect(value["n"]?.isNull == true)
        #expect(value["absent"] == nil)
        #expect(value.objectValue?.map(\.key) == ["record", "ok", "n"])
    }
}
