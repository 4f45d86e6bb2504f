import TrendCastValues

/// An option's value after binding and evaluation: typed, references resolved.
public indirect enum OptionValue: Sendable {
  case number(Double, isPercent: Bool)
  case integer(Int)
  case string(String)
  case keyword(String)
  case boolean(Bool)
  case tuple([OptionValue])
  case list([OptionValue])
  case value(any Value)

  public static func number(_ value: Double) -> OptionValue { .number(value, isPercent: false) }

  public var doubleValue: Double? {
    switch self {
    case .number(let value, _): return value
    case .integer(let value): return Double(value)
    case .value(let value): return (value as? NumberValue)?.value
    default: return nil
    }
  }

  public var intValue: Int? {
    switch self {
    case .integer(let value): return value
    case .number(let value, false) where value == value.rounded() && abs(value) < 1e15: return Int(value)
    default: return nil
    }
  }

  public var textValue: String? {
    switch self {
    case .string(let text), .keyword(let text): return text
    case .value(let value): return (value as? TextValue)?.text
    default: return nil
    }
  }

  /// Elements of a tuple or list; a scalar as a list of one.
  public var elements: [OptionValue] {
    switch self {
    case .tuple(let items), .list(let items): return items
    default: return [self]
    }
  }

  /// As it would be written in a program (for help and messages).
  public var sourceText: String {
    switch self {
    case .number(let value, let isPercent): return isPercent ? NumberFormatting.display(value * 100) + "%" : NumberFormatting.display(value)
    case .integer(let value): return String(value)
    case .string(let text): return "\"\(text)\""
    case .keyword(let word): return word
    case .boolean(let flag): return flag ? "true" : "false"
    case .tuple(let items): return "(" + items.map(\.sourceText).joined(separator: ",") + ")"
    case .list(let items): return "[" + items.map(\.sourceText).joined(separator: ",") + "]"
    case .value(let value): return value.summary
    }
  }
}

/// A condition on the columns of a table, as written after `filter`.
public indirect enum Condition: Sendable {
  public enum Operand: Sendable {
    case column(String)
    case number(Double)
    case text(String)
  }
  case compare(Operand, ComparisonOperatorName, Operand)
  case and(Condition, Condition)
  case or(Condition, Condition)
}

/// Comparison operators of conditions (mirrors the syntax's, so plugins need not import it).
public enum ComparisonOperatorName: String, Sendable {
  case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// A positional input after binding and evaluation.
public enum InputValue: Sendable {
  case value(any Value)
  case text(String)
  case condition(Condition)
}
