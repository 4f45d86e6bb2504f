import Testing
import TrendCastSyntax

/// Tokens, their byte ranges, line continuation and lexical errors (LANGUAGE.md §2).
@Suite struct LexerTests {
  @Test func everyTokenKindHasTheRangeOfItsText() {
    let lexed = Lexed(#"x = 3.5, y.col (a) [b] |> -2 "s" == != < <= > >="#)
    #expect(lexed.kinds == [
      .name("x"), .equals, .number(3.5, isPercent: false), .comma, .name("y"), .dot, .name("col"),
      .leftParen, .name("a"), .rightParen, .leftBracket, .name("b"), .rightBracket, .pipe, .minus,
      .number(2, isPercent: false), .string("s"),
      .compare(.equal), .compare(.notEqual), .compare(.less), .compare(.lessOrEqual), .compare(.greater), .compare(.greaterOrEqual),
      .end,
    ])
    #expect(lexed.texts == ["x", "=", "3.5", ",", "y", ".", "col", "(", "a", ")", "[", "b", "]", "|>", "-", "2", "\"s\"",
      "==", "!=", "<", "<=", ">", ">=", ""])
    #expect(lexed.tokens[2].range == SourceRange(4, 7))
    #expect(lexed.tokens.last?.range == SourceRange(lexed.file.bytes.count, lexed.file.bytes.count))
    #expect(lexed.diagnostics.isEmpty)
  }

  @Test(arguments: [
    ("42", 42.0, false), ("3.5", 3.5, false), ("1e-3", 0.001, false), ("2E+2", 200, false), (".5", 0.5, false),
    ("3.", 3, false), ("5%", 0.05, true), ("12.5%", 0.125, true), ("1e2%", 1, true),
  ])
  func numbersAndPercentLiteralsReadTheirValue(_ text: String, _ value: Double, _ isPercent: Bool) {
    let lexed = Lexed(text)
    #expect(lexed.kinds == [.number(value, isPercent: isPercent), .end])
    #expect(lexed.texts.first == text, "the token covers the whole literal, '%' included")
    #expect(lexed.diagnostics.isEmpty)
  }

  @Test func aDotBeforeADigitIsANumberOnlyWhereNoValueEndsJustBefore() {
    #expect(Lexed("(.5)").kinds == [.leftParen, .number(0.5, isPercent: false), .rightParen, .end])
    #expect(Lexed("a.5").kinds == [.name("a"), .dot, .number(5, isPercent: false), .end])
  }

  @Test func aNumberRunningIntoLettersIsOneError() {
    let lexed = Lexed("x = 3abc")
    #expect(lexed.messages == ["'3abc' is not a number or a name"])
    #expect(lexed.diagnosticTexts == ["3abc"])
    #expect(lexed.diagnostics.first?.help == "names start with a letter or '_'")
    #expect(lexed.kinds == [.name("x"), .equals, .number(3, isPercent: false), .end], "no stray name token follows")
  }

  @Test func namesMayHoldUnderscoresDigitsAndLetters() {
    let lexed = Lexed("_x1 = größe_2")
    #expect(lexed.kinds == [.name("_x1"), .equals, .name("größe_2"), .end])
    #expect(lexed.tokens[2].range == SourceRange(6, 15), "ranges are in bytes: ö and ß take two each")
  }

  @Test func commentsRunToTheEndOfTheLineAndHideBracketsAndQuotes() {
    let lexed = Lexed("x = 1 # a comment with ( and \"\ny = 2")
    #expect(lexed.kinds == [.name("x"), .equals, .number(1, isPercent: false), .newline, .name("y"), .equals, .number(2, isPercent: false), .end])
    #expect(lexed.diagnostics.isEmpty)
  }

  @Test func blankLinesAndCommentLinesMakeNoStatementEnds() {
    let lexed = Lexed("# heading\n\n\nx\n\n# end\n")
    #expect(lexed.kinds == [.name("x"), .newline, .end])
    #expect(lexed.texts == ["x", "\n", ""])
  }

  @Test func carriageReturnsAreWhitespace() {
    let lexed = Lexed("a = 1\r\nb = 2\r\n")
    #expect(lexed.kinds == [.name("a"), .equals, .number(1, isPercent: false), .newline, .name("b"), .equals, .number(2, isPercent: false), .newline, .end])
  }

  @Test func stringsUnderstandTheFourEscapes() {
    let lexed = Lexed(#"s = "a\"b\\c\nd\te""#)
    #expect(lexed.kinds == [.name("s"), .equals, .string("a\"b\\c\nd\te"), .end])
    #expect(lexed.texts[2] == #""a\"b\\c\nd\te""#)
    #expect(lexed.diagnostics.isEmpty)
  }

  @Test func anUnknownEscapeIsReportedAtTheEscapeAndKeptLiterally() {
    let lexed = Lexed(#"s = "a\qb""#)
    #expect(lexed.messages == [#"unknown escape '\q' in a string"#])
    #expect(lexed.diagnosticTexts == [#"\q"#])
    #expect(lexed.kinds[2] == .string("aqb"))
  }

  @Test func anUnclosedStringEndsAtTheLineBreakAndTheNextLineLexes() {
    let lexed = Lexed("s = load \"data.csv\nt = 1")
    #expect(lexed.messages == ["this string is never closed"])
    #expect(lexed.diagnostics.first?.range == SourceRange(9, 10), "the caret goes under the opening quote")
    #expect(lexed.diagnostics.first?.help == "add '\"' before the end of the line")
    #expect(lexed.kinds == [.name("s"), .equals, .name("load"), .string("data.csv"), .newline, .name("t"), .equals, .number(1, isPercent: false), .end])
    #expect(lexed.texts[3] == "\"data.csv")
  }

  @Test(arguments: [
    "f = forecast m level=[80,\n  95]",
    "x |>\n  clean",
    "x |>   # a comment after the pipe\n  clean",
    "plot a,\n  b",
    "m = fit arima x order=(0,\n1,1)",
    "m = show (a,\n  y = 2)",
  ])
  func aLineContinuesAfterAnOpenBracketAPipeOrAComma(_ text: String) {
    let lexed = Lexed(text)
    #expect(!lexed.kinds.contains(.newline))
    #expect(lexed.diagnostics.isEmpty)
  }

  @Test func aLineEndingInAValueEndsTheStatement() {
    #expect(Lexed("a = 1\nb = 2").kinds.filter { $0 == .newline }.count == 1)
    #expect(Lexed("a = 1,\nb = 2").kinds.filter { $0 == .newline }.isEmpty)
  }

  @Test func anUnclosedBracketIsClosedBeforeAFollowingUnindentedBinding() throws {
    let lexed = Lexed("m = fit arima x order=(0,1,1\nf = forecast m h=12\n")
    #expect(lexed.messages == ["'(' is never closed"], "reported once, not again at the end")
    #expect(lexed.diagnosticTexts == ["("])
    #expect(lexed.diagnostics.first?.help == "add the matching closing bracket")
    let close = try #require(lexed.tokens.firstIndex { $0.kind == .rightParen })
    #expect(lexed.tokens[close].range == SourceRange(28, 28), "an empty closer at the line break")
    #expect(lexed.kinds[close + 1] == .newline)
    #expect(lexed.kinds[close + 2] == .name("f"))
    #expect(lexed.kinds.filter { $0 == .newline }.count == 2)
  }

  @Test func nestedUnclosedBracketsAreClosedInsideOut() {
    let lexed = Lexed("x = show [(1,\ny = 2")
    #expect(lexed.messages == ["'(' is never closed", "'[' is never closed"])
    #expect(Array(lexed.kinds.prefix(9)) == [.name("x"), .equals, .name("show"), .leftBracket, .leftParen, .number(1, isPercent: false), .comma, .rightParen, .rightBracket])
    #expect(lexed.kinds.suffix(5) == [.newline, .name("y"), .equals, .number(2, isPercent: false), .end])
  }

  @Test func aComparisonOrAnIndentedBindingDoesNotCloseABracket() {
    #expect(Lexed("x = show (1,\ny == 2)").diagnostics.isEmpty)
    #expect(Lexed("x = show (1,\n  y = 2)").diagnostics.isEmpty)
  }

  @Test func aBracketStillOpenAtTheEndIsReportedAtItsOpener() {
    let lexed = Lexed("plot (a, b\n")
    #expect(lexed.messages == ["'(' is never closed"])
    #expect(lexed.diagnostics.first?.range == SourceRange(5, 6))
  }

  @Test func aStrayCloserIsReportedAndDropped() {
    let lexed = Lexed("x = 1)\ny = 2")
    #expect(lexed.messages == ["')' without a matching opening bracket"])
    #expect(lexed.diagnosticTexts == [")"])
    #expect(lexed.kinds == [.name("x"), .equals, .number(1, isPercent: false), .newline, .name("y"), .equals, .number(2, isPercent: false), .end])
  }

  @Test func aMismatchedCloserNamesTheOpenBracket() {
    let lexed = Lexed("(a]")
    #expect(lexed.messages == ["']' does not match '('", "'(' is never closed"])
    #expect(lexed.diagnosticTexts == ["]", "("])
    #expect(lexed.diagnostics.first?.help == "close '(' first")
  }

  @Test func aBarWithoutGreaterThanIsNotAPipe() {
    let lexed = Lexed("a | clean")
    #expect(lexed.messages == ["unexpected '|'"])
    #expect(lexed.diagnosticTexts == ["|"])
    #expect(lexed.diagnostics.first?.help == "the pipe is written '|>'")
    #expect(lexed.kinds == [.name("a"), .name("clean"), .end])
  }

  @Test func aLoneExclamationMarkPointsToNotEqual() {
    let lexed = Lexed("a ! b")
    #expect(lexed.messages == ["unexpected '!'"])
    #expect(lexed.diagnostics.first?.help == "'not equal' is written '!='")
  }

  @Test func anUnexpectedCharacterIsReportedWithAllItsBytes() {
    let lexed = Lexed("x = €5 $")
    #expect(lexed.messages == ["unexpected character '€'", "unexpected character '$'"])
    #expect(lexed.diagnostics.map(\.range) == [SourceRange(4, 7), SourceRange(9, 10)])
    #expect(lexed.kinds == [.name("x"), .equals, .number(5, isPercent: false), .end])
  }

  @Test func aLexerOverPartOfAFileGivesOffsetsIntoTheWholeFile() {
    let file = SourceFile(name: "n.tcnb", text: "# prose\n```tc\nx = 1\n```\n")
    var lexer = Lexer(file, range: SourceRange(14, 20))
    let tokens = lexer.tokenize()
    #expect(tokens.map(\.kind) == [.name("x"), .equals, .number(1, isPercent: false), .newline, .end])
    #expect(tokens.first?.range == SourceRange(14, 15))
    #expect(file.location(of: tokens[0].range.start) == SourceLocation(line: 3, column: 1))
    #expect(tokens.last?.range == SourceRange(20, 20))
  }
}
