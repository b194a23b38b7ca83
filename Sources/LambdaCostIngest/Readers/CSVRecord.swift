/// One CSV record as a view over the reader's buffers: valid only inside the callback that
/// receives it, so fields cost no allocation unless asked for as a `String`.
public struct CSVRecord {
    /// The 1-based physical line on which the record starts.
    public let line: Int
    /// Unquoted field bytes, back to back.
    private let bytes: UnsafeRawBufferPointer
    /// `ends[k]` is where field `k` ends in `bytes`; it starts where field `k - 1` ends.
    private let ends: UnsafeBufferPointer<Int>
    /// Where each field starts when the record is the line itself (fields split in place);
    /// nil when fields are back to back in a copy.
    private let starts: UnsafeBufferPointer<Int>?

    init(line: Int, bytes: UnsafeRawBufferPointer, ends: UnsafeBufferPointer<Int>, starts: UnsafeBufferPointer<Int>? = nil) {
        self.line = line
        self.bytes = bytes
        self.ends = ends
        self.starts = starts
    }

    /// The number of fields.
    public var count: Int { ends.count }

    /// The bytes of field `index` with quotes removed and doubled quotes collapsed; empty when
    /// `index` is out of range.
    public func bytes(at index: Int) -> UnsafeRawBufferPointer {
        guard index >= 0, index < ends.count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let start = starts?[index] ?? (index == 0 ? 0 : ends[index - 1])
        return UnsafeRawBufferPointer(rebasing: bytes[start..<ends[index]])
    }

    /// Field `index` as a `String` (invalid UTF-8 repaired); `""` when out of range.
    public func string(at index: Int) -> String {
        String(decoding: bytes(at: index), as: UTF8.self)
    }

    /// Whether field `index` is empty or the literal `NULL` that some billing exports write.
    public func isNull(at index: Int) -> Bool {
        let field = bytes(at: index)
        if field.isEmpty { return true }
        return field.count == 4
            && field[0] == 0x4E && field[1] == 0x55 && field[2] == 0x4C && field[3] == 0x4C
    }

    /// Field `index` as a decimal number; `nil` when empty, `NULL` or not a number.
    public func double(at index: Int) -> Double? {
        isNull(at: index) ? nil : DecimalParser.double(bytes(at: index))
    }

    /// Field `index` as an integer; `nil` when empty, `NULL` or not an integer.
    public func int64(at index: Int) -> Int64? {
        isNull(at: index) ? nil : DecimalParser.int64(bytes(at: index))
    }

    /// Whether field `index` holds exactly `text` (no `String` is built).
    public func field(at index: Int, equals text: StaticString) -> Bool {
        let field = bytes(at: index)
        guard field.count == text.utf8CodeUnitCount else { return false }
        let other = UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        return field.elementsEqual(other)
    }
}
