import LambdaCostCore

/// The `aws` commands that export one month of Lambda usage in shapes `ingest` reads: a
/// `get-metric-data` queries file whose labels follow ``LambdaMetric``'s convention, and a
/// `filter-log-events` export of REPORT lines per function, named after the function.
public struct ExportScript: Sendable {
    /// One metric query: a function's metric and statistic.
    public struct Query: Sendable, Hashable {
        /// The function, or "" for a Region-wide metric.
        public var function: String
        /// The AWS/Lambda metric name.
        public var metric: String
        /// The statistic.
        public var stat: String
    }

    /// `get-metric-data` accepts at most this many queries per call.
    public static let queriesPerCall = 500

    /// The functions to export.
    public var functions: [String]
    /// The Region.
    public var region: String
    /// The month (UTC).
    public var month: Month
    /// The metric period in seconds.
    public var periodSeconds: Int
    /// `--account` to pass on to `ingest`, if known.
    public var account: String?

    /// A script for these functions.
    public init(functions: [String], region: String, month: Month, periodSeconds: Int = 3600, account: String? = nil) {
        self.functions = functions
        self.region = region
        self.month = month
        self.periodSeconds = periodSeconds
        self.account = account
    }

    /// The statistics exported for each function.
    public static let perFunction: [(metric: String, stat: String)] = [
        ("Invocations", "Sum"), ("Errors", "Sum"), ("Throttles", "Sum"), ("Duration", "Average"), ("Duration", "Maximum"),
        ("Duration", "p99"), ("ConcurrentExecutions", "Maximum"), ("ProvisionedConcurrencySpilloverInvocations", "Sum"),
        ("AsyncEventsDropped", "Sum"), ("DeadLetterErrors", "Sum"),
    ]

    /// Every query, per function in order, then the Region-wide ones.
    public var queries: [Query] {
        var result: [Query] = []
        for f in functions {
            for (metric, stat) in Self.perFunction { result.append(Query(function: f, metric: metric, stat: stat)) }
        }
        result.append(Query(function: "", metric: "UnreservedConcurrentExecutions", stat: "Maximum"))
        return result
    }

    /// The queries split into files of at most ``queriesPerCall``.
    public var queryFiles: [[Query]] {
        let all = queries
        return stride(from: 0, to: all.count, by: Self.queriesPerCall).map { Array(all[$0..<min($0 + Self.queriesPerCall, all.count)]) }
    }

    /// A `--metric-data-queries` JSON document; `firstIndex` numbers the query Ids (`m0`, `m1`, …).
    public func queriesJSON(_ queries: [Query], firstIndex: Int = 0) -> String {
        var lines: [String] = []
        for (i, q) in queries.enumerated() {
            let dimensions = q.function.isEmpty ? "[]" : "[{\"Name\": \"FunctionName\", \"Value\": \(Self.quoted(q.function))}]"
            let label = LambdaMetric.label(function: q.function, metric: q.metric, stat: q.stat, periodSeconds: periodSeconds)
            lines.append(
                "  {\"Id\": \"m\(firstIndex + i)\", \"Label\": \(Self.quoted(label)), \"ReturnData\": true, \"MetricStat\": "
                    + "{\"Metric\": {\"Namespace\": \"AWS/Lambda\", \"MetricName\": \(Self.quoted(q.metric)), \"Dimensions\": \(dimensions)}, "
                    + "\"Period\": \(periodSeconds), \"Stat\": \(Self.quoted(q.stat))}}")
        }
        return "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    }

    /// The folder the script writes into.
    public var directory: String { "lambdacost-\(month)" }

    /// The whole shell script.
    public var script: String {
        let start = Timestamp.iso8601(millis: month.startEpochSeconds * 1000)
        let end = Timestamp.iso8601(millis: month.endEpochSeconds * 1000)
        let dir = directory
        var s = """
            #!/bin/sh
            # lambdacost export-script: \(functions.joined(separator: ", ")) in \(region), \(month) (UTC, \(start) to \(end)).
            # Metric labels follow lambdacost's convention lambdacost:<function>:<Metric>:<Stat>:<period>,
            # so 'lambdacost ingest' attributes every series without flags. CloudWatch keeps 1-hour data
            # 15 months, 5-minute data 63 days and 1-minute data 15 days: pick --period to match.
            set -e
            mkdir -p \(dir)/logs

            """
        var index = 0
        for (n, chunk) in queryFiles.enumerated() {
            let file = "\(dir)/queries-\(n + 1).json"
            s += "cat > \(file) <<'JSON'\n\(queriesJSON(chunk, firstIndex: index))JSON\n"
            s += "aws cloudwatch get-metric-data --region \(region) --start-time \(start) --end-time \(end) \\\n"
            s += "  --scan-by TimestampAscending --metric-data-queries file://\(file) --output json > \(dir)/metrics-\(n + 1).json\n\n"
            index += chunk.count
        }
        s += "# REPORT lines (and timeout lines) per function; the file name names the function.\n"
        s += "# A function using the JSON log format needs --filter-pattern '{ $.type = \"platform.report\" }' instead.\n"
        for f in functions {
            s += "aws logs filter-log-events --region \(region) --log-group-name /aws/lambda/\(f) \\\n"
            s += "  --start-time \(month.startEpochSeconds * 1000) --end-time \(month.endEpochSeconds * 1000 - 1) \\\n"
            s += "  --filter-pattern '?\"REPORT RequestId\" ?\"Task timed out\"' --output json > \(dir)/logs/\(f).json\n"
        }
        // Configuration: timeouts, reservations, provisioned concurrency, retention and the
        // account's concurrency limit live there, not in logs or bills.
        s += "\n# Configuration in force (the model needs timeouts, reservations, retention, limits).\n"
        s += "mkdir -p \(dir)/config\n"
        s += "aws lambda list-functions --region \(region) --output json > \(dir)/config/list-functions.json\n"
        s += "aws lambda get-account-settings --region \(region) --output json > \(dir)/config/get-account-settings.json\n"
        s += "aws logs describe-log-groups --region \(region) --log-group-name-prefix /aws/lambda/ --output json > \(dir)/config/describe-log-groups.json\n"
        for f in functions {
            s += "aws lambda get-function-concurrency --region \(region) --function-name \(f) --output json > \(dir)/config/get-function-concurrency-\(f).json\n"
            s += "aws lambda list-provisioned-concurrency-configs --region \(region) --function-name \(f) --output json > \(dir)/config/list-provisioned-concurrency-configs-\(f).json\n"
        }
        let accountFlag = account.map { " --account \($0)" } ?? ""
        s += "\n# Configuration first, so logs find each function's account and architecture.\n"
        s += "lambdacost ingest --region \(region)\(accountFlag) \(dir)/config/*.json\n"
        s += "lambdacost ingest --region \(region)\(accountFlag) \(dir)/metrics-*.json \(dir)/logs/*.json\n"
        return s
    }

    /// Whether a function name is one Lambda allows (letters, digits, '-' and '_', 1–64).
    public static func isValidFunctionName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy { s in
            (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "-" || s == "_"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
