import LambdaCostCLI
import Foundation

exit(LambdaCostCLI.run(arguments: Array(CommandLine.arguments.dropFirst())))
