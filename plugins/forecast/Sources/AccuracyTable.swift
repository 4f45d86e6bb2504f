import TrendCastCharts
import TrendCastValues

/// Accuracy measures of one or more forecasts or models (`accuracy`): one row each with ME,
/// RMSE, MAE, MAPE, sMAPE and MASE. Saves as CSV with one row per model and one column per
/// measure (LANGUAGE.md §7); a measure that cannot be computed is an empty field, and the
/// display says why.
public struct AccuracyTable: CSVExportable {
  public struct Row: Sendable {
    public var model: String
    /// "training" (fitted values) or "test" (forecasts against held-out actuals).
    public var set: String
    public var measures: AccuracyMeasures
    public init(model: String, set: String, measures: AccuracyMeasures) {
      self.model = model
      self.set = set
      self.measures = measures
    }
  }

  public var title: String
  public var rows: [Row]
  /// Sentences about left-out periods and unavailable measures.
  public var notes: [String]

  public init(title: String, rows: [Row], notes: [String]) {
    self.title = title
    self.rows = rows
    self.notes = notes
  }

  public var kind: ValueKind { .result }
  public var summary: String { "accuracy of \(rows.first?.model ?? "a forecast")" + (rows.count > 1 ? " (\(rows.count) rows)" : "") }

  public var csvDocument: CSVDocument {
    CSVDocument(header: ["model", "set"] + AccuracyMetric.allCases.map(\.heading),
      rows: rows.map { row in [row.model, row.set] + AccuracyMetric.allCases.map { NumberFormatting.exact(row.measures.value(of: $0) ?? .nan) } })
  }

  public var memberNames: [String] { AccuracyMetric.allCases.map(\.rawValue) }

  /// `a.rmse`, `a.mase` …: the measure of the last row (the test set when there are two).
  public func member(_ name: String) throws -> any Value {
    guard let metric = AccuracyMetric(rawValue: name.lowercased()), let row = rows.last else {
      throw RuntimeError("an accuracy table has no part '\(name)'", hint: "parts: \(memberNames.joined(separator: ", "))")
    }
    guard let value = row.measures.value(of: metric) else {
      throw RuntimeError("\(metric.heading) is not available for \(row.model)", hint: notes.first)
    }
    return NumberValue(value)
  }

  public func render(_ style: RenderStyle) -> String {
    let table = MeasureTable.render(
      leading: [("model", .left, rows.map(\.model)), ("set", .left, rows.map(\.set))],
      measures: rows.map(\.measures), metrics: AccuracyMetric.allCases, ascii: style.asciiOnly)
    return (TerminalText.wrapped(title, width: max(style.width, TerminalText.widestLine(of: table))) + [table] + notes.flatMap { TerminalText.wrapped($0, width: style.width) }).joined(separator: "\n")
  }
}

/// The shared layout of accuracy, backtest and comparison tables: leading text columns, then
/// one column per measure with 4 significant decimals, "n/a" where a measure is unavailable.
enum MeasureTable {
  static func render(leading: [(String, TextTable.Alignment, [String])], measures: [AccuracyMeasures?], metrics: [AccuracyMetric], ascii: Bool) -> String {
    var columns: [[String]] = leading.map(\.2)
    for metric in metrics {
      let values = measures.map { $0?.value(of: metric) }
      let decimals = NumberFormatting.decimalsForColumn(values.compactMap { $0 }, significant: 4, maxDecimals: 4)
      columns.append(values.map { $0.map { NumberFormatting.fixed($0, decimals: decimals) } ?? "n/a" })
    }
    let rowCount = measures.count
    let rows = (0..<rowCount).map { r in columns.map { r < $0.count ? $0[r] : "" } }
    return TextTable(headers: leading.map(\.0) + metrics.map(\.heading), alignments: leading.map(\.1) + metrics.map { _ in .right }, rows: rows)
      .render(ascii: ascii)
  }

  /// Sentences for what the measures left out or could not compute.
  static func notes(for measures: AccuracyMeasures, missing: Int, scaleNote: String?) -> [String] {
    var notes: [String] = []
    if missing > 0 { notes.append("\(missing) period\(missing == 1 ? "" : "s") without an actual value left out") }
    if measures.mape == nil {
      notes.append("MAPE is not available: every actual value is 0")
    } else if measures.zeroActuals > 0 {
      notes.append("MAPE leaves out \(measures.zeroActuals) period\(measures.zeroActuals == 1 ? "" : "s") where the actual is 0")
    }
    if measures.smape != nil, measures.zeroPairs > 0 {
      notes.append("sMAPE leaves out \(measures.zeroPairs) period\(measures.zeroPairs == 1 ? "" : "s") where actual and forecast are both 0")
    }
    if measures.mase == nil, let scaleNote { notes.append(scaleNote) }
    return notes
  }
}
