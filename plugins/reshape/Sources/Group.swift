import TrendCastPlugin
import TrendCastValues

/// `group X by=COL`: a panel with one table per value of COL (in order of first appearance),
/// each without the COL column. Commands given the panel then run once per member:
/// `clean P.units fill=linear`, `fit arima P.units`. Rows whose COL is missing form the
/// group "NA", and the report says how many there are.
enum Group {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let table = try invocation.table(0)
    let by = try invocation.string("by") ?? ""
    guard let ids = table.column(named: by) else {
      throw table.missingColumn(by, role: "for by=").focused(on: .option("by"))
    }
    if by == table.timeIndexColumn?.name {
      throw invocation.optionError("by", "'\(by)' is the table's time column; grouping by it would give one group per date",
        hint: "group by an id column (a SKU, a shop); to combine rows per period, use resample")
    }
    var order: [String] = []
    var rowsByID: [String: [Int]] = [:]
    var missing = 0
    for row in 0..<table.rowCount {
      if ids.isMissing(row) { missing += 1 }
      let id = ids.isMissing(row) ? "NA" : ids.text(at: row)
      if rowsByID[id] == nil { order.append(id) }
      rowsByID[id, default: []].append(row)
    }
    var rest = table
    rest.columns.removeAll { $0.name == by }
    let entries = order.map { id in Panel.Entry(id: id, value: rest.selectingRows(rowsByID[id] ?? [])) }
    let sizes = order.map { rowsByID[$0]?.count ?? 0 }
    var line = "group by \(by): \(Listing.count(order.count, "group"))"
    if let smallest = sizes.min(), let largest = sizes.max() {
      line += smallest == largest ? " of \(Listing.count(smallest, "row")) each" : " of \(smallest) to \(largest) rows"
    }
    invocation.report(line)
    if missing > 0 {
      invocation.report("  \(Listing.count(missing, "row")) without a \(by) form the group NA")
    }
    return Panel(idName: by, entries: entries)
  }
}
