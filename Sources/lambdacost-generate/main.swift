import Foundation
import LambdaCostCore
import LambdaCostGenerator

// Writes benchmark inputs with the project's generator (see Benchmarks/README.md):
//   lambdacost-generate cur FILE [--functions N] [--hours H] [--seed S]
//   lambdacost-generate logs DIR [--lines N] [--functions N] [--seed S]
let usage = """
    usage: lambdacost-generate cur FILE [--functions N] [--hours H] [--seed S]
           lambdacost-generate logs DIR [--lines N] [--functions N] [--seed S]

    """

let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, default value: Int, in args: [String] = Array(CommandLine.arguments.dropFirst())) -> Int {
    guard let i = args.firstIndex(of: "--\(name)"), i + 1 < args.count, let v = Int(args[i + 1]) else { return value }
    return v
}
guard args.count >= 2 else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(64)
}
let seed = UInt64(option("seed", default: 42))
do {
    switch args[0] {
    case "cur":
        let s = try BenchmarkData.writeCUR(
            to: URL(fileURLWithPath: args[1]), functions: option("functions", default: 1000), hours: option("hours", default: 744), seed: seed)
        print("wrote \(args[1]): \(s.rows) rows, \(s.bytes) bytes")
    case "logs":
        let dir = URL(fileURLWithPath: args[1])
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let s = try BenchmarkData.writeReportLog(
            to: dir, lines: option("lines", default: 2_000_000), functions: option("functions", default: 1000), seed: seed)
        print("wrote \(args[1]): \(s.rows) rows, \(s.bytes) bytes")
    default:
        FileHandle.standardError.write(Data(usage.utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(74)
}
