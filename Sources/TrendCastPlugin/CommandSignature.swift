import TrendCastValues

/// What a command accepts: the contract from which parsing, checking, `help` and completion are
/// all derived.
public struct CommandSignature: Sendable {
  /// The command's words: ["fit", "arima"].
  public var words: [String]
  /// One line for the command list.
  public var summary: String
  /// Longer help: what the command does, how it decides, what it reports.
  public var discussion: String
  public var inputs: [InputSpec]
  public var options: [OptionSpec]
  /// Bare words that switch something on (`show t desc`, `load f transactions`).
  public var flags: [FlagSpec]
  /// Complete statements a user can copy.
  public var examples: [String]
  /// What it returns.
  public var result: ValueKind?
  /// Whether the first input is a file to read: the file's size and modification time then
  /// take part in the cache key, so an edited file is read again.
  public var readsFile: Bool
  /// False for commands whose result must not be reused from the cache: they write files
  /// (`save`) or describe the session (`vars`).
  public var cacheable: Bool

  public init(_ words: [String], summary: String, discussion: String = "", inputs: [InputSpec] = [], options: [OptionSpec] = [],
              flags: [FlagSpec] = [], examples: [String] = [], result: ValueKind? = nil, readsFile: Bool = false, cacheable: Bool = true) {
    self.words = words
    self.summary = summary
    self.discussion = discussion
    self.inputs = inputs
    self.options = options
    self.flags = flags
    self.examples = examples
    self.result = result
    self.readsFile = readsFile
    self.cacheable = cacheable
  }

  public var name: String { words.joined(separator: " ") }

  public func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }

  /// `fit arima X [order=(p,d,q)] …` — the usage line of help and error messages.
  public var usage: String {
    var parts = [name]
    for input in inputs {
      switch input.arity {
      case .one: parts.append(input.name)
      case .optional: parts.append("[\(input.name)]")
      case .oneOrMore: parts.append("\(input.name)…")
      case .zeroOrMore: parts.append("[\(input.name)…]")
      }
    }
    for option in options {
      let text = "\(option.name)=\(option.type.placeholder)"
      parts.append(option.isRequired ? text : "[\(text)]")
    }
    for flag in flags { parts.append("[\(flag.name)]") }
    return parts.joined(separator: " ")
  }
}

/// A positional input.
public struct InputSpec: Sendable {
  public enum Arity: Sendable { case one, optional, oneOrMore, zeroOrMore }

  public enum InputType: Sendable {
    /// A value from the graph (a name, `name.column`, or a literal) of one of these kinds
    /// (empty: any kind). Unless `.panel` is listed, a panel given here is handled member by
    /// member: the command runs once per id and the results form a panel.
    case value([ValueKind])
    /// Text: a string literal, or a name bound to text (a file path).
    case text
    /// A bare word, not a name in the graph (`dataset airpassengers`, `help fit`).
    case word
    /// A column name, written bare or quoted (`select sales date units`).
    case column
    /// A condition on columns (`filter sales units > 0 and price < 10`).
    case condition
  }

  public var name: String
  public var type: InputType
  public var arity: Arity
  public var help: String
  /// For a `.word` input: the words it accepts, for completion (`dataset` lists its samples).
  public var suggestions: (@Sendable (RunContext) -> [String])?

  public init(_ name: String, _ type: InputType, arity: Arity = .one, help: String,
              suggestions: (@Sendable (RunContext) -> [String])? = nil) {
    self.name = name
    self.type = type
    self.arity = arity
    self.help = help
    self.suggestions = suggestions
  }
}

/// A `key=value` option.
public struct OptionSpec: Sendable {
  public var name: String
  public var type: OptionType
  /// The value used when the option is not given (nil: no default).
  public var defaultValue: OptionValue?
  /// How the default reads in help when it is computed ("from the series' frequency").
  public var defaultDescription: String?
  public var isRequired: Bool
  public var help: String

  public init(_ name: String, _ type: OptionType, default defaultValue: OptionValue? = nil, defaultDescription: String? = nil, required: Bool = false, help: String) {
    self.name = name
    self.type = type
    self.defaultValue = defaultValue
    self.defaultDescription = defaultDescription
    self.isRequired = required
    self.help = help
  }
}

/// A bare word that switches on a behaviour.
public struct FlagSpec: Sendable {
  public var name: String
  public var help: String
  public init(_ name: String, help: String) {
    self.name = name
    self.help = help
  }
}

/// The type of an option's value. A bare word is a keyword for `.keyword` options and a column
/// for `.column` options; elsewhere it names a value in the graph (`h=horizon`).
public indirect enum OptionType: Sendable {
  case number
  case integer
  case string
  case boolean
  case keyword([String])
  /// A keyword or a quoted string (`model=auto`, `model="AAdM"`).
  case keywordOrString([String])
  /// `(1,1,1)`: between `counts.lowerBound` and `counts.upperBound` elements.
  case tuple(OptionType, counts: ClosedRange<Int>)
  /// `[80, 95]`; a single element is accepted as a list of one.
  case list(OptionType)
  case column
  /// A value from the graph of one of these kinds (empty: any).
  case reference([ValueKind])

  /// How the type reads in usage lines.
  public var placeholder: String {
    switch self {
    case .number: return "N"
    case .integer: return "N"
    case .string: return "\"TEXT\""
    case .boolean: return "true|false"
    case .keyword(let words): return words.joined(separator: "|")
    case .keywordOrString(let words): return (words + ["\"…\""]).joined(separator: "|")
    case .tuple(let element, let counts):
      let names = (0..<counts.upperBound).map { _ in element.placeholder == "N" ? "n" : element.placeholder }
      return "(\(names.joined(separator: ",")))"
    case .list(let element): return "[\(element.placeholder),…]"
    case .column: return "COL"
    case .reference(let kinds): return kinds.isEmpty ? "NAME" : kinds.map { $0.rawValue.uppercased() }.joined(separator: "|")
    }
  }

  /// The keywords this type allows, for completion and hints.
  public var keywords: [String] {
    switch self {
    case .keyword(let words), .keywordOrString(let words): return words
    case .boolean: return ["true", "false"]
    case .list(let element), .tuple(let element, _): return element.keywords
    default: return []
    }
  }
}
