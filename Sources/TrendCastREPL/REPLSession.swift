import TrendCastGraph
import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// A session fed one entry at a time, which keeps it a valid notebook at every step.
///
/// - An entry (one or more statements) is bound, then run. Binding a name that is already bound
///   replaces its node, and every statement that depends on it runs again (unchanged ones are
///   cache hits); the result says which re-ran and shows their new displays.
/// - An entry that fails — a syntax or name error, a command error, Ctrl-C, or a dependant that
///   fails when it re-runs — is undone as a whole: every name keeps its previous value.
/// - The language's session commands (`help`, `vars`, `graph`, `plugins`) shown on their own
///   run once and are not kept, so they do not clutter the graph or a saved notebook.
public final class REPLSession {
  public let session: Session
  public var registry: PluginRegistry { session.registry }
  /// The line the next entry starts on: `<repl>:LINE:COL` counts every line typed.
  public private(set) var nextLine = 1

  /// What an entry printed and how it ended.
  public struct EntryResult: Sendable {
    /// For stdout: displays and reports, each statement's apart.
    public var output: String
    /// For stderr: formatted errors and warnings.
    public var errors: String
    /// The statements that re-ran because a name they read was rebound: names, or `line N`.
    public var reran: [String]
    public var succeeded: Bool

    static func failure(_ errors: String, output: String = "") -> EntryResult {
      EntryResult(output: output, errors: errors, reran: [], succeeded: false)
    }
  }

  public init(registry: PluginRegistry, context: RunContext) {
    session = Session(registry: registry, context: context)
  }

  public var context: RunContext {
    get { session.context }
    set { session.context = newValue }
  }

  /// Counts the lines of a meta command, so later line numbers match what was typed.
  func skipLines(of text: String) -> Int {
    let first = nextLine
    nextLine += text.split(separator: "\n", omittingEmptySubsequences: false).count
    return first
  }

  /// Binds and runs one entry typed at the prompt.
  public func submit(_ text: String) -> EntryResult {
    let file = SourceFile(name: "<repl>", text: text, firstLine: skipLines(of: text))
    let (statements, diagnostics) = Parser.parse(file, vocabulary: registry)
    if !diagnostics.isEmpty {
      return .failure(diagnostics.map { DiagnosticFormatter.format($0, in: file) }.joined())
    }
    return run([Session.Unit(file: file, statements: statements)])
  }

  /// Forgets every name.
  public func reset() {
    session.resetAll()
  }

  /// A completer over the session as it is now.
  public func completer() -> Completer {
    Completer(registry: registry, names: session.boundNames, value: { [session] in session.value(of: $0) },
      directories: context.searchDirectories, context: context)
  }

  // MARK: Running an entry

  /// Adds `units` to the graph and runs their statements, then whatever depends on the names
  /// they rebound; undoes everything if any of it fails.
  func run(_ units: [Session.Unit]) -> EntryResult {
    let before = session.graph
    let (ids, diagnostics) = session.add(units)
    let errors = diagnostics.filter { $0.diagnostic.severity == .error }
    if !errors.isEmpty { return .failure(errors.map(DiagnosticFormatter.format).joined()) }
    // Session.add reports a cycle only where it starts; one that a rebinding closes through
    // older statements starts elsewhere, so check the new bindings before anything runs.
    let cycles = ids.compactMap(cycleError)
    if !cycles.isEmpty {
      session.restoreGraph(before)
      return .failure(cycles.joined())
    }
    var result = EntryResult(output: "", errors: diagnostics.map(DiagnosticFormatter.format).joined(), reran: [], succeeded: true)
    var outputs: [String] = []

    for id in ids {
      do {
        let text = try session.run(id).text
        if !text.isEmpty { outputs.append(text) }
      } catch {
        session.restoreGraph(before)
        result.output = outputs.joined(separator: "\n\n")
        result.errors += describe(error, undoing: ids.count > 1 ? "this entry" : nil)
        result.succeeded = false
        return result
      }
    }

    let rebound = ids.compactMap { id -> (id: Int, name: String)? in
      guard let name = session.graph.statements[id]?.name?.name, before.binders[name] != nil else { return nil }
      return (id, name)
    }
    let newIDs = Set(ids)
    var dependants = Set<Int>()
    for (id, _) in rebound { dependants.formUnion(session.graph.transitiveDependants(of: id)) }
    dependants.subtract(newIDs)
    let order = session.graph.topologicalOrder().filter { dependants.contains($0) }

    var rerun: [Int] = []
    var rerunOutputs: [String] = []
    for id in order {
      guard let statement = session.graph.statements[id] else { continue }
      let failure: String
      if session.context.cancellation.isCancelled {
        failure = "interrupted\n"
      } else {
        do {
          let text = try session.run(id).text
          rerun.append(id)
          if !text.isEmpty { rerunOutputs.append("[\(label(of: statement))] \(firstLine(of: statement))\n" + text) }
          continue
        } catch {
          failure = describe(error, undoing: nil)
        }
      }
      let names = rebound.map { "'\($0.name)'" }.joined(separator: ", ")
      session.restoreGraph(before)
      restoreResults(of: rerun)
      result.output = outputs.joined(separator: "\n\n")
      result.errors += failure
      result.errors += "note: this stopped \(label(of: statement)), which depends on \(names), from running again; "
        + "the entry was undone, so \(names) \(rebound.count == 1 ? "keeps its" : "keep their") previous value\n"
      result.succeeded = false
      return result
    }
    if !rerun.isEmpty {
      let names = rebound.map(\.name).joined(separator: ", ")
      result.reran = rerun.compactMap { session.graph.statements[$0].map(label(of:)) }
      let count = rerun.count == 1 ? "1 statement" : "\(rerun.count) statements"
      outputs.append(([ "re-ran \(count) that depend\(rerun.count == 1 ? "s" : "") on \(names): \(result.reran.joined(separator: ", "))"]
        + rerunOutputs).joined(separator: "\n\n"))
    }
    for id in ids where isTransient(id) { session.remove(id) }
    result.output = outputs.joined(separator: "\n\n")
    return result
  }

  /// If binding statement `id` made its name depend on itself, the error, drawn.
  private func cycleError(_ id: Int) -> String? {
    let graph = session.graph
    guard let statement = graph.statements[id], let name = statement.name else { return nil }
    var visited: Set<Int> = []
    func path(from current: BoundStatement) -> [String]? {
      for dependency in current.dependencies {
        if dependency.name == name.name { return [dependency.name] }
        guard let next = graph.binder(of: dependency.name), visited.insert(next.id).inserted else { continue }
        if let rest = path(from: next) { return [dependency.name] + rest }
      }
      return nil
    }
    guard let cycle = path(from: statement) else { return nil }
    let diagnostic = Diagnostic.error("'\(name.name)' would depend on itself: \(([name.name] + cycle).joined(separator: " → "))",
      at: name.range, help: "a value cannot be computed from itself; bind the new value to another name")
    return DiagnosticFormatter.format(diagnostic, in: statement.file)
  }

  /// After an undone rebinding, brings back the values of the dependants that had re-run: their
  /// fingerprints are the old ones again, so this mostly reads the cache.
  private func restoreResults(of ids: [Int]) {
    for id in ids where session.graph.statements[id] != nil {
      _ = try? session.run(id)
    }
  }

  /// A display of one of the language's session commands (`help`, `vars`, `graph`, `plugins`).
  private func isTransient(_ id: Int) -> Bool {
    guard let statement = session.graph.statements[id], !statement.isBinding,
      case .command(let command) = statement.expression
    else { return false }
    return command.entry.plugin == LanguagePlugin.name
  }

  private func describe(_ failure: EvaluationFailure, undoing: String?) -> String {
    let undone = undoing.map { "note: \($0) was undone; every name keeps its previous value\n" } ?? ""
    if failure.isCancellation { return "interrupted\n" + undone }
    return FailureFormatter.format(failure) + undone
  }

  /// `m` for a binding, `line 7` for a display.
  func label(of statement: BoundStatement) -> String {
    statement.name?.name ?? "line \(statement.file.location(of: statement.range.start).line)"
  }

  private func firstLine(of statement: BoundStatement) -> String {
    let text = statement.file.text(of: statement.range)
    let line = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
    return line.count > 60 ? String(line.prefix(59)) + "…" : line
  }
}
