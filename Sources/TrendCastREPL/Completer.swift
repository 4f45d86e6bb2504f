import TrendCastGraph
import TrendCastLineReader
import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// Tab completion, driven by the command signatures of whatever plugins are registered: the
/// completer knows no command by name (except the language's own `help`, whose words are
/// command words).
///
/// What the word before the cursor completes to depends on where it stands:
/// - where a command starts: command words (`fi` → `fit `, `fit ar` → `fit arima `) and names;
/// - after a command: its option names (`order=`), its flags, names in scope, columns;
/// - after `option=`: the option's keywords (`fill=` → `linear`, `ffill`, …), columns or names;
/// - after `name.`: the columns (parts) of the value bound to `name`;
/// - inside a string: file paths; after `:save ` or `:load `: file paths;
/// - at the start of an entry, after `:`: the meta commands.
public struct Completer {
  public var registry: PluginRegistry
  /// Names in scope.
  public var names: [String]
  /// The value bound to a name, for the columns after `name.`.
  public var value: (String) -> (any Value)?
  /// Folders that relative paths are completed in, in order of preference.
  public var directories: [String]
  /// The session's context, for inputs that suggest their own words.
  public var context: RunContext?

  public init(registry: PluginRegistry, names: [String], value: @escaping (String) -> (any Value)?, directories: [String], context: RunContext? = nil) {
    self.registry = registry
    self.names = names.sorted()
    self.value = value
    self.directories = directories
    self.context = context
  }

  /// Completions for the last word of `line` (the text before the cursor); `pending` holds
  /// the lines of an unfinished entry typed before it.
  public func complete(_ line: String, pending: String = "") -> Completions {
    if pending.isEmpty, let meta = completeMetaCommand(line) { return meta }
    let file = SourceFile(name: "<repl>", text: pending.isEmpty ? line : pending + "\n" + line)
    var lexer = Lexer(file)
    var tokens = lexer.tokenize().filter { $0.kind != .end }
    let end = file.bytes.count

    if let last = tokens.last, case .string = last.kind, last.range.end == end {
      let written = file.text(of: last.range)
      if Self.isUnclosedString(written) { return completePath(String(written.dropFirst()), closing: "\"") }
      return .none
    }
    // Only the statement being typed counts.
    if let statementEnd = tokens.lastIndex(where: { $0.kind == .newline }) { tokens.removeFirst(statementEnd + 1) }

    var word = ""
    if let last = tokens.last, case .name(let name) = last.kind, last.range.end == end {
      word = name
      tokens.removeLast()
    } else if let lastByte = file.bytes.last, lastByte != UInt8(ascii: " "), lastByte != UInt8(ascii: "\t"),
      let last = tokens.last, !Self.opensAWord(last.kind)
    {
      return .none  // the cursor is on a number, a closing bracket or the like
    }

    // `name.` → the parts of name's value
    if tokens.count >= 2, tokens[tokens.count - 1].kind == .dot, case .name(let base) = tokens[tokens.count - 2].kind,
      tokens[tokens.count - 2].range.end == tokens[tokens.count - 1].range.start
    {
      let parts = value(base)?.memberNames ?? []
      return Completions(word: word, candidates: parts.filter { $0.hasPrefix(word) }.map { .init($0) })
    }
    // `option=` → the option's values (not the `name =` of a binding)
    if tokens.count >= 3, tokens[tokens.count - 1].kind == .equals, case .name(let key) = tokens[tokens.count - 2].kind {
      let statement = Array(tokens.dropLast(2))
      guard let call = CallContext(statement, registry: registry), let option = call.signature?.option(named: key) else { return .none }
      return Completions(word: word, candidates: optionValues(option.type, call: call).filter { $0.text.hasPrefix(word) })
    }
    guard let call = CallContext(tokens, registry: registry) else { return .none }
    return Completions(word: word, candidates: candidates(in: call).filter { $0.text.hasPrefix(word) })
  }

  // MARK: Candidates by position

  private func candidates(in call: CallContext) -> [Completions.Candidate] {
    var result: [Completions.Candidate] = []
    if call.arguments.isEmpty {
      result += registry.continuations(of: call.words).sorted().map { .init($0, suffix: " ") }
      if call.words.isEmpty && !call.isPiped { result += names.map { .init($0) } }
    }
    guard let signature = call.signature else { return result }
    let given = call.givenOptions
    result += signature.options.filter { !given.contains($0.name) }.map { .init($0.name + "=") }
    result += signature.flags.filter { !call.givenWords.contains($0.name) }.map { .init($0.name, suffix: " ") }
    if call.words == ["help"], registry.entry(["help"])?.plugin == LanguagePlugin.name {
      result += registry.continuations(of: call.positionalWords).sorted().map { .init($0, suffix: " ") }
    }
    var offersNames = false
    var offersColumns = false
    for input in signature.inputs {
      switch input.type {
      case .value: offersNames = true
      case .column: offersColumns = true
      default: break
      }
    }
    if offersColumns { result += columns(of: call).map { .init($0, suffix: " ") } }
    if let context, call.positionalWords.isEmpty, let first = signature.inputs.first, case .word = first.type, let suggest = first.suggestions {
      result += suggest(context).sorted().map { .init($0, suffix: " ") }
    }
    if offersNames { result += names.map { .init($0) } }
    return result
  }

  private func optionValues(_ type: OptionType, call: CallContext) -> [Completions.Candidate] {
    switch type {
    case .keyword, .keywordOrString, .boolean:
      return type.keywords.map { .init($0, suffix: " ") }
    case .column:
      return columns(of: call).map { .init($0, suffix: " ") }
    case .reference, .number, .integer:
      return names.map { .init($0) }
    case .list(let element), .tuple(let element, _):
      if case .column = element { return columns(of: call).map { .init($0) } }
      return []
    case .string:
      return []
    }
  }

  /// The columns of the command's first input, when it is a name bound to a value with parts.
  private func columns(of call: CallContext) -> [String] {
    guard let name = call.firstInputName, let value = value(name) else { return [] }
    return value.memberNames
  }

  /// Tokens after which a new word may start right away, without a space.
  private static func opensAWord(_ kind: TokenKind) -> Bool {
    switch kind {
    case .equals, .comma, .dot, .leftParen, .leftBracket, .pipe, .compare: return true
    default: return false
    }
  }

  /// Whether a string token's source text lacks its closing quote.
  static func isUnclosedString(_ written: String) -> Bool {
    var escaped = false
    for character in written.dropFirst() {
      if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "\"" {
        return false
      }
    }
    return true
  }
}
