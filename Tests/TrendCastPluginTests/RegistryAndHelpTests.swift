import Testing
import TrendCastPlugin
import TrendCastValues

/// Two small plugins whose commands share first words, as `fit arima` and `fit ets` do.
struct TidyPlugin: Plugin {
  var name: String { "tidy" }
  var summary: String { "tidying" }
  var commands: [Command] {
    let none: @Sendable (Invocation) throws -> any Value = { _ in NumberValue(0) }
    return [
      Command(CommandSignature(["tidy", "up"], summary: "missing values and outliers", discussion: "Fills gaps in a series.",
        inputs: [InputSpec("X", .value([.series]), help: "the series")],
        options: [
          OptionSpec("fill", .keyword(["linear", "mean"]), default: .keyword("linear"), help: "how to fill gaps"),
          OptionSpec("period", .integer, defaultDescription: "from the series' frequency", help: "the seasonal period"),
          OptionSpec("h", .integer, required: true, help: "periods ahead"),
          OptionSpec("title", .string, help: "a title"),
        ],
        flags: [FlagSpec("quiet", help: "report nothing")],
        examples: ["tidy up units fill=mean h=3"]), run: none),
      Command(CommandSignature(["tidy", "down"], summary: "the opposite"), run: none),
      Command(CommandSignature(["peek"], summary: "a look"), run: none),
    ]
  }
}

struct ModelPlugin: Plugin {
  var name: String { "model" }
  var summary: String { "models" }
  var commands: [Command] {
    let none: @Sendable (Invocation) throws -> any Value = { _ in NumberValue(0) }
    return [
      Command(CommandSignature(["fit", "arima"], summary: "ARIMA"), run: none),
      Command(CommandSignature(["fit", "ets"], summary: "exponential smoothing"), run: none),
    ]
  }
}

struct EmptyPlugin: Plugin {
  var name: String { "empty" }
  var summary: String { "nothing" }
  var commands: [Command] { [] }
}

@Suite struct PluginRegistryTests {
  let registry = PluginRegistry(plugins: [TidyPlugin(), EmptyPlugin(), ModelPlugin()])

  @Test func multiWordCommandsAreFoundByAllTheirWords() {
    #expect(registry.entry(["tidy", "up"])?.plugin == "tidy")
    #expect(registry.entry(["fit", "ets"])?.plugin == "model")
    #expect(registry.command(["fit", "ets"])?.signature.summary == "exponential smoothing")
    #expect(registry.command(["fit"]) == nil, "a first word alone is not a command")
    #expect(registry.command(["ets"]) == nil)
    #expect(registry.command(["fit", "ets", "x"]) == nil)
  }

  @Test func commandNamesKeepTheOrderOfDeclaration() {
    #expect(registry.commandNames == ["tidy up", "tidy down", "peek", "fit arima", "fit ets"])
    #expect(registry.plugins.map(\.name) == ["tidy", "empty", "model"])
  }

  @Test func aGroupIsTheCommandsSharingItsFirstWords() {
    #expect(registry.commands(startingWith: ["fit"]).map(\.command.signature.name) == ["fit arima", "fit ets"])
    #expect(registry.commands(startingWith: ["fit", "ets"]).map(\.command.signature.name) == ["fit ets"])
    #expect(registry.commands(startingWith: ["fot"]).isEmpty)
  }

  @Test func theRegistryIsTheParsersVocabulary() {
    #expect(registry.startsCommand("tidy"))
    #expect(registry.startsCommand("peek"))
    #expect(!registry.startsCommand("up"))
    #expect(registry.continuations(of: []) == ["tidy", "peek", "fit"])
    #expect(registry.continuations(of: ["tidy"]) == ["up", "down"])
    #expect(registry.continuations(of: ["peek"]).isEmpty)
    #expect(registry.isCommand(["fit", "arima"]))
    #expect(!registry.isCommand(["fit"]))
  }
}

/// Help pages are drawn from the same signatures that parse statements.
@Suite struct HelpFormatterTests {
  let registry = PluginRegistry(plugins: [TidyPlugin(), EmptyPlugin(), ModelPlugin()])

  @Test func aCommandsPageShowsUsageInputsOptionsWithDefaultsFlagsAndExamples() throws {
    let signature = try #require(registry.command(["tidy", "up"])?.signature)
    #expect(HelpFormatter.page(signature) == """
      tidy up — missing values and outliers

      usage: tidy up X [fill=linear|mean] [period=N] h=N [title="TEXT"] [quiet]

      Fills gaps in a series.

      inputs:
        X  the series

      options:
        fill=linear|mean  (default: linear)
            how to fill gaps
        period=N  (default: from the series' frequency)
            the seasonal period
        h=N  (required)
            periods ahead
        title="TEXT"
            a title

      flags:
        quiet  report nothing

      examples:
        tidy up units fill=mean h=3
      """)
  }

  @Test func aBareCommandHasOnlyItsUsage() throws {
    let signature = try #require(registry.command(["peek"])?.signature)
    #expect(HelpFormatter.page(signature) == "peek — a look\n\nusage: peek")
  }

  @Test func longHelpIsWrappedBetweenWords() {
    let words = (1...40).map { "word\($0)" }.joined(separator: " ")
    let signature = CommandSignature(["x"], summary: "s", discussion: words,
      options: [OptionSpec("o", .number, help: words)])
    let lines = HelpFormatter.page(signature).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.allSatisfy { $0.count <= 74 }, "\(lines)")
    let text = lines.joined(separator: " ").split(separator: " ")
    #expect(text.filter { $0 == "word40" }.count == 2, "no word is lost")
  }

  @Test func theOverviewListsEachPluginsCommandsAligned() {
    #expect(HelpFormatter.overview(registry) == """
      TrendCast commands (help COMMAND for details):

      tidy — tidying
        tidy up    missing values and outliers
        tidy down  the opposite
        peek       a look

      model — models
        fit arima  ARIMA
        fit ets    exponential smoothing
      """)
  }

  @Test func aGroupPageListsTheCommandsOfAFirstWord() {
    #expect(HelpFormatter.group(["fit"], entries: registry.commands(startingWith: ["fit"])) == """
      fit commands:
        fit arima  ARIMA
        fit ets    exponential smoothing
      """)
  }
}
