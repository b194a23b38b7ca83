import Foundation
import LambdaCostCore

/// Reads an infrastructure plan from a file, detecting its format from the content:
/// `pulumi preview --json`, `pulumi stack export`, `terraform show -json`, a CloudFormation or
/// SAM template in JSON, or a LambdaCost plan (see ``LambdaCostPlanReader``).
///
/// YAML templates are refused with advice to convert them first: the tool has no YAML parser.
public enum PlanParser {
    /// Parses and detects the plan at `path`.
    /// - Throws: ``LambdaCostError/missingInput(path:reason:)`` for an unreadable file,
    ///   ``LambdaCostError/badInput(file:line:column:expected:found:)`` for YAML, unknown JSON or bad values.
    public static func parse(path: String) throws -> InfrastructurePlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw LambdaCostError.missingInput(path: path, reason: exists ? "not readable" : "no such file")
        }
        return try parse(bytes: [UInt8](data), name: path)
    }

    /// Parses a plan held in memory; `name` is used in messages.
    public static func parse(bytes: [UInt8], name: String) throws -> InfrastructurePlan {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [9, 10, 13, 32].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else {
            let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
            let lower = name.lowercased()
            if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || text.contains("AWSTemplateFormatVersion:")
                || text.contains("Resources:") || text.contains("Transform:")
            {
                throw LambdaCostError.badInput(
                    file: name, line: 1, column: nil,
                    expected:
                        "a JSON template: convert YAML templates to JSON first (e.g. `cfn-flip` or `aws cloudformation get-template --output json`)",
                    found: "a YAML template")
            }
            throw LambdaCostError.badInput(
                file: name, line: 1, column: nil, expected: "a JSON plan (Pulumi, Terraform, CloudFormation/SAM or LambdaCost)",
                found: FormatDetector.describeStart(bytes))
        }
        let document = try JSONValue.parse(bytes: bytes, name: name)
        let keys = Set((document.objectValue ?? []).map(\.key))
        if document["kind"]?.stringValue == InfrastructurePlan.Kind.lambdaCostPlan.rawValue
            || (keys.contains("functions") && keys.contains("schema_version"))
        {
            return try LambdaCostPlanReader.read(document, path: name)
        }
        if keys.contains("steps") { return try PulumiPlanReader.preview(document, path: name) }
        if keys.contains("deployment") { return try PulumiPlanReader.stackExport(document, path: name) }
        if keys.contains("resource_changes") || keys.contains("planned_values") || keys.contains("terraform_version") {
            return try TerraformPlanReader.read(document, path: name)
        }
        if keys.contains("Resources") || keys.contains("AWSTemplateFormatVersion") {
            return try CloudFormationPlanReader.read(document, path: name)
        }
        throw LambdaCostError.badInput(
            file: name, line: 1, column: nil,
            expected: "a plan: pulumi preview --json (steps), pulumi stack export (deployment), terraform show -json (resource_changes), a CloudFormation/SAM template (Resources) or a LambdaCost plan (kind: lambdacost-plan)",
            found: "an object with keys \(keys.sorted().prefix(5).joined(separator: ", "))")
    }
}
