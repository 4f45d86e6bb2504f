import Foundation
import TrendCastBuiltins
import TrendCastGraph
import TrendCastPlugin
import TrendCastREPL
import TrendCastTestSupport
import TrendCastValues

/// Runs the REPL on a scripted reader and keeps what it printed.
final class REPLDriver {
  let reader: ScriptedLineReader
  let repl: REPL
  private(set) var stdout = ""
  private(set) var stderr = ""

  var session: REPLSession { repl.session }

  /// A REPL over `registry` (the built-in plugins by default) whose relative paths resolve in
  /// `directory` (the repository root by default), at a fixed `width`.
  init(_ steps: [ScriptedLineReader.Step], registry: PluginRegistry = BuiltinPlugins.registry(), directory: String? = nil, width: Int = 72) {
    let root = ReferenceData.repositoryRoot
    let context = RunContext(style: RenderStyle(width: width), searchDirectories: [directory ?? root],
      stdlibDirectory: root + "/stdlib", parallelism: 2)
    reader = ScriptedLineReader(steps)
    let box = OutputBox()
    repl = REPL(session: REPLSession(registry: registry, context: context), reader: reader, widthOverride: width,
      write: { box.out += $0 }, writeError: { box.err += $0 })
    self.box = box
  }

  private let box: OutputBox

  /// Plays every step; returns self for chaining.
  @discardableResult
  func run() -> REPLDriver {
    repl.run()
    stdout = box.out
    stderr = box.err
    return self
  }

  /// The line that typing `keys` (`\t` presses Tab) leaves at the prompt, after the script ran.
  func typing(_ keys: String) -> String {
    reader.typing(keys)
  }

  /// What Tab lists for `line`, or nil when it inserts text instead.
  func listing(_ line: String, pending: String = "") -> [String]? {
    if case .list(let candidates) = session.completer().complete(line, pending: pending).action { return candidates }
    return nil
  }
}

private final class OutputBox {
  var out = ""
  var err = ""
}

/// A plugin with the shapes of signature completion must handle — command groups, keyword,
/// column, tuple and reference options, flags, column inputs — under words no real plugin
/// uses, so the tests show completion is generic over signatures.
struct TeachingPlugin: Plugin {
  var name: String { "teaching" }
  var summary: String { "commands for testing completion" }

  static let words: [[String]] = [["model", "arima"], ["model", "ets"], ["modify"], ["tidy"], ["total"], ["halt"]]

  var commands: [Command] {
    let echo: @Sendable (Invocation) throws -> any Value = { invocation in try invocation.value(0) }
    return [
      Command(CommandSignature(["model", "arima"], summary: "an ARIMA-like model",
        inputs: [InputSpec("X", .value([.series]), help: "the series")],
        options: [
          OptionSpec("order", .tuple(.integer, counts: 3...3), help: "(p,d,q)"),
          OptionSpec("trend", .keyword(["n", "c", "t"]), default: .keyword("c"), help: "the trend"),
          OptionSpec("horizon", .integer, help: "a number or a name"),
        ]), run: echo),
      Command(CommandSignature(["model", "ets"], summary: "an ETS-like model",
        inputs: [InputSpec("X", .value([.series]), help: "the series")],
        options: [OptionSpec("kind", .keywordOrString(["auto", "additive"]), help: "the model")]), run: echo),
      Command(CommandSignature(["modify"], summary: "a command that shares a prefix with model",
        inputs: [InputSpec("X", .value([]), help: "anything")]), run: echo),
      Command(CommandSignature(["tidy"], summary: "missing values and outliers",
        inputs: [InputSpec("X", .value([.series]), help: "the series")],
        options: [
          OptionSpec("fill", .keyword(["linear", "ffill", "mean", "seasonal", "none"]), help: "how to fill"),
          OptionSpec("outliers", .keyword(["iqr", "zscore", "none"]), help: "how to find outliers"),
          OptionSpec("by", .column, help: "a column of the input"),
        ],
        flags: [FlagSpec("quiet", help: "report nothing")]), run: echo),
      Command(CommandSignature(["total"], summary: "the sum of a column",
        inputs: [InputSpec("X", .value([.table]), help: "a table"), InputSpec("COL", .column, help: "a column")]),
        run: { _ in NumberValue(1) }),
      // Stands for a long command during which the user presses Ctrl-C.
      Command(CommandSignature(["halt"], summary: "is interrupted as it runs", result: .number, cacheable: false),
        run: { invocation in
          invocation.context.cancellation.cancel()
          try invocation.context.checkCancellation()
          return NumberValue(0)
        }),
    ]
  }

  /// The language, the built-in plugins that share no command with this one (`dataset` is
  /// needed), and this plugin.
  static func registry() -> PluginRegistry {
    let builtins = BuiltinPlugins.all.filter { plugin in
      plugin.commands.allSatisfy { command in !words.contains { $0.first == command.signature.words.first } }
    }
    return PluginRegistry(plugins: [LanguagePlugin()] + builtins + [TeachingPlugin()])
  }
}
