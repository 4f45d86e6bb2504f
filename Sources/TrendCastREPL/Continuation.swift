import TrendCastSyntax

/// When an entry goes on past the end of its line (LANGUAGE.md §2): a bracket or parenthesis is
/// still open, or the last token is `|>` or `,`. The REPL then asks for more with `...> `.
public enum Continuation {
  /// Whether `text` is an unfinished statement. An unclosed string is not: strings end at the
  /// line's end, so it is reported as an error instead of waiting for more.
  public static func isUnfinished(_ text: String) -> Bool {
    var lexer = Lexer(SourceFile(name: "<repl>", text: text))
    let tokens = lexer.tokenize()
    var depth = 0
    for token in tokens {
      switch token.kind {
      case .leftParen, .leftBracket: depth += 1
      case .rightParen, .rightBracket: depth = max(0, depth - 1)
      default: break
      }
    }
    if depth > 0 { return true }
    let last = tokens.last { $0.kind != .end && $0.kind != .newline }
    return last?.kind == .pipe || last?.kind == .comma
  }
}
