/// What `--format` takes: how a command prints its data (never the input format).
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, csv, md
}
