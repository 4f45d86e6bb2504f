import TrendCastPlugin
import TrendCastValues

/// `join A B on=COL [how=inner|left|outer]`: the columns of B added to the rows of A whose key
/// matches, as pandas' merge with validate="many_to_one": each key may appear at most once in
/// B (a price per day), any number of times in A (sales of many SKUs per day).
///
/// inner keeps matched rows only, left keeps every row of A (B's columns missing where no
/// match), outer keeps the rows of both. Rows left out or filled with missing values are
/// counted in the report, with their keys; a missing key never matches.
enum Join {
  enum How: String, CaseIterable { case inner, left, outer }

  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let left = try invocation.table(0)
    let right = try invocation.table(1)
    let key = try invocation.string("on") ?? ""
    let how = How(rawValue: try invocation.keyword("how") ?? "inner") ?? .inner
    guard let leftKey = left.column(named: key) else {
      throw missingKey(key, in: left, which: "first", invocation)
    }
    guard let rightKey = right.column(named: key) else {
      throw missingKey(key, in: right, which: "second", invocation)
    }
    let (leftKind, rightKind) = (CellKey.kind(of: leftKey), CellKey.kind(of: rightKey))
    guard leftKind == rightKind else {
      throw invocation.optionError("on", "the key '\(key)' holds \(leftKind) in the first table but \(rightKind) in the second, so no row could match",
        hint: rightKind == "text" || leftKind == "text" ? "load the table whose '\(key)' is text with date=\(key) (or fix its values)" : nil)
    }
    let leftKeys = CellKey.keys(of: leftKey)
    let rightKeys = CellKey.keys(of: rightKey)
    var rightRow: [CellKey: Int] = [:]
    var duplicates: [(CellKey, Int, Int)] = []
    var repeated = Set<CellKey>()
    for (row, cell) in rightKeys.enumerated() {
      guard let cell else { continue }
      if let earlier = rightRow[cell] {
        // Each repeated key once, at its first repeat.
        if repeated.insert(cell).inserted { duplicates.append((cell, earlier, row)) }
      } else {
        rightRow[cell] = row
      }
    }
    if let (_, earlier, row) = duplicates.first {
      let shown = duplicates.prefix(3).map { "\(rightKey.text(at: $0.2)) (rows \($0.1 + 1) and \($0.2 + 1))" }
      throw RuntimeError("each key may appear only once in the second table, but \(duplicates.count == 1 ? "'\(key)' \(shown[0]) repeats" : "\(duplicates.count) values of '\(key)' repeat: \(shown.joined(separator: ", "))\(duplicates.count > 3 ? " …" : "")")",
        hint: "aggregate the second table first (resample … freq=D, or pivot) so each \(key) has one row",
        at: right.location(row: row, column: key) ?? right.location(row: earlier, column: key)).focused(on: .input(1))
    }

    var leftRows: [Int?] = []
    var rightRows: [Int?] = []
    var matchedRight = Set<Int>()
    var unmatchedLeft: [Int] = []
    for (row, cell) in leftKeys.enumerated() {
      let match = cell.flatMap { rightRow[$0] }
      if let match { matchedRight.insert(match) } else { unmatchedLeft.append(row) }
      if match != nil || how != .inner {
        leftRows.append(row)
        rightRows.append(match)
      }
    }
    let unmatchedRight = rightKeys.indices.filter { !matchedRight.contains($0) }
    if how == .outer {
      for row in unmatchedRight {
        leftRows.append(nil)
        rightRows.append(row)
      }
    }

    var result: Table
    if how == .outer, !unmatchedRight.isEmpty {
      // Rows from the second table have no line in the first file.
      result = Table(columns: left.columns.map { $0.selecting(optional: leftRows) }, timeColumn: left.timeColumn, source: nil)
      result.duplicatePolicy = left.duplicatePolicy
      if let position = result.columns.firstIndex(where: { $0.name == key }) {
        result.columns[position] = leftKey.merged(leftRows, with: rightKey, rightRows)
      }
    } else {
      result = left.selectingRows(leftRows.compactMap { $0 })
    }
    var renamed: [String] = []
    for column in right.columns where column.name != key {
      var added = column.selecting(optional: rightRows)
      if result.column(named: added.name) != nil {
        var suffix = 2
        while result.column(named: "\(column.name)_\(suffix)") != nil || right.column(named: "\(column.name)_\(suffix)") != nil { suffix += 1 }
        added.name = "\(column.name)_\(suffix)"
        renamed.append("\(column.name) as \(added.name)")
      }
      added.sourceField = nil
      result.columns.append(added)
    }
    if how == .outer, case .date = leftKey.values {
      result = sortedByKey(result, key: key)
    }
    report(invocation, key: key, how: how, rows: result.rowCount, left: (leftKey, unmatchedLeft), right: (rightKey, unmatchedRight), renamed: renamed)
    return result
  }

  private static func missingKey(_ key: String, in table: Table, which: String, _ invocation: Invocation) -> RuntimeError {
    invocation.optionError("on", "the \(which) table has no column '\(key)' to join on",
      hint: table.missingColumn(key, role: "").hint)
  }

  /// Outer joins of dated rows come out in date order (stable; rows without a date last).
  private static func sortedByKey(_ table: Table, key: String) -> Table {
    guard let column = table.column(named: key) else { return table }
    let keys = CellKey.keys(of: column)
    let order = keys.indices.sorted { a, b in
      switch (keys[a], keys[b]) {
      case (let x?, let y?): return x == y ? a < b : x < y
      case (nil, nil): return a < b
      case (nil, _): return false
      case (_, nil): return true
      }
    }
    return table.selectingRows(order)
  }

  private static func report(_ invocation: Invocation, key: String, how: How, rows: Int, left: (Column, [Int]), right: (Column, [Int]), renamed: [String]) {
    invocation.report("join on \(key) (\(how.rawValue)): \(Listing.count(rows, "row"))")
    let (leftKey, unmatchedLeft) = left
    let (rightKey, unmatchedRight) = right
    func keys(_ column: Column, _ rows: [Int]) -> String { Listing.some(rows.map { column.text(at: $0) }) }
    if !unmatchedLeft.isEmpty {
      let fate = how == .inner ? "left out" : "kept, with the second table's columns missing"
      invocation.report("  \(Listing.count(unmatchedLeft.count, "row")) of the first table found no match (\(fate)): \(keys(leftKey, unmatchedLeft))")
    }
    if !unmatchedRight.isEmpty {
      let fate = how == .outer ? "added, with the first table's columns missing" : "left out"
      invocation.report("  \(Listing.count(unmatchedRight.count, "row")) of the second table matched nothing (\(fate)): \(keys(rightKey, unmatchedRight))")
    }
    if !renamed.isEmpty {
      invocation.report("  both tables have \(renamed.count == 1 ? "a column" : "columns") of the same name; the second's renamed: \(renamed.joined(separator: ", "))")
    }
  }
}
