import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// The language's own commands: `help`, `vars`, `graph`, `plugins`. They describe the session,
/// so they read the snapshot the session hands them and are never cached.
public struct LanguagePlugin: Plugin {
  public static let name = "language"
  public var name: String { Self.name }
  public var summary: String { "help and the session: names in scope, the dataflow graph, plugins" }
  public init() {}

  public var commands: [Command] {
    [
      Command(CommandSignature(["help"], summary: "list the commands, or explain one",
        inputs: [InputSpec("COMMAND", .word, arity: .zeroOrMore, help: "a command's words, e.g. fit arima")],
        examples: ["help", "help fit arima", "help mine"], result: .text, cacheable: false), run: Self.help),
      Command(CommandSignature(["vars"], summary: "the names in scope with their kinds and sizes",
        examples: ["vars"], result: .table, cacheable: false), run: Self.vars),
      Command(CommandSignature(["graph"], summary: "the dataflow graph: each node and the names it reads",
        examples: ["graph"], result: .text, cacheable: false), run: Self.graph),
      Command(CommandSignature(["plugins"], summary: "the loaded plugins and their commands",
        examples: ["plugins"], result: .text, cacheable: false), run: Self.plugins),
    ]
  }

  static func snapshot(_ invocation: Invocation) throws -> SessionSnapshot {
    guard let snapshot = invocation.context.session else {
      throw RuntimeError("\(invocation.signature.name) is only available inside a session")
    }
    return snapshot
  }

  @Sendable static func help(_ invocation: Invocation) throws -> any Value {
    let registry = try snapshot(invocation).registry
    let words = try invocation.texts(from: 0)
    return TextValue(try helpText(for: words, registry: registry))
  }

  /// The help page for `words` (empty: the overview). Shared with `trendcast help`.
  public static func helpText(for words: [String], registry: PluginRegistry) throws -> String {
    if words.isEmpty { return HelpFormatter.overview(registry) }
    if let command = registry.command(words) { return HelpFormatter.page(command.signature) }
    let group = registry.commands(startingWith: words)
    if !group.isEmpty { return HelpFormatter.group(words, entries: group) }
    let typed = words.joined(separator: " ")
    throw RuntimeError("there is no command '\(typed)'",
      hint: Suggestions.didYouMean(typed, among: registry.commandNames) ?? "type help to list the commands").focused(on: .input(0))
  }

  @Sendable static func vars(_ invocation: Invocation) throws -> any Value {
    let variables = try snapshot(invocation).variables
    guard !variables.isEmpty else { return TextValue("no names are bound yet") }
    let rows = variables.map { [$0.name, $0.kind?.rawValue ?? "", $0.summary ?? $0.state ?? ""] }
    return TextValue(TextTable(headers: ["name", "kind", "size"], alignments: [.left, .left, .left], rows: rows)
      .render(ascii: invocation.context.style.asciiOnly))
  }

  @Sendable static func graph(_ invocation: Invocation) throws -> any Value {
    let nodes = try snapshot(invocation).nodes
    guard !nodes.isEmpty else { return TextValue("the graph is empty") }
    let edges = nodes.reduce(0) { $0 + $1.reads.count }
    let arrow = invocation.context.style.asciiOnly ? "<-" : "←"
    let rows = nodes.map { node in
      [node.name ?? "(line \(node.line))", node.command, node.reads.isEmpty ? "" : "\(arrow) " + node.reads.joined(separator: ", "), node.kind?.rawValue ?? "not run"]
    }
    return TextValue(TextTable(headers: ["node", "command", "reads", "kind"], alignments: [.left, .left, .left, .left], rows: rows,
      title: "dataflow graph: \(nodes.count) node\(nodes.count == 1 ? "" : "s"), \(edges) edge\(edges == 1 ? "" : "s")")
      .render(ascii: invocation.context.style.asciiOnly))
  }

  @Sendable static func plugins(_ invocation: Invocation) throws -> any Value {
    TextValue(pluginList(try snapshot(invocation).registry))
  }

  /// The plugin list of `plugins` and `trendcast plugins`.
  public static func pluginList(_ registry: PluginRegistry) -> String {
    let rows = registry.plugins.map { plugin in
      [plugin.name, plugin.commands.map(\.signature.name).joined(separator: ", "), plugin.summary]
    }
    return TextTable(headers: ["plugin", "commands", "what it does"], alignments: [.left, .left, .left], rows: rows).render()
  }
}
