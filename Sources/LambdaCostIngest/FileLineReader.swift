import Foundation
import LambdaCostCore

/// Temporary plain-file line reader (replaced by the streaming readers).
final class FileLineReader {
    let path: String
    private(set) var contentHash = ""
    private(set) var sizeBytes: Int64 = 0

    init(path: String) { self.path = path }

    func forEachLine(_ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LambdaCostError.missingInput(path: path, reason: "cannot open for reading")
        }
        defer { try? handle.close() }
        var hasher = ContentHasher()
        var carry: [UInt8] = []
        var lineNumber = 0
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            sizeBytes += Int64(chunk.count)
            let bytes = [UInt8](chunk)
            bytes.withUnsafeBytes { hasher.update($0) }
            var buffer = carry
            buffer.append(contentsOf: bytes)
            var start = 0
            try buffer.withUnsafeBytes { raw in
                for i in 0..<raw.count where raw[i] == 10 {
                    lineNumber += 1
                    var end = i
                    if end > start, raw[end - 1] == 13 { end -= 1 }
                    try body(UnsafeRawBufferPointer(rebasing: raw[start..<end]), lineNumber)
                    start = i + 1
                }
            }
            carry = Array(buffer[start...])
        }
        if !carry.isEmpty {
            lineNumber += 1
            try carry.withUnsafeBytes { try body($0, lineNumber) }
        }
        contentHash = hasher.finalize()
    }
}
