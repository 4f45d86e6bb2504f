import Foundation
import Synchronization
import TrendCastGraph
import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// Every run of a command, in order, so tests can see what was evaluated and what came from
/// the cache.
final class RunLog: Sendable {
  private let entries = Mutex<[String]>([])
  func record(_ entry: String) { entries.withLock { $0.append(entry) } }
  var runs: [String] { entries.withLock { $0 } }
  /// Runs whose entry starts with `command`.
  func count(_ command: String) -> Int { runs.filter { $0 == command || $0.hasPrefix(command + " ") }.count }
}

/// Commands over numbers whose runs are logged, with options of every type, so the graph,
/// binder and cache are tested without any real algorithm.
struct ArithmeticPlugin: Plugin {
  let log: RunLog
  var name: String { "arith" }
  var summary: String { "numbers, logged" }

  static func number(_ invocation: Invocation, _ position: Int) throws -> Double {
    try invocation.input(position, as: NumberValue.self, expecting: "a number").value
  }

  var commands: [Command] {
    let log = self.log
    return [
      Command(CommandSignature(["num"], summary: "a number", inputs: [InputSpec("N", .value([.number]), help: "the number")],
        examples: ["num 3"], result: .number), run: { invocation in
          let value = try Self.number(invocation, 0)
          log.record("num \(NumberFormatting.display(value))")
          return NumberValue(value)
        }),
      Command(CommandSignature(["add"], summary: "the sum of two numbers",
        inputs: [InputSpec("A", .value([.number]), help: "a number"), InputSpec("B", .value([.number]), help: "another")],
        result: .number), run: { invocation in
          log.record("add")
          return NumberValue(try Self.number(invocation, 0) + Self.number(invocation, 1))
        }),
      Command(CommandSignature(["scale"], summary: "a number times a factor",
        inputs: [InputSpec("X", .value([.number]), help: "a number")],
        options: [
          OptionSpec("by", .number, default: .number(2), help: "the factor"),
          OptionSpec("mode", .keyword(["up", "down"]), default: .keyword("up"), help: "which way"),
        ], result: .number), run: { invocation in
          log.record("scale")
          invocation.report("scaled by \(NumberFormatting.display(try invocation.number("by") ?? 0))")
          let factor = try invocation.number("by") ?? 2
          let value = try Self.number(invocation, 0)
          return NumberValue(try invocation.keyword("mode") == "down" ? value / factor : value * factor)
        }),
      Command(CommandSignature(["calc", "sum"], summary: "the sum of numbers",
        inputs: [InputSpec("X", .value([.number]), arity: .oneOrMore, help: "numbers")]), run: { invocation in
          log.record("calc sum")
          return NumberValue(try invocation.values(from: 0).reduce(0) { $0 + (($1 as? NumberValue)?.value ?? .nan) })
        }),
      Command(CommandSignature(["calc", "max"], summary: "the largest of numbers",
        inputs: [InputSpec("X", .value([.number]), arity: .oneOrMore, help: "numbers")]), run: { invocation in
          log.record("calc max")
          return NumberValue(try invocation.values(from: 0).compactMap { ($0 as? NumberValue)?.value }.max() ?? .nan)
        }),
      Command(CommandSignature(["echo"], summary: "its input", inputs: [InputSpec("X", .value([]), help: "anything")]), run: { invocation in
        log.record("echo")
        return try invocation.value(0)
      }),
      Command(CommandSignature(["read"], summary: "the text of a file",
        inputs: [InputSpec("PATH", .text, help: "a file")], result: .text, readsFile: true), run: { invocation in
          let path = invocation.context.resolveForReading(try invocation.text(0))
          log.record("read")
          guard let data = FileManager.default.contents(atPath: path) else { throw RuntimeError("cannot read '\(path)'") }
          return TextValue(String(decoding: data, as: UTF8.self))
        }),
      Command(CommandSignature(["stamp"], summary: "never cached", result: .number, cacheable: false), run: { _ in
        log.record("stamp")
        return NumberValue(Double(log.count("stamp")))
      }),
      Command(CommandSignature(["need"], summary: "a command with a required option",
        inputs: [InputSpec("X", .value([.number]), help: "the value")],
        options: [OptionSpec("h", .integer, required: true, help: "how far ahead")]), run: { _ in NumberValue(0) }),
      Command(CommandSignature(["spread"], summary: "a panel of two numbers",
        inputs: [InputSpec("X", .value([.number]), help: "a number")]), run: { invocation in
          let value = try Self.number(invocation, 0)
          return Panel(idName: "id", entries: [.init(id: "A", value: NumberValue(value)), .init(id: "B", value: NumberValue(value * 10))])
        }),
      Command(CommandSignature(["fail"], summary: "fails as asked",
        inputs: [InputSpec("X", .value([]), help: "anything")],
        options: [
          OptionSpec("by", .number, help: "an option to blame"),
          OptionSpec("where", .keyword(["option", "input", "data", "plain"]), default: .keyword("plain"), help: "what to blame"),
        ]), run: { invocation in
          switch try invocation.keyword("where") {
          case "option": throw RuntimeError("bad by", hint: "try by=1").focused(on: .option("by"))
          case "input": throw RuntimeError("bad input").focused(on: .input(0))
          case "data":
            throw RuntimeError("bad value 'x'", hint: "fix the file", at: DataLocation(file: "data.csv", line: 3, field: 2, lineText: "2024-01-03,x,5"))
          default: throw RuntimeError("it broke")
          }
        }),
      Command(CommandSignature(["opts"], summary: "shows the options it receives",
        options: [
          OptionSpec("n", .integer, help: "an integer"),
          OptionSpec("x", .number, help: "a number"),
          OptionSpec("s", .string, help: "text"),
          OptionSpec("k", .keyword(["linear", "mean"]), default: .keyword("linear"), help: "a keyword"),
          OptionSpec("b", .boolean, help: "a boolean"),
          OptionSpec("t", .tuple(.integer, counts: 3...4), help: "a tuple"),
          OptionSpec("l", .list(.number), help: "a list"),
          OptionSpec("c", .column, help: "a column"),
          OptionSpec("cols", .list(.column), help: "columns"),
          OptionSpec("r", .reference([.number]), help: "a number from the graph"),
          OptionSpec("m", .keywordOrString(["auto"]), help: "a keyword or text"),
        ],
        flags: [FlagSpec("desc", help: "a flag")], result: .text), run: { invocation in
          let lines = invocation.options.keys.sorted().map { key in
            "\(key)=\(invocation.options[key]?.sourceText ?? "?")\(invocation.isGiven(key) ? "" : " (default)")"
          }
          return TextValue((lines + invocation.flags.sorted().map { "+\($0)" }).joined(separator: " "))
        }),
    ]
  }
}

/// A session over the language commands and `ArithmeticPlugin`, with helpers to add programs
/// and run them.
final class Program {
  let log = RunLog()
  let registry: PluginRegistry
  let session: Session
  /// Ids of every statement added so far, in order.
  private(set) var ids: [Int] = []

  init(parameters: [String: any Value] = [:], ascii: Bool = false) {
    registry = PluginRegistry(plugins: [LanguagePlugin(), ArithmeticPlugin(log: log)])
    let style = RenderStyle(width: 72, resolution: ascii ? .ascii : .braille)
    session = Session(registry: registry, context: RunContext(style: style, parallelism: 2), parameters: parameters)
  }

  /// Parses and adds `text`; returns the new ids and every diagnostic, formatted as on stderr.
  @discardableResult
  func add(_ text: String, name: String = "test.tc", firstLine: Int = 1) -> (ids: [Int], diagnostics: String) {
    let file = SourceFile(name: name, text: text, firstLine: firstLine)
    let (statements, parseDiagnostics) = Parser.parse(file, vocabulary: registry)
    let parsed = parseDiagnostics.map { DiagnosticFormatter.format($0, in: file) }.joined()
    let (ids, diagnostics) = session.add([Session.Unit(file: file, statements: statements)])
    self.ids += ids
    return (ids, parsed + diagnostics.map(DiagnosticFormatter.format).joined())
  }

  /// The diagnostics of adding `text` (parse errors first, then the session's, each in order),
  /// each with the source text it marks.
  func diagnostics(_ text: String) -> [(diagnostic: Diagnostic, marked: String)] {
    let file = SourceFile(name: "test.tc", text: text)
    let (statements, parseDiagnostics) = Parser.parse(file, vocabulary: registry)
    let (ids, diagnostics) = session.add([Session.Unit(file: file, statements: statements)])
    self.ids += ids
    return (parseDiagnostics + diagnostics.map(\.diagnostic)).map { ($0, file.text(of: $0.range)) }
  }

  /// Just the diagnostics' messages (errors and warnings), in order.
  func messages(_ text: String) -> [String] { diagnostics(text).map(\.diagnostic.message) }

  /// Runs `ids` (all statements added so far by default) and returns what each shows.
  func run(_ ids: [Int]? = nil) throws(EvaluationFailure) -> [String] {
    var outputs: [String] = []
    for id in ids ?? self.ids {
      outputs.append(try session.run(id).text)
    }
    return outputs
  }

  /// The id of the statement binding `name`.
  func id(of name: String) -> Int? { session.graph.binders[name] }

  /// The value of `name` as it displays.
  func show(_ name: String) -> String? { session.value(of: name)?.render(RenderStyle()) }
}
