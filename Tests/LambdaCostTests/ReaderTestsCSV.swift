import Foundation
import Testing
@testable import LambdaCostCore
@testable import LambdaCostIngest

/// Header plus records as strings.
func csvRows(_ text: String, chunkSize: Int = 1 << 20) throws -> [[String]] {
    let reader = try CSVReader(source: ByteSource(bytes: Array(text.utf8), name: "t.csv", chunkSize: chunkSize))
    var rows = [reader.header]
    try reader.forEachRecord { record in
        rows.append((0..<record.count).map { record.string(at: $0) })
    }
    return rows
}

/// The error a CSV text raises, or nil.
func csvError(_ text: String, chunkSize: Int = 1 << 20) -> LambdaCostError? {
    do {
        _ = try csvRows(text, chunkSize: chunkSize)
        return nil
    } catch {
        return error as? LambdaCostError
    }
}

@Suite struct ReaderCSVTests {
    static let quotingCases: [(String, [[String]])] = [
        ("a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
        ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
        ("a,b\n1,2", [["a", "b"], ["1", "2"]]),
        ("\u{FEFF}a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
        ("a,b\n\"x,y\",\"he said \"\"hi\"\"\"\n", [["a", "b"], ["x,y", "he said \"hi\""]]),
        ("a,b\n\"line1\nline2\",z\n", [["a", "b"], ["line1\nline2", "z"]]),
        ("a,b\n\"crlf\r\ninside\",z\r\n", [["a", "b"], ["crlf\r\ninside", "z"]]),
        ("a,b\n,\n", [["a", "b"], ["", ""]]),
        ("a,b\n\"\",\"\"\n", [["a", "b"], ["", ""]]),
        ("a,b\n1,\n", [["a", "b"], ["1", ""]]),
        ("a,b\n1,", [["a", "b"], ["1", ""]]),
        ("a,b\n\n1,2\n\n", [["a", "b"], ["1", "2"]]),
        ("a\n\"\"\n", [["a"], [""]]),
    ]

    @Test(arguments: 0..<13, [1, 2, 3, 7, 1 << 20])
    func quoting(caseIndex: Int, chunkSize: Int) throws {
        let (text, expected) = Self.quotingCases[caseIndex]
        #expect(try csvRows(text, chunkSize: chunkSize) == expected, "case \(caseIndex)")
    }

    static let errorCases: [(String, LambdaCostError)] = [
        ("a,b\n1,\"x\n", .badInput(
            file: "t.csv", line: 2, column: 3, expected: "a closing quote for the field opened here",
            found: "end of file")),
        ("a,b\n1,x\"y\n", .badInput(
            file: "t.csv", line: 2, column: 4, expected: "a field without quotes, or a field wholly in quotes",
            found: "a quote inside an unquoted field")),
        ("a,b\n1,\"x\"y\n", .badInput(
            file: "t.csv", line: 2, column: 6, expected: "a comma or line end after a closing quote",
            found: "'y'")),
        ("a,b,c\n1,2\n", .badInput(
            file: "t.csv", line: 2, column: 4, expected: "3 fields as in the header",
            found: "2 fields (short row)")),
        ("a,b\n1,2,3\n", .badInput(
            file: "t.csv", line: 2, column: 4, expected: "2 fields as in the header", found: "3 fields")),
        ("a,b\n\"two\nlines\",2,3\n", .badInput(
            file: "t.csv", line: 3, column: 9, expected: "2 fields as in the header", found: "3 fields")),
        ("a,b\r\n1,2\r\n3\r\n", .badInput(
            file: "t.csv", line: 3, column: 3, expected: "2 fields as in the header",
            found: "1 field (short row)")),
    ]

    @Test(arguments: 0..<7, [1, 4, 1 << 20])
    func errorsNameLineAndColumn(caseIndex: Int, chunkSize: Int) {
        let (text, expected) = Self.errorCases[caseIndex]
        #expect(csvError(text, chunkSize: chunkSize) == expected, "case \(caseIndex)")
    }

    @Test func badRecordsAreRecoverable() throws {
        let text = "a,b\n1,2\n3\n4,\"x\"y\n5,6\n7,x\"\n8,9\n\"open,10\n"
        let reader = try CSVReader(source: ByteSource(bytes: Array(text.utf8), name: "t.csv", chunkSize: 3))
        var good: [[String]] = []
        var badLines: [Int] = []
        try reader.forEachRecord(onBadRecord: { error in
            guard case .badInput(_, let line, _, _, _) = error else { throw error }
            badLines.append(line)
        }) { record in
            good.append([record.string(at: 0), record.string(at: 1), String(record.line)])
        }
        #expect(good == [["1", "2", "2"], ["5", "6", "5"], ["8", "9", "7"]])
        #expect(badLines == [3, 4, 6, 8])
    }

    @Test func emptyInputHasNoHeader() {
        #expect(csvError("") == .badInput(
            file: "t.csv", line: 1, column: nil, expected: "a CSV header row", found: "an empty file"))
    }

    @Test func recordLineIsWhereTheRecordStarts() throws {
        let reader = try CSVReader(
            source: ByteSource(bytes: Array("a,b\n\"1\n2\n3\",x\n4,y\n".utf8), chunkSize: 2))
        var lines: [Int] = []
        try reader.forEachRecord { lines.append($0.line) }
        #expect(lines == [2, 5])
    }

    @Test(arguments: [
        "0", "-0", "1", "-12.5", "+3.25", "0.00000080000", "2.000000000000000", "1e10", "1E-7", "-2.5e+3",
        ".5", "5.", "123456789012345678901234567890", "0.1234567890123456789012345", "1e-320",
        "1.7976931348623157e308", "9007199254740993", "20.52022672899003", "4.9e-324", "3.14159265358979323846",
    ])
    func decimalParserMatchesFoundation(text: String) throws {
        let bytes = Array(text.utf8)
        let parsed = bytes.withUnsafeBytes { DecimalParser.double($0) }
        let reference = try #require(Double(text))
        #expect(parsed == reference)
    }

    @Test(arguments: ["", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "12a", " 1", "NaN", "1,5"])
    func decimalParserRejects(text: String) {
        #expect(Array(text.utf8).withUnsafeBytes { DecimalParser.double($0) } == nil)
    }

    @Test func int64Parsing() {
        func parse(_ s: String) -> Int64? { Array(s.utf8).withUnsafeBytes { DecimalParser.int64($0) } }
        #expect(parse("1712567843827") == 1_712_567_843_827)
        #expect(parse("-9223372036854775808") == Int64.min)
        #expect(parse("9223372036854775808") == nil)
        #expect(parse("1.0") == nil)
    }

    @Test func recordAccessors() throws {
        let reader = try CSVReader(
            source: ByteSource(bytes: Array("cost,tag,n\n1.5e2,NULL,42\n,\"NULL\",x\n".utf8)))
        #expect(reader.index(of: "tag") == 1)
        #expect(reader.index(of: "missing") == nil)
        var seen = 0
        try reader.forEachRecord { record in
            seen += 1
            #expect(record.isNull(at: 1))
            #expect(record.double(at: 1) == nil)
            if seen == 1 {
                #expect(record.double(at: 0) == 150)
                #expect(record.int64(at: 2) == 42)
                #expect(record.field(at: 1, equals: "NULL"))
            } else {
                #expect(record.double(at: 0) == nil)
                #expect(record.isNull(at: 0))
                #expect(record.double(at: 2) == nil)
                #expect(record.string(at: 9) == "")
            }
        }
        #expect(seen == 2)
    }

    static var focusPath: String { Fixtures.path("corpus/focus_sample.csv") }

    @Test(arguments: [false, true])
    func focusSample(gzipped: Bool) throws {
        let dir = try ReaderTestDirectory()
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Self.focusPath)))
        let path = gzipped ? try dir.gzip("focus.csv", bytes) : Self.focusPath
        let reader = try CSVReader(path: path)
        #expect(reader.header.count == 44)
        #expect(reader.header.first == "AvailabilityZone")
        #expect(reader.header.last == "Tags")
        let billed = try #require(reader.index(of: "BilledCost"))
        let zone = try #require(reader.index(of: "AvailabilityZone"))
        let category = try #require(reader.index(of: "ChargeCategory"))
        var count = 0
        var sum = 0.0
        var nullZones = 0
        var categories = Set<String>()
        var lastLine = 0
        try reader.forEachRecord { record in
            count += 1
            #expect(record.count == 44)
            sum += record.double(at: billed) ?? 0
            if record.isNull(at: zone) { nullZones += 1 }
            categories.insert(record.string(at: category))
            lastLine = record.line
        }
        // Reference values from Python's csv module over the same file.
        #expect(count == 1000)
        #expect(abs(sum - 20.52022672899003) < 1e-9)
        #expect(nullZones == 893)
        #expect(categories == ["Adjustment", "Credit", "Usage"])
        #expect(lastLine == 1001)
    }
}

@Suite struct ReaderCSVFixtureTests {
    @Test func bomCRLFQuotedFixture() throws {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let path = fixtures.appendingPathComponent("readers/bom-crlf-quoted.csv").path
        let reader = try CSVReader(path: path)
        #expect(reader.header == ["name", "note", "amount"])
        var rows: [[String]] = []
        var amounts: [Double?] = []
        var lines: [Int] = []
        try reader.forEachRecord { record in
            rows.append((0..<record.count).map { record.string(at: $0) })
            amounts.append(record.double(at: 2))
            lines.append(record.line)
        }
        #expect(rows == [["a, b", "said \"hi\"", "1.5"], ["multi\r\nline", "NULL", "-2e-1"]])
        #expect(amounts == [1.5, -0.2])
        #expect(lines == [2, 3])
    }
}
