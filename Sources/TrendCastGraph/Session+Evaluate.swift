import TrendCastCharts
import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

extension Session {
  /// Runs a statement (and, first, whatever it reads) and returns what it shows.
  public func run(_ id: Int) throws(EvaluationFailure) -> StatementOutput {
    guard let statement = graph.statements[id] else {
      return StatementOutput(statementID: id, value: nil, report: [], display: nil)
    }
    var memo: [Int: Fingerprint] = [:]
    let value = try evaluate(id, memo: &memo)
    // Reports are prose: folded to the display width here, once for every plugin.
    let report = (reports.removeValue(forKey: id) ?? []).flatMap { TerminalText.wrapped($0, width: context.style.width) }
    let display = statement.isBinding ? nil : value.render(context.style)
    return StatementOutput(statementID: id, value: value, report: report, display: display)
  }

  /// The value of a statement, from the cache when its fingerprint is unchanged.
  func evaluate(_ id: Int, memo: inout [Int: Fingerprint]) throws(EvaluationFailure) -> any Value {
    guard let statement = graph.statements[id] else {
      preconditionFailure("statement \(id) is not in the graph")
    }
    let key = fingerprint(of: id, memo: &memo)
    // A command that reads the session itself (vars, graph) is never served from a result.
    if statement.expression.isCacheable, let result = results[id], result.fingerprint == key { return result.value }
    if statement.expression.isCacheable, let cached = cache[key] {
      results[id] = (key, cached.value)
      reports[id] = cached.report
      return cached.value
    }
    let collected = ReportSink()
    let value = try evaluate(statement.expression, in: statement, report: collected, memo: &memo)
    let report = collected.drain()
    results[id] = (key, value)
    reports[id] = report
    if statement.expression.isCacheable {
      if cache.count > 512 { cache.removeAll(keepingCapacity: true) }
      cache[key] = (value, report)
    }
    return value
  }

  private func evaluate(_ expression: BoundExpression, in statement: BoundStatement, report: ReportSink, memo: inout [Int: Fingerprint]) throws(EvaluationFailure) -> any Value {
    switch expression {
    case .literal(let value):
      return value
    case .reference(let identifier):
      return try valueOf(identifier, memo: &memo)
    case .member(let base, let column):
      let value = try evaluate(base, in: statement, report: report, memo: &memo)
      do {
        return try value.member(column.name)
      } catch {
        throw failure(error, statement: statement, range: column.range)
      }
    case .list(let items, _):
      var values: [any Value] = []
      for item in items { values.append(try evaluate(item, in: statement, report: report, memo: &memo)) }
      return ListValue(values)
    case .command(let command):
      return try invoke(command, in: statement, report: report, memo: &memo)
    }
  }

  /// The value bound to a name, running its statement if needed.
  func valueOf(_ identifier: Identifier, memo: inout [Int: Fingerprint]) throws(EvaluationFailure) -> any Value {
    guard let id = graph.binders[identifier.name] else {
      preconditionFailure("unbound name '\(identifier.name)' survived binding")
    }
    return try evaluate(id, memo: &memo)
  }

  // MARK: Fingerprints

  func fingerprint(of id: Int, memo: inout [Int: Fingerprint]) -> Fingerprint {
    if let known = memo[id] { return known }
    guard let statement = graph.statements[id] else { return Fingerprint("missing:\(id)") }
    memo[id] = Fingerprint("cycle:\(id)")  // guards against cycles, which binding has already refused
    var dependencyPrints: [String: String] = [:]
    for dependency in statement.dependencies {
      if let binder = graph.binders[dependency.name] {
        dependencyPrints[dependency.name] = fingerprint(of: binder, memo: &memo).description
      }
    }
    var text = statement.expression.canonical { dependencyPrints[$0] ?? "?" }
    if case .command(let command) = statement.expression, command.signature.readsFile,
      case .text(let path, _)? = command.inputs.first
    {
      text += "|file:" + Fingerprint.fileStamp(context.resolveForReading(path))
    }
    let result = Fingerprint(text)
    memo[id] = result
    return result
  }

  // MARK: Errors

  func failure(_ error: any Error, statement: BoundStatement, range: SourceRange) -> EvaluationFailure {
    if let failure = error as? EvaluationFailure { return failure }
    if let userError = error as? any UserFacingError {
      return EvaluationFailure(file: statement.file, range: range, message: userError.message, hint: userError.hint,
        dataLocation: userError.dataLocation, isCancellation: error is CancellationError)
    }
    return EvaluationFailure(file: statement.file, range: range, message: "\(error)", hint: nil, dataLocation: nil, isCancellation: false)
  }
}

extension BoundExpression {
  var isCacheable: Bool {
    switch self {
    case .command(let command):
      return command.signature.cacheable
    default:
      return true
    }
  }
}
