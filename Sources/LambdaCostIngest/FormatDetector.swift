import Foundation
import LambdaCostCore

/// Recognises an input's format from its first bytes (decompressed) and its file name.
enum FormatDetector {
    /// How many leading bytes detection looks at.
    static let peekBytes = 64 * 1024

    /// The detected format, or nil when the content matches nothing known.
    static func detect(_ head: [UInt8], fileName: String) -> InputFormat? {
        let text = String(decoding: head.prefix(peekBytes), as: UTF8.self)
        // Billing and configuration first: their JSON/CSV may quote log lines; logs last.
        return BillingFormats.detect(head, text: text, fileName: fileName)
            ?? ConfigurationFormats.detect(head, text: text, fileName: fileName)
            ?? MetricFormats.detect(head, text: text, fileName: fileName)
            ?? LogFormats.detect(head, text: text, fileName: fileName)
    }

    /// A short, printable description of what a file starts with, for error messages.
    static func describeStart(_ head: [UInt8]) -> String {
        let firstLine = head.prefix(200).split(separator: 10, maxSplits: 1, omittingEmptySubsequences: false).first ?? []
        let text = String(decoding: firstLine, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? "an empty file" : LambdaCostError.excerpt(text, limit: 60)
    }
}
