import Foundation

/// Maps byte strings to small integer ids and back, without allocating for a string seen before:
/// a billing file repeats a few thousand distinct usage types, accounts and services over
/// millions of rows, so rows are keyed by ids and a `String` is built once per distinct value.
final class ByteInterner {
    /// The strings, indexed by id.
    private(set) var strings: [String] = []
    private var keys: [[UInt8]] = []
    private var hashes: [UInt64] = []
    /// Open addressing: slot → id, -1 when empty.
    private var table = [Int32](repeating: -1, count: 1024)

    /// The id of the empty string (always 0).
    static let empty: Int32 = 0

    init() {
        _ = id(UnsafeRawBufferPointer(start: nil, count: 0))
    }

    /// The id of `bytes`, assigned when new.
    func id(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let e = table[slot]
            if e < 0 { break }
            let k = Int(e)
            if hashes[k] == h, keys[k].count == bytes.count,
                keys[k].withUnsafeBytes({ bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 })
            {
                return e
            }
            slot = (slot + 1) & mask
        }
        let new = Int32(keys.count)
        keys.append(Array(bytes))
        hashes.append(h)
        strings.append(String(decoding: bytes, as: UTF8.self))
        table[slot] = new
        if keys.count * 2 > table.count { grow() }
        return new
    }

    /// The id of a Swift string, assigned when new.
    func id(_ text: String) -> Int32 {
        var copy = text
        return copy.withUTF8 { id(UnsafeRawBufferPointer($0)) }
    }

    subscript(id: Int32) -> String { strings[Int(id)] }

    private func grow() {
        table = [Int32](repeating: -1, count: table.count * 2)
        let mask = table.count - 1
        for (k, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(k)
        }
    }
}
