import Foundation
import LambdaCostCore
import Testing

@testable import LambdaCostGenerator

/// One full standard month, generated once and shared by the read-only tests below.
enum GeneratorFixture {
    static let month = Month(year: 2026, month: 11)
    static let standard: (folder: URL, truth: DemoTruth) = {
        // A static fixture has no teardown: sweep copies older than an hour left by earlier runs
        // (younger ones may belong to a test process running right now).
        let fm = FileManager.default
        let tmp = fm.temporaryDirectory
        for name in (try? fm.contentsOfDirectory(atPath: tmp.path)) ?? [] where name.hasPrefix("lambdacost-gen-standard-") {
            let url = tmp.appendingPathComponent(name)
            if let date = try? fm.attributesOfItem(atPath: url.path)[.modificationDate] as? Date, date.timeIntervalSinceNow < -3600 {
                try? fm.removeItem(at: url)
            }
        }
        let folder = tmp.appendingPathComponent("lambdacost-gen-standard-\(UUID().uuidString)")
        let truth = try! DemoDataset.write(to: folder, scenario: .standard, month: month, seed: 20_261_101)
        return (folder, truth)
    }()

    static func tempFolder(_ tag: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lambdacost-gen-\(tag)-\(UUID().uuidString)")
    }

    static func text(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    /// Splits a CSV line, honouring double quotes (the test's own independent parser).
    static func csvFields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    quoted = false
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                if current.last == "\"" { current.append("\"") }
                quoted = true
            } else if c == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }

    /// Value after `key` up to the next tab, as a number, in a REPORT message.
    static func field(_ line: Substring, _ key: String) -> Double? {
        guard let r = line.range(of: key) else { return nil }
        let rest = line[r.upperBound...]
        let value = rest.prefix { $0 != " " && $0 != "\t" }
        return Double(value)
    }
}

@Suite struct GeneratorDemoTests {
    @Test func sameSeedGivesSameBytesAndOtherSeedDiffers() throws {
        let scenario = DemoScenario.standard.scaled(by: 0.03)
        let a = GeneratorFixture.tempFolder("a")
        let b = GeneratorFixture.tempFolder("b")
        let c = GeneratorFixture.tempFolder("c")
        defer { for f in [a, b, c] { try? FileManager.default.removeItem(at: f) } }
        let ta = try DemoDataset.write(to: a, scenario: scenario, month: GeneratorFixture.month, seed: 7)
        let tb = try DemoDataset.write(to: b, scenario: scenario, month: GeneratorFixture.month, seed: 7)
        let tc = try DemoDataset.write(to: c, scenario: scenario, month: GeneratorFixture.month, seed: 8)
        #expect(ta == tb)
        #expect(ta.files == tc.files)
        var differing = 0
        for path in ta.files {
            let da = try Data(contentsOf: a.appendingPathComponent(path))
            let db = try Data(contentsOf: b.appendingPathComponent(path))
            let dc = try Data(contentsOf: c.appendingPathComponent(path))
            #expect(ContentHasher.sha256([UInt8](da)) == ContentHasher.sha256([UInt8](db)), "\(path)")
            if ContentHasher.sha256([UInt8](da)) != ContentHasher.sha256([UInt8](dc)) { differing += 1 }
        }
        // Logs, CUR and metrics depend on the seed; some config files do not.
        #expect(differing >= scenario.functions.count * 2 + 1)
    }

    @Test func filesCarryNoAbsolutePathsOrHostNames() throws {
        let (folder, truth) = GeneratorFixture.standard
        for path in truth.files where !path.hasPrefix("logs/") {
            let text = try GeneratorFixture.text(folder, path)
            #expect(!text.contains(folder.path), "\(path)")
            #expect(!text.contains("/tmp"), "\(path)")
        }
    }

    @Test func truthMatchesAnIndependentRecountOfTheLogs() throws {
        let (folder, truth) = GeneratorFixture.standard
        let monthStart = NumberFormat.iso(millis: GeneratorFixture.month.startEpochSeconds * 1000, fraction: true)
        let monthEnd = NumberFormat.iso(millis: GeneratorFixture.month.endEpochSeconds * 1000, fraction: true)
        for f in DemoScenario.standard.functions {
            let t = try #require(truth[f.name])
            let text = try GeneratorFixture.text(folder, "logs/\(f.name).log")
            var reports = 0, cold = 0, timeouts = 0, errors = 0
            var billed: Int64 = 0, mbms: Int64 = 0, maxUsed = 0
            var memories = Set<Int>()
            var previous = ""
            for line in text.split(separator: "\n") {
                let stamp = String(line.prefix(24))
                #expect(stamp >= previous, "timestamps sorted in \(f.name)")
                previous = stamp
                guard line.dropFirst(25).hasPrefix("REPORT ") else { continue }
                reports += 1
                let b = Int64(try #require(GeneratorFixture.field(line, "Billed Duration: ")))
                let m = Int64(try #require(GeneratorFixture.field(line, "Memory Size: ")))
                billed += b
                mbms += b * m
                memories.insert(Int(m))
                maxUsed = max(maxUsed, Int(try #require(GeneratorFixture.field(line, "Max Memory Used: "))))
                let duration = try #require(GeneratorFixture.field(line, "\tDuration: "))
                if let initDuration = GeneratorFixture.field(line, "Init Duration: ") {
                    cold += 1
                    if !line.contains("Status: timeout") && f.provisionedConcurrency == nil {
                        // Since 2025-08 the init phase is billed: ceil(duration + init).
                        #expect(Double(b) == (duration + initDuration - 1e-9).rounded(.up), "\(line)")
                    }
                } else if !line.contains("Status: timeout") {
                    #expect(Double(b) == (duration - 1e-9).rounded(.up), "\(line)")
                }
                if line.contains("Status: timeout") {
                    timeouts += 1
                    #expect(b == Int64(f.timeoutSeconds) * 1000)
                    #expect(duration > Double(f.timeoutSeconds) * 1000)
                }
                if line.contains("Status: error") { errors += 1 }
            }
            #expect(String(text.prefix(24)) >= monthStart)
            #expect(previous < monthEnd)
            #expect(reports == t.invocations, "\(f.name)")
            #expect(cold == t.coldStarts, "\(f.name)")
            #expect(timeouts == t.timeouts, "\(f.name)")
            #expect(errors == t.errors, "\(f.name)")
            #expect(billed == t.billedMilliseconds, "\(f.name)")
            #expect(mbms == t.billedMBMilliseconds, "\(f.name)")
            #expect(maxUsed == t.maxMemoryUsedMB, "\(f.name)")
            #expect(Set(t.perMemory.map(\.memoryMB)) == memories, "\(f.name)")
            #expect(t.perMemory.map(\.invocations).reduce(0, +) == reports)
        }
        let total = truth.functions.map(\.invocations).reduce(0, +)
        #expect((100_000...200_000).contains(total))
    }

    @Test func curCostsEqualUsageTimesListRate() throws {
        let (folder, truth) = GeneratorFixture.standard
        let prices = GeneratorPrices()
        let text = try GeneratorFixture.text(folder, "cur/lambdacost-demo-2026-11.csv")
        var lines = text.split(separator: "\n")
        let header = GeneratorFixture.csvFields(lines.removeFirst())
        for required in ["identity/LineItemId", "identity/TimeInterval", "bill/PayerAccountId", "bill/BillingPeriodStartDate",
                         "lineItem/UsageAccountId", "lineItem/LineItemType", "lineItem/UsageStartDate", "lineItem/UsageEndDate",
                         "lineItem/ProductCode", "lineItem/UsageType", "lineItem/Operation", "lineItem/ResourceId",
                         "lineItem/UsageAmount", "lineItem/UnblendedRate", "lineItem/UnblendedCost", "lineItem/BlendedCost",
                         "product/region", "product/servicecode", "pricing/unit", "pricing/publicOnDemandCost",
                         "savingsPlan/SavingsPlanEffectiveCost", "reservation/EffectiveCost", "resourceTags/user:team"] {
            #expect(header.contains(required), "\(required)")
        }
        let col = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        var amount: [String: Double] = [:]
        var cost: [String: Double] = [:]
        var products = Set<String>()
        for line in lines {
            let f = GeneratorFixture.csvFields(line)
            #expect(f.count == header.count)
            products.insert(f[col["lineItem/ProductCode"]!])
            let key = f[col["lineItem/ResourceId"]!] + "|" + f[col["lineItem/UsageType"]!]
            amount[key, default: 0] += Double(f[col["lineItem/UsageAmount"]!])!
            cost[key, default: 0] += Double(f[col["lineItem/UnblendedCost"]!])!
        }
        #expect(products.isSuperset(of: ["AWSLambda", "AmazonCloudWatch", "AWSXRay", "AWSQueueService", "AmazonEC2", "AmazonS3"]))
        for f in DemoScenario.standard.functions {
            let t = try #require(truth[f.name])
            let arm = f.architecture == .arm64
            let suffix = arm ? "-ARM" : ""
            let requests = amount[f.arn + "|Request" + suffix] ?? 0
            #expect(requests == Double(t.invocations), "\(f.name)")
            if f.provisionedConcurrency == nil {
                let gbs = Double(t.billedMBMilliseconds) / 1_024_000
                let billedCost = try #require(cost[f.arn + "|Lambda-GB-Second" + suffix])
                let expected = gbs * (arm ? prices.durationARM : prices.durationX86)
                #expect(abs(billedCost - expected) <= 1e-9 * expected, "\(f.name) \(billedCost) vs \(expected)")
                #expect(abs((amount[f.arn + "|Lambda-GB-Second" + suffix] ?? 0) - gbs) <= 1e-9 * gbs)
            } else {
                #expect(cost[f.arn + "|Lambda-GB-Second" + suffix] == nil)
                let onPC = try #require(amount[f.arn + "|Lambda-Provisioned-GB-Second" + suffix])
                #expect(abs(onPC - Double(t.billedMBMilliseconds) / 1_024_000) <= 1e-9 * onPC)
                let configured = try #require(amount[f.arn + "|Lambda-Provisioned-Concurrency" + suffix])
                let expected = Double(f.provisionedConcurrency!) * Double(f.memoryMB) / 1024 * 3600 * 720
                #expect(abs(configured - expected) <= 1e-9 * expected)
            }
            if f.ephemeralStorageMB > 512 {
                let storage = try #require(amount[f.arn + "|Lambda-Storage-GB-Second" + suffix])
                let expected = Double(t.billedMilliseconds) / 1000 * Double(f.ephemeralStorageMB - 512) / 1024
                #expect(abs(storage - expected) <= 1e-9 * expected)
                #expect(t.curCost.ephemeralStorage > 0)
            } else {
                #expect(amount[f.arn + "|Lambda-Storage-GB-Second" + suffix] == nil)
            }
            let logBytes = (amount[f.logGroupARN + "|VendedLog-Bytes"] ?? 0) * 1_073_741_824
            #expect(abs(logBytes - Double(t.logIngestBytes)) <= 1e-6 * Double(t.logIngestBytes))
            #expect(abs(t.curCost.total - (cost.filter { $0.key.hasPrefix(f.arn + "|") || $0.key.hasPrefix(f.logGroupARN + "|") }
                .values.reduce(0, +) + t.curCost.xray + t.curCost.sqs)) <= 1e-9 * t.curCost.total + 1e-12)
        }
        let dlq = DemoScenario.standard.functions[0].deadLetterQueueARN!
        #expect(amount[dlq + "|Requests-Tier1"] == Double(truth["order-processor"]!.deadLetterMessages))
        #expect(truth["order-processor"]!.deadLetterMessages > 0)
        #expect(amount["|XRay-TracesStored"] == Double(truth["order-processor"]!.tracesStored))
    }

    @Test func metricsFollowTheLabelConventionAndTheLogs() throws {
        let (folder, truth) = GeneratorFixture.standard
        for f in DemoScenario.standard.functions {
            let t = try #require(truth[f.name])
            let data = try Data(contentsOf: folder.appendingPathComponent("metrics/\(f.name).get-metric-data.json"))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let results = try #require(root["MetricDataResults"] as? [[String: Any]])
            #expect((root["Messages"] as? [Any])?.isEmpty == true)
            var sums: [String: Double] = [:]
            var maxima: [String: Double] = [:]
            for (i, r) in results.enumerated() {
                #expect(r["Id"] as? String == "m\(i)")
                let label = try #require(r["Label"] as? String)
                let parts = label.split(separator: ":").map(String.init)
                #expect(parts.count == 5 && parts[0] == "lambdacost" && parts[1] == f.name && parts[4] == "3600", "\(label)")
                let stamps = try #require(r["Timestamps"] as? [String])
                let values = try #require(r["Values"] as? [Double])
                #expect(stamps.count == values.count)
                #expect(stamps == stamps.sorted(by: >), "newest first")
                #expect(stamps.allSatisfy { $0.hasSuffix(":00:00+00:00") && $0.hasPrefix("2026-11-") })
                sums[parts[2] + ":" + parts[3]] = values.reduce(0, +)
                maxima[parts[2] + ":" + parts[3]] = values.max() ?? 0
            }
            #expect(Set(sums.keys) == ["Invocations:Sum", "Errors:Sum", "Throttles:Sum", "ConcurrentExecutions:Maximum", "Duration:p99"])
            #expect(sums["Invocations:Sum"] == Double(t.invocations))
            #expect(sums["Errors:Sum"] == Double(t.errors + t.timeouts))
            #expect(sums["Throttles:Sum"] == Double(t.throttles))
            if let reserved = f.reservedConcurrency {
                #expect(maxima["ConcurrentExecutions:Maximum"]! <= Double(reserved))
                #expect(t.throttles > 0, "\(f.name) should hit its reserved concurrency at peaks")
                #expect(t.throttles < t.invocations / 10)
            } else {
                #expect(t.throttles == 0)
            }
            // p99 never exceeds the slowest possible invocation.
            #expect(maxima["Duration:p99"]! <= Double(f.timeoutSeconds) * 1000 + 60)
        }
    }

    @Test func configExportsParseAndCarryTheSeedSettings() throws {
        let (folder, truth) = GeneratorFixture.standard
        func json(_ name: String) throws -> [String: Any] {
            let data = try Data(contentsOf: folder.appendingPathComponent("config/\(name)"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        let functions = try #require(try json("list-functions.json")["Functions"] as? [[String: Any]])
        #expect(functions.count == DemoScenario.standard.functions.count)
        let op = try #require(functions.first { $0["FunctionName"] as? String == "order-processor" })
        #expect(op["MemorySize"] as? Int == 512)
        #expect(op["Timeout"] as? Int == 30)
        #expect(op["Runtime"] as? String == "nodejs20.x")
        #expect(op["FunctionArn"] as? String == "arn:aws:lambda:us-east-1:123456789012:function:order-processor")
        #expect((op["TracingConfig"] as? [String: Any])?["Mode"] as? String == "Active")
        #expect(((op["DeadLetterConfig"] as? [String: Any])?["TargetArn"] as? String)?.hasPrefix("arn:aws:sqs:") == true)
        #expect((op["LoggingConfig"] as? [String: Any])?["LogGroup"] as? String == "/aws/lambda/order-processor")
        #expect(op["Architectures"] as? [String] == ["x86_64"])
        let image = try #require(functions.first { $0["FunctionName"] as? String == "image-resizer" })
        #expect(image["PackageType"] as? String == "Image")
        #expect(image["Runtime"] == nil)
        #expect((image["EphemeralStorage"] as? [String: Any])?["Size"] as? Int == 2048)
        let arm = try #require(functions.first { $0["FunctionName"] as? String == "event-enricher" })
        #expect(arm["Architectures"] as? [String] == ["arm64"])
        let rg = try #require(functions.first { $0["FunctionName"] as? String == "report-generator" })
        #expect(rg["MemorySize"] as? Int == 2048)
        #expect(try json("get-function-concurrency-order-processor.json")["ReservedConcurrentExecutions"] as? Int == 5)
        let limits = try #require(try json("get-account-settings.json")["AccountLimit"] as? [String: Any])
        #expect(limits["ConcurrentExecutions"] as? Int == 1000)
        #expect(limits["UnreservedConcurrentExecutions"] as? Int == 995)
        let groups = try #require(try json("describe-log-groups.json")["logGroups"] as? [[String: Any]])
        let opGroup = try #require(groups.first { $0["logGroupName"] as? String == "/aws/lambda/order-processor" })
        #expect(opGroup["retentionInDays"] as? Int == 7)
        let audit = try #require(groups.first { $0["logGroupName"] as? String == "/aws/lambda/audit-logger" })
        #expect(audit["retentionInDays"] == nil)
        let pc = try #require(try json("list-provisioned-concurrency-configs-api-handler.json")["ProvisionedConcurrencyConfigs"] as? [[String: Any]])
        #expect(pc.first?["AllocatedProvisionedConcurrentExecutions"] as? Int == 4)
        #expect(truth.files.contains("config/list-functions.json"))
    }

    @Test func resizedFunctionLetsTheDurationModelBeFitted() throws {
        let t = try #require(GeneratorFixture.standard.truth["report-generator"])
        #expect(t.perMemory.map(\.memoryMB) == [1024, 2048])
        let small = t.perMemory[0], large = t.perMemory[1]
        let mean1 = Double(small.warmSuccessDurationCenti) / Double(small.warmSuccessInvocations) / 100
        let mean2 = Double(large.warmSuccessDurationCenti) / Double(large.warmSuccessInvocations) / 100
        // d(m) = io + cpu·s(1024)/s(m), s(m) = min(m, 1769)/1769 (BRIEF §4), solved for io and cpu.
        let r = 1024.0 / 1769.0
        let cpu = (mean1 - mean2) / (1 - r)
        let io = (mean2 - r * mean1) / (1 - r)
        // Standard errors from the lognormal spread the scenario declares; allow four of them.
        let sigma = DemoScenario.standard.functions[3].workload.durationSpread
        let relative = (exp(sigma * sigma) - 1).squareRoot()
        let se1 = relative * mean1 / Double(small.warmSuccessInvocations).squareRoot()
        let se2 = relative * mean2 / Double(large.warmSuccessInvocations).squareRoot()
        let seCPU = (se1 * se1 + se2 * se2).squareRoot() / (1 - r)
        let seIO = (r * r * se1 * se1 + se2 * se2).squareRoot() / (1 - r)
        #expect(abs(cpu - t.cpuMilliseconds) < 4 * seCPU, "cpu \(cpu) ± \(seCPU)")
        #expect(abs(io - t.ioMilliseconds) < 4 * seIO, "io \(io) ± \(seIO)")
    }

    @Test func twoMonthsGoIntoMonthFoldersAndResizeOnlyOnce() throws {
        let folder = GeneratorFixture.tempFolder("months")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = DemoScenario(functions: [DemoScenario.standard.functions[3]]).scaled(by: 0.2)
        let truths = try DemoDataset.writeMonths(to: folder, scenario: scenario, first: Month(year: 2026, month: 10), count: 2, seed: 3)
        #expect(truths.map(\.month.description) == ["2026-10", "2026-11"])
        #expect(truths[0].functions[0].perMemory.map(\.memoryMB) == [1024, 2048])
        #expect(truths[1].functions[0].perMemory.map(\.memoryMB) == [2048])
        for t in truths {
            for path in t.files { #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path), "\(path)") }
        }
        #expect(truths[0].functions[0].invocations != truths[1].functions[0].invocations)
    }

    @Test func monthsBeforeInitBillingAreRejected() {
        #expect(throws: LambdaCostError.self) {
            _ = try DemoDataset.write(to: GeneratorFixture.tempFolder("old"), month: Month(year: 2025, month: 7), seed: 1)
        }
    }
}
