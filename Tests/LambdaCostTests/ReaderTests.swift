import Foundation
import Testing
@testable import LambdaCostCore
@testable import LambdaCostIngest

/// A temp folder owned by one test, removed when the test's value goes away.
final class ReaderTestDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("readers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let target = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: target))
        return target
    }

    /// Compresses with the system `gzip`, an implementation independent of ours.
    func gzip(_ name: String, _ bytes: [UInt8]) throws -> String {
        let plain = try write(name, bytes)
        _ = try run("/usr/bin/gzip", ["-k", "-f", plain])
        return plain + ".gz"
    }

    func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func sha256sum(_ path: String) throws -> String {
        String(try run("/usr/bin/sha256sum", [path]).prefix(64))
    }
}

/// Reads everything a source yields.
func readAll(_ source: ByteSource) throws -> [UInt8] {
    var out: [UInt8] = []
    while let chunk = try source.nextChunk() { out.append(contentsOf: chunk) }
    return out
}

/// Deterministic text with lines of many lengths, including empty and chunk-straddling ones.
func sampleText(lines: Int) -> [UInt8] {
    var out = ""
    for k in 0..<lines {
        out += String(repeating: "x\(k % 10)", count: (k * 7919) % 53)
        out += k % 5 == 0 ? "\r\n" : "\n"
    }
    return Array(out.utf8)
}

@Suite struct ReaderByteSourceTests {
    @Test(arguments: [2, 3, 17, 4096, 1 << 20])
    func plainFileRoundTripAndHash(chunkSize: Int) throws {
        let dir = try ReaderTestDirectory()
        let bytes = sampleText(lines: 500)
        let path = try dir.write("plain.txt", bytes)
        let source = try ByteSource(path: path, chunkSize: chunkSize)
        #expect(!source.isGzip)
        #expect(try readAll(source) == bytes)
        #expect(source.bytesRead == bytes.count)
        #expect(source.contentHash == (try dir.sha256sum(path)))
    }

    @Test func hashOfKnownVector() throws {
        let source = try ByteSource(bytes: Array("abc".utf8))
        _ = try readAll(source)
        #expect(source.contentHash == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test(arguments: [2, 5, 1000, 1 << 20])
    func gzipRoundTripHashesCompressedBytes(chunkSize: Int) throws {
        let dir = try ReaderTestDirectory()
        let bytes = sampleText(lines: 3000)
        let gz = try dir.gzip("data.txt", bytes)
        let source = try ByteSource(path: gz, chunkSize: chunkSize)
        #expect(source.isGzip)
        #expect(try readAll(source) == bytes)
        let size = try FileManager.default.attributesOfItem(atPath: gz)[.size] as? Int
        #expect(source.bytesRead == size)
        #expect(source.contentHash == (try dir.sha256sum(gz)))
    }

    @Test func multiMemberGzip() throws {
        let dir = try ReaderTestDirectory()
        let first = Array("first member\nline two\n".utf8)
        let second = sampleText(lines: 200)
        let a = try Array(Data(contentsOf: URL(fileURLWithPath: try dir.gzip("a.txt", first))))
        let b = try Array(Data(contentsOf: URL(fileURLWithPath: try dir.gzip("b.txt", second))))
        let both = try dir.write("both.gz", a + b)
        for chunkSize in [3, 64, 1 << 20] {
            #expect(try readAll(ByteSource(path: both, chunkSize: chunkSize)) == first + second)
        }
    }

    @Test(arguments: [1, 8, 40])
    func truncatedGzipIsBadInput(dropping: Int) throws {
        let dir = try ReaderTestDirectory()
        let gz = try dir.gzip("data.txt", sampleText(lines: 400))
        let whole = try Array(Data(contentsOf: URL(fileURLWithPath: gz)))
        let cut = try dir.write("cut.gz", Array(whole.dropLast(dropping)))
        let expected = LambdaCostError.badInput(
            file: cut, line: 0, column: nil, expected: "a complete gzip stream", found: "truncated data")
        #expect(throws: expected) { _ = try readAll(ByteSource(path: cut, chunkSize: 256)) }
    }

    @Test func corruptGzipIsBadInput() throws {
        let dir = try ReaderTestDirectory()
        let gz = try dir.gzip("data.txt", sampleText(lines: 400))
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: gz)))
        for k in 20..<60 { bytes[k] ^= 0x5A }
        let bad = try dir.write("bad.gz", bytes)
        do {
            _ = try readAll(ByteSource(path: bad))
            Issue.record("corrupt gzip was accepted")
        } catch let error as LambdaCostError {
            guard case .badInput(let file, _, _, _, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(file == bad)
        }
    }

    @Test func missingFileIsMissingInput() throws {
        let dir = try ReaderTestDirectory()
        let path = dir.path("nope.csv")
        #expect {
            _ = try ByteSource(path: path)
        } throws: { error in
            guard case .missingInput(let p, _) = error as? LambdaCostError else { return false }
            return p == path
        }
    }

    @Test func peekKeepsBytesForReaders() throws {
        let dir = try ReaderTestDirectory()
        let bytes = sampleText(lines: 300)
        let gz = try dir.gzip("data.txt", bytes)
        let source = try ByteSource(path: gz, chunkSize: 7)
        #expect(try source.peek(maxBytes: 100) == Array(bytes.prefix(100)))
        #expect(try source.peek(maxBytes: 10) == Array(bytes.prefix(10)))
        #expect(try readAll(source) == bytes)
    }

    @Test func finishHashingWithoutDecoding() throws {
        let dir = try ReaderTestDirectory()
        let gz = try dir.gzip("data.txt", sampleText(lines: 2000))
        let source = try ByteSource(path: gz, chunkSize: 512)
        _ = try source.nextChunk()
        #expect(try source.finishHashing() == (try dir.sha256sum(gz)))
    }

    @Test func emptyFile() throws {
        let dir = try ReaderTestDirectory()
        let source = try ByteSource(path: try dir.write("empty", []))
        #expect(try source.nextChunk() == nil)
        #expect(source.contentHash == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}

@Suite struct ReaderLineTests {
    /// Lines as Foundation splits them, the independent reference.
    func referenceLines(_ bytes: [UInt8]) -> [String] {
        // Split bytes, not Strings: Swift treats "\r\n" as one Character.
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        if lines.last == [] { lines.removeLast() }
        return lines.map { String(decoding: $0.last == 0x0D ? $0.dropLast() : $0[...], as: UTF8.self) }
    }

    func lines(_ source: ByteSource) throws -> [String] {
        var out: [String] = []
        try LineReader(source: source).forEachLine { line, number in
            #expect(number == out.count + 1)
            out.append(String(decoding: line, as: UTF8.self))
        }
        return out
    }

    @Test(arguments: [2, 3, 4, 31, 1 << 20])
    func linesAcrossChunkBoundaries(chunkSize: Int) throws {
        let bytes = sampleText(lines: 700) + Array("last line without newline".utf8)
        let got = try lines(ByteSource(bytes: bytes, chunkSize: chunkSize))
        #expect(got == referenceLines(bytes))
        #expect(got.last == "last line without newline")
    }

    @Test func gzipLinesAndLongLine() throws {
        let dir = try ReaderTestDirectory()
        let long = String(repeating: "abcdefghij", count: 300_000)
        let bytes = Array("short\r\n\(long)\n\nend\n".utf8)
        let gz = try dir.gzip("lines.log", bytes)
        let got = try lines(ByteSource(path: gz, chunkSize: 4096))
        #expect(got == ["short", long, "", "end"])
    }

    @Test func emptyInputHasNoLines() throws {
        #expect(try lines(ByteSource(bytes: [])) == [])
        #expect(try lines(ByteSource(bytes: [0x0A])) == [""])
    }
}

@Suite struct ReaderByteSourceFailureTests {
    /// A caller that swallows a decoding error (format sniffing) must not then see a clean end.
    @Test func gzipFailureIsStickyAfterPeek() throws {
        let dir = try ReaderTestDirectory()
        let gz = try dir.gzip("data.txt", sampleText(lines: 50))
        let whole = try Array(Data(contentsOf: URL(fileURLWithPath: gz)))
        let cut = try dir.write("cut.gz", Array(whole.prefix(whole.count / 2)))
        let source = try ByteSource(path: cut)
        _ = try? source.peek(maxBytes: 1 << 20)
        #expect(throws: LambdaCostError.self) { _ = try readAll(source) }
    }
}
