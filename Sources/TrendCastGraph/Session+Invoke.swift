import Dispatch
import Synchronization
import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

extension Session {
  /// Evaluates a command's inputs and options, then runs it — once, or once per member when a
  /// panel arrives where the command expects a single value.
  func invoke(_ command: BoundCommand, in statement: BoundStatement, report: ReportSink, memo: inout [Int: Fingerprint]) throws(EvaluationFailure) -> any Value {
    var inputs: [InputValue] = []
    for input in command.inputs {
      switch input {
      case .expression(let expression, _):
        inputs.append(.value(try evaluateNested(expression, in: statement, report: report, memo: &memo)))
      case .text(let text, _):
        inputs.append(.text(text))
      case .textReference(let identifier):
        let value = try valueOf(identifier, memo: &memo)
        guard let text = value as? TextValue else {
          throw EvaluationFailure(file: statement.file, range: identifier.range,
            message: "'\(identifier.name)' is \(value.kind.withArticle), but \(command.signature.name) needs text here",
            hint: "bind it to text, e.g. \(identifier.name) = \"data/sales.csv\"", dataLocation: nil, isCancellation: false)
        }
        inputs.append(.text(text.text))
      case .condition(let condition, _):
        inputs.append(.condition(condition))
      }
    }
    var options: [String: OptionValue] = [:]
    for (name, bound) in command.options {
      let range = command.optionRanges[name] ?? command.nameRange
      options[name] = try resolve(bound, option: name, in: statement, range: range, report: report, memo: &memo)
    }
    let given = Set(options.keys)
    for spec in command.signature.options where options[spec.name] == nil {
      if let value = spec.defaultValue { options[spec.name] = value }
    }
    var context = self.context
    context.report = report
    if command.entry.plugin == LanguagePlugin.name { context.session = snapshot() }
    var invocation = Invocation(signature: command.signature, inputs: inputs, options: options, givenOptions: given, flags: command.flags, context: context)
    invocation.inputLabels = command.inputs.map { statement.file.text(of: $0.range) }
    do {
      return try runMappingPanels(command, invocation)
    } catch {
      throw failure(error, statement: statement, range: focusRange(of: error, in: command))
    }
  }

  private func evaluateNested(_ expression: BoundExpression, in statement: BoundStatement, report: ReportSink, memo: inout [Int: Fingerprint]) throws(EvaluationFailure) -> any Value {
    switch expression {
    case .command(let inner): return try invoke(inner, in: statement, report: report, memo: &memo)
    case .reference(let identifier): return try valueOf(identifier, memo: &memo)
    case .literal(let value): return value
    case .member(let base, let column):
      let value = try evaluateNested(base, in: statement, report: report, memo: &memo)
      do { return try value.member(column.name) } catch { throw failure(error, statement: statement, range: column.range) }
    case .list(let items, _):
      var values: [any Value] = []
      for item in items { values.append(try evaluateNested(item, in: statement, report: report, memo: &memo)) }
      return ListValue(values)
    }
  }

  /// The part of the statement an error is about.
  private func focusRange(of error: any Error, in command: BoundCommand) -> SourceRange {
    guard let focus = (error as? any UserFacingError)?.focus else { return command.nameRange }
    switch focus {
    case .option(let name): return command.optionRanges[name] ?? command.nameRange
    case .input(let position): return position < command.inputs.count ? command.inputs[position].range : command.nameRange
    }
  }

  // MARK: Options

  private func resolve(_ bound: BoundOptionValue, option: String, in statement: BoundStatement, range: SourceRange, report: ReportSink, memo: inout [Int: Fingerprint]) throws(EvaluationFailure) -> OptionValue {
    switch bound {
    case .literal(let value):
      return value
    case .member(let expression):
      return .value(try evaluateNested(expression, in: statement, report: report, memo: &memo))
    case .tuple(let items):
      var values: [OptionValue] = []
      for item in items { values.append(try resolve(item, option: option, in: statement, range: range, report: report, memo: &memo)) }
      return .tuple(values)
    case .list(let items):
      var values: [OptionValue] = []
      for item in items { values.append(try resolve(item, option: option, in: statement, range: range, report: report, memo: &memo)) }
      return .list(values)
    case .reference(let identifier, let type):
      let value = try valueOf(identifier, memo: &memo)
      guard let converted = convert(value, to: type) else {
        throw EvaluationFailure(file: statement.file, range: identifier.range,
          message: "'\(identifier.name)' is \(describe(value)), which option '\(option)' cannot take",
          hint: "option '\(option)' needs \(type.placeholder)", dataLocation: nil, isCancellation: false)
      }
      return converted
    }
  }

  private func describe(_ value: any Value) -> String {
    if let text = value as? TextValue { return "\"\(text.text)\"" }
    if let number = value as? NumberValue { return number.summary }
    return value.kind.withArticle
  }

  /// A bound value as an option of `type`, or nil when it does not fit.
  private func convert(_ value: any Value, to type: OptionType) -> OptionValue? {
    switch type {
    case .number, .integer:
      guard let number = value as? NumberValue else { return nil }
      if case .integer = type {
        guard !number.isPercent, number.value == number.value.rounded(), abs(number.value) < 1e15 else { return nil }
        return .integer(Int(number.value))
      }
      return .number(number.value, isPercent: number.isPercent)
    case .string, .column:
      return (value as? TextValue).map { .string($0.text) }
    case .keyword(let allowed):
      guard let text = value as? TextValue, allowed.contains(text.text) else { return nil }
      return .keyword(text.text)
    case .keywordOrString(let allowed):
      guard let text = value as? TextValue else { return nil }
      return allowed.contains(text.text) ? .keyword(text.text) : .string(text.text)
    case .boolean:
      guard let text = value as? TextValue, text.text == "true" || text.text == "false" else { return nil }
      return .boolean(text.text == "true")
    case .tuple(let element, _), .list(let element):
      let items = (value as? ListValue)?.items ?? [value]
      var converted: [OptionValue] = []
      for item in items {
        guard let element = convert(item, to: element) else { return nil }
        converted.append(element)
      }
      if case .tuple = type { return .tuple(converted) }
      return .list(converted)
    case .reference(let kinds):
      guard kinds.isEmpty || kinds.contains(value.kind) || value is Panel else { return nil }
      return .value(value)
    }
  }

  // MARK: Panels

  /// Positions of value inputs that hold a panel where the signature wants a single value.
  private func panelPositions(_ invocation: Invocation) -> [Int] {
    let specs = invocation.signature.inputs
    return invocation.inputs.indices.filter { position in
      guard case .value(let value) = invocation.inputs[position], value is Panel else { return false }
      let spec = position < specs.count ? specs[position] : specs.last
      guard let spec, case .value(let kinds) = spec.type else { return false }
      return !kinds.isEmpty && !kinds.contains(.panel)
    }
  }

  private func runMappingPanels(_ command: BoundCommand, _ invocation: Invocation) throws -> any Value {
    let positions = panelPositions(invocation)
    guard let first = positions.first, case .value(let firstValue) = invocation.inputs[first], let lead = firstValue as? Panel else {
      return try command.entry.command.run(invocation)
    }
    // Every panel input must have the same ids; members are matched by id.
    var memberValues: [Int: [String: any Value]] = [:]
    for position in positions {
      guard case .value(let value) = invocation.inputs[position], let panel = value as? Panel else { continue }
      var byID: [String: any Value] = [:]
      for entry in panel.entries { byID[entry.id] = entry.value }
      for entry in lead.entries where byID[entry.id] == nil {
        throw RuntimeError("the panels given to \(command.signature.name) do not have the same ids: '\(entry.id)' is missing from input \(position + 1)").focused(on: .input(position))
      }
      memberValues[position] = byID
    }
    let entries = lead.entries
    let membersByPosition = memberValues
    let run = command.entry.command.run
    let progress = invocation.context.progress
    progress.start(command.signature.name, total: entries.count)
    defer { progress.finish() }
    let outcomes = Mutex<[Int: Result<(any Value, [String]), any Error>]>([:])
    let workers = min(invocation.context.parallelism, entries.count)
    let makeInvocation: @Sendable (Int) -> (Invocation, ReportSink) = { index in
      var member = invocation
      let sink = ReportSink()
      member.context.report = sink
      // The panel already keeps every worker busy: a member must not start threads of its own.
      member.context.parallelism = 1
      for position in positions {
        member.inputs[position] = .value(membersByPosition[position]?[entries[index].id] ?? entries[index].value)
      }
      return (member, sink)
    }
    let cancellation = invocation.context.cancellation
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var index = worker
      while index < entries.count {
        if cancellation.isCancelled {
          outcomes.withLock { $0[index] = .failure(CancellationError()) }
        } else {
          let (member, sink) = makeInvocation(index)
          let outcome = Result { (try run(member), sink.drain()) }
          outcomes.withLock { $0[index] = outcome }
          progress.advance(by: 1)
        }
        index += workers
      }
    }
    var results: [Panel.Entry] = []
    let collected = outcomes.withLock { $0 }
    for (index, entry) in entries.enumerated() {
      switch collected[index] {
      case .success((let value, let lines))?:
        for line in lines { invocation.context.report("[\(entry.id)] \(line)") }
        results.append(Panel.Entry(id: entry.id, value: value))
      case .failure(let error)?:
        if error is CancellationError { throw error }
        if var runtime = error as? RuntimeError {
          runtime.message = "\(lead.idName) \(entry.id): \(runtime.message)"
          throw runtime
        }
        if let userError = error as? any UserFacingError {
          throw RuntimeError("\(lead.idName) \(entry.id): \(userError.message)", hint: userError.hint, at: userError.dataLocation, focus: userError.focus)
        }
        throw error
      case nil:
        throw CancellationError()
      }
    }
    return Panel(idName: lead.idName, entries: results)
  }
}
