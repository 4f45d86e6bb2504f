import Testing
import TrendCastPlugin
import TrendCastValues

/// Signatures: the usage line every error and help page shows, typed placeholders, keywords.
@Suite struct SignatureTests {
  @Test func theUsageLineListsInputsOptionsAndFlagsByType() {
    let signature = CommandSignature(["fit", "arima"], summary: "s",
      inputs: [InputSpec("X", .value([.series]), help: "the series")],
      options: [
        OptionSpec("order", .tuple(.integer, counts: 3...3), help: ""),
        OptionSpec("seasonal", .tuple(.integer, counts: 3...4), help: ""),
        OptionSpec("trend", .keyword(["n", "c", "t"]), default: .keyword("c"), help: ""),
        OptionSpec("h", .integer, required: true, help: ""),
        OptionSpec("support", .number, help: ""),
        OptionSpec("title", .string, help: ""),
        OptionSpec("log", .boolean, help: ""),
        OptionSpec("level", .list(.number), help: ""),
        OptionSpec("by", .column, help: ""),
        OptionSpec("model", .keywordOrString(["auto"]), help: ""),
        OptionSpec("xreg", .reference([.series, .table]), help: ""),
        OptionSpec("y", .reference([]), help: ""),
      ],
      flags: [FlagSpec("desc", help: "")])
    #expect(signature.usage == "fit arima X [order=(n,n,n)] [seasonal=(n,n,n,n)] [trend=n|c|t] h=N [support=N] [title=\"TEXT\"] [log=true|false] [level=[N,…]] [by=COL] [model=auto|\"…\"] [xreg=SERIES|TABLE] [y=NAME] [desc]")
    #expect(signature.name == "fit arima")
  }

  @Test func inputArityShowsInTheUsageLine() {
    let signature = CommandSignature(["plot"], summary: "s", inputs: [
      InputSpec("A", .value([]), arity: .one, help: ""),
      InputSpec("B", .value([]), arity: .optional, help: ""),
      InputSpec("C", .value([]), arity: .oneOrMore, help: ""),
      InputSpec("D", .word, arity: .zeroOrMore, help: ""),
    ])
    #expect(signature.usage == "plot A [B] C… [D…]")
    #expect(CommandSignature(["vars"], summary: "s").usage == "vars")
  }

  @Test func tuplesOfKeywordsRepeatTheKeywordPlaceholder() {
    #expect(OptionType.tuple(.keyword(["add", "mul"]), counts: 1...2).placeholder == "(add|mul,add|mul)")
    #expect(OptionType.list(.column).placeholder == "[COL,…]")
  }

  @Test func keywordsOfATypeAreTheWordsItAllows() {
    #expect(OptionType.keyword(["a", "b"]).keywords == ["a", "b"])
    #expect(OptionType.keywordOrString(["auto"]).keywords == ["auto"])
    #expect(OptionType.boolean.keywords == ["true", "false"])
    #expect(OptionType.list(.keyword(["x", "y"])).keywords == ["x", "y"])
    #expect(OptionType.tuple(.keyword(["add"]), counts: 2...2).keywords == ["add"])
    #expect(OptionType.number.keywords.isEmpty)
    #expect(OptionType.column.keywords.isEmpty)
  }

  @Test func optionsAreFoundByName() {
    let signature = CommandSignature(["f"], summary: "s", options: [OptionSpec("h", .integer, default: .integer(12), help: "horizon")])
    #expect(signature.option(named: "h")?.defaultValue?.intValue == 12)
    #expect(signature.option(named: "H") == nil, "option names are case-sensitive")
  }
}

/// Option values as commands receive them, and as they are written back in messages.
@Suite struct OptionValueTests {
  @Test(arguments: [
    (OptionValue.number(0.05, isPercent: true), "5%"), (.number(2.5), "2.5"), (.integer(-3), "-3"), (.string("a b"), "\"a b\""),
    (.keyword("linear"), "linear"), (.boolean(false), "false"), (.tuple([.integer(1), .integer(0), .integer(1)]), "(1,0,1)"),
    (.list([.number(80), .number(95)]), "[80,95]"), (.value(NumberValue(7)), "7"), (.value(TextValue("p")), "\"p\""),
  ])
  func sourceTextIsHowTheValueIsWritten(_ value: OptionValue, _ text: String) {
    #expect(value.sourceText == text)
  }

  @Test func numericAccessorsReadNumbersIntegersAndNumberValues() {
    #expect(OptionValue.integer(3).doubleValue == 3)
    #expect(OptionValue.number(2.5).doubleValue == 2.5)
    #expect(OptionValue.value(NumberValue(4)).doubleValue == 4)
    #expect(OptionValue.string("4").doubleValue == nil)
    #expect(OptionValue.number(12).intValue == 12)
    #expect(OptionValue.number(2.5).intValue == nil)
    #expect(OptionValue.number(0.05, isPercent: true).intValue == nil, "a percent is never a whole number")
    #expect(OptionValue.number(1e16).intValue == nil)
  }

  @Test func textAccessorsReadStringsKeywordsAndTextValues() {
    #expect(OptionValue.string("a").textValue == "a")
    #expect(OptionValue.keyword("b").textValue == "b")
    #expect(OptionValue.value(TextValue("c")).textValue == "c")
    #expect(OptionValue.integer(1).textValue == nil)
  }

  @Test func elementsOfAScalarAreTheScalar() {
    #expect(OptionValue.integer(1).elements.count == 1)
    #expect(OptionValue.tuple([.integer(1), .integer(2)]).elements.compactMap(\.intValue) == [1, 2])
    #expect(OptionValue.list([]).elements.isEmpty)
  }
}
