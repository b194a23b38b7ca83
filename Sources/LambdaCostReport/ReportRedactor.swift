import Foundation

/// Replaces ARNs and 12-digit AWS account IDs with stable placeholders (`arn:redacted:1`,
/// `account-1`), numbered in order of first appearance, so redacted reports stay deterministic
/// and the same resource keeps the same placeholder throughout one document.
public struct ReportRedactor {
    private var arns: [String: String] = [:]
    private var accounts: [String: String] = [:]

    /// Creates a redactor with no placeholders assigned yet.
    public init() {}

    /// The text with ARNs and account IDs replaced. Reuse one redactor for the documents of one
    /// report so placeholders agree between them.
    public mutating func redact(_ text: String) -> String {
        var out = replace(in: text, pattern: #"arn:aws[a-zA-Z-]*:[^\s"'|)\]<>,]+"#) { match in
            if let p = arns[match] { return p }
            let p = "arn:redacted:\(arns.count + 1)"
            arns[match] = p
            return p
        }
        out = replace(in: out, pattern: #"(?<![0-9])[0-9]{12}(?![0-9])"#) { match in
            if let p = accounts[match] { return p }
            let p = "account-\(accounts.count + 1)"
            accounts[match] = p
            return p
        }
        return out
    }

    private func replace(in text: String, pattern: String, with placeholder: (String) -> String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        let ns = text as NSString
        var out = ""
        var last = 0
        for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            out += placeholder(ns.substring(with: m.range))
            last = m.range.location + m.range.length
        }
        return out + ns.substring(from: last)
    }
}
