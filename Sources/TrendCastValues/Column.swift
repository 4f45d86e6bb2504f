/// One typed column of a table. Missing values are `nil` (or NaN for floats).
public struct Column: Sendable {
  public enum Values: Sendable {
    case integer([Int?])
    case float([Double])
    case text([String?])
    case date([Timestamp?], DateColumnInfo)
    case boolean([Bool?])
  }

  public var name: String
  public var values: Values
  /// The 1-based field number in the file the column was read from (for error positions).
  public var sourceField: Int?

  public init(name: String, values: Values, sourceField: Int? = nil) {
    self.name = name
    self.values = values
    self.sourceField = sourceField
  }

  public var count: Int {
    switch values {
    case .integer(let v): return v.count
    case .float(let v): return v.count
    case .text(let v): return v.count
    case .date(let v, _): return v.count
    case .boolean(let v): return v.count
    }
  }

  public var typeName: String {
    switch values {
    case .integer: return "integer"
    case .float: return "float"
    case .text: return "text"
    case .date: return "date"
    case .boolean: return "boolean"
    }
  }

  public var isNumeric: Bool {
    switch values {
    case .integer, .float: return true
    default: return false
    }
  }

  /// The column as doubles (NaN for missing) if it is numeric.
  public var doubles: [Double]? {
    switch values {
    case .integer(let v): return v.map { $0.map(Double.init) ?? .nan }
    case .float(let v): return v
    case .boolean(let v): return v.map { $0.map { $0 ? 1 : 0 } ?? .nan }
    default: return nil
    }
  }

  public func isMissing(_ row: Int) -> Bool {
    switch values {
    case .integer(let v): return v[row] == nil
    case .float(let v): return v[row].isNaN
    case .text(let v): return v[row] == nil
    case .date(let v, _): return v[row] == nil
    case .boolean(let v): return v[row] == nil
    }
  }

  public var missingCount: Int { (0..<count).reduce(0) { $0 + (isMissing($1) ? 1 : 0) } }

  /// The rows `indices`, in that order.
  public func selecting(_ indices: [Int]) -> Column {
    var copy = self
    switch values {
    case .integer(let v): copy.values = .integer(indices.map { v[$0] })
    case .float(let v): copy.values = .float(indices.map { v[$0] })
    case .text(let v): copy.values = .text(indices.map { v[$0] })
    case .date(let v, let info): copy.values = .date(indices.map { v[$0] }, info)
    case .boolean(let v): copy.values = .boolean(indices.map { v[$0] })
    }
    return copy
  }

  /// A cell as display text (dates in the column's style).
  public func text(at row: Int) -> String {
    switch values {
    case .integer(let v): return v[row].map(String.init) ?? "NA"
    case .float(let v): return NumberFormatting.display(v[row])
    case .text(let v): return v[row] ?? "NA"
    case .date(let v, let info): return v[row].map { info.format($0) } ?? "NA"
    case .boolean(let v): return v[row].map { $0 ? "true" : "false" } ?? "NA"
    }
  }

  /// A cell as CSV field text (missing → empty).
  public func csvField(at row: Int) -> String {
    switch values {
    case .integer(let v): return v[row].map(String.init) ?? ""
    case .float(let v): return NumberFormatting.exact(v[row])
    case .text(let v): return v[row] ?? ""
    case .date(let v, let info): return v[row].map { info.format($0) } ?? ""
    case .boolean(let v): return v[row].map { $0 ? "true" : "false" } ?? ""
    }
  }
}

/// What is known about a date column: how its dates were written and its frequency.
public struct DateColumnInfo: Sendable, Hashable {
  public var style: DateStyle
  /// Inferred from the data or declared with `freq=`; nil when the dates are irregular.
  public var frequency: Frequency?
  public init(style: DateStyle, frequency: Frequency?) {
    self.style = style
    self.frequency = frequency
  }

  /// A date as text in the column's style.
  public func format(_ stamp: Timestamp) -> String { style.format(stamp) }
}
