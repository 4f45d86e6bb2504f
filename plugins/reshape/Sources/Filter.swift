import TrendCastPlugin
import TrendCastValues

/// `filter X CONDITION`: the rows for which the condition holds, in their order, with their
/// file lines (so later errors still point into the file).
///
/// Comparisons: numbers with numbers, text with quoted text, dates with dates written in
/// quotes (`date >= "2024-03-01"`); `and`, `or`. A comparison with a missing value is unknown,
/// as in SQL, and the row is left out — the report counts those rows. `NA` tests for missing
/// values: `units != NA` keeps the rows that have one.
enum Filter {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let table = try invocation.table(0)
    let condition = try invocation.condition(1)
    let evaluator = ConditionEvaluator(table: table)
    let verdicts: [Bool?]
    do {
      verdicts = try evaluator.evaluate(condition)
    } catch let error as RuntimeError {
      throw error.focused(on: .input(1))
    }
    let kept = verdicts.indices.filter { verdicts[$0] == true }
    let unknown = verdicts.filter { $0 == nil }.count
    let dropped = table.rowCount - kept.count
    var line = "filter \(ConditionEvaluator.describe(condition)): kept \(kept.count) of \(Listing.count(table.rowCount, "row"))"
    if dropped > 0 {
      line += " (\(dropped) left out"
      if unknown > 0 { line += "; \(unknown) of them because a compared value is missing" }
      line += ")"
    }
    invocation.report(line)
    return table.selectingRows(kept)
  }
}

/// Evaluates a condition on every row of a table, three-valued: true, false, or nil when a
/// compared value is missing.
struct ConditionEvaluator {
  var table: Table

  /// One side of a comparison, typed once for all rows.
  enum Side {
    case numbers((Int) -> Double?)
    case texts((Int) -> String?)
    case dates((Int) -> Timestamp?)
    case booleans((Int) -> Bool?)
    /// `NA`: tests for a missing value.
    case missing
    /// A quoted literal, typed by the other side.
    case text(String)
    case number(Double)
  }

  func evaluate(_ condition: Condition) throws -> [Bool?] {
    switch condition {
    case .and(let a, let b):
      let (x, y) = (try evaluate(a), try evaluate(b))
      return zip(x, y).map { p, q in p == false || q == false ? false : (p == nil || q == nil ? nil : true) }
    case .or(let a, let b):
      let (x, y) = (try evaluate(a), try evaluate(b))
      return zip(x, y).map { p, q in p == true || q == true ? true : (p == nil || q == nil ? nil : false) }
    case .compare(let lhs, let op, let rhs):
      return try compare(try side(lhs, other: rhs), op, try side(rhs, other: lhs), lhs: lhs, rhs: rhs)
    }
  }

  private func side(_ operand: Condition.Operand, other: Condition.Operand) throws -> Side {
    switch operand {
    case .number(let value): return .number(value)
    case .text(let text): return .text(text)
    case .column(let name):
      guard let column = table.column(named: name) else {
        if name == "NA" { return .missing }
        if name == "true" || name == "false" { return .booleans { _ in name == "true" } }
        var error = table.missingColumn(name, role: "")
        if case .column(let otherName) = other, let otherColumn = table.column(named: otherName), !otherColumn.isNumeric {
          error.hint = "to compare with text, put it in quotes: \(otherName) == \"\(name)\""
        }
        throw error
      }
      switch column.values {
      case .integer(let v): return .numbers { v[$0].map(Double.init) }
      case .float(let v): return .numbers { v[$0].isNaN ? nil : v[$0] }
      case .text(let v): return .texts { v[$0] }
      case .date(let v, _): return .dates { v[$0] }
      case .boolean(let v): return .booleans { v[$0] }
      }
    }
  }

  private func compare(_ a: Side, _ op: ComparisonOperatorName, _ b: Side, lhs: Condition.Operand, rhs: Condition.Operand) throws -> [Bool?] {
    let rows = 0..<table.rowCount
    switch (a, b) {
    case (.missing, .missing):
      throw RuntimeError("compare a column with NA, e.g. units != NA")
    case (.missing, let other), (let other, .missing):
      guard op == .equal || op == .notEqual else {
        throw RuntimeError("NA (a missing value) can only be tested with == or !=", hint: "e.g. units != NA keeps the rows that have a value")
      }
      let present = try presence(other)
      return rows.map { (present($0)) == (op == .notEqual) }
    case (.numbers(let x), .numbers(let y)): return rows.map { Self.apply(op, x($0), y($0)) }
    case (.numbers(let x), .number(let n)): return rows.map { Self.apply(op, x($0), n) }
    case (.number(let n), .numbers(let y)): return rows.map { Self.apply(op, n, y($0)) }
    case (.texts(let x), .texts(let y)): return rows.map { Self.apply(op, x($0), y($0)) }
    case (.texts(let x), .text(let t)): return rows.map { Self.apply(op, x($0), t) }
    case (.text(let t), .texts(let y)): return rows.map { Self.apply(op, t, y($0)) }
    case (.dates(let x), .dates(let y)): return rows.map { Self.apply(op, x($0), y($0)) }
    case (.dates(let x), .text(let t)):
      let date = try Self.date(t)
      return rows.map { Self.apply(op, x($0), date) }
    case (.text(let t), .dates(let y)):
      let date = try Self.date(t)
      return rows.map { Self.apply(op, date, y($0)) }
    case (.booleans(let x), .booleans(let y)):
      guard op == .equal || op == .notEqual else { throw RuntimeError("true/false values can only be compared with == or !=") }
      return rows.map { Self.apply(op, x($0).map { $0 ? 1 : 0 }, y($0).map { $0 ? 1 : 0 }) }
    case (.number(let x), .number(let y)):
      return rows.map { _ in Self.apply(op, x, y) }
    default:
      throw RuntimeError("cannot compare \(Self.kind(a, lhs)) with \(Self.kind(b, rhs))", hint: Self.hint(a, b, lhs: lhs, rhs: rhs))
    }
  }

  private func presence(_ side: Side) throws -> (Int) -> Bool {
    switch side {
    case .numbers(let f): return { f($0) != nil }
    case .texts(let f): return { f($0) != nil }
    case .dates(let f): return { f($0) != nil }
    case .booleans(let f): return { f($0) != nil }
    case .missing, .text, .number: throw RuntimeError("compare a column with NA, e.g. units != NA")
    }
  }

  static func apply<T: Comparable>(_ op: ComparisonOperatorName, _ x: T?, _ y: T?) -> Bool? {
    guard let x, let y else { return nil }
    switch op {
    case .equal: return x == y
    case .notEqual: return x != y
    case .less: return x < y
    case .lessOrEqual: return x <= y
    case .greater: return x > y
    case .greaterOrEqual: return x >= y
    }
  }

  /// A date written in quotes; a plain year means its first day.
  static func date(_ text: String) throws -> Timestamp {
    guard let parsed = DateParser.parse(text, allowPlainYear: true) else {
      throw RuntimeError("\"\(text)\" is not a date", hint: "write dates like \"2024-03-01\", \"2024-03\" or \"2024\"")
    }
    return parsed.timestamp
  }

  private static func kind(_ side: Side, _ operand: Condition.Operand) -> String {
    let name: String
    if case .column(let column) = operand { name = "column '\(column)'" } else { name = "" }
    switch side {
    case .numbers: return "\(name) (numbers)"
    case .texts: return "\(name) (text)"
    case .dates: return "\(name) (dates)"
    case .booleans: return name.isEmpty ? "true/false" : "\(name) (true/false)"
    case .missing: return "NA"
    case .text(let text): return "the text \"\(text)\""
    case .number(let number): return "the number \(NumberFormatting.display(number))"
    }
  }

  private static func hint(_ a: Side, _ b: Side, lhs: Condition.Operand, rhs: Condition.Operand) -> String {
    switch (a, b) {
    case (.dates, .number), (.number, .dates): return "write the date in quotes: date >= \"2024-03-01\""
    case (.texts, .number), (.number, .texts): return "text is compared with text in quotes, e.g. sku == \"A1\""
    case (.numbers, .text), (.text, .numbers): return "numbers are compared with numbers, without quotes: units > 0"
    default: return "compare numbers with numbers, text with quoted text, dates with quoted dates"
    }
  }

  /// The condition as written, for the report.
  static func describe(_ condition: Condition) -> String {
    switch condition {
    case .and(let a, let b): return "\(describe(a)) and \(describe(b))"
    case .or(let a, let b): return "(\(describe(a)) or \(describe(b)))"
    case .compare(let lhs, let op, let rhs): return "\(describe(lhs)) \(op.rawValue) \(describe(rhs))"
    }
  }

  private static func describe(_ operand: Condition.Operand) -> String {
    switch operand {
    case .column(let name): return name
    case .number(let value): return NumberFormatting.display(value)
    case .text(let text): return "\"\(text)\""
    }
  }
}
