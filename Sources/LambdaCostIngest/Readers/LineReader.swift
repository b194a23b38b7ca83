import Foundation
import LambdaCostCore

/// Splits a ``ByteSource`` into lines without copying them, except lines that straddle chunks.
public struct LineReader {
    /// The source the lines come from.
    public let source: ByteSource

    /// Wraps a source; reading starts at its current position.
    public init(source: ByteSource) {
        self.source = source
    }

    /// Calls `body` with each line (without its `\n` or `\r\n`) and its 1-based line number.
    ///
    /// The buffer is valid only during the call. A final line without a newline is delivered;
    /// an empty input has no lines. Throwing from `body` stops the iteration.
    /// - Throws: whatever `body` or the source throws.
    public func forEachLine(_ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        var carry: [UInt8] = []
        var lineNumber = 0
        func deliver(_ line: UnsafeRawBufferPointer) throws {
            lineNumber += 1
            var count = line.count
            if count > 0, line[count - 1] == 0x0D { count -= 1 }
            try body(UnsafeRawBufferPointer(rebasing: line[0..<count]), lineNumber)
        }
        while let chunk = try source.nextChunk() {
            guard let base = chunk.baseAddress else { continue }
            var start = 0
            let end = chunk.count
            while start < end {
                // memchr is vectorised; a Swift byte loop is several times slower here.
                guard let hit = memchr(base + start, 0x0A, end - start) else {
                    carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
                    break
                }
                let newline = UnsafeRawPointer(hit) - base
                if carry.isEmpty {
                    try deliver(UnsafeRawBufferPointer(rebasing: chunk[start..<newline]))
                } else {
                    carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<newline]))
                    try carry.withUnsafeBytes { try deliver($0) }
                    carry.removeAll(keepingCapacity: true)
                }
                start = newline + 1
            }
        }
        if !carry.isEmpty {
            try carry.withUnsafeBytes { try deliver($0) }
        }
    }
}
