// swift-tools-version:6.0
import PackageDescription

// LambdaCost: a thin `lambdacost` executable over library modules that follow the data:
// ingest → store → pricing → model → report. C libraries come from Debian packages through
// prefixed system-library targets (see `.ci/run` for the apt packages).
// The byte-scanning readers keep their state in class properties; in release builds the runtime's
// dynamic exclusivity checks on those accesses cost a third of CUR ingest time (measured with
// callgrind, see BENCHMARKS.md). Debug builds — the ones `swift test` runs — keep the checks.
let hotLoopSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "LambdaCost",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lambdacost", targets: ["lambdacost"]),
        .library(name: "LambdaCostCLI", targets: ["LambdaCostCLI"]),
    ],
    targets: [
        .systemLibrary(
            name: "LambdaCostCSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "LambdaCostCZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "LambdaCostCCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        .target(name: "LambdaCostCore", dependencies: ["LambdaCostCCrypto"], swiftSettings: hotLoopSettings),
        .target(name: "LambdaCostStore", dependencies: ["LambdaCostCore", "LambdaCostCSQLite"]),
        .target(
            name: "LambdaCostIngest",
            dependencies: ["LambdaCostCore", "LambdaCostStore", "LambdaCostCZlib"],
            swiftSettings: hotLoopSettings),
        // The price catalog lives at the top level in `Pricing/` and ships as this target's resource.
        .target(
            name: "LambdaCostPricingData", path: "Pricing",
            exclude: ["README.md"],
            sources: ["PricingResources.swift"],
            resources: [.copy("catalog")]),
        .target(name: "LambdaCostPricing", dependencies: ["LambdaCostCore", "LambdaCostPricingData"]),
        .target(name: "LambdaCostModel", dependencies: ["LambdaCostCore", "LambdaCostPricing"]),
        .target(name: "LambdaCostReport", dependencies: ["LambdaCostCore", "LambdaCostPricing", "LambdaCostModel"]),
        .target(name: "LambdaCostGenerator", dependencies: ["LambdaCostCore"]),
        .target(
            name: "LambdaCostCLI",
            dependencies: [
                "LambdaCostCore", "LambdaCostStore", "LambdaCostIngest", "LambdaCostPricing",
                "LambdaCostModel", "LambdaCostReport", "LambdaCostGenerator",
            ]),
        .executableTarget(name: "lambdacost", dependencies: ["LambdaCostCLI"]),
        // Writes benchmark inputs (Benchmarks/run); not part of the tool.
        .executableTarget(name: "lambdacost-generate", dependencies: ["LambdaCostCore", "LambdaCostGenerator"]),
        .testTarget(
            name: "LambdaCostTests",
            dependencies: [
                "LambdaCostCore", "LambdaCostStore", "LambdaCostIngest", "LambdaCostPricing",
                "LambdaCostModel", "LambdaCostReport", "LambdaCostGenerator", "LambdaCostCLI",
            ],
            resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
