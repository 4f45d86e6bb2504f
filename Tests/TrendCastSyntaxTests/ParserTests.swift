import Testing
import TrendCastSyntax

/// Statements as the parser builds them (LANGUAGE.md §3): bindings, displays, commands of one
/// and two words, pipes, `name.column`, options, tuples, lists and conditions.
@Suite struct ParserTests {
  /// The commands of a pipe chain, first to last, with the value it starts from.
  func chain(_ expression: Expression) -> [String] {
    switch expression {
    case .command(let call): return [call.sketch]
    case .value(let value): return [value.sketch]
    case .pipe(let lhs, let call): return chain(lhs) + [call.sketch]
    }
  }

  @Test func aBindingNamesACommandWithItsArguments() throws {
    let parsed = Parsed("sales = load \"data/shop.csv\" date=date   # a comment")
    #expect(parsed.diagnostics.isEmpty)
    let statement = try #require(parsed.statements.first)
    #expect(statement.boundName?.name == "sales")
    #expect(statement.boundName?.range == SourceRange(0, 5))
    #expect(statement.expression.command?.sketch == "load: \"data/shop.csv\" date=date")
    #expect(parsed.text(statement.range) == "sales = load \"data/shop.csv\" date=date", "the comment is not part of it")
  }

  @Test func aStatementWithoutANameIsADisplay() throws {
    let parsed = Parsed("units\nsales.units\n42\n\"text\"\nshow units")
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.statements.allSatisfy { $0.boundName == nil })
    #expect(parsed.statements.map { $0.expression.value?.sketch ?? $0.expression.command?.sketch ?? "?" }
      == ["units", "sales.units", "42.0", "\"text\"", "show: units"])
  }

  @Test func aMemberKeepsTheRangesOfBothNames() throws {
    let parsed = Parsed("sales.units")
    guard case .member(let base, let column)? = parsed.onlyExpression?.value else {
      Issue.record("not a member: \(parsed.statements)")
      return
    }
    #expect(base == Identifier("sales", SourceRange(0, 5)))
    #expect(column == Identifier("units", SourceRange(6, 11)))
  }

  @Test func twoWordCommandsAreOneCommand() throws {
    let parsed = Parsed("m = fit arima x")
    let call = try #require(parsed.onlyExpression?.command)
    #expect(call.words.map(\.name) == ["fit", "arima"])
    #expect(call.name == "fit arima")
    #expect(parsed.text(call.nameRange) == "fit arima")
    #expect(call.sketch == "fit arima: x")
  }

  @Test func optionsTakeNumbersPercentsNegativesStringsWordsTuplesAndLists() throws {
    let parsed = Parsed("m = fit arima sales.units order=(1,0,1) seasonal=(1, 1, 1, 7) level=[80,95] support=1% shift=-2 title=\"t\" fill=linear")
    #expect(parsed.diagnostics.isEmpty)
    let call = try #require(parsed.onlyExpression?.command)
    #expect(call.sketch == "fit arima: sales.units order=(1.0 0.0 1.0) seasonal=(1.0 1.0 1.0 7.0) level=[80.0 95.0] support=0.01% shift=-2.0 title=\"t\" fill=linear")
    guard case .option(let key, let value) = call.arguments[5] else {
      Issue.record("not an option: \(call.arguments[5])")
      return
    }
    #expect(parsed.text(key.range) == "shift")
    #expect(parsed.text(value.range) == "-2", "a negative number covers its sign")
    #expect(parsed.text(call.arguments[1].range) == "order=(1,0,1)")
    #expect(parsed.text(call.range) == "fit arima sales.units order=(1,0,1) seasonal=(1, 1, 1, 7) level=[80,95] support=1% shift=-2 title=\"t\" fill=linear")
  }

  @Test func argumentsMayBeSeparatedByCommas() throws {
    let parsed = Parsed("plot a, b.c, title=\"x\"")
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.onlyExpression?.command?.sketch == "plot: a b.c title=\"x\"")
  }

  @Test func tuplesAndListsNestAndMayBeEmpty() throws {
    let parsed = Parsed("show [(1,2), [3], []]\nshow ()")
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.statements.map { $0.expression.command?.sketch } == ["show: [(1.0 2.0) [3.0] []]", "show: ()"])
  }

  @Test func aPipeChainPassesEachResultOn() throws {
    let parsed = Parsed("load \"x.csv\" |> clean fill=linear |> fit arima |> forecast h=12")
    #expect(parsed.diagnostics.isEmpty)
    let expression = try #require(parsed.onlyExpression)
    #expect(chain(expression) == ["load: \"x.csv\"", "clean: fill=linear", "fit arima:", "forecast: h=12.0"])
    #expect(expression.range == SourceRange(0, parsed.file.bytes.count))
  }

  @Test func aPipeMayStartFromAValueAndContinueOnTheNextLine() throws {
    let parsed = Parsed("f = sales.units |>\n  clean |>\n  forecast h=3\nshow f")
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.statements.count == 2)
    #expect(chain(parsed.statements[0].expression) == ["sales.units", "clean:", "forecast: h=3.0"])
  }

  @Test func conditionsCombineComparisonsLeftToRight() throws {
    let parsed = Parsed("filter sales units > 0 and price <= 10 or name == \"x\"")
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.onlyExpression?.command?.sketch
      == "filter: sales {{{units > 0.0} and {price <= 10.0}} or {name == \"x\"}}")
  }

  @Test(arguments: ComparisonOperator.allCases)
  func everyComparisonOperatorParses(_ op: ComparisonOperator) throws {
    let parsed = Parsed("filter t units \(op.rawValue) 3")
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.onlyExpression?.command?.sketch == "filter: t {units \(op.rawValue) 3.0}")
  }

  @Test func aMultiLineStatementCoversAllItsLines() throws {
    let parsed = Parsed("f = forecast m level=[80,\n  95]\nshow f")
    #expect(parsed.statements.count == 2)
    #expect(parsed.text(parsed.statements[0].range) == "f = forecast m level=[80,\n  95]")
  }
}

/// Parse errors: message, place and help, and recovery so one input reports all its errors.
@Suite struct ParserErrorTests {
  @Test(arguments: [
    ("x =", "expected a command or a value after 'x ='", "1:4 "),
    ("x |>", "expected a command after '|>'", "1:3 |>"),
    ("x |> 3", "expected a command after '|>'", "1:6 3"),
    ("x |> frobnicate", "unknown command 'frobnicate' after '|>'", "1:6 frobnicate"),
    ("sales.", "expected a column name after 'sales.'", "1:7 "),
    ("show -x", "expected a number after '-'", "1:7 x"),
    ("show [1 2]", "expected ',' or ']', found a number", "1:9 2"),
    ("show [1, =]", "expected a value or ']', found '='", "1:10 ="),
    ("forecast m h=", "expected a value for option 'h'", "1:14 "),
    ("= 3", "expected a value, found '='", "1:1 ="),
    ("x = 1 2", "unexpected a number after the end of the statement", "1:7 2"),
    ("units fill=linear", "unknown command 'units'", "1:1 units"),
    ("m = fit", "'fit' needs one more word", "1:5 fit"),
    ("m = fit x", "unknown command 'fit x'", "1:9 x"),
  ])
  func eachErrorHasItsMessageAndPlace(_ source: String, _ message: String, _ place: String) {
    let parsed = Parsed(source)
    #expect(parsed.messages == [message])
    #expect(parsed.places == [place])
  }

  @Test func misspeltCommandsGetTheNearestCommandAsHelp() {
    #expect(Parsed("fot arima x").sortedDiagnostics.map(\.help) == ["did you mean 'fit'?"])
    #expect(Parsed("clen x fill=linear").sortedDiagnostics.map(\.help) == ["did you mean 'clean'?"])
    #expect(Parsed("x |> forcast h=3").sortedDiagnostics.map(\.help) == ["did you mean 'forecast'?"])
    let secondWord = Parsed("m = fit arma x")
    #expect(secondWord.messages == ["unknown command 'fit arma'"])
    #expect(secondWord.sortedDiagnostics.map(\.help) == ["did you mean 'arima'?"])
  }

  @Test func anIncompleteCommandListsItsPossibleWords() {
    #expect(Parsed("m = fit").sortedDiagnostics.map(\.help) == ["one of: arima, ets"])
    #expect(Parsed("m = fit x").sortedDiagnostics.map(\.help) == ["'fit' is followed by one of: arima, ets"])
  }

  @Test func twoStatementsOnOneLineAskForALineEach() {
    let parsed = Parsed("x = 1 2")
    #expect(parsed.sortedDiagnostics.map(\.help) == ["put each statement on its own line"])
    #expect(parsed.statements.count == 1, "the binding is kept once, not again as a placeholder")
    #expect(parsed.statements.first?.expression.value?.sketch == "1.0")
  }

  @Test func everyErrorOfAMultiStatementInputIsReportedWithItsPlace() {
    let parsed = Parsed("""
      a = load "a.csv"
      b = clen a
      c = show [1 2]
      d = show a
      e = fit arima a order=(1,1,1
      f = plot | d
      g = show a $
      h = load "unclosed
      i = show a)
      """)
    #expect(parsed.messages == [
      "unknown command 'clen'",
      "expected ',' or ']', found a number",
      "'(' is never closed",
      "unexpected '|'",
      "unexpected character '$'",
      "this string is never closed",
      "')' without a matching opening bracket",
    ])
    #expect(parsed.places == ["2:5 clen", "3:13 2", "5:23 (", "6:10 |", "7:12 $", "8:10 \"", "9:11 )"])
    #expect(parsed.statements.compactMap(\.boundName?.name) == ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
      "every statement is still there, failed bindings as placeholders")
    #expect(parsed.statements[4].expression.command?.sketch == "fit arima: a order=(1.0 1.0 1.0)", "the closed statement parses")
    #expect(parsed.statements[5].expression.command?.sketch == "plot: d")
  }

  @Test func aBindingThatFailsToParseStillBindsItsNameToAPlaceholder() throws {
    let parsed = Parsed("m = fot arima x\nf = forecast m h=12")
    #expect(parsed.messages == ["unknown command 'fot'"])
    #expect(parsed.statements.map { $0.boundName?.name } == ["m", "f"])
    let placeholder = parsed.statements[0]
    #expect(placeholder.range == SourceRange(0, 1), "the placeholder points at the name")
    guard case .value(.list(let items, _)) = placeholder.expression else {
      Issue.record("not a placeholder: \(placeholder.expression)")
      return
    }
    #expect(items.isEmpty)
  }

  @Test func aDisplayThatFailsLeavesNothingBehind() {
    let parsed = Parsed("fot x\nshow y")
    #expect(parsed.messages == ["unknown command 'fot'"])
    #expect(parsed.statements.count == 1)
    #expect(parsed.statements.first?.expression.command?.sketch == "show: y")
  }

  @Test func anUnclosedBracketBeforeTheNextBindingIsOneError() {
    let parsed = Parsed("m3 = fit arima air3 order=(0,1,1\nf3 = forecast m3 h=12")
    #expect(parsed.messages == ["'(' is never closed"])
    #expect(parsed.places == ["1:27 ("])
    #expect(parsed.statements.map { $0.expression.command?.sketch } == ["fit arima: air3 order=(0.0 1.0 1.0)", "forecast: m3 h=12.0"])
  }
}
