import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// A statement checked against the command signatures: every bare word has been decided to be
/// a name, a keyword, a flag or a column, and the names it reads are known.
public struct BoundStatement: Sendable {
  public var id: Int
  public var file: SourceFile
  public var statement: Statement
  public var name: Identifier?
  public var expression: BoundExpression
  /// The names this statement reads, each where it is written.
  public var dependencies: [Identifier]

  public var range: SourceRange { statement.range }
  public var isBinding: Bool { name != nil }
}

public indirect enum BoundExpression: Sendable {
  case literal(any Value)
  case reference(Identifier)
  case member(BoundExpression, Identifier)
  case command(BoundCommand)
  case list([BoundExpression], SourceRange)
}

public struct BoundCommand: Sendable {
  public var entry: PluginRegistry.Entry
  public var nameRange: SourceRange
  public var inputs: [BoundInput]
  public var options: [String: BoundOptionValue]
  public var optionRanges: [String: SourceRange]
  public var flags: Set<String>

  public var signature: CommandSignature { entry.command.signature }
}

public enum BoundInput: Sendable {
  case expression(BoundExpression, SourceRange)
  case text(String, SourceRange)
  case textReference(Identifier)
  case condition(Condition, SourceRange)

  public var range: SourceRange {
    switch self {
    case .expression(_, let range), .text(_, let range), .condition(_, let range): return range
    case .textReference(let identifier): return identifier.range
    }
  }
}

public indirect enum BoundOptionValue: Sendable {
  case literal(OptionValue)
  /// A name whose value must fit `type` when it is known.
  case reference(Identifier, OptionType)
  /// `name.column` given as a value option (`xreg=macro.realcons`).
  case member(BoundExpression)
  case tuple([BoundOptionValue])
  case list([BoundOptionValue])
}

extension BoundExpression {
  /// A canonical text of the expression for fingerprints; `fingerprint(of:)` supplies the
  /// fingerprints of the names it reads.
  func canonical(_ fingerprint: (String) -> String) -> String {
    switch self {
    case .literal(let value): return "lit(\(value.kind.rawValue):\(Self.exactText(of: value)))"
    case .reference(let identifier): return "ref(\(fingerprint(identifier.name)))"
    case .member(let base, let column): return "\(base.canonical(fingerprint)).\(column.name)"
    case .list(let items, _): return "[" + items.map { $0.canonical(fingerprint) }.joined(separator: ",") + "]"
    case .command(let command):
      var text = "cmd(\(command.signature.name)"
      for input in command.inputs {
        switch input {
        case .expression(let expression, _): text += "|" + expression.canonical(fingerprint)
        case .text(let value, _): text += "|txt(\(value))"
        case .textReference(let identifier): text += "|ref(\(fingerprint(identifier.name)))"
        case .condition(let condition, _): text += "|cond(\(condition))"
        }
      }
      for key in command.options.keys.sorted() {
        text += "|\(key)=" + (command.options[key].map { $0.canonical(fingerprint) } ?? "")
      }
      for flag in command.flags.sorted() { text += "|+\(flag)" }
      return text + ")"
    }
  }

  /// All of a literal, for fingerprints: a `summary` rounds numbers to six digits and cuts
  /// text at forty characters, so two literals differing beyond that would share a cache entry.
  static func exactText(of value: any Value) -> String {
    switch value {
    case let number as NumberValue: return "\(number.value)" + (number.isPercent ? "%" : "")
    case let text as TextValue: return text.text.debugDescription
    case let list as ListValue: return "[" + list.items.map(exactText).joined(separator: ",") + "]"
    default: return value.summary
    }
  }
}

extension BoundOptionValue {
  func canonical(_ fingerprint: (String) -> String) -> String {
    switch self {
    case .literal(let value): return value.exactText
    case .reference(let identifier, _): return "ref(\(fingerprint(identifier.name)))"
    case .member(let expression): return expression.canonical(fingerprint)
    case .tuple(let items): return "(" + items.map { $0.canonical(fingerprint) }.joined(separator: ",") + ")"
    case .list(let items): return "[" + items.map { $0.canonical(fingerprint) }.joined(separator: ",") + "]"
    }
  }
}

extension OptionValue {
  /// All of an option's value, for fingerprints (`sourceText` rounds numbers for messages).
  var exactText: String {
    switch self {
    case .number(let value, let isPercent): return "\(value)" + (isPercent ? "%" : "")
    case .integer(let value): return String(value)
    case .string(let text): return text.debugDescription
    case .keyword(let word): return word
    case .boolean(let flag): return flag ? "true" : "false"
    case .tuple(let items): return "(" + items.map(\.exactText).joined(separator: ",") + ")"
    case .list(let items): return "[" + items.map(\.exactText).joined(separator: ",") + "]"
    case .value(let value): return BoundExpression.exactText(of: value)
    }
  }
}
