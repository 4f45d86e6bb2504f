import TrendCastPlugin
import TrendCastValues

/// `window X [from=DATE] [to=DATE] [first=N] [last=N] [drop=N]`: a time window of a series or
/// a dated table — the usual way to hold out a test set (`train = window units drop=28`,
/// `test = window units last=28`). The date range applies first, then drop=, then first=
/// and last=. A table keeps the rows of the chosen dates (all ids of a long table).
enum WindowCommand {
  /// The kept range of `count` periods with dates `stamp(i)` (nil for numbered periods).
  static func keptRange(count: Int, ordinal: (Int) -> Int, isNumbered: Bool, stamp: (Int) -> Timestamp, what: String, span: String,
                        _ invocation: Invocation) throws -> Range<Int> {
    var lower = 0
    var upper = count
    if let from = try bound("from", isNumbered: isNumbered, invocation) {
      while lower < upper, !(isNumbered ? Double(ordinal(lower)) >= from.low : stamp(lower) >= from.start) { lower += 1 }
    }
    if let to = try bound("to", isNumbered: isNumbered, invocation) {
      while upper > lower, !(isNumbered ? Double(ordinal(upper - 1)) <= to.low : stamp(upper - 1) < to.end) { upper -= 1 }
    }
    if invocation.isGiven("from") || invocation.isGiven("to") {
      guard lower < upper else {
        let focus = invocation.isGiven("from") ? "from" : "to"
        throw invocation.optionError(focus, "no period of \(what) falls in the window\(text("from", invocation))\(text("to", invocation))",
          hint: "the data cover \(span)")
      }
    }
    var available = upper - lower
    if let drop = try invocation.integer("drop") {
      guard drop >= 0 else { throw invocation.optionError("drop", "drop must be 0 or more, not \(drop)") }
      guard drop < available else {
        throw invocation.optionError("drop", "drop=\(drop) leaves nothing of the \(available) period\(available == 1 ? "" : "s") of \(what)", hint: "drop at most \(available - 1)")
      }
      upper -= drop
      available -= drop
    }
    if invocation.isGiven("first") && invocation.isGiven("last") {
      throw invocation.optionError("last", "give first= or last=, not both", hint: "chain two windows for a range in the middle, or use from= and to=")
    }
    for name in ["first", "last"] {
      guard let n = try invocation.integer(name) else { continue }
      guard n >= 1 else { throw invocation.optionError(name, "\(name) must be at least 1, not \(n)") }
      guard n <= available else {
        throw invocation.optionError(name, "\(name)=\(n) is more than the \(available) period\(available == 1 ? "" : "s") of \(what)", hint: "use \(name)=\(available) or less")
      }
      if name == "first" { upper = lower + n } else { lower = upper - n }
    }
    return lower..<upper
  }

  /// A from=/to= bound: its first instant and the end of the period it names (a month given
  /// as 2024-06 reaches through June), or a plain number for numbered periods.
  static func bound(_ name: String, isNumbered: Bool, _ invocation: Invocation) throws -> (start: Timestamp, end: Timestamp, low: Double)? {
    guard let value = invocation.reference(name) else { return nil }
    if isNumbered {
      if let number = value as? NumberValue { return (Timestamp(seconds: 0), Timestamp(seconds: 0), number.value) }
      if let text = value as? TextValue, let number = Double(text.text) { return (Timestamp(seconds: 0), Timestamp(seconds: 0), number) }
      throw invocation.optionError(name, "\(name)= needs a period number here: the data have no dates")
    }
    let text: String
    if let number = value as? NumberValue, number.value == number.value.rounded() { text = String(Int(number.value)) } else if let given = value as? TextValue { text = given.text } else {
      throw invocation.optionError(name, "\(name)= needs a date such as \"2024-06-01\"")
    }
    guard let parsed = DateParser.parse(text, allowPlainYear: true) else {
      throw invocation.optionError(name, "\(name)=\"\(text)\" is not a date", hint: "write it like \"2024-06-01\", \"2024-06\", \"2024Q2\" or 2024")
    }
    let start = parsed.timestamp
    let date = start.date
    let end: Timestamp
    switch parsed.style {
    case .year: end = Timestamp(date: CivilDate(year: date.year + 1, month: 1, day: 1))
    case .quarter: end = Timestamp(date: monthsAfter(date, 3))
    case .yearMonth, .monthName: end = Timestamp(date: monthsAfter(date, 1))
    case .isoDate, .number: end = Timestamp(seconds: start.seconds - start.secondOfDay + 86_400)
    case .isoDateTime: end = Timestamp(seconds: start.seconds + 60)
    }
    return (start, end, 0)
  }

  static func monthsAfter(_ date: CivilDate, _ months: Int) -> CivilDate {
    let index = date.year * 12 + date.month - 1 + months
    return CivilDate(year: index / 12, month: index % 12 + 1, day: 1)
  }

  static func text(_ name: String, _ invocation: Invocation) -> String {
    invocation.reference(name).map { value in
      let shown = (value as? TextValue).map { "\"\($0.text)\"" } ?? value.summary
      return " \(name)=\(shown)"
    } ?? ""
  }

  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let value = try invocation.value(0)
    if let table = value as? Table { return try window(table, invocation) }
    let series = try invocation.series(0)
    let index = series.index
    let range = try keptRange(count: series.count, ordinal: { index.start + $0 }, isNumbered: index.anchor.style == .number,
      stamp: { index.timestamp(at: $0) }, what: series.name, span: index.summary, invocation)
    return series.slice(range)
  }

  /// A table: its distinct dates in order are windowed, and the rows on kept dates stay.
  static func window(_ table: Table, _ invocation: Invocation) throws -> any Value {
    let dates: [Timestamp?]
    if let column = table.timeIndexColumn, case .date(let stamps, _) = column.values {
      dates = stamps
    } else {
      if invocation.isGiven("from") || invocation.isGiven("to") {
        throw invocation.optionError(invocation.isGiven("from") ? "from" : "to", "the table has no date column, so from= and to= do not apply",
          hint: "use first=, last= or drop= to keep rows by position")
      }
      let range = try keptRange(count: table.rowCount, ordinal: { $0 + 1 }, isNumbered: true, stamp: { _ in Timestamp(seconds: 0) },
        what: "the table", span: "rows 1 … \(table.rowCount)", invocation)
      return table.selectingRows(Array(range))
    }
    let distinct = Array(Set(dates.compactMap { $0 })).sorted()
    let style = table.timeIndexColumn.flatMap { column -> DateColumnInfo? in
      if case .date(_, let info) = column.values { return info }
      return nil
    }
    let span = distinct.isEmpty ? "no dates" : "\(style?.format(distinct[0]) ?? "") … \(style?.format(distinct[distinct.count - 1]) ?? "")"
    let range = try keptRange(count: distinct.count, ordinal: { $0 + 1 }, isNumbered: false, stamp: { distinct[$0] }, what: "the table's dates",
      span: span, invocation)
    let kept = Set(distinct[range])
    return table.selectingRows(dates.indices.filter { dates[$0].map(kept.contains) ?? false })
  }
}
