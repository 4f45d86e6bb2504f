import TrendCastValues

/// One call of a command: its evaluated inputs and options, and the context to run in.
///
/// The accessors throw `RuntimeError`s that name the input or option, so a plugin can write
/// `let h = try invocation.integer("h")` and get a good message for free.
public struct Invocation: Sendable {
  public var signature: CommandSignature
  public var inputs: [InputValue]
  /// Options as given, with defaults filled in for those not given.
  public var options: [String: OptionValue]
  /// Names of the options the user wrote.
  public var givenOptions: Set<String>
  public var flags: Set<String>
  public var context: RunContext
  /// The source text of each input as written (`units`, `sales.units`), for legends and
  /// messages; empty when the invocation was not made from source.
  public var inputLabels: [String] = []

  public init(signature: CommandSignature, inputs: [InputValue], options: [String: OptionValue], givenOptions: Set<String>, flags: Set<String>, context: RunContext) {
    self.signature = signature
    self.inputs = inputs
    self.options = options
    self.givenOptions = givenOptions
    self.flags = flags
    self.context = context
  }

  public var report: ReportSink { context.report }

  // MARK: Inputs

  /// The value of input `position`.
  public func value(_ position: Int) throws -> any Value {
    guard position < inputs.count else { throw missingInput(position) }
    switch inputs[position] {
    case .value(let value): return value
    case .text(let text): return TextValue(text)
    case .condition: throw RuntimeError("input \(position + 1) of \(signature.name) is a condition, not a value").focused(on: .input(position))
    }
  }

  /// All value inputs from `position` on (for variadic inputs such as `plot a, b, c`).
  public func values(from position: Int) throws -> [any Value] {
    try (position..<inputs.count).map { try value($0) }
  }

  /// Input `position` as a concrete value type.
  public func input<T: Value>(_ position: Int, as type: T.Type, expecting description: String) throws -> T {
    let value = try value(position)
    guard let typed = value as? T else {
      throw RuntimeError("\(signature.name) needs \(description) here, not \(value.kind.withArticle)").focused(on: .input(position))
    }
    return typed
  }

  /// Input `position` as a series: a series, or a table with exactly one numeric column.
  public func series(_ position: Int) throws -> Series {
    let value = try value(position)
    do {
      return try SeriesCoercion.series(from: value)
    } catch let error as RuntimeError {
      throw error.dataLocation == nil ? error.focused(on: .input(position)) : error
    }
  }

  public func table(_ position: Int) throws -> Table {
    try input(position, as: Table.self, expecting: "a table")
  }

  /// Input `position` as text (a path, a word, a column name).
  public func text(_ position: Int) throws -> String {
    guard position < inputs.count else { throw missingInput(position) }
    switch inputs[position] {
    case .text(let text): return text
    case .value(let value):
      if let text = value as? TextValue { return text.text }
      throw RuntimeError("\(signature.name) needs text here, not \(value.kind.withArticle)").focused(on: .input(position))
    case .condition: throw RuntimeError("\(signature.name) needs text here, not a condition").focused(on: .input(position))
    }
  }

  public func texts(from position: Int) throws -> [String] {
    try (position..<inputs.count).map { try text($0) }
  }

  public func condition(_ position: Int) throws -> Condition {
    guard position < inputs.count, case .condition(let condition) = inputs[position] else {
      throw RuntimeError("\(signature.name) needs a condition such as `units > 0`").focused(on: .input(position))
    }
    return condition
  }

  private func missingInput(_ position: Int) -> RuntimeError {
    let name = position < signature.inputs.count ? signature.inputs[position].name : "input \(position + 1)"
    return RuntimeError("\(signature.name) needs \(name)", hint: "usage: \(signature.usage)")
  }

  // MARK: Options

  public func isGiven(_ name: String) -> Bool { givenOptions.contains(name) }
  public func has(flag: String) -> Bool { flags.contains(flag) }

  public func optionValue(_ name: String) -> OptionValue? { options[name] }

  public func number(_ name: String) throws -> Double? {
    guard let option = options[name] else { return nil }
    guard let number = option.doubleValue, number.isFinite else { throw typeError(name, "a number", option) }
    return number
  }

  public func integer(_ name: String) throws -> Int? {
    guard let option = options[name] else { return nil }
    if case .value(let value) = option, let number = value as? NumberValue, number.value == number.value.rounded(), abs(number.value) < 1e15 {
      return Int(number.value)
    }
    guard let integer = option.intValue else { throw typeError(name, "a whole number", option) }
    return integer
  }

  public func keyword(_ name: String) throws -> String? {
    guard let option = options[name] else { return nil }
    guard let text = option.textValue else { throw typeError(name, "a keyword", option) }
    return text
  }

  public func string(_ name: String) throws -> String? {
    try keyword(name)
  }

  public func boolean(_ name: String) throws -> Bool? {
    guard let option = options[name] else { return nil }
    if case .boolean(let flag) = option { return flag }
    if let text = option.textValue, text == "true" || text == "false" { return text == "true" }
    throw typeError(name, "true or false", option)
  }

  /// A tuple or list of whole numbers (`order=(1,1,1)`).
  public func integers(_ name: String) throws -> [Int]? {
    guard let option = options[name] else { return nil }
    var result: [Int] = []
    for element in flattened(option) {
      guard let integer = element.intValue else { throw typeError(name, "whole numbers", option) }
      result.append(integer)
    }
    return result
  }

  /// A tuple or list of numbers (`level=[80,95]`).
  public func numbers(_ name: String) throws -> [Double]? {
    guard let option = options[name] else { return nil }
    var result: [Double] = []
    for element in flattened(option) {
      guard let number = element.doubleValue, number.isFinite else { throw typeError(name, "numbers", option) }
      result.append(number)
    }
    return result
  }

  /// A list of strings or keywords (`basket=["A","B"]`).
  public func strings(_ name: String) throws -> [String]? {
    guard let option = options[name] else { return nil }
    var result: [String] = []
    for element in flattened(option) {
      guard let text = element.textValue else { throw typeError(name, "text", option) }
      result.append(text)
    }
    return result
  }

  /// A value from the graph given as an option (`xreg=future`).
  public func reference(_ name: String) -> (any Value)? {
    guard let option = options[name] else { return nil }
    if case .value(let value) = option { return value }
    return nil
  }

  /// Elements of a list option, looking through a name bound to a list.
  private func flattened(_ option: OptionValue) -> [OptionValue] {
    if case .value(let value) = option, let list = value as? ListValue {
      return list.items.map { item in
        if let number = item as? NumberValue { return .number(number.value, isPercent: number.isPercent) }
        if let text = item as? TextValue { return .string(text.text) }
        return .value(item)
      }
    }
    return option.elements
  }

  private func typeError(_ name: String, _ expected: String, _ option: OptionValue) -> RuntimeError {
    RuntimeError("option '\(name)' of \(signature.name) needs \(expected), not \(option.sourceText)").focused(on: .option(name))
  }

  /// An error about option `name` (for values outside the allowed range).
  public func optionError(_ name: String, _ message: String, hint: String? = nil) -> RuntimeError {
    RuntimeError(message, hint: hint).focused(on: .option(name))
  }
}

/// How a value is read as a series where a model needs one.
public enum SeriesCoercion {
  public static func series(from value: any Value) throws -> Series {
    if let series = value as? Series { return series }
    if let table = value as? Table {
      let timeName = table.timeIndexColumn?.name
      let numeric = table.columns.filter { $0.isNumeric && $0.name != timeName }
      if numeric.count == 1, let only = numeric.first { return try table.series(column: only.name, duplicates: table.duplicatePolicy) }
      if numeric.isEmpty {
        throw RuntimeError("the table has no numeric column to use as a series", hint: "columns: \(table.columnNames.joined(separator: ", "))")
      }
      let names = numeric.map(\.name)
      throw RuntimeError("the table has several numeric columns (\(names.joined(separator: ", "))), so which series is meant is unclear",
        hint: "pick one with a dot, e.g. name.\(names[0])")
    }
    throw RuntimeError("a series is needed here, not \(value.kind.withArticle)")
  }
}
