import TrendCastPlugin
import TrendCastValues

/// `calendar X [columns=[…]] [holidays=PATH|["2024-12-25", …]]`: calendar columns from the
/// dates of a table (or a series), for regressors and for looking at the data by weekday or
/// month. Without columns=, what suits the data's frequency: weekday and month for daily data,
/// week and month for weekly, month for monthly, quarter for quarterly, year for yearly.
enum CalendarColumns {
  /// The columns calendar can add; weekday is ISO (1 = Monday … 7 = Sunday).
  enum Part: String, CaseIterable {
    case weekday, weekend, day, week, month, quarter, year, dayofyear

    func column(_ stamps: [Timestamp?]) -> Column.Values {
      if self == .weekend { return .boolean(stamps.map { $0.map { $0.date.weekday >= 6 } }) }
      return .integer(stamps.map { stamp in
        stamp.map { stamp -> Int in
          let date = stamp.date
          switch self {
          case .weekday: return date.weekday
          case .weekend: return date.weekday >= 6 ? 1 : 0
          case .day: return date.day
          case .week: return date.isoWeek.week
          case .month: return date.month
          case .quarter: return (date.month - 1) / 3 + 1
          case .year: return date.year
          case .dayofyear: return stamp.days - CivilDate(year: date.year, month: 1, day: 1).daysSinceEpoch + 1
          }
        }
      })
    }

    static func defaults(for frequency: Frequency?) -> [Part] {
      switch frequency {
      case .weekly: return [.week, .month]
      case .monthly: return [.month]
      case .quarterly: return [.quarter]
      case .yearly: return [.year]
      default: return [.weekday, .month]
      }
    }
  }

  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let input = try invocation.value(0)
    var table: Table
    if let series = input as? Series {
      table = PivotLonger.table(of: series)
    } else if let given = input as? Table {
      table = given
    } else {
      throw RuntimeError("calendar needs a table with dates or a series, not \(input.kind.withArticle)").focused(on: .input(0))
    }
    guard table.rowCount > 0 else {
      throw RuntimeError("the table has no rows", hint: "check the file, or the filter that made it").focused(on: .input(0))
    }
    guard let timeColumn = table.timeIndexColumn, case .date(let stamps, let info) = timeColumn.values else {
      if let error = table.textColumnThatShouldHoldDates() { throw error }
      throw RuntimeError("the table has no date column to take the calendar from", hint: "load it with its dates: load … date=COL").focused(on: .input(0))
    }
    if info.style == .number {
      throw RuntimeError("the column '\(timeColumn.name)' holds plain period numbers, not calendar dates").focused(on: .input(0))
    }
    let frequency = info.frequency ?? FrequencyInference.infer(stamps.compactMap { $0 }.sorted())
    var parts: [Part] = []
    if let words = try invocation.strings("columns") {
      for word in words {
        guard let part = Part(rawValue: word) else {
          throw invocation.optionError("columns", "calendar has no column '\(word)'", hint: "columns=[\(Part.allCases.map(\.rawValue).joined(separator: ","))]")
        }
        parts.append(part)
      }
    } else {
      parts = Part.defaults(for: frequency)
    }
    var added: [String] = []
    for part in parts {
      try addColumn(Column(name: part.rawValue, values: part.column(stamps)), to: &table, invocation, option: "columns")
      added.append(part.rawValue)
    }
    var line = "calendar: added \(added.joined(separator: ", "))"
    if let holidayOption = try invocation.strings("holidays") {
      let holidays = try Holidays.read(holidayOption, invocation)
      let column = Holidays.column(stamps: stamps, holidays: holidays, frequency: frequency)
      try addColumn(column, to: &table, invocation, option: "holidays")
      let days = stamps.compactMap { $0?.days }
      let span = (days.min() ?? 0)...(days.max() ?? 0)
      let inside = holidays.filter { span.contains($0) }.count
      line += ", \(column.name) (\(Listing.count(holidays.count, "holiday")) given, \(inside) within the table's dates)"
    }
    invocation.report(line)
    return table
  }

  private static func addColumn(_ column: Column, to table: inout Table, _ invocation: Invocation, option: String) throws {
    if table.column(named: column.name) != nil {
      throw invocation.optionError(option, "the table already has a column '\(column.name)'",
        hint: "choose the columns to add with columns=[…] (weekday, weekend, day, week, month, quarter, year, dayofyear)")
    }
    table.columns.append(column)
  }
}
