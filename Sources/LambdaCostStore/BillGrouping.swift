/// How `bill` groups its rows.
public enum BillGrouping: Sendable, Hashable {
    /// By service display name (``BillService/displayName(_:)``).
    case service
    /// By function (`account/region/name`); lines that name no function form one `(none)` row.
    case function
    /// By usage type as written; other services (kept as totals) form one `(none)` row.
    case usageType
    /// By the value of one cost allocation tag; untagged cost forms one `(none)` row.
    case tag(String)

    /// Parses `service`, `function`, `usage-type` or `tag:KEY`; nil for anything else.
    public init?(parsing text: String) {
        switch text {
        case "service": self = .service
        case "function": self = .function
        case "usage-type": self = .usageType
        default:
            guard text.hasPrefix("tag:"), text.count > 4 else { return nil }
            self = .tag(String(text.dropFirst(4)))
        }
    }
}
