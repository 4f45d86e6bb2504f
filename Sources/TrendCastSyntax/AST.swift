/// The syntax tree of a TrendCast program (LANGUAGE.md §3). Every node keeps its source range so
/// later stages (binding, evaluation) can point at the exact place in an error.

/// A name as written, with where it was written.
public struct Identifier: Sendable, Hashable {
  public var name: String
  public var range: SourceRange
  public init(_ name: String, _ range: SourceRange) {
    self.name = name
    self.range = range
  }
}

/// One statement: `name = expression` binds a node of the dataflow graph; a bare expression is
/// evaluated and displayed.
public struct Statement: Sendable {
  public enum Kind: Sendable {
    case binding(Identifier, Expression)
    case display(Expression)
  }
  public var kind: Kind
  public var range: SourceRange

  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  public var boundName: Identifier? {
    if case .binding(let name, _) = kind { return name }
    return nil
  }
  public var expression: Expression {
    switch kind {
    case .binding(_, let expression), .display(let expression): return expression
    }
  }
}

public indirect enum Expression: Sendable {
  /// `fit arima units order=(1,1,1)`
  case command(CommandCall)
  /// `lhs |> command …`: lhs becomes the command's first input.
  case pipe(Expression, CommandCall)
  /// A literal, a name or `name.column`.
  case value(ArgumentValue)

  public var range: SourceRange {
    switch self {
    case .command(let call): return call.range
    case .pipe(let lhs, let call): return lhs.range.union(call.range)
    case .value(let value): return value.range
    }
  }
}

/// A command and its arguments as written. `words` are the command's name (`fit`, `arima`).
public struct CommandCall: Sendable {
  public var words: [Identifier]
  public var arguments: [Argument]
  public var range: SourceRange

  public init(words: [Identifier], arguments: [Argument], range: SourceRange) {
    self.words = words
    self.arguments = arguments
    self.range = range
  }

  public var name: String { words.map(\.name).joined(separator: " ") }
  public var nameRange: SourceRange {
    guard let first = words.first, let last = words.last else { return range }
    return first.range.union(last.range)
  }
}

public enum Argument: Sendable {
  case positional(ArgumentValue)
  case option(Identifier, ArgumentValue)

  public var range: SourceRange {
    switch self {
    case .positional(let value): return value.range
    case .option(let key, let value): return key.range.union(value.range)
    }
  }
}

public enum LogicalOperator: String, Sendable {
  case and
  case or
}

/// A value as written. Whether a bare word is a name, a keyword or a flag is decided by the
/// command's signature when the statement is bound, not here.
public indirect enum ArgumentValue: Sendable {
  case word(Identifier)
  case member(Identifier, Identifier)
  case number(Double, isPercent: Bool, SourceRange)
  case string(String, SourceRange)
  case tuple([ArgumentValue], SourceRange)
  case list([ArgumentValue], SourceRange)
  case comparison(ArgumentValue, ComparisonOperator, ArgumentValue, SourceRange)
  case logical(ArgumentValue, LogicalOperator, ArgumentValue, SourceRange)

  public var range: SourceRange {
    switch self {
    case .word(let identifier): return identifier.range
    case .member(let base, let column): return base.range.union(column.range)
    case .number(_, _, let range), .string(_, let range), .tuple(_, let range), .list(_, let range),
      .comparison(_, _, _, let range), .logical(_, _, _, let range):
      return range
    }
  }

  /// Every name this value may refer to (bare words and the bases of `name.column`).
  public var words: [Identifier] {
    switch self {
    case .word(let identifier): return [identifier]
    case .member(let base, _): return [base]
    case .number, .string: return []
    case .tuple(let items, _), .list(let items, _): return items.flatMap(\.words)
    case .comparison(let lhs, _, let rhs, _), .logical(let lhs, _, let rhs, _): return lhs.words + rhs.words
    }
  }
}

/// What the parser needs to know about commands: which words start one and how long each is.
/// The plugin registry provides it from the signatures plugins declare.
public protocol CommandVocabulary: Sendable {
  /// The command names (`load`, `fit arima`, …) as word lists.
  var commandPaths: [[String]] { get }
}

extension CommandVocabulary {
  /// Whether `word` starts any command.
  public func startsCommand(_ word: String) -> Bool {
    commandPaths.contains { $0.first == word }
  }
  /// The words that may follow `prefix` in some command.
  public func continuations(of prefix: [String]) -> [String] {
    var seen = Set<String>()
    var result: [String] = []
    for path in commandPaths where path.count > prefix.count && Array(path.prefix(prefix.count)) == prefix {
      if seen.insert(path[prefix.count]).inserted { result.append(path[prefix.count]) }
    }
    return result
  }
  /// Whether `words` is exactly a command.
  public func isCommand(_ words: [String]) -> Bool {
    commandPaths.contains { $0 == words }
  }
}
