import TrendCastPlugin
import TrendCastSyntax

/// The command call being typed, read from the tokens of its statement before the cursor:
/// which command words are written, what follows them, and what value flows in.
struct CallContext {
  /// The command words typed so far (`["fit"]` while typing `fit ar`).
  var words: [String] = []
  /// The command, once `words` name one.
  var signature: CommandSignature?
  /// The tokens after the command words.
  var arguments: [Token] = []
  /// Whether the call follows `|>`.
  var isPiped = false
  /// The value piped in, when it is a plain name.
  var pipedName: String?

  /// Nil inside an open bracket, where the completer offers nothing.
  init?(_ statement: [Token], registry: PluginRegistry) {
    var start = 0
    if statement.count >= 2, case .name = statement[0].kind, statement[1].kind == .equals { start = 2 }
    var depth = 0
    var lastPipe: Int?
    for index in statement.indices where index >= start {
      switch statement[index].kind {
      case .leftParen, .leftBracket: depth += 1
      case .rightParen, .rightBracket: depth -= 1
      case .pipe where depth == 0: lastPipe = index
      default: break
      }
    }
    guard depth <= 0 else { return nil }
    if let lastPipe {
      let piped = statement[start..<lastPipe]
      if piped.count == 1, let only = piped.first, case .name(let name) = only.kind { pipedName = name }
      isPiped = true
      start = lastPipe + 1
    }
    var index = start
    while index < statement.count, case .name(let word) = statement[index].kind,
      !registry.continuations(of: words).filter({ $0 == word }).isEmpty
    {
      words.append(word)
      index += 1
    }
    signature = registry.isCommand(words) ? registry.command(words)?.signature : nil
    arguments = Array(statement[index...])
  }

  /// Options already given (`key=` written).
  var givenOptions: Set<String> {
    var given = Set<String>()
    for index in arguments.indices.dropLast() {
      if case .name(let key) = arguments[index].kind, arguments[index + 1].kind == .equals { given.insert(key) }
    }
    return given
  }

  /// Bare words among the arguments, in order: names, flags, the words of `help fit arima`.
  var positionalWords: [String] {
    var words: [String] = []
    for index in arguments.indices {
      guard case .name(let word) = arguments[index].kind else { continue }
      let next = index + 1 < arguments.count ? arguments[index + 1].kind : nil
      let previous = index > 0 ? arguments[index - 1].kind : nil
      if next == .equals || previous == .equals || previous == .dot { continue }
      words.append(word)
    }
    return words
  }

  var givenWords: Set<String> { Set(positionalWords) }

  /// The name of the value the command works on: the piped name, else the first bare word
  /// that is not one of the command's flags.
  var firstInputName: String? {
    if isPiped { return pipedName }
    let flags = Set(signature?.flags.map(\.name) ?? [])
    return positionalWords.first { !flags.contains($0) }
  }
}
