import TrendCastPlugin
import TrendCastValues

/// Wide → long, and a panel → one long table.
enum PivotLonger {
  /// `pivot X longer [columns=[…]] [names=NAME] [value=NAME]`: each row becomes one row per
  /// stacked column, in row order (tidyr's order); the other columns repeat. Rows keep their
  /// file lines. Missing cells stay, as missing values.
  static func run(_ table: Table, _ invocation: Invocation) throws -> Table {
    let timeName = table.timeIndexColumn?.name
    var stacked: [Column]
    if let names = try invocation.strings("columns") {
      stacked = []
      for name in names {
        guard let column = table.column(named: name) else { throw table.missingColumn(name, role: "for columns=").focused(on: .option("columns")) }
        guard column.isNumeric else {
          throw invocation.optionError("columns", "column '\(name)' holds \(column.typeName) values; only numeric columns are stacked")
        }
        stacked.append(column)
      }
    } else {
      stacked = table.columns.filter { $0.isNumeric && $0.name != timeName }
    }
    guard !stacked.isEmpty else {
      throw RuntimeError("the table has no numeric columns to stack", hint: "name them with columns=[…]; columns: \(table.columnNames.joined(separator: ", "))").focused(on: .input(0))
    }
    let stackedNames = Set(stacked.map(\.name))
    let kept = table.columns.filter { !stackedNames.contains($0.name) }
    let namesColumn = try invocation.string("names") ?? "name"
    let valueColumn = try invocation.string("value") ?? "value"
    for (option, name) in [("names", namesColumn), ("value", valueColumn)] where kept.contains(where: { $0.name == name }) {
      throw invocation.optionError(option, "the table already has a column '\(name)'", hint: "choose another name with \(option)=")
    }
    guard namesColumn != valueColumn else { throw invocation.optionError("value", "names= and value= must differ") }
    let rows = (0..<table.rowCount).flatMap { row in Array(repeating: row, count: stacked.count) }
    var result = table.selectingRows(rows)
    result.columns = result.columns.filter { !stackedNames.contains($0.name) }
    result.columns.append(Column(name: namesColumn, values: .text(rows.indices.map { stacked[$0 % stacked.count].name })))
    let allIntegers = stacked.allSatisfy { if case .integer = $0.values { return true } else { return false } }
    if allIntegers {
      let cells = stacked.map { column -> [Int?] in if case .integer(let v) = column.values { return v } else { return [] } }
      result.columns.append(Column(name: valueColumn, values: .integer(rows.indices.map { cells[$0 % stacked.count][rows[$0]] })))
    } else {
      let cells = stacked.map { $0.doubles ?? [] }
      result.columns.append(Column(name: valueColumn, values: .float(rows.indices.map { cells[$0 % stacked.count][rows[$0]] })))
    }
    invocation.report("pivot longer: \(Listing.count(stacked.count, "column")) (\(Listing.some(stacked.map(\.name)))) stacked into \(namesColumn) and \(valueColumn): \(Listing.count(table.rowCount, "row")) → \(result.rowCount)")
    return result
  }

  /// A panel as one long table: the id column first, then each member's columns (a series
  /// gives its dates and values). Also returns the id and value columns to pivot it back.
  static func stack(_ panel: Panel) throws -> (Table, (id: String, value: String?)) {
    var tables: [Table] = []
    var ids: [String?] = []
    var valueName: String?
    for entry in panel.entries {
      let member: Table
      if let series = entry.value as? Series {
        member = table(of: series)
        valueName = valueName ?? series.name
      } else if let table = entry.value as? Table {
        member = table
      } else {
        throw RuntimeError("the members of this panel are \(entry.value.kind.rawValue)s; only panels of series or tables can be pivoted").focused(on: .input(0))
      }
      tables.append(member)
      ids += Array(repeating: entry.id, count: member.rowCount)
    }
    guard let first = tables.first else {
      return (Table(columns: [Column(name: panel.idName, values: .text([]))]), (panel.idName, valueName))
    }
    var columns = [Column(name: panel.idName, values: .text(ids))]
    for column in first.columns {
      let parts = tables.compactMap { $0.column(named: column.name) }
      guard parts.count == tables.count, let joined = Column.concatenated(parts) else {
        throw RuntimeError("the members of this panel do not have the same columns ('\(column.name)' is missing or of another kind in some)").focused(on: .input(0))
      }
      columns.append(joined)
    }
    if tables.contains(where: { $0.columns.count != first.columns.count }) {
      throw RuntimeError("the members of this panel do not have the same columns").focused(on: .input(0))
    }
    return (Table(columns: columns, timeColumn: first.timeIndexColumn?.name), (panel.idName, valueName))
  }

  /// A series as a table of its dates and values.
  static func table(of series: Series) -> Table {
    let stamps: [Timestamp?] = (0..<series.count).map { series.index.timestamp(at: $0) }
    let info = DateColumnInfo(style: series.index.anchor.style, frequency: series.frequency == .unspecified ? nil : series.frequency)
    return Table(columns: [Column(name: "date", values: .date(stamps, info)), Column(name: series.name, values: .float(series.values))], timeColumn: "date")
  }
}
