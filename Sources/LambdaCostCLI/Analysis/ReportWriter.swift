import Foundation
import LambdaCostCore
import LambdaCostModel
import LambdaCostReport

/// Writes the Markdown report for a month (temporary: summary and recommendations only).
enum ReportWriter {
    static func writeDemoReport(context: CommandContext, month: Month, to path: String) throws -> String {
        let store = try context.store()
        let summary = try MonthSummaryBuilder(store: store, catalog: try context.catalog()).build(month: month, functionName: nil)
        let analysis = try MonthAnalysis.load(store: store, catalog: try context.catalog(), month: month, databasePath: context.databasePath)
        let recs = RecommendCommand.recommendations(analysis, constraints: RecommendationConstraints(), strategy: .cost, weight: 0.5)
        var md = "# Lambda cost report — \(month)\n\n"
        md += SummaryTable.render(summary, .md)
        md += "\n## Recommendations\n\n"
        let output = RecommendationsJSON(
            month: month.description, strategy: "cost", functions: recs.map(RecommendationJSON.init), assumptions: [],
            prices: PricesReference(version: analysis.catalog.version, source: analysis.catalog.source))
        md += RecommendCommand.render(output, .md)
        md += "\n## Assumptions\n\n" + summary.assumptions.map { "- \($0)\n" }.joined()
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(md.utf8).write(to: url)
        } catch {
            throw LambdaCostError.io(message: "cannot write \(path): \(error.localizedDescription)")
        }
        return path
    }
}
