import Foundation

/// A mergeable, log-bucketed histogram of positive values (durations in ms) whose quantiles are
/// within ±1% relative error (a DDSketch with α = 0.01).
///
/// Bucket `i` holds values in (γ^(i-1), γ^i] with γ = (1+α)/(1−α); a bucket reports the value
/// 2γ^i/(γ+1), which is within α of every value it holds. Values at or below ``minimumValue``
/// share bucket ``lowestIndex``. Storage cost grows with the spread of the values, not their
/// count: a 1 ms – 900 s range needs under 700 buckets.
public struct LogHistogram: Sendable, Hashable {
    /// Relative accuracy of quantiles.
    public static let relativeAccuracy = 0.01
    public static let gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy)
    static let logGamma = log(gamma)
    /// Values at or below this (ms) share the lowest bucket.
    public static let minimumValue = 0.01
    static let lowestIndex = Int32((log(minimumValue) / logGamma).rounded(.up))

    /// Index of the first element of `counts`.
    public private(set) var offset: Int32 = 0
    /// Dense counts from `offset` upward.
    public private(set) var counts: [UInt64] = []
    public private(set) var totalCount: UInt64 = 0

    public init() {}

    /// The bucket index a value falls in.
    @inline(__always)
    public static func index(of value: Double) -> Int32 {
        if value <= minimumValue { return lowestIndex }
        return Int32((log(value) / logGamma).rounded(.up))
    }

    /// The representative value of a bucket.
    public static func value(ofIndex index: Int32) -> Double {
        if index <= lowestIndex { return minimumValue }
        return 2 * pow(gamma, Double(index)) / (gamma + 1)
    }

    public var isEmpty: Bool { totalCount == 0 }

    /// Adds `count` observations of `value`.
    @inline(__always)
    public mutating func add(_ value: Double, count: UInt64 = 1) {
        addToBucket(Self.index(of: value), count: count)
    }

    /// Adds observations directly to a bucket.
    public mutating func addToBucket(_ index: Int32, count: UInt64) {
        guard count > 0 else { return }
        if counts.isEmpty {
            offset = index
            counts = [count]
        } else if index < offset {
            let grow = Int(offset - index)
            counts.insert(contentsOf: repeatElement(0, count: grow), at: 0)
            offset = index
            counts[0] += count
        } else {
            let position = Int(index - offset)
            if position >= counts.count { counts.append(contentsOf: repeatElement(0, count: position - counts.count + 1)) }
            counts[position] += count
        }
        totalCount += count
    }

    /// Adds every observation of another histogram.
    public mutating func merge(_ other: LogHistogram) {
        for (i, c) in other.counts.enumerated() where c > 0 {
            addToBucket(other.offset + Int32(i), count: c)
        }
    }

    /// The non-empty buckets in ascending order.
    public var buckets: [(index: Int32, count: UInt64)] {
        counts.enumerated().compactMap { $0.element > 0 ? (offset + Int32($0.offset), $0.element) : nil }
    }

    /// The value at quantile `q` in [0, 1] (nearest-rank), or nil when empty.
    public func quantile(_ q: Double) -> Double? {
        guard totalCount > 0 else { return nil }
        let rank = max(1, UInt64((q * Double(totalCount)).rounded(.up)))
        var seen: UInt64 = 0
        for (i, c) in counts.enumerated() {
            seen += c
            if seen >= rank { return Self.value(ofIndex: offset + Int32(i)) }
        }
        return Self.value(ofIndex: offset + Int32(counts.count - 1))
    }

    /// The fraction of observations strictly above `value` (bucket resolution).
    public func fractionAbove(_ value: Double) -> Double {
        guard totalCount > 0 else { return 0 }
        let cut = Self.index(of: value)
        var above: UInt64 = 0
        for (i, c) in counts.enumerated() where offset + Int32(i) > cut { above += c }
        return Double(above) / Double(totalCount)
    }

    /// Mean from bucket representatives (use exact sums where they are kept).
    public var approximateMean: Double? {
        guard totalCount > 0 else { return nil }
        var sum = 0.0
        for (i, c) in counts.enumerated() where c > 0 { sum += Double(c) * Self.value(ofIndex: offset + Int32(i)) }
        return sum / Double(totalCount)
    }

    /// Adds the observations of an ``encoded()`` histogram without building it first (the hot
    /// path when a month's hourly rows are merged).
    public mutating func merge(encoded bytes: [UInt8]) throws {
        var reader = Varint.Reader(bytes)
        var previous: Int32 = 0
        var first = true
        while !reader.atEnd {
            let raw = try reader.next()
            let index: Int32
            if first {
                let z = Int64(bitPattern: raw)
                index = Int32(truncatingIfNeeded: (z >> 1) ^ -(z & 1))
                first = false
            } else {
                index = previous + Int32(truncatingIfNeeded: raw)
            }
            addToBucket(index, count: try reader.next())
            previous = index
        }
    }

    // MARK: Encoding

    /// Compact bytes: varint bucket-index deltas (zig-zag for the first) and varint counts of
    /// the non-empty buckets.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(counts.count * 2 + 4)
        var previous: Int32 = 0
        var first = true
        for (i, c) in counts.enumerated() where c > 0 {
            let index = offset + Int32(i)
            if first {
                Varint.append(UInt64(bitPattern: Int64((index << 1) ^ (index >> 31))), to: &out)
                first = false
            } else {
                Varint.append(UInt64(index - previous), to: &out)
            }
            Varint.append(c, to: &out)
            previous = index
        }
        return out
    }

    /// Decodes ``encoded()`` bytes; throws on malformed data.
    public init(encoded bytes: some Collection<UInt8>) throws {
        self.init()
        try merge(encoded: Array(bytes))
    }
}

/// LEB128 unsigned variable-length integers.
public enum Varint {
    public static func append(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7f) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    public struct Reader {
        let bytes: [UInt8]
        var position = 0
        public init(_ bytes: [UInt8]) { self.bytes = bytes }
        public var atEnd: Bool { position >= bytes.count }
        public mutating func next() throws -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while position < bytes.count {
                let b = bytes[position]
                position += 1
                result |= UInt64(b & 0x7f) << shift
                if b < 0x80 { return result }
                shift += 7
                if shift > 63 { break }
            }
            throw LambdaCostError.internalError(message: "malformed varint in stored histogram")
        }
    }
}

/// An exact histogram of small non-negative integers (Max Memory Used in MB): dense counts
/// from the smallest value seen, so adding is an array increment, not a hash.
public struct IntHistogram: Sendable, Hashable {
    private var offset = 0
    private var dense: [UInt64] = []
    public private(set) var totalCount: UInt64 = 0

    public init() {}

    /// The non-zero counts as value → count.
    public var counts: [Int: UInt64] {
        var out: [Int: UInt64] = [:]
        for (i, c) in dense.enumerated() where c > 0 { out[offset + i] = c }
        return out
    }

    public var maximum: Int? {
        guard let last = dense.lastIndex(where: { $0 > 0 }) else { return nil }
        return offset + last
    }

    @inline(__always)
    public mutating func add(_ value: Int, count: UInt64 = 1) {
        guard count > 0 else { return }
        let v = max(0, value)
        if dense.isEmpty {
            offset = v
            dense = [0]
        } else if v < offset {
            dense.insert(contentsOf: repeatElement(0, count: offset - v), at: 0)
            offset = v
        } else if v - offset >= dense.count {
            dense.append(contentsOf: repeatElement(0, count: v - offset - dense.count + 1))
        }
        dense[v - offset] += count
        totalCount += count
    }

    public mutating func merge(_ other: IntHistogram) {
        for (i, c) in other.dense.enumerated() where c > 0 { add(other.offset + i, count: c) }
    }

    /// Nearest-rank quantile.
    public func quantile(_ q: Double) -> Int? {
        guard totalCount > 0 else { return nil }
        let rank = max(1, UInt64((q * Double(totalCount)).rounded(.up)))
        var seen: UInt64 = 0
        for (i, c) in dense.enumerated() {
            seen += c
            if seen >= rank { return offset + i }
        }
        return maximum
    }

    /// Varint pairs (value delta, count) in ascending order.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        var previous = 0
        for (i, c) in dense.enumerated() where c > 0 {
            Varint.append(UInt64(offset + i - previous), to: &out)
            Varint.append(c, to: &out)
            previous = offset + i
        }
        return out
    }

    public init(encoded bytes: some Collection<UInt8>) throws {
        var reader = Varint.Reader(Array(bytes))
        var previous = 0
        while !reader.atEnd {
            let value = previous + Int(try reader.next())
            add(value, count: try reader.next())
            previous = value
        }
    }

    public static func == (a: Self, b: Self) -> Bool { a.counts == b.counts }

    public func hash(into hasher: inout Hasher) { hasher.combine(counts) }
}
