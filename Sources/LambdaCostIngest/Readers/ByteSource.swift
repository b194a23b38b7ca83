import Foundation
import LambdaCostCZlib
import LambdaCostCore

/// A file (or in-memory buffer) read front to back in large chunks, gunzipped on the fly when it
/// starts with the gzip magic, hashing the raw bytes as they pass so ingest can recognise a file
/// it has seen before without a second read.
///
/// Chunks handed out by ``nextChunk()`` stay valid only until the next call; readers that need
/// bytes across chunks copy them. Not thread-safe: one reader owns a source.
public final class ByteSource {
    /// The path (or name) used in error messages.
    public let name: String
    /// Whether the raw bytes start with the gzip magic `1f 8b`.
    public private(set) var isGzip = false
    /// Raw (as on disk) bytes consumed so far.
    public private(set) var bytesRead = 0
    /// SHA-256 hex of the raw bytes; `nil` until the raw input has been consumed to the end
    /// (see ``finishHashing()`` to get it without decoding the rest).
    public private(set) var contentHash: String?

    private let fd: Int32
    private let memory: [UInt8]?
    private var memoryOffset = 0
    private var rawEOF = false
    private var hasher: BackgroundHasher?
    /// Called with `bytesRead` about every ``progressStep`` raw bytes (for a terminal's progress line).
    public var progress: ((Int) -> Void)?
    static let progressStep = 32 << 20
    private var nextProgress = ByteSource.progressStep
    private let chunkSize: Int
    /// At least two bytes, so the gzip magic fits even with a one-byte chunk size.
    private let rawCapacity: Int

    /// Raw input bytes not yet consumed; `rawStart..<rawEnd` is live.
    private let rawBuffer: UnsafeMutableRawBufferPointer
    private var rawStart = 0
    private var rawEnd = 0

    /// Decoded bytes handed to readers (gzip output, or a copy of raw bytes for peeked data).
    private let outBuffer: UnsafeMutableRawBufferPointer
    /// Decoded bytes that `peek` looked at and readers have not received yet.
    private var pending: [UInt8] = []
    private var pendingOffset = 0

    private var zstream = z_stream()
    private var inflating = false
    /// True once a gzip member has begun and not yet reached `Z_STREAM_END`.
    private var inMember = false
    private var finished = false
    /// A decoding failure, thrown again on later reads so a caller that swallowed it (e.g. in
    /// format detection) cannot mistake the cut for a clean end of input.
    private var failure: LambdaCostError?

    /// Opens a file for streaming.
    /// - Parameters:
    ///   - path: the file to read.
    ///   - chunkSize: bytes per read; small values exist for tests of chunk boundaries.
    /// - Throws: `LambdaCostError.missingInput` when the file cannot be opened or read.
    public init(path: String, chunkSize: Int = 1 << 20) throws {
        name = path
        memory = nil
        self.chunkSize = max(2, chunkSize)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw LambdaCostError.missingInput(path: path, reason: "is a directory, not a file")
        }
        let opened = open(path, O_RDONLY)
        if opened < 0 {
            throw LambdaCostError.missingInput(path: path, reason: String(cString: strerror(errno)))
        }
        fd = opened
        rawCapacity = max(2, self.chunkSize)
        rawBuffer = .allocate(byteCount: rawCapacity, alignment: 16)
        outBuffer = .allocate(byteCount: self.chunkSize, alignment: 16)
        hasher = BackgroundHasher()
        try start()
    }

    /// Wraps bytes already in memory (small documents, tests) in the same interface.
    /// - Parameters:
    ///   - bytes: the raw bytes, gzip or not.
    ///   - name: the name used in error messages.
    ///   - chunkSize: bytes per chunk.
    public init(bytes: [UInt8], name: String = "<input>", chunkSize: Int = 1 << 20) throws {
        self.name = name
        memory = bytes
        fd = -1
        self.chunkSize = max(2, chunkSize)
        rawCapacity = max(2, self.chunkSize)
        rawBuffer = .allocate(byteCount: rawCapacity, alignment: 16)
        outBuffer = .allocate(byteCount: self.chunkSize, alignment: 16)
        hasher = BackgroundHasher()
        try start()
    }

    deinit {
        if inflating { inflateEnd(&zstream) }
        if fd >= 0 { close(fd) }
        rawBuffer.deallocate()
        outBuffer.deallocate()
    }

    private func start() throws {
        // Two bytes decide gzip; a one-byte chunk size must still see both.
        while rawEnd - rawStart < 2, try fillRaw() {}
        if rawEnd - rawStart >= 2, rawBuffer[rawStart] == 0x1f, rawBuffer[rawStart + 1] == 0x8b {
            isGzip = true
            let status = inflateInit2_(
                &zstream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else {
                throw LambdaCostError.internalError(message: "zlib inflateInit2 failed (\(status))")
            }
            inflating = true
        }
    }

    /// Reads more raw bytes after `rawEnd`, compacting first. Returns false at end of input.
    private func fillRaw() throws -> Bool {
        if rawEOF { return false }
        if rawStart > 0 {
            let live = rawEnd - rawStart
            if live > 0, let base = rawBuffer.baseAddress {
                memmove(base, base + rawStart, live)
            }
            rawStart = 0
            rawEnd = live
        }
        let room = rawCapacity - rawEnd
        if room == 0 { return true }
        var got = 0
        if let memory {
            got = min(room, memory.count - memoryOffset)
            if got > 0 {
                memory.withUnsafeBytes { src in
                    (rawBuffer.baseAddress! + rawEnd).copyMemory(
                        from: src.baseAddress! + memoryOffset, byteCount: got)
                }
                memoryOffset += got
            }
        } else {
            repeat {
                got = read(fd, rawBuffer.baseAddress! + rawEnd, room)
            } while got < 0 && errno == EINTR
            if got < 0 {
                throw LambdaCostError.missingInput(path: name, reason: String(cString: strerror(errno)))
            }
        }
        if got == 0 {
            rawEOF = true
            if let done = hasher { contentHash = done.finalize() }
            hasher = nil
            return false
        }
        hasher?.update(UnsafeRawBufferPointer(rebasing: rawBuffer[rawEnd..<(rawEnd + got)]))
        rawEnd += got
        bytesRead += got
        if bytesRead >= nextProgress, let progress {
            nextProgress = bytesRead + Self.progressStep
            progress(bytesRead)
        }
        return true
    }

    /// The next chunk of decoded bytes, or `nil` at the end of the input.
    ///
    /// The buffer is valid until the next call to any method of this source.
    /// - Throws: `LambdaCostError.badInput` for truncated or corrupt gzip data,
    ///   `LambdaCostError.missingInput` when reading fails.
    public func nextChunk() throws -> UnsafeRawBufferPointer? {
        if pendingOffset < pending.count {
            let count = min(chunkSize, pending.count - pendingOffset)
            pending.withUnsafeBytes {
                outBuffer.baseAddress!.copyMemory(from: $0.baseAddress! + pendingOffset, byteCount: count)
            }
            pendingOffset += count
            if pendingOffset == pending.count {
                pending = []
                pendingOffset = 0
            }
            return UnsafeRawBufferPointer(rebasing: outBuffer[0..<count])
        }
        return try produce()
    }

    private func produce() throws -> UnsafeRawBufferPointer? {
        if let failure { throw failure }
        if finished { return nil }
        if !isGzip {
            if rawStart == rawEnd, try !fillRaw() {
                finished = true
                return nil
            }
            let count = rawEnd - rawStart
            outBuffer.baseAddress!.copyMemory(from: rawBuffer.baseAddress! + rawStart, byteCount: count)
            rawStart = rawEnd
            return UnsafeRawBufferPointer(rebasing: outBuffer[0..<count])
        }
        return try inflateChunk()
    }

    private func inflateChunk() throws -> UnsafeRawBufferPointer? {
        while true {
            if rawStart == rawEnd, try !fillRaw() {
                finished = true
                if inMember {
                    let error = LambdaCostError.badInput(
                        file: name, line: 0, column: nil, expected: "a complete gzip stream",
                        found: "truncated data")
                    failure = error
                    throw error
                }
                return nil
            }
            if !inMember {
                // Between members: zero padding after the last member is common and harmless.
                while rawStart < rawEnd, rawBuffer[rawStart] == 0 { rawStart += 1 }
                if rawStart == rawEnd { continue }
                inMember = true
            }
            let available = rawEnd - rawStart
            zstream.next_in = rawBuffer.baseAddress!.assumingMemoryBound(to: Bytef.self) + rawStart
            zstream.avail_in = uInt(available)
            zstream.next_out = outBuffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
            zstream.avail_out = uInt(chunkSize)
            let status = inflate(&zstream, Z_NO_FLUSH)
            rawStart += available - Int(zstream.avail_in)
            let produced = chunkSize - Int(zstream.avail_out)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                inMember = false
                inflateReset(&zstream)
            default:
                let message = zstream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                let error = LambdaCostError.badInput(
                    file: name, line: 0, column: nil, expected: "valid gzip data",
                    found: "corrupt data (\(message))")
                failure = error
                throw error
            }
            if produced > 0 {
                return UnsafeRawBufferPointer(rebasing: outBuffer[0..<produced])
            }
        }
    }

    /// The first `maxBytes` decoded bytes (fewer if the input is shorter), for format detection.
    ///
    /// Peeked bytes are still delivered by ``nextChunk()``. Call before reading.
    public func peek(maxBytes: Int) throws -> [UInt8] {
        while pending.count - pendingOffset < maxBytes, let chunk = try produce() {
            pending.append(contentsOf: chunk)
        }
        return Array(pending[pendingOffset...].prefix(maxBytes))
    }

    /// Reads the remaining raw bytes without decoding them and returns the content hash, for
    /// callers that stop early (e.g. after detecting a format they skip).
    public func finishHashing() throws -> String {
        while try fillRaw() { rawStart = rawEnd }
        finished = true
        return contentHash ?? ""
    }
}
