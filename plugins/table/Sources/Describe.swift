import TrendCastNumerics
import TrendCastPlugin
import TrendCastValues

/// `describe X`: per-column summaries, numbers first, then dates, then text.
enum Describe {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let value = try invocation.value(0)
    let ascii = invocation.context.style.asciiOnly
    if let series = value as? Series {
      let dates = "\(series.index.frequency.name) series, \(series.count) periods from \(series.index.label(at: 0)) to \(series.index.label(at: max(0, series.count - 1)))"
      return TextValue(dates + "\n" + numericTable([(series.name, series.values)]).render(ascii: ascii))
    }
    guard let table = value as? Table else {
      throw RuntimeError("describe needs a table or a series, not \(value.kind.withArticle)").focused(on: .input(0))
    }
    let rows = table.rowCount
    let columns = table.columns.count
    var sections: [String] = ["\(rows) row\(rows == 1 ? "" : "s") × \(columns) column\(columns == 1 ? "" : "s")"]
    let numeric = table.columns.compactMap { column -> (String, [Double])? in
      guard column.isNumeric, let values = column.doubles else { return nil }
      return (column.name, values)
    }
    if !numeric.isEmpty { sections.append(numericTable(numeric).render(ascii: ascii)) }
    let dateRows = table.columns.compactMap { column -> [String]? in
      guard case .date(let stamps, let info) = column.values else { return nil }
      let present = stamps.compactMap { $0 }
      guard let first = present.min(), let last = present.max() else { return [column.name, "0", String(stamps.count), "", "", ""] }
      return [column.name, String(present.count), String(stamps.count - present.count), info.format(first), info.format(last), info.frequency?.name ?? "irregular"]
    }
    if !dateRows.isEmpty {
      sections.append(TextTable(headers: ["date column", "count", "missing", "first", "last", "frequency"],
        alignments: [.left, .right, .right, .left, .left, .left], rows: dateRows).render(ascii: ascii))
    }
    // True/false columns (calendar's weekend, holiday) are summarised like text.
    let textRows = table.columns.compactMap { column -> [String]? in
      let texts: [String?]
      switch column.values {
      case .text(let values): texts = values
      case .boolean(let values): texts = values.map { $0.map { $0 ? "true" : "false" } }
      default: return nil
      }
      var counts: [String: Int] = [:]
      for text in texts { if let text { counts[text, default: 0] += 1 } }
      let top = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }
      return [column.name, String(texts.count - column.missingCount), String(column.missingCount), String(counts.count),
              top.map { $0.key } ?? "", top.map { String($0.value) } ?? ""]
    }
    if !textRows.isEmpty {
      sections.append(TextTable(headers: ["text column", "count", "missing", "distinct", "most common", "times"],
        alignments: [.left, .right, .right, .right, .left, .right], rows: textRows).render(ascii: ascii))
    }
    return TextValue(sections.joined(separator: "\n\n"))
  }

  static func numericTable(_ columns: [(String, [Double])]) -> TextTable {
    let headers = ["column", "count", "missing", "mean", "sd", "min", "25%", "50%", "75%", "max"]
    let rows = columns.map { name, values -> [String] in
      let present = values.filter { !$0.isNaN }
      guard !present.isEmpty else { return [name, "0", String(values.count)] + Array(repeating: "NA", count: 7) }
      let quartiles = Descriptive.quantiles(present, [0.25, 0.5, 0.75])
      let stats = [Descriptive.mean(present), present.count > 1 ? Descriptive.standardDeviation(present) : .nan,
                   present.min() ?? .nan, quartiles[0], quartiles[1], quartiles[2], present.max() ?? .nan]
      return [name, String(present.count), String(values.count - present.count)] + stats.map { NumberFormatting.display($0, significant: 5) }
    }
    return TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: 9), rows: rows)
  }
}
