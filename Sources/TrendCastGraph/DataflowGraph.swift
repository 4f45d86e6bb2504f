import TrendCastSyntax

/// The dataflow graph: one node per statement, an edge from every name a statement reads to
/// the statement that binds it. Evaluation order comes from here, not from the text.
public struct DataflowGraph: Sendable {
  /// Statements by id.
  public private(set) var statements: [Int: BoundStatement] = [:]
  /// The statement binding each name.
  public private(set) var binders: [String: Int] = [:]
  /// Statement ids in the order they were written.
  public private(set) var order: [Int] = []

  public init() {}

  /// Adds or replaces a statement. A binding replaces the previous binding of the same name
  /// (the REPL's rebinding); the caller checks names bound twice in a notebook beforehand.
  public mutating func insert(_ statement: BoundStatement) {
    if let name = statement.name?.name, let previous = binders[name], previous != statement.id {
      remove(previous)
    }
    statements[statement.id] = statement
    if !order.contains(statement.id) { order.append(statement.id) }
    if let name = statement.name?.name { binders[name] = statement.id }
  }

  public mutating func remove(_ id: Int) {
    guard let statement = statements.removeValue(forKey: id) else { return }
    order.removeAll { $0 == id }
    if let name = statement.name?.name, binders[name] == id { binders[name] = nil }
  }

  public func binder(of name: String) -> BoundStatement? { binders[name].flatMap { statements[$0] } }

  /// The statements that read `id`'s value directly.
  public func dependants(of id: Int) -> [Int] {
    guard let name = statements[id]?.name?.name else { return [] }
    return order.filter { other in statements[other]?.dependencies.contains { $0.name == name } ?? false }
  }

  /// Every statement downstream of `id`, in an order where each comes after what it reads.
  public func transitiveDependants(of id: Int) -> [Int] {
    var seen: Set<Int> = [id]
    var frontier = [id]
    while let next = frontier.popLast() {
      for dependant in dependants(of: next) where seen.insert(dependant).inserted {
        frontier.append(dependant)
      }
    }
    seen.remove(id)
    return topologicalOrder().filter { seen.contains($0) }
  }

  /// All statements, each after the statements it reads (ties broken by text order).
  public func topologicalOrder() -> [Int] {
    var visited: Set<Int> = []
    var result: [Int] = []
    func visit(_ id: Int, depth: Int) {
      guard depth < 10_000, visited.insert(id).inserted, let statement = statements[id] else { return }
      for dependency in statement.dependencies {
        if let binder = binders[dependency.name] { visit(binder, depth: depth + 1) }
      }
      result.append(id)
    }
    for id in order { visit(id, depth: 0) }
    return result
  }

  // MARK: Checks

  /// Names read but bound nowhere, with the nearest bound name as a hint. `ignoring` holds
  /// names whose binding statements failed and were reported already: reading them is not a
  /// second mistake.
  public func unboundNameDiagnostics(among ids: [Int]? = nil, commandNames: [String], ignoring: Set<String> = []) -> [(Int, Diagnostic)] {
    unboundNameDiagnostics(in: (ids ?? order).compactMap { statements[$0] }, commandNames: commandNames, ignoring: ignoring)
  }

  /// The same for `statements`, which need not be in the graph (a second binding of a name,
  /// kept out of it but still checked).
  public func unboundNameDiagnostics(in statements: [BoundStatement], commandNames: [String], ignoring: Set<String> = []) -> [(Int, Diagnostic)] {
    var result: [(Int, Diagnostic)] = []
    let bound = Array(binders.keys).sorted()
    for statement in statements {
      let id = statement.id
      for dependency in statement.dependencies where binders[dependency.name] == nil && !ignoring.contains(dependency.name) {
        let help = Suggestions.didYouMean(dependency.name, among: bound)
          ?? Suggestions.nearest(dependency.name, among: commandNames).map { "did you mean the command '\($0)'?" }
          ?? (bound.isEmpty ? "nothing is bound yet; bind it first: \(dependency.name) = …" : nil)
        result.append((id, .error("unknown name '\(dependency.name)'", at: dependency.range, help: help)))
      }
    }
    return result
  }

  /// Cycles among bindings, each reported once at its first member with notes at the others.
  public func cycleDiagnostics() -> [(Int, Diagnostic)] {
    enum Mark { case visiting, done }
    var marks: [Int: Mark] = [:]
    var stack: [Int] = []
    var reported: Set<Set<Int>> = []
    var result: [(Int, Diagnostic)] = []

    func visit(_ id: Int) {
      marks[id] = .visiting
      stack.append(id)
      if let statement = statements[id] {
        for dependency in statement.dependencies {
          guard let target = binders[dependency.name] else { continue }
          switch marks[target] {
          case .visiting:
            guard let start = stack.firstIndex(of: target) else { continue }
            let cycle = Array(stack[start...])
            guard reported.insert(Set(cycle)).inserted else { continue }
            let names = cycle.compactMap { statements[$0]?.name?.name }
            let description = (names + [names.first ?? ""]).joined(separator: " → ")
            let notes = cycle.dropFirst().compactMap { member -> Diagnostic.Note? in
              guard let statement = statements[member], let name = statement.name else { return nil }
              return Diagnostic.Note(message: "'\(name.name)' is bound here", range: name.range)
            }
            if let first = statements[cycle[0]]?.name {
              result.append((cycle[0], .error("these bindings depend on each other in a cycle: \(description)", at: first.range,
                help: "a value cannot be computed from itself; break the cycle by renaming one binding", notes: notes)))
            }
          case .none:
            visit(target)
          case .done:
            break
          }
        }
      }
      stack.removeLast()
      marks[id] = .done
    }
    for id in order where marks[id] == nil { visit(id) }
    return result
  }
}
