import LambdaCostCore

/// Whether a function's known configuration allows it to run on another architecture.
public enum ArchitectureCompatibility: Sendable, Hashable {
    /// Nothing known forbids it; native dependencies still need testing.
    case compatible(note: String)
    /// Possible after rebuilding an artefact (a container image).
    case needsRebuild(note: String)
    /// The runtime cannot run there.
    case incompatible(reason: String)
    /// Runtime and package type unknown.
    case unknown

    /// Runtimes that never offered arm64 (AWS's runtime table).
    public static let x86OnlyRuntimes: Set<String> = [
        "go1.x", "java8", "python2.7", "python3.6", "python3.7", "nodejs", "nodejs4.3", "nodejs6.10", "nodejs8.10",
        "nodejs10.x", "ruby2.5", "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1",
    ]

    /// Assesses moving `configuration` to `target`.
    public static func assess(_ configuration: FunctionConfiguration, target: Architecture) -> Self {
        if configuration.arch == target { return .compatible(note: "already on \(target.rawValue)") }
        if configuration.packageType?.lowercased() == "image" {
            return .needsRebuild(note: "container image must be rebuilt for \(target.rawValue)")
        }
        guard let runtime = configuration.runtime?.lowercased() else { return .unknown }
        if target == .arm64 && x86OnlyRuntimes.contains(runtime) {
            return .incompatible(reason: "runtime \(runtime) does not support arm64")
        }
        return .compatible(note: "runtime \(runtime) supports \(target.rawValue); native dependencies must be built for it")
    }
}
