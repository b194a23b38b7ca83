import LambdaCostCore

/// Timestamps as CloudWatch outputs print them: ISO-8601 (`…Z`, `…+00:00`, fractional seconds)
/// or epoch numbers (seconds, or milliseconds above 10^11).
enum MetricTime {
    /// Epoch milliseconds of a JSON timestamp value, or nil.
    static func millis(_ value: JSONValue) -> Int64? {
        switch value {
        case .string(let text):
            if let ms = Timestamp.parseMillis(text) { return ms }
            return Double(text).flatMap(fromEpoch)
        case .number(let number, _):
            return fromEpoch(number)
        default:
            return nil
        }
    }

    private static func fromEpoch(_ number: Double) -> Int64? {
        guard number.isFinite, number >= 0 else { return nil }
        return number >= 1e11 ? Int64(number.rounded()) : Int64((number * 1000).rounded())
    }
}
