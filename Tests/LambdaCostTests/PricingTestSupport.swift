import Testing
import Foundation

/// Paths shared by the pricing suites.
enum PricingFixtures {
    static func url(_ name: String) throws -> URL {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return root.appendingPathComponent("pricing").appendingPathComponent(name)
    }

    /// A fresh folder owned by one test (tests run in parallel).
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lambdacost-pricing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
