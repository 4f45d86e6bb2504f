import TrendCastPlugin
import TrendCastValues

/// `pivot X id=COL value=COL [by=COL] [dups=…]` (long → wide) and
/// `pivot X longer [columns=[…]] [names=NAME] [value=NAME]` (wide → long), as tidyr's
/// pivot_wider and pivot_longer. A panel is first made one long table (its id column first),
/// so `pivot P` spreads a panel of series into one column per id, and `pivot P longer`
/// stacks it.
enum Pivot {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let input = try invocation.value(0)
    let longer = invocation.has(flag: "longer")
    var table: Table
    var panelDefaults: (id: String, value: String?)?
    if let panel = input as? Panel {
      (table, panelDefaults) = try PivotLonger.stack(panel)
      if longer {
        invocation.report("pivot longer: a panel of \(Listing.count(panel.entries.count, "member")) made one long table with \(panel.idName) first: \(Listing.count(table.rowCount, "row"))")
        return table
      }
    } else if let given = input as? Table {
      table = given
    } else if let series = input as? Series {
      table = PivotLonger.table(of: series)
    } else {
      throw RuntimeError("pivot needs a table or a panel, not \(input.kind.withArticle)").focused(on: .input(0))
    }
    if longer {
      for option in ["id", "by", "dups"] where invocation.isGiven(option) {
        throw invocation.optionError(option, "\(option)= is for pivoting to wide; pivot … longer takes columns=, names= and value=")
      }
      return try PivotLonger.run(table, invocation)
    }
    for option in ["names", "columns"] where invocation.isGiven(option) {
      throw invocation.optionError(option, "\(option)= is for pivot … longer", hint: "add the flag longer, or use id= and value= to pivot to wide")
    }
    guard let id = try invocation.string("id") ?? panelDefaults?.id else {
      throw RuntimeError("pivot to wide needs id=COL (whose values become columns) and value=COL (what fills them)",
        hint: "e.g. pivot sales id=sku value=units; or pivot sales longer to stack columns").focused(on: .input(0))
    }
    let numeric = table.columns.filter { $0.isNumeric && $0.name != id && $0.name != table.timeIndexColumn?.name }
    guard let value = try invocation.string("value") ?? panelDefaults?.value ?? (numeric.count == 1 ? numeric.first?.name : nil) else {
      throw invocation.optionError("id", "pivot to wide needs value=COL: which column fills the new columns",
        hint: numeric.isEmpty ? nil : "numeric columns: \(numeric.map(\.name).joined(separator: ", "))")
    }
    let dups = try invocation.keyword("dups") ?? "error"
    return try wider(table, id: id, value: value, by: try invocation.string("by"), dups: Aggregation(rawValue: dups), invocation)
  }

  /// Long → wide: one row per value of `by`, one column per value of `id`.
  static func wider(_ table: Table, id: String, value: String, by givenBy: String?, dups: Aggregation?, _ invocation: Invocation) throws -> Table {
    guard let idColumn = table.column(named: id) else { throw table.missingColumn(id, role: "for id=").focused(on: .option("id")) }
    guard let valueColumn = table.column(named: value) else { throw table.missingColumn(value, role: "for value=").focused(on: .option("value")) }
    guard let byName = givenBy ?? table.timeIndexColumn?.name else {
      throw invocation.optionError("id", "pivot to wide needs the column that keys the new rows: by=COL (the table has no date column)")
    }
    guard let byColumn = table.column(named: byName) else { throw table.missingColumn(byName, role: "for by=").focused(on: .option("by")) }
    guard byName != id, byName != value, id != value else {
      throw invocation.optionError("id", "by= (\(byName)), id= (\(id)) and value= (\(value)) must be three different columns")
    }
    guard let values = valueColumn.doubles else {
      throw invocation.optionError("value", "column '\(value)' holds \(valueColumn.typeName) values; value= needs numbers")
    }
    let keys = CellKey.keys(of: byColumn)
    var rowOrder: [CellKey] = []
    var firstRow: [CellKey: Int] = [:]
    var names: [String] = []
    var nameSet = Set<String>()
    var cells: [CellKey: [String: [Int]]] = [:]
    var unkeyed: [Int] = []
    for row in 0..<table.rowCount {
      guard let key = keys[row], !idColumn.isMissing(row) else {
        unkeyed.append(row)
        continue
      }
      let name = idColumn.text(at: row)
      if firstRow[key] == nil {
        firstRow[key] = row
        rowOrder.append(key)
      }
      if nameSet.insert(name).inserted { names.append(name) }
      cells[key, default: [:]][name, default: []].append(row)
    }
    if case .date = byColumn.values { rowOrder.sort() }
    if let clash = names.first(where: { $0 == byName }) {
      throw invocation.optionError("id", "a value of '\(id)' is '\(clash)', the name of the by= column, so the new column would clash")
    }
    try checkDuplicates(cells: cells, rowOrder: rowOrder, names: names, dups: dups, byColumn: byColumn, id: id, table: table)
    let aggregation = dups ?? .first
    let integral: Bool
    if case .integer = valueColumn.values { integral = aggregation != .mean } else { integral = false }
    var columns = [byColumn.selecting(rowOrder.compactMap { firstRow[$0] })]
    columns[0].sourceField = nil
    var emptyCells = 0
    for name in names {
      let column = rowOrder.map { key -> Double in
        let rows = cells[key]?[name] ?? []
        if rows.isEmpty { emptyCells += 1 }
        return aggregation.apply(rows.map { values[$0] })
      }
      columns.append(Column(name: name, values: integral ? .integer(column.map { $0.isNaN ? nil : Int($0) }) : .float(column)))
    }
    var line = "pivot: \(Listing.count(table.rowCount, "row")) → \(Listing.count(rowOrder.count, "row")) by \(byName), one column per \(id) (\(Listing.some(names))) holding \(value)"
    if emptyCells > 0 { line += "; \(emptyCells) \(emptyCells == 1 ? "cell has" : "cells have") no row: missing" }
    invocation.report(line)
    if !unkeyed.isEmpty {
      invocation.report("  left out \(Listing.count(unkeyed.count, "row")) without a \(byName) or \(id) (rows \(Listing.some(unkeyed.map { String($0 + 1) })))")
    }
    let others = table.columnNames.filter { $0 != byName && $0 != id && $0 != value }
    if !others.isEmpty {
      invocation.report("  left out \(others.count == 1 ? "column" : "columns") \(others.joined(separator: ", ")) (a wide table holds one value column)")
    }
    let isDated: Bool
    if case .date = byColumn.values { isDated = true } else { isDated = false }
    return Table(columns: columns, timeColumn: isDated ? byName : nil, source: nil)
  }

  /// Two rows for the same cell are an error unless dups= says how to combine them.
  private static func checkDuplicates(cells: [CellKey: [String: [Int]]], rowOrder: [CellKey], names: [String], dups: Aggregation?,
                                      byColumn: Column, id: String, table: Table) throws {
    guard dups == nil else { return }
    var found: [(String, [Int])] = []
    for key in rowOrder {
      for name in names {
        if let rows = cells[key]?[name], rows.count > 1 { found.append(("\(id) \(name) at \(byColumn.text(at: rows[0]))", rows)) }
      }
    }
    guard let first = found.first else { return }
    let shown = found.prefix(3).map { "\($0.0) (rows \($0.1.map { String($0 + 1) }.joined(separator: ", ")))" }
    throw RuntimeError("\(found.count == 1 ? "one cell has" : "\(found.count) cells have") more than one row: \(shown.joined(separator: "; "))\(found.count > 3 ? " …" : "")",
      hint: "combine them with dups=sum (or mean, first, last), or resample first",
      at: table.location(row: first.1[1], column: byColumn.name)).focused(on: .option("id"))
  }
}
