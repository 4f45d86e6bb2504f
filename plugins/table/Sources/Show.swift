import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// `show X [top=N] [by=COL] [desc|asc] [all]`
enum Show {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let value = try invocation.value(0)
    let top = try invocation.integer("top")
    if let top, top < 1 { throw invocation.optionError("top", "top= must be at least 1, not \(top)") }
    let by = try invocation.string("by")
    var shown: any Value = value
    for flag in ["desc", "asc"] where by == nil && invocation.has(flag: flag) {
      throw invocation.optionError("by", "\(flag) says which way to order, but no column is given to order by",
        hint: "add by=COL, e.g. show \(invocation.inputLabels.first ?? "X") by=\((value as? any RowOrderable)?.orderableColumns.first ?? "COL") \(flag)")
    }
    if top != nil || by != nil {
      if let series = value as? Series { shown = seriesTable(series) }
      guard let orderable = shown as? any RowOrderable else {
        throw invocation.optionError(by != nil ? "by" : "top", "\(value.kind.withArticle) has no rows to order or cut",
          hint: "top= and by= work on tables, series, itemsets and rules")
      }
      if let by, !orderable.orderableColumns.contains(by) {
        throw invocation.optionError("by", "there is no column '\(by)' to order by",
          hint: Suggestions.didYouMean(by, among: orderable.orderableColumns) ?? "columns: \(orderable.orderableColumns.joined(separator: ", "))")
      }
      let descending = invocation.has(flag: "desc")
        || (!invocation.has(flag: "asc") && by.map { top != nil || orderable.prefersDescending($0) } ?? false)
      shown = try orderable.ordered(by: by, descending: descending, limit: top)
    }
    let all = invocation.has(flag: "all") || top != nil
    return Shown(value: shown, showAllRows: all)
  }

  /// A series as a two-column table, so it can be ordered. The dates stay dates (shown as the
  /// index labels them), so `by=date` follows the calendar, not the alphabet ("Apr" < "Jan",
  /// "10" < "9"). Plain period numbers are stored as day counts, as `load` stores them.
  static func seriesTable(_ series: Series) -> Table {
    let index = series.index
    let style = index.anchor.style
    let stamps: [Timestamp?] = (0..<series.count).map { position in
      style == .number ? Timestamp(seconds: (index.start + position) * 86_400) : index.timestamp(at: position)
    }
    let dates = Column(name: "date", values: .date(stamps, DateColumnInfo(style: style, frequency: index.frequency)))
    return Table(columns: [dates, Column(name: series.name, values: .float(series.values))])
  }
}

/// A value displayed by `show`: the same value, rendered with all rows when asked.
struct Shown: Value {
  var value: any Value
  var showAllRows: Bool
  var kind: ValueKind { value.kind }
  var summary: String { value.summary }
  func render(_ style: RenderStyle) -> String {
    var style = style
    if showAllRows {
      style.headRows = Int.max / 4
      style.tailRows = 0
    }
    return value.render(style)
  }
  func export(as format: ExportFormat) throws -> String { try value.export(as: format) }
  func export(as format: ExportFormat, into stream: ByteStream) throws { try value.export(as: format, into: stream) }
  var memberNames: [String] { value.memberNames }
  func member(_ name: String) throws -> any Value { try value.member(name) }
}

extension Table: RowOrderable {
  public var orderableColumns: [String] { columnNames }
  public func prefersDescending(_ column: String) -> Bool { false }

  public func ordered(by column: String?, descending: Bool, limit: Int?) throws -> any Value {
    var rows = Array(0..<rowCount)
    if let column, let key = self.column(named: column) {
      rows = stableSorted(rows, by: key, descending: descending)
    }
    if let limit { rows = Array(rows.prefix(limit)) }
    return selectingRows(rows)
  }

  /// Stable ordering with missing values last, whatever the direction.
  private func stableSorted(_ rows: [Int], by column: Column, descending: Bool) -> [Int] {
    func less(_ a: Int, _ b: Int) -> Bool? {
      switch column.values {
      case .integer(let v): return compare(v[a], v[b])
      case .float(let v): return compare(v[a].isNaN ? nil : v[a], v[b].isNaN ? nil : v[b])
      case .text(let v): return compare(v[a], v[b])
      case .date(let v, _): return compare(v[a], v[b])
      case .boolean(let v): return compare(v[a].map { $0 ? 1 : 0 }, v[b].map { $0 ? 1 : 0 })
      }
    }
    func compare<T: Comparable>(_ x: T?, _ y: T?) -> Bool? {
      switch (x, y) {
      case (nil, nil): return nil
      case (nil, _): return false
      case (_, nil): return true
      case (let x?, let y?): return x == y ? nil : (descending ? x > y : x < y)
      }
    }
    return rows.enumerated().sorted { lhs, rhs in less(lhs.element, rhs.element) ?? (lhs.offset < rhs.offset) }.map(\.element)
  }
}
