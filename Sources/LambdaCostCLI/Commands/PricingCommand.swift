import Foundation
import LambdaCostCore
import LambdaCostPricing
import LambdaCostPricingData
import LambdaCostReport

/// `lambdacost pricing show|import`: the price catalog in force, and refreshing it from AWS
/// Price List offer files.
enum PricingCommand: Command {
    static let name = "pricing"
    static let summary = "Show the prices in force, or import an AWS Price List offer file."
    static let usage = "pricing show [--region R] [--format table|json|csv|md]\n       lambdacost pricing import [--pricing-dir DIR] FILE"
    static let discussion = """
        import reads an offer file (AWSLambda, AmazonCloudWatch, AWSXRay, AWSQueueService; the
        products/terms.OnDemand layout of .../offers/v1.0/aws/<service>/current/<region>/index.json or the
        all-Region file) and writes or updates the catalog for every Region in it, bumping its version.
        It writes to --pricing-dir, or to ./Pricing/catalog when run in a LambdaCost checkout; a folder
        without a catalog is first seeded with the bundled one.
        """
    static let options: [OptionSpec] = [
        OptionSpec("region", value: "R", help: "show: only this Region."),
        OptionSpec("format", value: "table|json|csv|md", help: "Output format (default table)."),
    ]

    struct ShowOutput: Encodable {
        let schemaVersion = JSONOutput.schemaVersion
        let version: String
        let source: String
        let prices: [PricingTable.Row]
        enum CodingKeys: String, CodingKey {
            case schemaVersion = "schema_version"
            case version, source, prices
        }
    }

    static func run(_ a: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        guard let action = a.positionals.first else {
            throw LambdaCostError.usage(message: "pricing needs an action: show or import", command: name)
        }
        switch action {
        case "show":
            guard a.positionals.count == 1 else { throw LambdaCostError.usage(message: "pricing show takes no FILE", command: name) }
            let format = try a.choice("format", OutputFormat.self) ?? .table
            let catalog = try context.catalog()
            let table = try PricingTable(catalog: catalog, region: a.value("region"))
            if format == .json {
                context.out(try JSONOutput.encode(ShowOutput(version: table.version, source: table.source, prices: table.rows)))
            } else {
                var text = format == .csv ? "" : "Price catalog version \(table.version): \(table.source)\n\n"
                text += TextTable(headers: PricingTable.columns, rows: table.rows.map(\.cells)).render(format)
                context.out(text)
            }
            return 0
        case "import":
            guard a.positionals.count == 2 else { throw LambdaCostError.usage(message: "pricing import takes one offer FILE", command: name) }
            let target = try importTarget(context)
            let summary = try PriceListImporter.importOffer(file: URL(fileURLWithPath: a.positionals[1]), into: target)
            context.out(
                "imported \(summary.service.rawValue): \(summary.itemCount) items for \(summary.regions.count) Region(s) (\(summary.regions.joined(separator: ", "))), \(summary.ignoredProducts) products ignored; catalog \(target.path) is now version \(summary.version)\n")
            return 0
        default:
            var message = "unknown pricing action '\(action)'"
            if let near = ParsedArguments.nearest(action, in: ["show", "import"]) { message += "; did you mean '\(near)'?" }
            throw LambdaCostError.usage(message: message, command: name)
        }
    }

    /// Where `import` writes: --pricing-dir, else ./Pricing/catalog in a checkout; seeded from the
    /// bundled catalog when empty.
    static func importTarget(_ context: CommandContext) throws -> URL {
        let fm = FileManager.default
        let path: String
        if let dir = context.pricingDirectory {
            path = dir
        } else if fm.fileExists(atPath: "Pricing/catalog/catalog.json") {
            path = "Pricing/catalog"
        } else {
            throw LambdaCostError.usage(message: "pricing import needs --pricing-dir DIR outside a LambdaCost checkout", command: name)
        }
        let url = URL(fileURLWithPath: path)
        if !fm.fileExists(atPath: url.appendingPathComponent("catalog.json").path) {
            guard let bundled = PricingResources.bundledCatalogURL else {
                throw LambdaCostError.io(message: "the bundled price catalog is missing; reinstall lambdacost")
            }
            do {
                try fm.createDirectory(at: url, withIntermediateDirectories: true)
                for item in try fm.contentsOfDirectory(atPath: bundled.path) {
                    let destination = url.appendingPathComponent(item)
                    if !fm.fileExists(atPath: destination.path) {
                        try fm.copyItem(at: bundled.appendingPathComponent(item), to: destination)
                    }
                }
            } catch {
                throw LambdaCostError.io(message: "cannot seed the catalog at \(url.path): \(error.localizedDescription)")
            }
        }
        return url
    }
}
