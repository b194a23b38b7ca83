import Foundation
import LambdaCostCore
import LambdaCostPricingData

/// The price catalog: a folder holding `catalog.json` and `<region>/<service>.json` files.
/// Loaded whole (it is small); prices are data, never literals in code.
public struct PriceCatalog: Sendable {
    /// The manifest: version, source, rules, free tier.
    public let manifest: CatalogManifest
    /// Every catalog file, keyed by Region then service.
    public let files: [String: [PricedService: ServicePriceFile]]
    /// The folder the catalog was read from.
    public let directory: URL

    /// The catalog version, as a string for output.
    public var version: String { String(manifest.version) }
    /// Where the prices come from.
    public var source: String { manifest.source }
    /// Monthly free-tier quantities.
    public var freeTier: FreeTier { manifest.freeTier }
    /// Regions with at least one price file, sorted.
    public var regions: [String] { files.keys.sorted() }

    /// Creates a catalog from values already read.
    public init(manifest: CatalogManifest, files: [String: [PricedService: ServicePriceFile]], directory: URL) {
        self.manifest = manifest
        self.files = files
        self.directory = directory
    }

    /// Loads the catalog in `directory`, or the bundled one when nil (`--pricing-dir` overrides it).
    /// - Throws: `.missingInput` when the folder or its `catalog.json` is missing; `.badInput` for a
    ///   malformed file.
    public static func load(directory: URL? = nil) throws -> PriceCatalog {
        guard let dir = directory ?? PricingResources.bundledCatalogURL else {
            throw LambdaCostError.missingInput(path: "Pricing/catalog", reason: "the bundled price catalog is missing")
        }
        let fm = FileManager.default
        let manifestURL = dir.appendingPathComponent("catalog.json")
        guard fm.fileExists(atPath: manifestURL.path) else {
            throw LambdaCostError.missingInput(path: manifestURL.path, reason: "not a price catalog (no catalog.json)")
        }
        let manifest: CatalogManifest = try decodeFile(manifestURL)
        var files: [String: [PricedService: ServicePriceFile]] = [:]
        let entries = (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
        for region in entries.sorted() {
            var isDir: ObjCBool = false
            let regionURL = dir.appendingPathComponent(region)
            guard fm.fileExists(atPath: regionURL.path, isDirectory: &isDir), isDir.boolValue else { continue }
            for service in PricedService.allCases {
                let url = regionURL.appendingPathComponent("\(service.rawValue).json")
                guard fm.fileExists(atPath: url.path) else { continue }
                files[region, default: [:]][service] = try decodeFile(url)
            }
        }
        return PriceCatalog(manifest: manifest, files: files, directory: dir)
    }

    /// The rules in force in a month (nil = latest).
    public func rules(for month: Month?) -> RulesInForce { manifest.rules.inForce(month) }

    /// All prices of a Region.
    /// - Throws: `.missingInput` naming the Region and the catalog path when it has no prices.
    public func prices(region: String) throws -> RegionPrices {
        guard let byService = files[region], !byService.isEmpty else {
            let known = regions.isEmpty ? "none" : regions.joined(separator: ", ")
            throw LambdaCostError.missingInput(
                path: directory.path,
                reason: "no prices for Region \(region) in this catalog (Regions with prices: \(known)); "
                    + "import an AWS Price List offer file for it with 'lambdacost pricing import', or use --pricing-dir")
        }
        var items: [String: PriceItem] = [:]
        for (_, file) in byService {
            for item in file.items { items[item.item] = item }
        }
        return RegionPrices(region: region, catalogPath: directory.path, items: items)
    }

    static func decodeFile<T: Decodable>(_ url: URL) throws -> T {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LambdaCostError.missingInput(path: url.path, reason: "cannot read: \(error.localizedDescription)")
        }
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            throw LambdaCostError.badInput(
                file: url.path, line: 0, column: nil, expected: "a price catalog file",
                found: LambdaCostError.excerpt(String(describing: error), limit: 160))
        }
    }
}
