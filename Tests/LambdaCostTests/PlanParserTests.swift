import Foundation
import Testing
@testable import LambdaCostIngest
import LambdaCostCore

@Suite struct PlanParserTests {
    func plan(_ file: String) throws -> InfrastructurePlan { try PlanParser.parse(path: Fixtures.path("plans/\(file)")) }

    @Test(arguments: [(50, false), (5, true)])
    func seedPreviewAgainstAccountSettings(reserved: Int, fits: Bool) throws {
        let p = try plan("pulumi-preview-reserved-\(reserved).json")
        #expect(p.kind == .pulumiPreview)
        #expect(p.functions.count == 1)
        let fn = try #require(p.function(named: "order-processor-dev"))
        #expect(fn.logicalName == "order-processor" && fn.operation == .create)
        #expect(fn.after.memoryMB == 512 && fn.after.timeoutSeconds == 30 && fn.after.arch == .x86_64 && fn.after.runtime == "nodejs20.x")
        #expect(fn.after.reservedConcurrency == .value(reserved))
        #expect(fn.after.logRetentionDays == .value(7) && fn.logGroupName == "/aws/lambda/order-processor-dev")
        // Account: 1000 limit, 140 unreserved (config/get-account-settings.json); AWS keeps 100 unreserved.
        let delta = p.reservedConcurrencyDelta { _ in nil }
        #expect(delta == reserved)
        #expect((140 - delta >= 100) == fits)
    }

    @Test func previewUpdateAndDelete() throws {
        let p = try plan("pulumi-preview-update.json")
        let resizer = try #require(p.function(named: "image-resizer-3f9a1c2"))
        #expect(resizer.operation == .update && resizer.before?.memoryMB == 1769 && resizer.after.memoryMB == 3008)
        #expect(resizer.before?.reservedConcurrency == .unset && resizer.after.reservedConcurrency == .value(25))
        #expect(resizer.before?.ephemeralStorageMB == 2048)
        let legacy = try #require(p.function(named: "legacy-thumbnailer-0b1c2d3"))
        #expect(legacy.operation == .delete && legacy.before?.reservedConcurrency == .value(10))
        // +25 for the resizer, −10 freed by the delete.
        #expect(p.reservedConcurrencyDelta { $0.before?.reservedConcurrency.value } == 15)
    }

    @Test func stackExportFoldsLogGroupsAndProvisionedConcurrency() throws {
        let p = try plan("pulumi-stack-export.json")
        #expect(p.kind == .pulumiStackExport)
        let resizer = try #require(p.function(named: "image-resizer"))
        #expect(resizer.physicalName == "image-resizer-3f9a1c2" && resizer.operation == .same)
        #expect(resizer.after.memoryMB == 1769 && resizer.after.arch == .arm64 && resizer.after.reservedConcurrency == .unset)
        #expect(resizer.logGroupName == "/custom/image-resizer" && resizer.after.logRetentionDays == .value(30))
        #expect(resizer.after.provisionedConcurrency == 10)
        let thumb = try #require(p.function(named: "thumbnailer"))
        // retentionInDays 0 = never expire.
        #expect(thumb.after.logRetentionDays == .unset && thumb.after.runtime == "python3.12")
        #expect(p.warnings.contains { $0.contains("/app/audit") })
    }

    @Test func terraformPlanChanges() throws {
        let p = try plan("terraform-plan.json")
        #expect(p.kind == .terraformPlan)
        let nightly = try #require(p.function(named: "nightly-report"))
        #expect(nightly.logicalName == "aws_lambda_function.nightly_report" && nightly.operation == .update)
        #expect(nightly.before?.memoryMB == 128 && nightly.after.memoryMB == 256)
        #expect(nightly.before?.reservedConcurrency == .unset && nightly.after.reservedConcurrency == .value(10))
        #expect(nightly.before?.logRetentionDays == .unset && nightly.after.logRetentionDays == .value(14))
        #expect(nightly.after.ephemeralStorageMB == 512)
        // A log group and provisioned concurrency for a function outside the plan become their own entries.
        let orderLogs = try #require(p.functions.first { $0.logGroupName == "/aws/lambda/order-processor-dev" })
        #expect(orderLogs.physicalName == nil && orderLogs.after.logRetentionDays == .value(30) && orderLogs.before?.logRetentionDays == .value(7))
        let pc = try #require(p.functions.first { $0.resourceType == "aws_lambda_provisioned_concurrency_config" })
        #expect(pc.physicalName == "order-processor-dev" && pc.after.provisionedConcurrency == 20 && pc.operation == .create)
        #expect(p.function(named: "payments-webhook")?.operation == .create)
        #expect(p.function(named: "payments-webhook")?.after.arch == .arm64)
        #expect(p.function(named: "legacy-export")?.operation == .replace)
        #expect(!p.functions.contains { $0.resourceType == "aws_iam_policy_document" })
    }

    @Test func samTemplate() throws {
        let p = try plan("sam-template.json")
        #expect(p.kind == .cloudFormation)
        let order = try #require(p.function(named: "order-processor-dev"))
        #expect(order.operation == .declared && order.logicalName == "OrderProcessorFunction")
        // Own values beat Globals; Globals fill the rest.
        #expect(order.after.memoryMB == 512 && order.after.timeoutSeconds == 30 && order.after.runtime == "nodejs20.x" && order.after.arch == .arm64)
        #expect(order.after.reservedConcurrency == .value(5) && order.after.provisionedConcurrency == 2)
        #expect(order.after.logRetentionDays == .value(7))
        let report = try #require(p.function(named: "NightlyReport"))
        #expect(report.physicalName == nil)
        // Not SAM: no Globals. MemorySize from the parameter default; Timeout written as a string.
        #expect(report.after.memoryMB == 384 && report.after.timeoutSeconds == 900 && report.after.arch == nil)
        #expect(report.after.ephemeralStorageMB == 1024 && report.after.logRetentionDays == .unset)
    }

    @Test func lambdaCostPlan() throws {
        let p = try plan("lambdacost-plan.json")
        #expect(p.kind == .lambdaCostPlan && p.account == "123456789012" && p.region == "us-east-1")
        #expect(p.accountConcurrencyLimit == 1000 && p.otherReservedConcurrency == 860)
        let order = try #require(p.function(named: "order-processor-dev"))
        #expect(order.after == PlannedSettings(
            memoryMB: 512, timeoutSeconds: 30, arch: .x86_64, reservedConcurrency: .value(50), provisionedConcurrency: 0,
            logRetentionDays: .value(7)))
        let nightly = try #require(p.function(named: "nightly-report"))
        #expect(nightly.after.reservedConcurrency == .unset && nightly.after.logRetentionDays == .unset && nightly.after.memoryMB == nil)
        #expect(nightly.operation == .update)
    }

    @Test func yamlTemplateIsRefusedWithAdvice() throws {
        do {
            _ = try plan("template.yaml")
            Issue.record("YAML parsed")
        } catch let error as LambdaCostError {
            #expect(error.exitCode == .badInput)
            #expect(error.description.contains("convert YAML templates to JSON first"))
            #expect(error.description.contains("cfn-flip"))
        }
    }

    @Test func unknownJSONIsBadInput() {
        #expect(throws: LambdaCostError.self) { try PlanParser.parse(bytes: Array("{\"hello\": 1}".utf8), name: "x.json") }
        #expect(throws: LambdaCostError.self) { try PlanParser.parse(bytes: Array("not json".utf8), name: "x.txt") }
    }
}

@Suite struct PlanMatcherTests {
    static func f(_ name: String) -> FunctionIdentity { FunctionIdentity(account: "123456789012", region: "us-east-1", name: name) }

    @Test func matchesByPhysicalLogGroupAndLogicalName() throws {
        let tf = try PlanParser.parse(path: Fixtures.path("plans/terraform-plan.json"))
        let known = [Self.f("nightly-report"), Self.f("order-processor-dev"), Self.f("legacy-export")]
        let m = PlanMatcher.match(tf, knownFunctions: known)
        #expect(m.function(named: "nightly-report")?.matchedBy == .physicalName)
        #expect(m.function(named: "nightly-report")?.matchedFunction == Self.f("nightly-report"))
        let logs = try #require(m.functions.first { $0.logGroupName == "/aws/lambda/order-processor-dev" && $0.physicalName == nil })
        #expect(logs.matchedBy == .logGroup && logs.matchedFunction == Self.f("order-processor-dev"))
        #expect(m.function(named: "payments-webhook")?.matchedBy == PlannedFunctionChange.MatchKind.none)
        #expect(m.warnings.contains { $0.contains("payments-webhook") && $0.contains("new function") })
    }

    @Test func pulumiAutoNamesMatchOnLogicalNameWithAWarning() throws {
        let export = try PlanParser.parse(path: Fixtures.path("plans/pulumi-stack-export.json"))
        let m = PlanMatcher.match(export, knownFunctions: [Self.f("image-resizer")])
        let resizer = try #require(m.function(named: "image-resizer"))
        #expect(resizer.matchedBy == .logicalName && resizer.matchedFunction == Self.f("image-resizer"))
        #expect(m.warnings.contains { $0.contains("image-resizer") && $0.contains("logical name") })
        #expect(m.function(named: "thumbnailer")?.matchedBy == PlannedFunctionChange.MatchKind.none)
        #expect(m.warnings.contains { $0.contains("thumbnailer-0a1b2c3") && $0.contains("matches no function") })
    }

    @Test func templateWithoutFunctionNameMatchesCloudFormationGeneratedName() throws {
        let sam = try PlanParser.parse(path: Fixtures.path("plans/sam-template.json"))
        let generated = Self.f("orders-stack-NightlyReport-1A2B3C4D5E6F")
        let m = PlanMatcher.match(sam, knownFunctions: [generated, Self.f("order-processor-dev")])
        #expect(m.function(named: "NightlyReport")?.matchedBy == .logicalName)
        #expect(m.function(named: "NightlyReport")?.matchedFunction == generated)
        #expect(m.function(named: "order-processor-dev")?.matchedBy == .physicalName)
    }

    @Test func planAccountAndRegionRestrictCandidates() throws {
        let own = try PlanParser.parse(path: Fixtures.path("plans/lambdacost-plan.json"))
        let elsewhere = FunctionIdentity(account: "999999999999", region: "us-east-1", name: "order-processor-dev")
        let m = PlanMatcher.match(own, knownFunctions: [elsewhere, Self.f("nightly-report")])
        #expect(m.function(named: "order-processor-dev")?.matchedBy == PlannedFunctionChange.MatchKind.none)
        #expect(m.function(named: "nightly-report")?.matchedBy == .physicalName)
    }

    @Test(arguments: [("order-processor-1a2b3c4", "order-processor"), ("order-processor-dev", nil), ("a-12345678", nil), ("x-abcdef0", "x")])
    func autoNameStem(name: String, stem: String?) {
        #expect(PlanMatcher.autoNameStem(name) == stem)
    }
}
