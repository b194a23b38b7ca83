import Foundation
import LambdaCostCore

/// Reads AWS Price List offer files (`…/offers/v1.0/aws/<offerCode>/current/<region>/index.json` or the
/// all-Region file) and writes their prices into a catalog folder, for every Region present.
public enum PriceListImporter {
    /// What one import did.
    public struct Summary: Sendable, Hashable {
        /// The service imported.
        public var service: PricedService
        /// Regions written, sorted.
        public var regions: [String]
        /// Catalog items written over all Regions.
        public var itemCount: Int
        /// Products in the file that map to no catalog item.
        public var ignoredProducts: Int
        /// The catalog version after the import.
        public var version: Int
    }

    /// An offer file's prices by Region, before they are written.
    public struct ParsedOffer: Sendable, Hashable {
        /// The service of the offer.
        public var service: PricedService
        /// `YYYY-MM-DD` of the offer's publication.
        public var effectiveDate: String
        /// Items by Region, each sorted by key.
        public var itemsByRegion: [String: [PriceItem]]
        /// Products that map to no catalog item.
        public var ignoredProducts: Int
    }

    /// Imports `file` into the catalog in `directory` (created if needed; its `catalog.json` is
    /// seeded from the bundled one when missing), replacing the offer's items in each Region's file,
    /// keeping the rest, and bumping the catalog version.
    /// - Throws: `.missingInput` when the file cannot be read; `.badInput` when it is not an offer file;
    ///   `.io` when the catalog cannot be written.
    public static func importOffer(file: URL, into directory: URL) throws -> Summary {
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw LambdaCostError.missingInput(path: file.path, reason: "cannot read: \(error.localizedDescription)")
        }
        let offer = try parse(data: data, file: file.path)
        let fm = FileManager.default
        let manifestURL = directory.appendingPathComponent("catalog.json")
        var manifest: CatalogManifest
        if fm.fileExists(atPath: manifestURL.path) {
            manifest = try PriceCatalog.decodeFile(manifestURL)
        } else {
            manifest = try PriceCatalog.load(directory: nil).manifest
        }
        manifest.version += 1
        manifest.effectiveDate = max(manifest.effectiveDate, offer.effectiveDate)
        let source = "AWS Price List offer file \(offer.service.offerCode), published \(offer.effectiveDate)"
        var itemCount = 0
        for region in offer.itemsByRegion.keys.sorted() {
            let regionURL = directory.appendingPathComponent(region)
            let fileURL = regionURL.appendingPathComponent("\(offer.service.rawValue).json")
            var items: [String: PriceItem] = [:]
            if fm.fileExists(atPath: fileURL.path) {
                let existing: ServicePriceFile = try PriceCatalog.decodeFile(fileURL)
                for item in existing.items { items[item.item] = item }
            }
            for item in offer.itemsByRegion[region] ?? [] { items[item.item] = item }
            itemCount += offer.itemsByRegion[region]?.count ?? 0
            let content = ServicePriceFile(
                service: offer.service.offerCode, region: region, source: source, effectiveDate: offer.effectiveDate,
                version: manifest.version, items: items.values.sorted { $0.item < $1.item })
            try write(content, to: fileURL, creating: regionURL)
        }
        try write(manifest, to: manifestURL, creating: directory)
        return Summary(
            service: offer.service, regions: offer.itemsByRegion.keys.sorted(), itemCount: itemCount,
            ignoredProducts: offer.ignoredProducts, version: manifest.version)
    }

    /// Parses an offer file's `products` and `terms.OnDemand` into catalog items per Region.
    /// - Throws: `.badInput` naming `file` when the document is not an offer file of a covered service.
    public static func parse(data: Data, file: String) throws -> ParsedOffer {
        func bad(_ expected: String, _ found: String) -> LambdaCostError {
            .badInput(file: file, line: 0, column: nil, expected: expected, found: found)
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw bad("an AWS Price List offer file (JSON)", "text that is not JSON")
        }
        guard let root = object as? [String: Any], let offerCode = root["offerCode"] as? String,
            let products = root["products"] as? [String: Any], let terms = root["terms"] as? [String: Any]
        else {
            throw bad("an AWS Price List offer file (offerCode, products, terms)", "another JSON document")
        }
        guard let service = PricedService(offerCode: offerCode) else {
            throw bad(
                "an offer file for AWSLambda, AmazonCloudWatch, AWSXRay or AWSQueueService",
                LambdaCostError.excerpt(offerCode))
        }
        let onDemand = terms["OnDemand"] as? [String: Any] ?? [:]
        let published = (root["publicationDate"] as? String).map { String($0.prefix(10)) } ?? ""
        var tiers: [String: [PriceItemKey: (usageType: String, unit: String, tiers: [Double: PriceTier])]] = [:]
        var ignored = 0
        for (sku, value) in products {
            guard let product = value as? [String: Any], let attributes = product["attributes"] as? [String: String],
                let region = attributes["regionCode"], !region.isEmpty,
                let (key, usageType) = itemKey(service: service, attributes: attributes),
                let skuTerms = onDemand[sku] as? [String: Any]
            else {
                ignored += 1
                continue
            }
            for case let term as [String: Any] in skuTerms.values {
                guard let dimensions = term["priceDimensions"] as? [String: Any] else { continue }
                for case let dimension as [String: Any] in dimensions.values {
                    guard let prices = dimension["pricePerUnit"] as? [String: String], let usd = prices["USD"],
                        Double(usd) != nil
                    else {
                        throw bad("priceDimensions with pricePerUnit.USD for SKU \(sku)", "none")
                    }
                    let begin = Double(dimension["beginRange"] as? String ?? "0") ?? 0
                    let endText = dimension["endRange"] as? String ?? "Inf"
                    let end = endText == "Inf" ? nil : Double(endText)
                    let unit = dimension["unit"] as? String ?? ""
                    var entry = tiers[region]?[key] ?? (usageType, unit, [:])
                    entry.tiers[begin] = PriceTier(begin: begin, end: end, priceText: normalizedPrice(usd))
                    tiers[region, default: [:]][key] = entry
                }
            }
        }
        var itemsByRegion: [String: [PriceItem]] = [:]
        for (region, byKey) in tiers {
            itemsByRegion[region] = byKey.map { key, entry in
                PriceItem(
                    item: key.rawValue, unit: entry.unit, usageType: entry.usageType,
                    tiers: entry.tiers.keys.sorted().compactMap { entry.tiers[$0] })
            }.sorted { $0.item < $1.item }
        }
        return ParsedOffer(service: service, effectiveDate: published, itemsByRegion: itemsByRegion, ignoredProducts: ignored)
    }

    /// Lambda products are told apart by `group`; the other services by usage type without its Region prefix.
    static func itemKey(service: PricedService, attributes: [String: String]) -> (PriceItemKey, String)? {
        let usageType = stripRegionPrefix(attributes["usagetype"] ?? "")
        switch service {
        case .lambda:
            guard let group = attributes["group"], let key = lambdaGroups[group] else { return nil }
            return (key, usageType)
        case .cloudWatch, .xray, .sqs:
            guard let key = usageTypes[usageType], key.service == service else { return nil }
            return (key, usageType)
        }
    }

    static let lambdaGroups: [String: PriceItemKey] = [
        "AWS-Lambda-Duration": .durationX86, "AWS-Lambda-Duration-ARM": .durationArm,
        "AWS-Lambda-Requests": .requestsX86, "AWS-Lambda-Requests-ARM": .requestsArm,
        "AWS-Lambda-Provisioned-Concurrency": .provisionedConcurrencyX86,
        "AWS-Lambda-Provisioned-Concurrency-ARM": .provisionedConcurrencyArm,
        "AWS-Lambda-Duration-Provisioned": .durationProvisionedX86,
        "AWS-Lambda-Duration-Provisioned-ARM": .durationProvisionedArm,
        "AWS-Lambda-Storage-Duration": .ephemeralStorageX86, "AWS-Lambda-Storage-Duration-ARM": .ephemeralStorageArm,
    ]

    static let usageTypes: [String: PriceItemKey] = [
        "DataProcessing-Bytes": .logsIngestStandard, "DataProcessingIA-Bytes": .logsIngestInfrequentAccess,
        "VendedLog-Bytes": .logsIngestVended, "TimedStorage-ByteHrs": .logsStorage,
        "CW:AlarmMonitorUsage": .alarmStandard, "DashboardsUsageHour": .dashboard,
        "DashboardsUsageHour-Basic": .dashboard,
        "XRay-TracesStored": .xrayTracesRecorded, "XRay-TracesAccessed": .xrayTracesScanned,
        "Requests-Tier1": .sqsRequests,
    ]

    /// `USW2-Lambda-GB-Second` → `Lambda-GB-Second`; us-east-1 usage types carry no prefix.
    static func stripRegionPrefix(_ usageType: String) -> String {
        guard let dash = usageType.firstIndex(of: "-") else { return usageType }
        let prefix = usageType[..<dash]
        let isRegionPrefix =
            (2...5).contains(prefix.count) && prefix.allSatisfy { $0.isUppercase || $0.isNumber }
            && prefix.contains(where: \.isNumber) || ["EU", "US", "UGW1", "UGE1"].contains(String(prefix))
        return isRegionPrefix ? String(usageType[usageType.index(after: dash)...]) : usageType
    }

    /// `0.0000166667000` → `0.0000166667`, `3.0000000000` → `3`.
    static func normalizedPrice(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var s = Substring(text)
        while s.last == "0" { s = s.dropLast() }
        if s.last == "." { s = s.dropLast() }
        return s.isEmpty ? "0" : String(s)
    }

    static func write<T: Encodable>(_ value: T, to url: URL, creating folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var data = try encoder.encode(value)
            data.append(0x0A)
            try data.write(to: url, options: .atomic)
        } catch {
            throw LambdaCostError.io(message: "\(url.path): cannot write the price catalog: \(error.localizedDescription)")
        }
    }
}
