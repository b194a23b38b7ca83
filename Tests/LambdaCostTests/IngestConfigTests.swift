import Foundation
import Testing
@testable import LambdaCostIngest
@testable import LambdaCostStore
import LambdaCostCore

@Suite struct IngestConfigTests {
    static let october = Month(year: 2026, month: 10)
    static func identity(_ name: String) -> FunctionIdentity { FunctionIdentity(account: "123456789012", region: "us-east-1", name: name) }

    func ingest(_ files: [(String, IngestOptions)], in dir: TemporaryDirectory) throws -> (Store, [IngestResult]) {
        let store = try Store(path: dir.path("db.sqlite"))
        let ingester = Ingester(store: store)
        let results = try files.map { try ingester.ingest(path: Fixtures.path("config/\($0.0)"), options: $0.1) }
        return (store, results)
    }

    @Test(arguments: [
        ("list-functions.json", InputFormat.lambdaFunctions), ("get-function.json", .lambdaFunctions),
        ("get-function-configuration.json", .lambdaFunctions), ("get-function-concurrency.json", .lambdaFunctionConcurrency),
        ("list-provisioned-concurrency-configs.json", .provisionedConcurrencyConfigs),
        ("get-account-settings.json", .accountSettings), ("describe-log-groups.json", .logGroups),
    ])
    func detectsEachExport(file: String, format: InputFormat) throws {
        let head = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("config/\(file)"))))
        #expect(FormatDetector.detect(head, fileName: file) == format)
    }

    @Test func listFunctionsSettingsAreExtracted() throws {
        let dir = TemporaryDirectory()
        let (store, results) = try ingest([("list-functions.json", IngestOptions(month: Self.october))], in: dir)
        #expect(results[0].status == .ingested && results[0].rowsKept == 3)
        let config = try store.configuration(asOf: Self.october)
        let order = try #require(config[Self.identity("order-processor-dev")])
        #expect(order.memoryMB == 512 && order.timeoutSeconds == 30 && order.arch == .x86_64 && order.ephemeralStorageMB == 512)
        #expect(order.runtime == "nodejs20.x" && order.packageType == "Zip" && order.tracingMode == "Active")
        #expect(order.dlqTarget == "arn:aws:sqs:us-east-1:123456789012:order-processor-dlq")
        #expect(order.logFormat == "Text" && order.logGroup == "/aws/lambda/order-processor-dev" && order.snapStart == "None")
        // list-functions says nothing about reservations.
        #expect(!order.reservedKnown && order.reservedConcurrency == nil)
        #expect(order.observedAtMs == Self.october.startEpochSeconds * 1000)
        let resizer = try #require(config[Self.identity("image-resizer")])
        #expect(resizer.arch == .arm64 && resizer.memoryMB == 1769 && resizer.packageType == "Image" && resizer.runtime == nil)
        #expect(resizer.logGroup == "/custom/image-resizer" && resizer.logFormat == "JSON" && resizer.ephemeralStorageMB == 2048)
        #expect(config[Self.identity("nightly-report")]?.snapStart == "PublishedVersions")
    }

    @Test func getFunctionCarriesReservationOrNone() throws {
        let dir = TemporaryDirectory()
        let (store, _) = try ingest(
            [("get-function.json", IngestOptions(month: Self.october)), ("get-function-no-concurrency.json", IngestOptions(month: Self.october))],
            in: dir)
        let config = try store.configuration(asOf: Self.october)
        let resizer = try #require(config[Self.identity("image-resizer")])
        #expect(resizer.reservedKnown && resizer.reservedConcurrency == 25 && resizer.memoryMB == 3008 && resizer.timeoutSeconds == 120)
        // The ARN's qualifier (:live) folds; no Concurrency member means no reservation.
        let order = try #require(config[Self.identity("order-processor-dev")])
        #expect(order.reservedKnown && order.reservedConcurrency == nil)
    }

    @Test func concurrencyAndProvisionedMergeWithConfiguration() throws {
        let dir = TemporaryDirectory()
        let m = Self.october
        let (store, _) = try ingest(
            [
                ("list-functions.json", IngestOptions(month: m)),
                ("get-function-concurrency.json", IngestOptions(functionName: "nightly-report", month: m, region: "us-east-1", account: "123456789012")),
                ("list-provisioned-concurrency-configs.json", IngestOptions(month: m)),
            ], in: dir)
        let config = try store.configuration(asOf: m)
        let nightly = try #require(config[Self.identity("nightly-report")])
        #expect(nightly.reservedKnown && nightly.reservedConcurrency == 10 && nightly.memoryMB == 128)
        // live 20 + version 7's 5; the FAILED BLUE alias allocates nothing.
        #expect(config[Self.identity("order-processor-dev")]?.provisionedConcurrency == 25)
        #expect(config[Self.identity("order-processor-dev")]?.memoryMB == 512)
    }

    @Test func accountSettingsNeedAccountFlagsAndKeepBothFigures() throws {
        let dir = TemporaryDirectory()
        let (store, results) = try ingest(
            [("get-account-settings.json", IngestOptions(month: Self.october, region: "us-east-1", account: "123456789012"))], in: dir)
        #expect(results[0].warnings.isEmpty)
        let settings = try store.accountSettings(asOf: Self.october)
        #expect(settings.count == 1)
        #expect(settings[0].concurrencyLimit == 1000 && settings[0].unreservedConcurrency == 140 && settings[0].reservedConcurrency == 860)
        #expect(settings[0].account == "123456789012")
        let bare = TemporaryDirectory()
        let (_, noFlags) = try ingest([("get-account-settings.json", IngestOptions(month: Self.october))], in: bare)
        #expect(noFlags[0].warnings.contains { $0.contains("--account") })
    }

    @Test func logGroupsKeepRetentionNullAsNeverExpireAndLinkFunctions() throws {
        let dir = TemporaryDirectory()
        let (store, _) = try ingest(
            [("list-functions.json", IngestOptions(month: Self.october)), ("describe-log-groups.json", IngestOptions(month: Self.october))],
            in: dir)
        let groups = try store.logGroups(asOf: Self.october)
        #expect(groups.map(\.name) == ["/aws/lambda/nightly-report", "/aws/lambda/order-processor-dev", "/custom/image-resizer", "/ecs/web"])
        let nightly = groups[0]
        #expect(nightly.retentionDays == nil && nightly.storedBytes == 1_073_741_824 && nightly.function == Self.identity("nightly-report"))
        #expect(groups[1].retentionDays == 7 && groups[1].storedBytes == 7_340_032 && groups[1].logClass == "STANDARD")
        // Custom group linked through the function's LoggingConfig.LogGroup.
        #expect(groups[2].function == Self.identity("image-resizer") && groups[2].logClass == "INFREQUENT_ACCESS")
        #expect(groups[3].function == nil && groups[3].retentionDays == 14)
        #expect(try store.database.scalarInt("SELECT COUNT(*) FROM log_groups WHERE retention_days IS NULL") == 1)
    }

    @Test func observationInForceIsChosenByMonth() throws {
        let dir = TemporaryDirectory()
        // Two observations of the same function: 256 MB seen in September, 1024 MB in November.
        func config(_ memory: Int) -> String {
            "{\"FunctionName\":\"f\",\"FunctionArn\":\"arn:aws:lambda:eu-west-1:111122223333:function:f\",\"MemorySize\":\(memory),\"Timeout\":3}"
        }
        let early = try dir.write("early.json", config(256))
        let late = try dir.write("late.json", config(1024))
        let store = try Store(path: dir.path("db.sqlite"))
        let ingester = Ingester(store: store)
        // File modification time is the observation time when no --month is given.
        let september = Date(timeIntervalSince1970: TimeInterval(Month(year: 2026, month: 9).startEpochSeconds + 86_400 * 10))
        try FileManager.default.setAttributes([.modificationDate: september], ofItemAtPath: early)
        _ = try ingester.ingest(path: early, options: IngestOptions())
        _ = try ingester.ingest(path: late, options: IngestOptions(month: Month(year: 2026, month: 11)))
        let f = FunctionIdentity(account: "111122223333", region: "eu-west-1", name: "f")
        #expect(try store.configuration(asOf: Month(year: 2026, month: 10))[f]?.memoryMB == 256)
        #expect(try store.configuration(asOf: Month(year: 2026, month: 9))[f]?.memoryMB == 256)
        #expect(try store.configuration(asOf: Month(year: 2026, month: 11))[f]?.memoryMB == 1024)
        #expect(try store.configuration(asOf: Month(year: 2027, month: 1))[f]?.memoryMB == 1024)
        // Before any observation: the earliest one after.
        #expect(try store.configuration(asOf: Month(year: 2026, month: 1))[f]?.memoryMB == 256)
        #expect(try store.configuration(asOf: Month(year: 2026, month: 10))[f]?.observedAtMs == Int64(september.timeIntervalSince1970 * 1000))
    }

    @Test func badValueRollsBackTheFile() throws {
        let dir = TemporaryDirectory()
        let path = try dir.write(
            "bad.json", "{\"Functions\":[{\"FunctionName\":\"a\",\"MemorySize\":128},{\"FunctionName\":\"b\",\"MemorySize\":\"lots\"}]}")
        let store = try Store(path: dir.path("db.sqlite"))
        #expect(throws: LambdaCostError.self) { try Ingester(store: store).ingest(path: path, options: IngestOptions()) }
        #expect(try store.database.scalarInt("SELECT COUNT(*) FROM function_configs") == 0)
        let skipped = try Ingester(store: store).ingest(path: path, options: IngestOptions(skipBadRows: true))
        #expect(skipped.rowsKept == 1 && skipped.rowsRejected == 1)
    }
}
