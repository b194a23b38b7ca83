/// One legacy CUR line item before formatting. Text fields are CSV-ready bytes (quoted where
/// needed) so that formatting a row copies bytes and prints three numbers.
struct CURLine {
    var lineItemType: [UInt8]
    var startMs: Int64
    var endMs: Int64
    var usageAccountId: [UInt8]
    var productCode: [UInt8]
    var usageType: [UInt8]
    var operation: [UInt8]
    var resourceId: [UInt8]
    var amount: Double
    var rate: Double
    var cost: Double
    var description: [UInt8]
    var productName: [UInt8]
    var productFamily: [UInt8]
    var group: [UInt8]
    var serviceCode: [UInt8]
    var sku: [UInt8]
    var unit: [UInt8]
    var team: [UInt8]

    /// A field as CSV bytes: quoted (with doubled quotes) only when it holds a comma, quote or newline.
    static func field(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 }) else { return bytes }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for b in bytes {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
        return out
    }
}
