import Foundation
import LambdaCostCLI

exit(LambdaCostTool.run(arguments: Array(CommandLine.arguments.dropFirst())))
