/// Turning a table with a date column into a regular series: the frequency is found, missing
/// periods become missing values, and duplicate dates are refused with their names (or
/// combined, when the caller asks).
public enum DuplicateDatePolicy: String, Sendable, CaseIterable {
  case error, sum, mean, first, last
}

extension Table {
  /// The numeric column `name` as a series on the table's time index.
  public func series(column name: String, duplicates: DuplicateDatePolicy = .error, frequency declared: Frequency? = nil) throws -> Series {
    guard let column = column(named: name) else {
      throw RuntimeError("the table has no column '\(name)'", hint: "columns: \(columnNames.joined(separator: ", "))")
    }
    guard let values = column.doubles else {
      throw notNumeric(column)
    }
    guard let timeColumn = timeIndexColumn, case .date(let stamps, let info) = timeColumn.values else {
      if let error = textColumnThatShouldHoldDates() { throw error }
      return Series(name: name, index: .numbered(count: values.count, frequency: declared ?? .unspecified), values: values)
    }
    let placement = try placeRows(stamps: stamps, info: info, timeColumn: timeColumn.name, declared: declared)
    if duplicates == .error, let error = duplicateDatesError(placement: placement, timeColumn: timeColumn.name) { throw error }
    var result = [Double](repeating: .nan, count: placement.index.count)
    var seen = [Int](repeating: 0, count: placement.index.count)
    for (row, position) in placement.positions.enumerated() {
      let value = values[row]
      if seen[position] > 0 {
        switch duplicates {
        case .error: break  // refused above, with every duplicated date named
        case .sum: result[position] = nanSum(result[position], value)
        case .mean: result[position] = nanSum(result[position], value)
        case .first: break
        case .last: result[position] = value
        }
      } else {
        result[position] = value
      }
      seen[position] += 1
    }
    if duplicates == .mean {
      for position in result.indices where seen[position] > 1 { result[position] /= Double(seen[position]) }
    }
    return Series(name: name, index: placement.index, values: result)
  }

  /// The regular index spanning the table's dates, and each row's position on it.
  public func placeRows(stamps: [Timestamp?], info: DateColumnInfo, timeColumn: String, declared: Frequency?) throws -> (index: TimeIndex, positions: [Int]) {
    var present: [Timestamp] = []
    present.reserveCapacity(stamps.count)
    for (row, stamp) in stamps.enumerated() {
      guard let stamp else {
        throw RuntimeError("row \(row + 1) has no date in column '\(timeColumn)'", hint: "every row of a time series needs a date; filter out rows without one", at: location(row: row, column: timeColumn))
      }
      present.append(stamp)
    }
    guard let first = present.min() else {
      return (TimeIndex(frequency: declared ?? info.frequency ?? .daily, start: 0, count: 0, anchor: PeriodAnchor(style: info.style)), [])
    }
    if info.style == .number {
      let frequency = declared ?? info.frequency ?? .unspecified
      let ordinals = present.map(\.days)
      let start = ordinals.min() ?? 0
      let end = ordinals.max() ?? 0
      return (TimeIndex(frequency: frequency, start: start, count: end - start + 1, anchor: PeriodAnchor(style: .number)), ordinals.map { $0 - start })
    }
    guard let frequency = declared ?? info.frequency ?? FrequencyInference.infer(present.sorted()) else {
      throw RuntimeError("the dates in column '\(timeColumn)' are not regular, so its frequency cannot be found",
        hint: "declare it with freq=D|W|M|Q|Y, or resample the data")
    }
    let anchor = PeriodAnchor.fitting(first, frequency: frequency, style: info.style)
    var positions: [Int] = []
    positions.reserveCapacity(present.count)
    var start = Int.max
    var end = Int.min
    for (row, stamp) in present.enumerated() {
      let (ordinal, onGrid) = TimeIndex.ordinal(of: stamp, frequency: frequency, anchor: anchor)
      guard onGrid else {
        throw RuntimeError("date \(info.style.format(stamp)) does not fall on the \(frequency.name) grid of column '\(timeColumn)' (which starts \(info.style.format(first)))",
          hint: "resample the data to one frequency, or declare the right one with freq=", at: location(row: row, column: timeColumn))
      }
      positions.append(ordinal)
      start = min(start, ordinal)
      end = max(end, ordinal)
    }
    let index = TimeIndex(frequency: frequency, start: start, count: end - start + 1, anchor: anchor)
    return (index, positions.map { $0 - start })
  }

  /// The error naming every date that appears more than once (the first few, with their
  /// rows), or nil when the dates are distinct.
  func duplicateDatesError(placement: (index: TimeIndex, positions: [Int]), timeColumn: String) -> RuntimeError? {
    var rowsAt = [[Int]](repeating: [], count: placement.index.count)
    var duplicated: [Int] = []
    for (row, position) in placement.positions.enumerated() {
      if rowsAt[position].count == 1 { duplicated.append(position) }
      rowsAt[position].append(row)
    }
    // In date order, whatever the order of the rows.
    duplicated.sort()
    guard let first = duplicated.first, rowsAt[first].count > 1 else { return nil }
    let shown = duplicated.prefix(5).map { position in
      "\(placement.index.label(at: position)) (rows \(rowsAt[position].map { String($0 + 1) }.joined(separator: ", ")))"
    }
    let more = duplicated.count > shown.count ? ", and \(duplicated.count - shown.count) more" : ""
    let subject = duplicated.count == 1 ? "date \(shown[0]) appears" : "\(duplicated.count) dates appear"
    let list = duplicated.count == 1 ? "" : ": " + shown.joined(separator: ", ") + more
    return RuntimeError("\(subject) more than once in column '\(timeColumn)'\(list)",
      hint: "aggregate duplicates with dups=sum (or mean, first, last), or remove them",
      at: location(row: rowsAt[first][1], column: timeColumn))
  }

  /// A table without a date column whose text column is nearly all dates almost always means
  /// one malformed date kept the column from being read as dates; numbering its rows instead
  /// would hide that, so the first field that is not a date (or breaks the format) is named.
  public func textColumnThatShouldHoldDates() -> RuntimeError? {
    for column in columns {
      guard case .text(let texts) = column.values else { continue }
      var styles: [DateStyle: Int] = [:]
      var firstStyleRow: [DateStyle: Int] = [:]
      var failures: [Int] = []
      var present = 0
      for (row, text) in texts.enumerated() {
        guard let text else { continue }
        present += 1
        if let parsed = DateParser.parse(text) {
          styles[parsed.style, default: 0] += 1
          if firstStyleRow[parsed.style] == nil { firstStyleRow[parsed.style] = row }
        } else {
          failures.append(row)
        }
      }
      let parsedCount = present - failures.count
      // Nearly all dates: at least 4 of 5 values, and at least two of them.
      guard parsedCount >= 2, parsedCount * 5 >= present * 4 else { continue }
      if let row = failures.first {
        return RuntimeError("column '\(column.name)' holds dates, but row \(row + 1) holds '\(texts[row] ?? "")', which is not a date"
          + (failures.count > 1 ? " (nor are \(failures.count - 1) other value\(failures.count == 2 ? "" : "s"))" : ""),
          hint: "dates are written like 2024-01-31, 2024-01, 2024-01-31 13:00, Jan 2024, 2024Q1 or 2024; fix the value, or load with date=\(column.name) to check every row",
          at: location(row: row, column: column.name))
      }
      let ordered = styles.keys.sorted { (firstStyleRow[$0] ?? 0) < (firstStyleRow[$1] ?? 0) }
      if ordered.count > 1, let a = firstStyleRow[ordered[0]], let b = firstStyleRow[ordered[1]] {
        return RuntimeError("column '\(column.name)' mixes date formats: '\(texts[a] ?? "")' (row \(a + 1)) and '\(texts[b] ?? "")' (row \(b + 1))",
          hint: "write every date in one format", at: location(row: b, column: column.name))
      }
    }
    return nil
  }

  private func nanSum(_ a: Double, _ b: Double) -> Double {
    if a.isNaN { return b }
    if b.isNaN { return a }
    return a + b
  }

  /// The error for a text column used where numbers are needed, at its first non-number.
  func notNumeric(_ column: Column) -> RuntimeError {
    if case .text(let texts) = column.values, let row = texts.firstIndex(where: { $0.map { Double($0) == nil } ?? false }) {
      return RuntimeError("column '\(column.name)' is not numeric: row \(row + 1) holds '\(texts[row] ?? "")'",
        hint: "numbers are needed here; fix the value in the file or choose a numeric column",
        at: location(row: row, column: column.name))
    }
    return RuntimeError("column '\(column.name)' holds \(column.typeName) values, not numbers", hint: "choose a numeric column")
  }
}
