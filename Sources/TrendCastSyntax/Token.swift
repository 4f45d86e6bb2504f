/// The tokens of the TrendCast language (LANGUAGE.md §2).
public enum TokenKind: Sendable, Equatable {
  case name(String)
  /// A number; `isPercent` when written with a `%` suffix (the value is already divided by 100).
  case number(Double, isPercent: Bool)
  case string(String)
  case equals  // =
  case comma  // ,
  case dot  // .
  case leftParen, rightParen, leftBracket, rightBracket
  case pipe  // |>
  case minus  // -
  case compare(ComparisonOperator)
  /// The end of a statement: a line break outside brackets that does not follow `|>` or `,`.
  case newline
  case end
}

public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
}

public struct Token: Sendable, Equatable {
  public var kind: TokenKind
  public var range: SourceRange
  public init(_ kind: TokenKind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// How the token reads in an error message.
  public var spelling: String {
    switch kind {
    case .name(let name): return "'\(name)'"
    case .number: return "a number"
    case .string: return "a string"
    case .equals: return "'='"
    case .comma: return "','"
    case .dot: return "'.'"
    case .leftParen: return "'('"
    case .rightParen: return "')'"
    case .leftBracket: return "'['"
    case .rightBracket: return "']'"
    case .pipe: return "'|>'"
    case .minus: return "'-'"
    case .compare(let op): return "'\(op.rawValue)'"
    case .newline: return "the end of the line"
    case .end: return "the end of the input"
    }
  }
}
