import LambdaCostCore

/// Detection and readers for configuration exports (Lambda, account settings, log groups).
///
/// Every configuration row keeps the time it was observed: the month start when the user passed
/// `--month`, otherwise the file's modification time (when the CLI wrote it). `LastModified` in a
/// Lambda export is when the configuration last *changed*, not when it was seen, so it is not used
/// as the observation time.
enum ConfigurationFormats {
    static func ingestor(for format: InputFormat) -> any FormatIngestor.Type {
        switch format {
        case .lambdaFunctions: return LambdaFunctionsIngestor.self
        case .lambdaFunctionConcurrency: return FunctionConcurrencyIngestor.self
        case .provisionedConcurrencyConfigs: return ProvisionedConcurrencyIngestor.self
        case .accountSettings: return AccountSettingsIngestor.self
        case .logGroups: return LogGroupsIngestor.self
        default: return UnsupportedFormatIngestor.self
        }
    }

    /// The configuration format of a file that starts with `head`, or nil.
    static func detect(_ head: [UInt8], text: String, fileName: String) -> InputFormat? {
        let keys = Set(JSONHeadKeys.keys(head))
        // `get-function-concurrency` prints `{}` for a function without a reservation: only the
        // file name (as export-script writes it) can say what it is.
        if keys.isEmpty {
            let compact = text.filter { !$0.isWhitespace }
            return compact == "{}" && fileName.hasPrefix("get-function-concurrency") ? .lambdaFunctionConcurrency : nil
        }
        if keys.contains("Functions") || keys.contains("Configuration") { return .lambdaFunctions }
        if keys.contains("FunctionArn") && keys.contains("FunctionName") { return .lambdaFunctions }
        if keys.contains("ProvisionedConcurrencyConfigs") { return .provisionedConcurrencyConfigs }
        if keys.contains("AccountLimit") { return .accountSettings }
        if keys.contains("logGroups") { return .logGroups }
        if keys == ["ReservedConcurrentExecutions"] { return .lambdaFunctionConcurrency }
        return nil
    }
}
