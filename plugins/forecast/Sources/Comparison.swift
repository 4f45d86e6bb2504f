import TrendCastCharts
import TrendCastValues

/// The result of `compare`: several models backtested on the same windows of the same series,
/// ranked by one measure (smallest first; a model without that measure comes last). Displays
/// as a table and a bar chart; saves as CSV with one row per model.
public struct Comparison: CSVExportable {
  public struct Entry: Sendable {
    public let label: String
    public let backtest: BacktestResult
  }

  /// In rank order.
  public let entries: [Entry]
  public let metric: AccuracyMetric
  public let plan: BacktestPlan
  public let seriesName: String

  public var kind: ValueKind { .result }
  public var summary: String { "\(entries.count) models ranked by \(metric.heading)" }

  /// Ranks entries by `metric`, keeping the given order among ties.
  static func ranked(_ entries: [Entry], by metric: AccuracyMetric) -> [Entry] {
    entries.enumerated().sorted { a, b in
      switch (a.element.backtest.overall?.value(of: metric), b.element.backtest.overall?.value(of: metric)) {
      case let (x?, y?): return x != y ? x < y : a.offset < b.offset
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return a.offset < b.offset
      }
    }.map(\.element)
  }

  public var csvDocument: CSVDocument {
    CSVDocument(header: ["rank", "model"] + AccuracyMetric.allCases.map(\.heading),
      rows: entries.enumerated().map { [String($0.offset + 1), $0.element.label] + BacktestResult.fields($0.element.backtest.overall) })
  }

  public var memberNames: [String] { ["best"] }

  /// `c.best`: the name of the best model.
  public func member(_ name: String) throws -> any Value {
    guard name == "best", let best = entries.first else {
      throw RuntimeError("a comparison has no part '\(name)'", hint: "parts: \(memberNames.joined(separator: ", "))")
    }
    return TextValue(best.label)
  }

  public func render(_ style: RenderStyle) -> String {
    let title = "Comparison on \(seriesName): \(plan.windows) window\(plan.windows == 1 ? "" : "s"), h=\(plan.horizon), step \(plan.step); ranked by \(metric.heading) (smaller is better)"
    let table = MeasureTable.render(
      leading: [("rank", .right, entries.indices.map { String($0 + 1) }), ("model", .left, entries.map(\.label))],
      measures: entries.map(\.backtest.overall), metrics: AccuracyMetric.allCases, ascii: style.asciiOnly)
    var lines = TerminalText.wrapped(title, width: max(style.width, TerminalText.widestLine(of: table))) + [table]
    let unavailable = entries.filter { $0.backtest.overall?.value(of: metric) == nil }.map(\.label)
    if !unavailable.isEmpty { lines.append("\(metric.heading) is not available for \(unavailable.joined(separator: ", ")), so \(unavailable.count == 1 ? "it ranks" : "they rank") last") }
    lines.append("")
    lines.append(chart.render(style.chartStyle))
    return lines.joined(separator: "\n")
  }
}
