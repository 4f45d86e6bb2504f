import TrendCastSyntax
import TrendCastValues

/// Reads a TrendCast literal (`28`, `5%`, `"text"`, `[80, 95]`) into a value: used for
/// `--param NAME=VALUE` and front matter parameters.
public enum LiteralValue {
  struct NoCommands: CommandVocabulary {
    var commandPaths: [[String]] { [] }
  }

  /// The value of `text` read as a literal; plain text when it is not one.
  public static func parse(_ text: String) -> any Value {
    let normalized = ParameterLiteral.normalize(text)
    let file = SourceFile(name: "<param>", text: normalized)
    let (statements, diagnostics) = Parser.parse(file, vocabulary: NoCommands())
    guard diagnostics.isEmpty, statements.count == 1, case .display(.value(let value)) = statements[0].kind,
      let converted = convert(value)
    else { return TextValue(text) }
    return converted
  }

  static func convert(_ value: ArgumentValue) -> (any Value)? {
    switch value {
    case .number(let number, let isPercent, _): return NumberValue(number, isPercent: isPercent)
    case .string(let text, _): return TextValue(text)
    case .list(let items, _), .tuple(let items, _):
      var values: [any Value] = []
      for item in items {
        guard let converted = convert(item) else { return nil }
        values.append(converted)
      }
      return ListValue(values)
    default: return nil
    }
  }
}
