import Foundation
import LambdaCostCore
import LambdaCostReport

/// Writes a ``MonthReport`` to disk: the Markdown with its SVG charts in a folder beside it
/// (linked relatively, so the files are byte-identical wherever they are written), or the JSON.
enum ReportWriter {
    /// The chart folder for a Markdown path: `Reports/2026-11.md` → `Reports/2026-11`.
    static func chartFolder(for markdownPath: String) -> URL {
        let url = URL(fileURLWithPath: markdownPath)
        return url.pathExtension.isEmpty ? url.appendingPathExtension("charts") : url.deletingPathExtension()
    }

    /// Writes the Markdown report and its charts; returns the paths written.
    static func writeMarkdown(_ report: MonthReport, to path: String, top: Int, redactor: inout ReportRedactor?) throws -> [String] {
        let folder = chartFolder(for: path)
        var md = MarkdownReportRenderer(top: top, charts: .full(folder: folder.lastPathComponent)).render(report)
        if redactor != nil { md = redactor!.redact(md) }
        try write(md, to: URL(fileURLWithPath: path))
        var written = [path]
        // Stale charts of an earlier run (e.g. a function no longer in the top) must not linger.
        try? FileManager.default.removeItem(at: folder)
        for named in ReportCharts.all(report) {
            var svg = SVGChart.render(named.chart)
            if redactor != nil { svg = redactor!.redact(svg) }
            let url = folder.appendingPathComponent(named.fileName)
            try write(svg, to: url)
            written.append(url.path)
        }
        return written
    }

    /// The JSON report text.
    static func json(_ report: MonthReport, redactor: inout ReportRedactor?) throws -> String {
        let text = try JSONOutput.encode(report)
        return redactor != nil ? redactor!.redact(text) : text
    }

    static func write(_ text: String, to url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            throw LambdaCostError.io(message: "cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// Writes the demo's report: exactly what `report --month M --out PATH` writes.
    static func writeDemoReport(context: CommandContext, month: Month, to path: String) throws -> String {
        let builder = MonthReportBuilder(store: try context.store(), catalog: try context.catalog(), databasePath: context.databasePath)
        var redactor: ReportRedactor? = nil
        _ = try writeMarkdown(try builder.build(month: month), to: path, top: ReportCommand.defaultTop, redactor: &redactor)
        return path
    }
}
