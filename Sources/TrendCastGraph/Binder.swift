import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// Checks statements against the command signatures and decides what every word means.
///
/// A bare word is a flag if the command declares one of that name, a keyword or a column where
/// the option's type says so, and otherwise a name in the graph. Everything wrong — an unknown
/// option, a keyword that is not allowed, a missing input — becomes a diagnostic with the
/// nearest correct spelling, and binding goes on so all errors of a cell are reported at once.
public struct Binder {
  let registry: PluginRegistry
  /// Names bound anywhere in the program, to tell a parameterised keyword (`fill=method`) from a typo.
  let knownNames: Set<String>
  public private(set) var diagnostics: [Diagnostic] = []

  public init(registry: PluginRegistry, knownNames: Set<String>) {
    self.registry = registry
    self.knownNames = knownNames
  }

  public mutating func bind(_ statement: Statement, id: Int, file: SourceFile) -> BoundStatement? {
    let before = diagnostics.count
    let expression = bindExpression(statement.expression)
    guard diagnostics.count == before, let expression else { return nil }
    var dependencies: [Identifier] = []
    collectDependencies(expression, into: &dependencies)
    return BoundStatement(id: id, file: file, statement: statement, name: statement.boundName, expression: expression, dependencies: dependencies)
  }

  // MARK: Expressions

  mutating func bindExpression(_ expression: Expression) -> BoundExpression? {
    switch expression {
    case .value(let value):
      return bindValue(value)
    case .command(let call):
      return bindCommand(call, piped: nil).map(BoundExpression.command)
    case .pipe(let lhs, let call):
      guard let input = bindExpression(lhs) else { return nil }
      return bindCommand(call, piped: (input, lhs.range)).map(BoundExpression.command)
    }
  }

  /// A value standing alone or as a value input: a name, `name.column`, a literal or a list.
  mutating func bindValue(_ value: ArgumentValue) -> BoundExpression? {
    switch value {
    case .word(let identifier):
      return .reference(identifier)
    case .member(let base, let column):
      return .member(.reference(base), column)
    case .number(let number, let isPercent, _):
      return .literal(NumberValue(number, isPercent: isPercent))
    case .string(let text, _):
      return .literal(TextValue(text))
    case .list(let items, let range), .tuple(let items, let range):
      var bound: [BoundExpression] = []
      for item in items {
        guard let element = bindValue(item) else { return nil }
        bound.append(element)
      }
      return .list(bound, range)
    case .comparison(_, _, _, let range), .logical(_, _, _, let range):
      error("a condition can only be an input of a command that filters", at: range, help: "for example: filter sales units > 0")
      return nil
    }
  }

  // MARK: Commands

  mutating func bindCommand(_ call: CommandCall, piped: (BoundExpression, SourceRange)?) -> BoundCommand? {
    guard let entry = registry.entry(call.words.map(\.name)) else {
      error("unknown command '\(call.name)'", at: call.nameRange, help: Suggestions.didYouMean(call.name, among: registry.commandNames))
      return nil
    }
    let signature = entry.command.signature
    var inputs: [BoundInput] = []
    var options: [String: BoundOptionValue] = [:]
    var optionRanges: [String: SourceRange] = [:]
    var flags: Set<String> = []
    var failed = false

    if let (expression, range) = piped {
      if signature.inputs.isEmpty {
        error("\(signature.name) takes no input, so nothing can be piped into it", at: call.nameRange)
        failed = true
      } else {
        inputs.append(.expression(expression, range))
      }
    }

    for argument in call.arguments {
      switch argument {
      case .positional(let value):
        // A word that is both a flag and a bound name is the name while the command still
        // lacks a required input: `diff seasonal` differences the series named seasonal,
        // `diff air seasonal` takes the seasonal difference of air.
        if case .word(let word) = value, signature.flags.contains(where: { $0.name == word.name }),
           !(knownNames.contains(word.name) && inputs.count < requiredInputCount(signature)) {
          if !flags.insert(word.name).inserted { warnDuplicate(word.name, at: word.range) }
          continue
        }
        guard let spec = inputSpec(for: inputs.count, in: signature) else {
          let count = signature.inputs.count
          error("\(signature.name) takes \(count == 0 ? "no" : "\(count)") input\(count == 1 ? "" : "s"); this one is extra", at: value.range,
            help: hintForExtraInput(value, signature: signature))
          failed = true
          continue
        }
        if let input = bindInput(value, spec: spec, signature: signature) { inputs.append(input) } else { failed = true }
      case .option(let key, let value):
        guard let spec = signature.option(named: key.name) else {
          let isFlag = signature.flags.contains { $0.name == key.name }
          error("unknown option '\(key.name)' for \(signature.name)", at: key.range,
            help: isFlag ? "'\(key.name)' is a flag: write it on its own, without '='"
              : Suggestions.didYouMean(key.name, among: signature.options.map(\.name)) ?? optionListHint(signature))
          failed = true
          continue
        }
        if options[key.name] != nil {
          error("option '\(key.name)' is given twice", at: key.range)
          failed = true
          continue
        }
        guard let bound = bindOption(value, type: spec.type, option: spec.name, signature: signature) else {
          failed = true
          continue
        }
        options[key.name] = bound
        optionRanges[key.name] = key.range.union(value.range)
      }
    }

    let required = requiredInputCount(signature)
    if !failed, inputs.count < required {
      let missing = signature.inputs[min(inputs.count, signature.inputs.count - 1)]
      error("\(signature.name) needs \(missing.name): \(missing.help)", at: call.nameRange, help: "usage: \(signature.usage)")
      failed = true
    }
    for spec in signature.options where spec.isRequired && options[spec.name] == nil && !failed {
      error("\(signature.name) needs the option \(spec.name)=\(spec.type.placeholder)", at: call.nameRange, help: spec.help)
      failed = true
    }
    if failed { return nil }
    return BoundCommand(entry: entry, nameRange: call.nameRange, inputs: inputs, options: options, optionRanges: optionRanges, flags: flags)
  }

  private func requiredInputCount(_ signature: CommandSignature) -> Int {
    signature.inputs.filter { $0.arity == .one || $0.arity == .oneOrMore }.count
  }

  private func inputSpec(for position: Int, in signature: CommandSignature) -> InputSpec? {
    if position < signature.inputs.count { return signature.inputs[position] }
    if let last = signature.inputs.last, last.arity == .oneOrMore || last.arity == .zeroOrMore { return last }
    return nil
  }

  private func hintForExtraInput(_ value: ArgumentValue, signature: CommandSignature) -> String {
    if case .word(let word) = value, let flag = Suggestions.nearest(word.name, among: signature.flags.map(\.name)) {
      return "did you mean the flag '\(flag)'?"
    }
    // An option's own name written without '=' is the likeliest meaning (`nearest` never
    // suggests the word itself, so it would offer another option that is one letter away).
    let options = signature.options.map(\.name)
    if case .word(let word) = value, let option = options.contains(word.name) ? word.name : Suggestions.nearest(word.name, among: options) {
      return "options are written key=value: did you mean '\(option)=…'?"
    }
    return "usage: \(signature.usage)"
  }

  private func optionListHint(_ signature: CommandSignature) -> String {
    signature.options.isEmpty ? "\(signature.name) has no options" : "options: \(signature.options.map(\.name).joined(separator: ", "))"
  }

  mutating func bindInput(_ value: ArgumentValue, spec: InputSpec, signature: CommandSignature) -> BoundInput? {
    switch spec.type {
    case .value:
      if case .comparison = value { return conditionNotAllowed(value, signature) }
      if case .logical = value { return conditionNotAllowed(value, signature) }
      return bindValue(value).map { .expression($0, value.range) }
    case .text:
      switch value {
      case .string(let text, let range): return .text(text, range)
      case .word(let identifier): return .textReference(identifier)
      default:
        error("\(signature.name) needs text here (\(spec.help))", at: value.range, help: "write it in quotes, e.g. \"data/sales.csv\"")
        return nil
      }
    case .word, .column:
      switch value {
      case .string(let text, let range): return .text(text, range)
      case .word(let identifier): return .text(identifier.name, identifier.range)
      case .number(let number, _, let range) where spec.type == .word: return .text(NumberFormatting.display(number), range)
      default:
        error("\(signature.name) needs a \(spec.type == .column ? "column name" : "word") here (\(spec.help))", at: value.range)
        return nil
      }
    case .condition:
      guard let condition = bindCondition(value) else { return nil }
      return .condition(condition, value.range)
    }
  }

  private mutating func conditionNotAllowed(_ value: ArgumentValue, _ signature: CommandSignature) -> BoundInput? {
    error("\(signature.name) does not take a condition", at: value.range, help: "conditions are inputs of filter: filter TABLE units > 0")
    return nil
  }

  mutating func bindCondition(_ value: ArgumentValue) -> Condition? {
    switch value {
    case .comparison(let lhs, let op, let rhs, _):
      guard let left = operand(lhs), let right = operand(rhs) else { return nil }
      return .compare(left, ComparisonOperatorName(rawValue: op.rawValue) ?? .equal, right)
    case .logical(let lhs, let op, let rhs, _):
      guard let left = bindCondition(lhs), let right = bindCondition(rhs) else { return nil }
      return op == .and ? .and(left, right) : .or(left, right)
    default:
      error("expected a condition such as `units > 0`", at: value.range)
      return nil
    }
  }

  private mutating func operand(_ value: ArgumentValue) -> Condition.Operand? {
    switch value {
    case .word(let identifier): return .column(identifier.name)
    case .number(let number, _, _): return .number(number)
    case .string(let text, _): return .text(text)
    default:
      error("a comparison compares a column with a number or a string", at: value.range)
      return nil
    }
  }

  mutating func error(_ message: String, at range: SourceRange, help: String? = nil) {
    diagnostics.append(.error(message, at: range, help: help))
  }

  private mutating func warnDuplicate(_ flag: String, at range: SourceRange) {
    diagnostics.append(Diagnostic(.warning, "flag '\(flag)' is given twice", at: range))
  }

  // MARK: Dependencies

  func collectDependencies(_ expression: BoundExpression, into names: inout [Identifier]) {
    switch expression {
    case .literal: break
    case .reference(let identifier): names.append(identifier)
    case .member(let base, _): collectDependencies(base, into: &names)
    case .list(let items, _): for item in items { collectDependencies(item, into: &names) }
    case .command(let command):
      for input in command.inputs {
        switch input {
        case .expression(let expression, _): collectDependencies(expression, into: &names)
        case .textReference(let identifier): names.append(identifier)
        case .text, .condition: break
        }
      }
      for key in command.options.keys.sorted() {
        if let option = command.options[key] { collectDependencies(option, into: &names) }
      }
    }
  }

  func collectDependencies(_ option: BoundOptionValue, into names: inout [Identifier]) {
    switch option {
    case .literal: break
    case .reference(let identifier, _): names.append(identifier)
    case .member(let expression): collectDependencies(expression, into: &names)
    case .tuple(let items), .list(let items): for item in items { collectDependencies(item, into: &names) }
    }
  }
}

extension InputSpec.InputType {
  static func == (lhs: InputSpec.InputType, rhs: InputSpec.InputType) -> Bool {
    switch (lhs, rhs) {
    case (.text, .text), (.word, .word), (.column, .column), (.condition, .condition), (.value, .value): return true
    default: return false
    }
  }
}
