import LambdaCostCore

/// Writes `aws cloudwatch get-metric-data` output for one function's month: hourly Invocations,
/// Errors, Throttles (Sum), ConcurrentExecutions (Maximum) and Duration (p99), newest first,
/// labelled `lambdacost:<function>:<MetricName>:<Stat>:<periodSeconds>`.
enum MetricDataWriter {
    /// The label convention the tool's own queries use.
    static func label(function: String, metric: String, stat: String, period: Int = 3600) -> String {
        "lambdacost:\(function):\(metric):\(stat):\(period)"
    }

    static func write(_ usage: FunctionMonthUsage, month: Month, to out: ByteWriter) throws {
        let name = usage.function.name
        let hours = usage.invocations.count
        let active = { (h: Int) in usage.invocations[h] > 0 }
        let series: [(metric: String, stat: String, has: (Int) -> Bool, value: (Int) -> Int64, centi: Bool)] = [
            ("Invocations", "Sum", active, { Int64(usage.invocations[$0]) }, false),
            ("Errors", "Sum", active, { Int64(usage.errors[$0]) }, false),
            ("Throttles", "Sum", { active($0) || usage.throttles[$0] > 0 }, { Int64(usage.throttles[$0]) }, false),
            ("ConcurrentExecutions", "Maximum", active, { Int64(usage.maxConcurrency[$0]) }, false),
            ("Duration", "p99", active, { usage.p99DurationCenti[$0] }, true),
        ]
        let startMs = month.startEpochSeconds * 1000
        try out.text("{\n    \"MetricDataResults\": [\n")
        for (i, s) in series.enumerated() {
            let present = (0..<hours).reversed().filter(s.has)
            try out.text("        {\n            \"Id\": \"m\(i)\",\n            \"Label\": \"")
            try out.text(label(function: name, metric: s.metric, stat: s.stat))
            try out.text("\",\n            \"Timestamps\": [")
            for (k, h) in present.enumerated() {
                try out.text(k == 0 ? "\n                \"" : ",\n                \"")
                try out.isoOffset(millis: startMs + Int64(h) * 3_600_000)
                try out.byte(UInt8(ascii: "\""))
            }
            try out.text(present.isEmpty ? "],\n            \"Values\": [" : "\n            ],\n            \"Values\": [")
            for (k, h) in present.enumerated() {
                try out.text(k == 0 ? "\n                " : ",\n                ")
                let v = s.value(h)
                if s.centi && v % 100 != 0 {
                    // Python's float repr, as the CLI prints: 402.3, 402.37.
                    try out.int(v / 100)
                    try out.byte(UInt8(ascii: "."))
                    let f = v % 100
                    try out.byte(48 + UInt8(f / 10))
                    if f % 10 != 0 { try out.byte(48 + UInt8(f % 10)) }
                } else {
                    try out.int(s.centi ? v / 100 : v)
                    try out.text(".0")
                }
            }
            try out.text(present.isEmpty ? "],\n" : "\n            ],\n")
            try out.text("            \"StatusCode\": \"Complete\"\n        }")
            try out.text(i == series.count - 1 ? "\n" : ",\n")
        }
        try out.text("    ],\n    \"Messages\": []\n}\n")
    }
}
