import Testing
import TrendCastPlugin
import TrendCastValues

/// What a command reads from its invocation: typed options, inputs, and the errors that name
/// the option or input at fault.
@Suite struct InvocationTests {
  static let signature = CommandSignature(["model", "fit"], summary: "s",
    inputs: [InputSpec("X", .value([.series]), help: "the series"), InputSpec("Y", .value([]), arity: .optional, help: "anything")],
    options: [OptionSpec("h", .integer, help: "")],
    flags: [FlagSpec("quiet", help: "")])

  func invocation(_ options: [String: OptionValue] = [:], inputs: [InputValue] = [], given: Set<String>? = nil, flags: Set<String> = []) -> Invocation {
    Invocation(signature: Self.signature, inputs: inputs, options: options, givenOptions: given ?? Set(options.keys), flags: flags, context: RunContext())
  }

  /// The message and focus of the `RuntimeError` that `body` throws.
  func failure(_ body: () throws -> Any?) -> (message: String, hint: String?, focus: ErrorFocus?)? {
    do {
      _ = try body()
      return nil
    } catch let error as RuntimeError {
      return (error.message, error.hint, error.focus)
    } catch {
      return ("unexpected \(error)", nil, nil)
    }
  }

  @Test func integersAcceptWholeNumbersInAnyForm() throws {
    #expect(try invocation(["h": .integer(12)]).integer("h") == 12)
    #expect(try invocation(["h": .number(12)]).integer("h") == 12)
    #expect(try invocation(["h": .value(NumberValue(3))]).integer("h") == 3, "a name bound to a number")
    #expect(try invocation().integer("h") == nil, "not given and no default")
  }

  @Test(arguments: [
    (OptionValue.number(2.5), "option 'h' of model fit needs a whole number, not 2.5"),
    (.number(0.05, isPercent: true), "option 'h' of model fit needs a whole number, not 5%"),
    (.value(NumberValue(2.5)), "option 'h' of model fit needs a whole number, not 2.5"),
    (.string("x"), "option 'h' of model fit needs a whole number, not \"x\""),
  ])
  func aWrongTypeNamesTheOptionAndWhatWasGiven(_ value: OptionValue, _ message: String) {
    let error = failure { try invocation(["h": value]).integer("h") }
    #expect(error?.message == message)
    #expect(error?.focus == .option("h"))
  }

  @Test func numbersAcceptIntegersAndPercentsButNotMissingValues() throws {
    #expect(try invocation(["s": .integer(3)]).number("s") == 3)
    #expect(try invocation(["s": .number(0.05, isPercent: true)]).number("s") == 0.05)
    #expect(failure { try invocation(["s": .number(.nan)]).number("s") }?.message == "option 's' of model fit needs a number, not NA")
    #expect(failure { try invocation(["s": .keyword("x")]).number("s") }?.message == "option 's' of model fit needs a number, not x")
  }

  @Test func keywordsAndStringsReadAnyText() throws {
    #expect(try invocation(["k": .keyword("linear")]).keyword("k") == "linear")
    #expect(try invocation(["k": .string("AAN")]).string("k") == "AAN")
    #expect(try invocation(["k": .value(TextValue("mean"))]).keyword("k") == "mean")
    #expect(failure { try invocation(["k": .integer(1)]).keyword("k") }?.message == "option 'k' of model fit needs a keyword, not 1")
  }

  @Test func booleansReadTrueAndFalse() throws {
    #expect(try invocation(["b": .boolean(true)]).boolean("b") == true)
    #expect(try invocation(["b": .keyword("false")]).boolean("b") == false)
    #expect(try invocation(["b": .value(TextValue("true"))]).boolean("b") == true)
    #expect(failure { try invocation(["b": .integer(1)]).boolean("b") }?.message == "option 'b' of model fit needs true or false, not 1")
  }

  @Test func tuplesAndListsReadTheirElementsAndNamesBoundToLists() throws {
    #expect(try invocation(["o": .tuple([.integer(1), .integer(0), .integer(1)])]).integers("o") == [1, 0, 1])
    #expect(try invocation(["o": .integer(4)]).integers("o") == [4], "a scalar is a list of one")
    #expect(try invocation(["o": .value(ListValue([NumberValue(1), NumberValue(2)]))]).integers("o") == [1, 2])
    #expect(failure { try invocation(["o": .tuple([.integer(1), .number(0.5)])]).integers("o") }?.message
      == "option 'o' of model fit needs whole numbers, not (1,0.5)")
    #expect(try invocation(["l": .list([.integer(80), .number(95)])]).numbers("l") == [80, 95])
    #expect(try invocation(["l": .value(ListValue([NumberValue(80), NumberValue(95)]))]).numbers("l") == [80, 95])
    #expect(failure { try invocation(["l": .value(ListValue([NumberValue(80), TextValue("x")]))]).numbers("l") }?.message
      == "option 'l' of model fit needs numbers, not 2 items")
    #expect(try invocation(["s": .list([.string("A"), .keyword("B")])]).strings("s") == ["A", "B"])
    #expect(try invocation(["s": .value(ListValue([TextValue("A")]))]).strings("s") == ["A"])
    #expect(failure { try invocation(["s": .list([.integer(1)])]).strings("s") }?.message == "option 's' of model fit needs text, not [1]")
  }

  @Test func aReferenceOptionIsTheValueItself() {
    #expect((invocation(["x": .value(NumberValue(2))]).reference("x") as? NumberValue)?.value == 2)
    #expect(invocation(["x": .integer(2)]).reference("x") == nil)
    #expect(invocation().reference("x") == nil)
  }

  @Test func givenOptionsAndFlagsAreKnown() {
    let call = invocation(["h": .integer(12), "trend": .keyword("c")], given: ["h"], flags: ["quiet"])
    #expect(call.isGiven("h"))
    #expect(!call.isGiven("trend"), "a default is not given")
    #expect(call.has(flag: "quiet"))
    #expect(!call.has(flag: "loud"))
  }

  @Test func inputsAreReadAsValuesOrText() throws {
    let call = invocation(inputs: [.value(NumberValue(1)), .text("data.csv")])
    #expect((try call.value(0) as? NumberValue)?.value == 1)
    #expect((try call.value(1) as? TextValue)?.text == "data.csv", "text inputs are text values too")
    #expect(try call.text(1) == "data.csv")
    #expect(try call.values(from: 0).count == 2)
  }

  @Test func aMissingInputNamesItAndShowsTheUsage() {
    let error = failure { try invocation().value(0) }
    #expect(error?.message == "model fit needs X")
    #expect(error?.hint == "usage: model fit X [Y] [h=N] [quiet]")
    #expect(failure { try invocation().value(5) }?.message == "model fit needs input 6")
  }

  @Test func aWrongKindOfInputIsBlamedOnItsPosition() {
    let call = invocation(inputs: [.value(NumberValue(1)), .condition(.compare(.column("a"), .greater, .number(0)))])
    let table = failure { try call.table(0) }
    #expect(table?.message == "model fit needs a table here, not a number")
    #expect(table?.focus == .input(0))
    #expect(failure { try call.text(0) }?.message == "model fit needs text here, not a number")
    #expect(failure { try call.value(1) }?.focus == .input(1))
    #expect(failure { try call.condition(0) }?.message == "model fit needs a condition such as `units > 0`")
    #expect(failure { try call.series(0) }?.message == "a series is needed here, not a number")
    #expect(failure { try call.series(0) }?.focus == .input(0))
  }

  @Test func aTableWithOneNumericColumnIsASeries() throws {
    let one = Table(columns: [Column(name: "units", values: .integer([1, 2, 3]))])
    let call = invocation(inputs: [.value(one)])
    #expect(try call.series(0).values == [1, 2, 3])
    let two = Table(columns: [Column(name: "units", values: .integer([1])), Column(name: "price", values: .float([2]))])
    let error = failure { try invocation(inputs: [.value(two)]).series(0) }
    #expect(error?.message == "the table has several numeric columns (units, price), so which series is meant is unclear")
    #expect(error?.hint == "pick one with a dot, e.g. name.units")
    let none = Table(columns: [Column(name: "name", values: .text(["a"]))])
    #expect(failure { try invocation(inputs: [.value(none)]).series(0) }?.message == "the table has no numeric column to use as a series")
  }

  @Test func optionErrorsPointAtTheirOption() {
    let error = invocation().optionError("h", "h must be positive", hint: "try h=12")
    #expect(error.message == "h must be positive")
    #expect(error.hint == "try h=12")
    #expect(error.focus == .option("h"))
  }
}
