public enum LambdaCostCLI {
    public static func run(arguments: [String]) -> Int32 { 0 }
}
