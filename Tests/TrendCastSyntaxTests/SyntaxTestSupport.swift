import TrendCastSyntax

/// A command vocabulary with one-word and two-word commands, so the parser's command matching
/// can be tested without any plugin.
struct TestVocabulary: CommandVocabulary {
  var commandPaths: [[String]] {
    [["load"], ["clean"], ["fit", "arima"], ["fit", "ets"], ["forecast"], ["plot"], ["filter"], ["show"], ["mine", "rules"]]
  }
}

/// The tokens of `text`, each as its kind and the source text its range covers.
struct Lexed {
  var file: SourceFile
  var tokens: [Token]
  var diagnostics: [Diagnostic]

  init(_ text: String) {
    file = SourceFile(name: "test.tc", text: text)
    var lexer = Lexer(file)
    tokens = lexer.tokenize()
    diagnostics = lexer.diagnostics
  }

  var kinds: [TokenKind] { tokens.map(\.kind) }
  /// The source text under each token's range.
  var texts: [String] { tokens.map { file.text(of: $0.range) } }
  var messages: [String] { diagnostics.map(\.message) }
  /// The source text under each diagnostic's range.
  var diagnosticTexts: [String] { diagnostics.map { file.text(of: $0.range) } }
}

/// The statements and diagnostics of `text`, parsed against `TestVocabulary`.
struct Parsed {
  var file: SourceFile
  var statements: [Statement]
  var diagnostics: [Diagnostic]

  init(_ text: String) {
    file = SourceFile(name: "test.tc", text: text)
    (statements, diagnostics) = Parser.parse(file, vocabulary: TestVocabulary())
  }

  /// Diagnostics in source order.
  var sortedDiagnostics: [Diagnostic] { diagnostics.sorted { $0.range.start < $1.range.start } }
  var messages: [String] { sortedDiagnostics.map(\.message) }
  /// `LINE:COL text` of each diagnostic in source order.
  var places: [String] {
    sortedDiagnostics.map { "\(file.location(of: $0.range.start)) \(file.text(of: $0.range))" }
  }
  func text(_ range: SourceRange) -> String { file.text(of: range) }

  /// The only statement's expression, or nil.
  var onlyExpression: Expression? { statements.count == 1 ? statements[0].expression : nil }
}

extension Expression {
  var command: CommandCall? {
    if case .command(let call) = self { return call }
    return nil
  }
  var value: ArgumentValue? {
    if case .value(let value) = self { return value }
    return nil
  }
}

extension ArgumentValue {
  /// A compact, unambiguous rendering for comparisons in tests.
  var sketch: String {
    switch self {
    case .word(let identifier): return identifier.name
    case .member(let base, let column): return "\(base.name).\(column.name)"
    case .number(let value, let isPercent, _): return isPercent ? "\(value)%" : "\(value)"
    case .string(let text, _): return "\"\(text)\""
    case .tuple(let items, _): return "(" + items.map(\.sketch).joined(separator: " ") + ")"
    case .list(let items, _): return "[" + items.map(\.sketch).joined(separator: " ") + "]"
    case .comparison(let lhs, let op, let rhs, _): return "{\(lhs.sketch) \(op.rawValue) \(rhs.sketch)}"
    case .logical(let lhs, let op, let rhs, _): return "{\(lhs.sketch) \(op.rawValue) \(rhs.sketch)}"
    }
  }
}

extension Argument {
  var sketch: String {
    switch self {
    case .positional(let value): return value.sketch
    case .option(let key, let value): return "\(key.name)=\(value.sketch)"
    }
  }
}

extension CommandCall {
  /// `name: arg arg …`
  var sketch: String { ([name + ":"] + arguments.map(\.sketch)).joined(separator: " ") }
}
