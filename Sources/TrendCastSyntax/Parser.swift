/// A recursive-descent parser for TrendCast statements.
///
/// Design: the grammar is line-oriented — the lexer has already decided where statements end —
/// so recovery is simple and reliable: on an error the parser records a diagnostic and skips to
/// the next statement end (`synchronize`), which lets one cell report every error it contains.
/// Command names are recognised against a `CommandVocabulary`, so `fit arima x` is a command
/// while `units` on its own is a name to display.
///
///     statement  := NAME '=' expression | expression
///     expression := primary ('|>' command)*
///     primary    := command | value
///     command    := WORD+ (argument ','?)*
///     argument   := NAME '=' value | condition
///     condition  := compare (('and' | 'or') compare)*
///     compare    := value (OP value)?
///     value      := NAME ('.' NAME)? | NUMBER | '-' NUMBER | STRING | '(' values ')' | '[' values ']'
public struct Parser {
  private var tokens: [Token]
  private var index = 0
  private let vocabulary: any CommandVocabulary
  public private(set) var diagnostics: [Diagnostic] = []

  /// A failure inside one statement; the diagnostic is already recorded.
  private struct Abort: Error {}

  public init(tokens: [Token], vocabulary: any CommandVocabulary) {
    self.tokens = tokens
    self.vocabulary = vocabulary
  }

  /// Lexes and parses `range` of `file` (the whole file by default).
  public static func parse(_ file: SourceFile, range: SourceRange? = nil, vocabulary: any CommandVocabulary) -> (statements: [Statement], diagnostics: [Diagnostic]) {
    var lexer = Lexer(file, range: range)
    let tokens = lexer.tokenize()
    var parser = Parser(tokens: tokens, vocabulary: vocabulary)
    let statements = parser.parseStatements()
    return (statements, lexer.diagnostics + parser.diagnostics)
  }

  public mutating func parseStatements() -> [Statement] {
    var statements: [Statement] = []
    while true {
      skipNewlines()
      if current.kind == .end { break }
      let start = index
      do {
        statements.append(try parseStatement())
        if current.kind != .newline && current.kind != .end {
          try fail("unexpected \(current.spelling) after the end of the statement", at: current.range, help: "put each statement on its own line")
        }
      } catch {
        // A binding that failed still binds its name — to an empty placeholder that never
        // runs, since any diagnostic stops the program — so statements that read the name
        // are not reported as reading an unknown one.
        if statements.last.map({ $0.range.start < tokens[start].range.start }) ?? true,
           case .name(let name) = tokens[start].kind, start + 1 < tokens.count, tokens[start + 1].kind == .equals {
          let identifier = Identifier(name, tokens[start].range)
          statements.append(Statement(.binding(identifier, .value(.list([], identifier.range))), range: identifier.range))
        }
        synchronize()
      }
    }
    return statements
  }

  // MARK: Statements and expressions

  private mutating func parseStatement() throws -> Statement {
    if case .name(let name) = current.kind, peek.kind == .equals {
      let identifier = Identifier(name, current.range)
      advance()
      advance()
      if current.kind == .newline || current.kind == .end {
        try fail("expected a command or a value after '\(name) ='", at: current.range)
      }
      let expression = try parseExpression()
      return Statement(.binding(identifier, expression), range: identifier.range.union(expression.range))
    }
    let expression = try parseExpression()
    return Statement(.display(expression), range: expression.range)
  }

  private mutating func parseExpression() throws -> Expression {
    var expression = try parsePrimary()
    while current.kind == .pipe {
      let pipeRange = current.range
      advance()
      guard case .name(let word) = current.kind, vocabulary.startsCommand(word) else {
        if case .name(let word) = current.kind {
          try fail("unknown command '\(word)' after '|>'", at: current.range, help: Suggestions.didYouMean(word, among: commandStarts))
        }
        try fail("expected a command after '|>'", at: current.kind == .newline || current.kind == .end ? pipeRange : current.range)
      }
      expression = .pipe(expression, try parseCommand())
    }
    return expression
  }

  private mutating func parsePrimary() throws -> Expression {
    if case .name(let word) = current.kind {
      if vocabulary.startsCommand(word) {
        return .command(try parseCommand())
      }
      // A lone word followed by arguments reads as a misspelt command.
      if startsArgument(peek) && peek.kind != .dot {
        try fail("unknown command '\(word)'", at: current.range, help: Suggestions.didYouMean(word, among: commandStarts))
      }
    }
    let value = try parseCondition()
    return .value(value)
  }

  private var commandStarts: [String] { vocabulary.commandPaths.compactMap(\.first) }

  private mutating func parseCommand() throws -> CommandCall {
    var words: [Identifier] = []
    guard case .name(let first) = current.kind else { throw Abort() }
    words.append(Identifier(first, current.range))
    advance()
    while case .name(let word) = current.kind, vocabulary.continuations(of: words.map(\.name)).contains(word) {
      words.append(Identifier(word, current.range))
      advance()
    }
    let path = words.map(\.name)
    if !vocabulary.isCommand(path) {
      let options = vocabulary.continuations(of: path)
      if case .name(let word) = current.kind {
        try fail("unknown command '\(path.joined(separator: " ")) \(word)'", at: current.range,
          help: Suggestions.didYouMean(word, among: options) ?? "'\(path.joined(separator: " "))' is followed by one of: \(options.joined(separator: ", "))")
      }
      try fail("'\(path.joined(separator: " "))' needs one more word", at: words[words.count - 1].range,
        help: "one of: \(options.joined(separator: ", "))")
    }
    var arguments: [Argument] = []
    while startsArgument(current) {
      if case .name(let key) = current.kind, peek.kind == .equals {
        let keyIdentifier = Identifier(key, current.range)
        advance()
        advance()
        guard startsValue(current) else {
          try fail("expected a value for option '\(key)'", at: current.range)
        }
        arguments.append(.option(keyIdentifier, try parseValue()))
      } else {
        arguments.append(.positional(try parseCondition()))
      }
      if current.kind == .comma { advance() }
    }
    let range = words[0].range.union(arguments.last?.range ?? words[words.count - 1].range)
    return CommandCall(words: words, arguments: arguments, range: range)
  }

  // MARK: Values

  private mutating func parseCondition() throws -> ArgumentValue {
    var lhs = try parseComparison()
    while case .name(let word) = current.kind, let op = LogicalOperator(rawValue: word) {
      advance()
      let rhs = try parseComparison()
      lhs = .logical(lhs, op, rhs, lhs.range.union(rhs.range))
    }
    return lhs
  }

  private mutating func parseComparison() throws -> ArgumentValue {
    let lhs = try parseValue()
    if case .compare(let op) = current.kind {
      advance()
      let rhs = try parseValue()
      return .comparison(lhs, op, rhs, lhs.range.union(rhs.range))
    }
    return lhs
  }

  private mutating func parseValue() throws -> ArgumentValue {
    let token = current
    switch token.kind {
    case .name(let name):
      advance()
      let base = Identifier(name, token.range)
      if current.kind == .dot {
        advance()
        guard case .name(let column) = current.kind else {
          try fail("expected a column name after '\(name).'", at: current.range)
        }
        let columnIdentifier = Identifier(column, current.range)
        advance()
        return .member(base, columnIdentifier)
      }
      return .word(base)
    case .number(let value, let isPercent):
      advance()
      return .number(value, isPercent: isPercent, token.range)
    case .minus:
      advance()
      guard case .number(let value, let isPercent) = current.kind else {
        try fail("expected a number after '-'", at: current.range)
      }
      let range = token.range.union(current.range)
      advance()
      return .number(-value, isPercent: isPercent, range)
    case .string(let text):
      advance()
      return .string(text, token.range)
    case .leftParen, .leftBracket:
      let closing: TokenKind = token.kind == .leftParen ? .rightParen : .rightBracket
      advance()
      var items: [ArgumentValue] = []
      if case .name(let word) = current.kind, vocabulary.startsCommand(word), case .name = peek.kind {
        try fail("a command cannot be written inside brackets", at: current.range.union(peek.range),
          help: "bind its result to a name first (x = \(word) …) and use the name, or pipe into the outer command with |>")
      }
      while current.kind != closing {
        guard startsValue(current) else {
          try fail("expected a value or \(Token(closing, .empty).spelling), found \(current.spelling)", at: current.range)
        }
        items.append(try parseCondition())
        if current.kind == .comma {
          advance()
        } else if current.kind != closing {
          try fail("expected ',' or \(Token(closing, .empty).spelling), found \(current.spelling)", at: current.range)
        }
      }
      let range = token.range.union(current.range)
      advance()
      return token.kind == .leftParen ? .tuple(items, range) : .list(items, range)
    default:
      try fail("expected a value, found \(token.spelling)", at: token.range)
    }
  }

  private func startsValue(_ token: Token) -> Bool {
    switch token.kind {
    case .name, .number, .string, .leftParen, .leftBracket, .minus: return true
    default: return false
    }
  }

  private func startsArgument(_ token: Token) -> Bool { startsValue(token) }

  // MARK: Token stream

  private var current: Token { tokens[min(index, tokens.count - 1)] }
  private var peek: Token { tokens[min(index + 1, tokens.count - 1)] }
  private mutating func advance() { if index < tokens.count - 1 { index += 1 } }
  private mutating func skipNewlines() { while current.kind == .newline { advance() } }

  /// Skips to the end of the current statement.
  private mutating func synchronize() {
    while current.kind != .newline && current.kind != .end { advance() }
  }

  private mutating func fail(_ message: String, at range: SourceRange, help: String? = nil) throws -> Never {
    diagnostics.append(.error(message, at: range, help: help))
    throw Abort()
  }
}
