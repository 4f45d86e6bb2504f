import TrendCastPlugin
import TrendCastValues

/// An exogenous regressor of a model: its name and values on their own time index, aligned
/// with a series (or with forecast periods) by period.
public struct Regressor: Sendable {
  public var name: String
  public var series: Series

  /// The regressor's values on `index`: by period when both have calendars, by position when
  /// the regressor has plain row numbers and exactly `index.count` (or, for forecasts, at
  /// least that many) values.
  func values(on index: TimeIndex, purpose: String) throws -> [Double] {
    let own = series.index
    if own.frequency != .unspecified && index.frequency != .unspecified {
      guard own.frequency == index.frequency else {
        throw RuntimeError("regressor '\(name)' is \(own.frequency.name) but the series is \(index.frequency.name)",
          hint: "resample the regressor to the series' frequency")
      }
      let offset = index.start - own.start
      guard offset >= 0, offset + index.count <= own.count else {
        throw RuntimeError("regressor '\(name)' does not cover \(purpose) (\(index.label(at: 0)) … \(index.label(at: max(0, index.count - 1))))",
          hint: "it covers \(own.count > 0 ? "\(own.label(at: 0)) … \(own.label(at: own.count - 1))" : "nothing"); give values for every period")
      }
      return Array(series.values[offset..<(offset + index.count)])
    }
    guard series.count >= index.count else {
      throw RuntimeError("regressor '\(name)' has \(series.count) values but \(purpose) needs \(index.count)",
        hint: "give one value per period")
    }
    return Array(series.values.prefix(index.count))
  }

  /// Regressors from an option value: a series, a table (its numeric columns), a column name
  /// (or list of names) of `table`, or a list of those.
  static func parse(_ option: OptionValue?, table: Table?, optionName: String, invocation: Invocation) throws -> [Regressor] {
    guard let option else { return [] }
    var result: [Regressor] = []
    func add(_ value: any Value) throws {
      switch value {
      case let series as Series:
        result.append(Regressor(name: series.name, series: series))
      case let text as TextValue:
        guard let table else {
          throw invocation.optionError(optionName, "xreg=\"\(text.text)\" names a column, but the input is not a table",
            hint: "give the regressor itself, e.g. xreg=sales.price")
        }
        guard table.column(named: text.text) != nil else {
          throw invocation.optionError(optionName, "the table has no column '\(text.text)'", hint: "columns: \(table.columnNames.joined(separator: ", "))")
        }
        result.append(Regressor(name: text.text, series: try table.series(column: text.text, duplicates: table.duplicatePolicy)))
      case let other as Table:
        let timeName = other.timeIndexColumn?.name
        let numeric = other.columns.filter { $0.isNumeric && $0.name != timeName }
        guard !numeric.isEmpty else { throw invocation.optionError(optionName, "the xreg table has no numeric column") }
        for column in numeric {
          result.append(Regressor(name: column.name, series: try other.series(column: column.name, duplicates: other.duplicatePolicy)))
        }
      case let list as ListValue:
        for item in list.items { try add(item) }
      default:
        throw invocation.optionError(optionName, "xreg needs a series, a table or column names, not \(value.kind.withArticle)")
      }
    }
    switch option {
    case .value(let value): try add(value)
    case .list(let items), .tuple(let items):
      for item in items {
        switch item {
        case .value(let value): try add(value)
        case .string(let text), .keyword(let text): try add(TextValue(text))
        default: throw invocation.optionError(optionName, "xreg needs series, a table or column names")
        }
      }
    case .string(let text), .keyword(let text): try add(TextValue(text))
    default: throw invocation.optionError(optionName, "xreg needs a series, a table or column names")
    }
    var seen = Set<String>()
    for regressor in result where !seen.insert(regressor.name).inserted {
      throw invocation.optionError(optionName, "regressor '\(regressor.name)' is given twice")
    }
    return result
  }
}
