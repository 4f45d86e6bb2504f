import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// An interpreter session: the dataflow graph of the statements seen so far, their values, and
/// a cache of results keyed by fingerprint.
///
/// A notebook or script is added in one batch (`add(_:)`: every error found before anything
/// runs), then run statement by statement (`run(_:)`), each pulling in the statements it reads
/// first. The REPL adds one entry at a time and re-runs what depends on a rebound name.
public final class Session {
  public let registry: PluginRegistry
  public var context: RunContext
  public private(set) var graph = DataflowGraph()
  /// Values of statements that have run, with the fingerprint they were computed for.
  var results: [Int: (fingerprint: Fingerprint, value: any Value)] = [:]
  var cache: [Fingerprint: (value: any Value, report: [String])] = [:]
  /// Statements whose report has been collected (so a dependency's report lands in its own cell).
  var reports: [Int: [String]] = [:]
  var nextID = 0
  /// Values given with `--param NAME=VALUE`, replacing the binding of that name.
  public private(set) var parameters: [String: any Value] = [:]
  private var usedParameters: Set<String> = []

  public init(registry: PluginRegistry, context: RunContext, parameters: [String: any Value] = [:]) {
    self.registry = registry
    self.context = context
    self.parameters = parameters
  }

  // MARK: Adding statements

  /// A parsed unit of source: a file, a cell or a REPL entry.
  public struct Unit {
    public var file: SourceFile
    public var statements: [Statement]
    public init(file: SourceFile, statements: [Statement]) {
      self.file = file
      self.statements = statements
    }
  }

  /// Binds a whole program (a notebook's cells, a script). Names bound twice, names bound
  /// nowhere, cycles and signature errors are all reported before anything runs; on any error
  /// nothing is added. Returns the ids of the statements, in order.
  public func add(_ units: [Unit]) -> (ids: [Int], diagnostics: [LocatedDiagnostic]) {
    var located: [LocatedDiagnostic] = []
    var firstBinding: [String: (Identifier, SourceFile)] = [:]
    for unit in units {
      for statement in unit.statements {
        guard let name = statement.boundName else { continue }
        if let (first, firstFile) = firstBinding[name.name] {
          located.append(LocatedDiagnostic(.error("'\(name.name)' is bound twice", at: name.range,
            help: "a name is bound once per notebook; choose another name for one of them",
            notes: [Diagnostic.Note(message: "'\(name.name)' is first bound here", range: first.range, file: firstFile == unit.file ? nil : firstFile)]), in: unit.file))
        } else {
          firstBinding[name.name] = (name, unit.file)
        }
      }
    }
    let known = Set(firstBinding.keys).union(graph.binders.keys)
    var binder = Binder(registry: registry, knownNames: known)
    var candidate = graph
    var ids: [Int] = []
    var fileOf: [Int: SourceFile] = [:]
    // A second binding of a name (reported above) stays out of the graph, so it cannot replace
    // the first and hide that binding's errors; what it reads is still checked.
    var namesBound: Set<String> = []
    var secondBindings: [BoundStatement] = []
    for unit in units {
      for statement in unit.statements {
        let before = binder.diagnostics.count
        let id = nextID + ids.count
        let isSecondBinding = statement.boundName.map { !namesBound.insert($0.name).inserted } ?? false
        if var bound = binder.bind(statement, id: id, file: unit.file) {
          if let name = bound.name?.name, let parameter = parameters[name] {
            bound.expression = .literal(parameter)
            bound.dependencies = []
            usedParameters.insert(name)
          }
          if isSecondBinding { secondBindings.append(bound) } else { candidate.insert(bound) }
        }
        located += binder.diagnostics[before...].map { LocatedDiagnostic($0, in: unit.file) }
        ids.append(id)
        fileOf[id] = unit.file
      }
    }
    let newIDs = Set(ids)
    // A name some statement binds is never unknown: if the graph lacks it, its binding failed
    // and has been reported already.
    let unbound = candidate.unboundNameDiagnostics(in: ids.compactMap { candidate.statements[$0] } + secondBindings,
      commandNames: registry.commandNames, ignoring: known)
    let cycles = candidate.cycleDiagnostics().filter { newIDs.contains($0.0) }
    for (id, diagnostic) in unbound + cycles {
      if let file = fileOf[id] { located.append(LocatedDiagnostic(diagnostic, in: file)) }
    }
    located.sort { ($0.file.name, $0.diagnostic.range.start) < ($1.file.name, $1.diagnostic.range.start) }
    if located.contains(where: { $0.diagnostic.severity == .error }) { return ([], located) }
    nextID += ids.count
    graph = candidate
    return (ids, located)
  }

  /// Names given with --param that no statement binds.
  public func unusedParameters(frontMatterNames: Set<String> = []) -> [String] {
    parameters.keys.filter { !usedParameters.contains($0) && !frontMatterNames.contains($0) }.sorted()
  }

  /// Removes a statement (the REPL undoing a failed rebinding).
  public func remove(_ id: Int) {
    graph.remove(id)
    results[id] = nil
  }

  /// Replaces the graph wholesale (the REPL rolls back an entry that failed).
  public func restoreGraph(_ snapshot: DataflowGraph) { graph = snapshot }

  public func resetAll() {
    graph = DataflowGraph()
    results = [:]
    cache = [:]
    reports = [:]
  }

  // MARK: Introspection

  /// The value of a bound name, if it has run.
  public func value(of name: String) -> (any Value)? {
    guard let id = graph.binders[name], let result = results[id] else { return nil }
    return result.value
  }

  public var boundNames: [String] { graph.order.compactMap { graph.statements[$0]?.name?.name } }

  public func snapshot() -> SessionSnapshot {
    var variables: [SessionSnapshot.Variable] = []
    var nodes: [SessionSnapshot.Node] = []
    for id in graph.order {
      guard let statement = graph.statements[id] else { continue }
      let value = results[id]?.value
      if let name = statement.name?.name {
        variables.append(.init(name: name, kind: value?.kind, summary: value?.summary, state: value == nil ? "not run yet" : nil))
      }
      let line = statement.file.location(of: statement.range.start).line
      nodes.append(.init(name: statement.name?.name, line: line, command: describe(statement.expression),
        reads: uniqueNames(statement.dependencies), kind: value?.kind))
    }
    return SessionSnapshot(registry: registry, variables: variables, nodes: nodes)
  }

  private func uniqueNames(_ identifiers: [Identifier]) -> [String] {
    var seen = Set<String>()
    return identifiers.map(\.name).filter { seen.insert($0).inserted }
  }

  private func describe(_ expression: BoundExpression) -> String {
    switch expression {
    case .command(let command): return command.signature.name
    case .literal(let value): return value.kind.rawValue
    case .reference(let identifier): return identifier.name
    case .member(let base, let column): return describe(base) + "." + column.name
    case .list: return "list"
    }
  }
}
