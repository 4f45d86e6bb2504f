import TrendCastPlugin
import TrendCastValues

/// `select X COL…`: the named columns, in that order. The table's time column is kept (first)
/// even when not named, as tsibble's select keeps the index: a table of sales without its
/// dates could no longer become a series.
enum Select {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let table = try invocation.table(0)
    let names = try invocation.texts(from: 1)
    var seen = Set<String>()
    var chosen: [Column] = []
    for (offset, name) in names.enumerated() {
      guard let column = table.column(named: name) else {
        throw table.missingColumn(name, role: "").focused(on: .input(offset + 1))
      }
      guard seen.insert(name).inserted else {
        throw RuntimeError("column '\(name)' is named twice").focused(on: .input(offset + 1))
      }
      chosen.append(column)
    }
    var result = table
    if let time = table.timeIndexColumn, !seen.contains(time.name) {
      chosen.insert(time, at: 0)
      invocation.report("select: kept the time column '\(time.name)' (the dates of the rows)")
    }
    result.columns = chosen
    return result
  }
}
