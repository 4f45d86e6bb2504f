import TrendCastPlugin
import TrendCastValues

/// `resample` of a table: rows are put in calendar periods by their own dates, so irregular
/// dates and several rows per date (order lines, one row per sale) are fine — this is how a
/// long export becomes one row per day or week. Every numeric (and true/false) column is
/// aggregated; text columns are left out and named in the report.
enum ResampleTable {
  static func run(_ table: Table, _ request: Resample.Request, _ invocation: Invocation) throws -> Table {
    let (timeColumn, stamps, info) = try dates(of: table, invocation)
    let numbers = table.columns.filter { $0.name != timeColumn.name && $0.doubles != nil }
    let leftOut = table.columns.filter { $0.name != timeColumn.name && $0.doubles == nil }.map(\.name)
    guard !numbers.isEmpty else {
      throw RuntimeError("the table has no numeric column to aggregate", hint: "columns: \(table.columnNames.joined(separator: ", "))").focused(on: .input(0))
    }
    let source = info.frequency ?? FrequencyInference.infer(stamps.sorted())
    if let source { try Resample.checkDirection(from: source, to: request.target, what: "the table", invocation) }
    let bins = request.bins
    let keys = stamps.map(bins.key)
    guard let firstKey = keys.min(), let lastKey = keys.max() else {
      return Table(columns: [timeColumn] + numbers, timeColumn: timeColumn.name, source: nil)
    }
    var rowsByBin = [[Int]](repeating: [], count: lastKey - firstKey + 1)
    for (row, key) in keys.enumerated() { rowsByBin[key - firstKey].append(row) }

    var index = bins.index(from: firstKey, through: lastKey)
    let unit = CalendarBins.unit(request.target)
    let grid = sourceGrid(table, stamps: stamps, info: info, timeColumn: timeColumn.name, frequency: source)
    let sourceUnit = CalendarBins.unit(grid.frequency)
    var lines = ["resample: \(Listing.count(table.rowCount, "row")) → \(Resample.describe(request.target)), \(request.aggregation.rawValue) of each \(unit)"]
    var keep = 0..<rowsByBin.count
    if let coverage = bins.edgeCoverage(of: grid) {
      let edges = rowsByBin.count == 1 ? [("only", 0, coverage.first)] : [("first", 0, coverage.first), ("last", rowsByBin.count - 1, coverage.last)]
      for (which, position, cover) in edges where cover.isPartial {
        let verdict = request.dropPartial ? "left out (partial=drop)" : "kept (partial=drop leaves it out)"
        lines.append("  \(which) \(unit) \(index.label(at: position)) is partial: its rows span \(cover.spanned) of \(cover.expected) \(sourceUnit)s; \(verdict)")
        if request.dropPartial {
          keep = position == 0 ? (keep.lowerBound + 1)..<keep.upperBound : keep.lowerBound..<(keep.upperBound - 1)
        }
      }
    }
    guard !keep.isEmpty else {
      throw invocation.optionError("partial", "every \(unit) of the table is partial, so partial=drop leaves nothing", hint: "use partial=keep, or a finer freq=")
    }
    index = index.slice(keep)
    let kept = Array(rowsByBin[keep])
    var columns = [Column(name: timeColumn.name, values: .date((0..<index.count).map { index.timestamp(at: $0) },
      DateColumnInfo(style: bins.anchor.style, frequency: request.target)))]
    for column in numbers {
      let values = column.doubles ?? []
      let aggregated = kept.map { rows in request.aggregation.apply(rows.map { values[$0] }) }
      if request.aggregation == .count {
        columns.append(Column(name: column.name, values: .integer(aggregated.map { Int($0) })))
      } else {
        columns.append(Column(name: column.name, values: .float(aggregated)))
      }
    }
    lines[0] += ": \(Listing.count(index.count, unit))" + (index.count > 0 ? ", \(index.label(at: 0)) … \(index.label(at: index.count - 1))" : "")
    for column in numbers {
      let values = column.doubles ?? []
      let gappy = kept.filter { rows in rows.contains { values[$0].isNaN } }.count
      if gappy > 0, request.aggregation != .count {
        lines.append("  \(column.name): \(Listing.count(gappy, unit)) include missing values; the \(request.aggregation.rawValue) covers the values present")
      }
    }
    let empty = kept.indices.filter { kept[$0].isEmpty }
    if !empty.isEmpty {
      lines.append("  \(Listing.count(empty.count, unit)) \(empty.count == 1 ? "has" : "have") no rows, so \(empty.count == 1 ? "its values are" : "their values are") missing:")
      lines += Listing.wrap(empty.map { index.label(at: $0) })
    }
    if !leftOut.isEmpty {
      lines.append("  left out \(Listing.count(leftOut.count, "column")) that cannot be aggregated: \(leftOut.joined(separator: ", ")) (group by=\(leftOut[0]) first to resample each \(leftOut[0]))")
    }
    for line in lines { invocation.report(line) }
    return Table(columns: columns, timeColumn: timeColumn.name, source: nil)
  }

  /// The table's date column and its dates; every row needs one.
  static func dates(of table: Table, _ invocation: Invocation) throws -> (Column, [Timestamp], DateColumnInfo) {
    guard table.rowCount > 0 else {
      throw RuntimeError("the table has no rows", hint: "check the file, or the filter that made it").focused(on: .input(0))
    }
    guard let column = table.timeIndexColumn, case .date(let stamps, let info) = column.values else {
      if let error = table.textColumnThatShouldHoldDates() { throw error }
      throw RuntimeError("the table has no date column to resample by", hint: "load it with its dates: load … date=COL").focused(on: .input(0))
    }
    if info.style == .number {
      throw RuntimeError("the table's column '\(column.name)' holds plain period numbers, not calendar dates, so it cannot be resampled into weeks or months",
        hint: "load the data with real dates").focused(on: .input(0))
    }
    var present: [Timestamp] = []
    present.reserveCapacity(stamps.count)
    for (row, stamp) in stamps.enumerated() {
      guard let stamp else {
        throw RuntimeError("row \(row + 1) has no date in column '\(column.name)', so it belongs to no period",
          hint: "remove them, or keep the dated rows first: filter X \(column.name) != NA", at: table.location(row: row, column: column.name))
      }
      present.append(stamp)
    }
    return (column, present, info)
  }

  /// The source's regular periods (its own frequency when the rows sit on it, else days),
  /// against which partial first and last periods are judged.
  static func sourceGrid(_ table: Table, stamps: [Timestamp], info: DateColumnInfo, timeColumn: String, frequency: Frequency?) -> TimeIndex {
    if let frequency, let placed = try? table.placeRows(stamps: stamps, info: info, timeColumn: timeColumn, declared: frequency) {
      return placed.index
    }
    let days = stamps.map(\.days)
    let first = days.min() ?? 0
    return TimeIndex(frequency: .daily, start: first, count: (days.max() ?? first) - first + 1, anchor: PeriodAnchor(style: .isoDate))
  }
}
