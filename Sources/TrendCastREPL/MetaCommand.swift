import TrendCastSyntax

/// The REPL's own commands, written with a leading colon at the start of an entry. They act on
/// the session rather than compute a value, so they are not statements of the language and are
/// never saved into a notebook.
enum MetaCommand: Equatable {
  /// `:save FILE.tcnb` — the session's statements as a notebook, with their outputs.
  case save(String)
  /// `:load FILE.tcnb` (or a `.tc` script) — run it into the session.
  case load(String)
  /// `:reset` — forget every name.
  case reset
  /// `:quit` (or `:q`) — leave the REPL.
  case quit
  /// `:help` — keys and meta commands.
  case help

  /// A meta command, or what is wrong with the line.
  enum Parsed: Equatable {
    case command(MetaCommand)
    case invalid(Diagnostic)
  }

  static let names = [":help", ":load", ":quit", ":reset", ":save"]

  static func takesPath(_ name: String) -> Bool { name == ":save" || name == ":load" }

  /// Reads a line that starts with `:` (after spaces); errors point into `file`, whose text is
  /// the line.
  static func parse(_ file: SourceFile) -> Parsed {
    let bytes = file.bytes
    var start = 0
    while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
    var nameEnd = start
    while nameEnd < bytes.count, bytes[nameEnd] != UInt8(ascii: " "), bytes[nameEnd] != UInt8(ascii: "\t") { nameEnd += 1 }
    let name = file.text(of: SourceRange(start, nameEnd))
    let nameRange = SourceRange(start, nameEnd)
    var argumentStart = nameEnd
    while argumentStart < bytes.count, bytes[argumentStart] == UInt8(ascii: " ") || bytes[argumentStart] == UInt8(ascii: "\t") {
      argumentStart += 1
    }
    var argumentEnd = bytes.count
    while argumentEnd > argumentStart, bytes[argumentEnd - 1] == UInt8(ascii: " ") || bytes[argumentEnd - 1] == UInt8(ascii: "\t") {
      argumentEnd -= 1
    }
    let argumentRange = SourceRange(argumentStart, argumentEnd)
    var argument = file.text(of: argumentRange)
    if argument.count >= 2, argument.hasPrefix("\""), argument.hasSuffix("\"") { argument = String(argument.dropFirst().dropLast()) }

    switch name {
    case ":save", ":load":
      let verb = name == ":save" ? "saved to" : "loaded from"
      guard !argument.isEmpty else {
        return .invalid(.error("\(name) needs a file name", at: nameRange, help: "e.g. \(name) analysis.tcnb"))
      }
      if name == ":save", !argument.hasSuffix(".tcnb") {
        return .invalid(.error("a session is \(verb) a notebook, whose name ends in .tcnb", at: argumentRange,
          help: "e.g. :save \(Self.stem(argument)).tcnb"))
      }
      if name == ":load", !argument.hasSuffix(".tcnb"), !argument.hasSuffix(".tc") {
        return .invalid(.error("a session is \(verb) a notebook (.tcnb) or a script (.tc)", at: argumentRange,
          help: "e.g. :load \(Self.stem(argument)).tcnb"))
      }
      return .command(name == ":save" ? MetaCommand.save(argument) : MetaCommand.load(argument))
    case ":reset", ":quit", ":q", ":help":
      guard argument.isEmpty else {
        return .invalid(.error("\(name) takes nothing after it", at: argumentRange))
      }
      switch name {
      case ":reset": return .command(MetaCommand.reset)
      case ":help": return .command(MetaCommand.help)
      default: return .command(MetaCommand.quit)
      }
    default:
      let help = Suggestions.didYouMean(name, among: names) ?? "the REPL's commands are \(names.joined(separator: " ")); type :help"
      return .invalid(.error("there is no REPL command '\(name)'", at: nameRange, help: help))
    }
  }

  private static func stem(_ path: String) -> String {
    guard let dot = path.lastIndex(of: "."), dot != path.startIndex, !path[dot...].contains("/") else { return path }
    return String(path[..<dot])
  }

  /// What `:help` prints.
  static let helpText = """
    The REPL's commands:
      :save FILE.tcnb   save the session's statements as a notebook, with their outputs
      :load FILE.tcnb   run a notebook (or a .tc script) into the session
      :reset            forget every name
      :quit             leave (so does Ctrl-D on an empty line)
    The language's own: help, help COMMAND, vars, graph, plugins.

    Keys:
      Tab               complete commands, options, keywords, names, columns, file paths
      Up, Down          recall earlier entries (kept across sessions)
      Ctrl-R            search earlier entries as you type
      Ctrl-C            cancel the line being typed, or the command that is running
      Ctrl-A, Ctrl-E    start, end of the line; Ctrl-K deletes to its end, Ctrl-U all of it
    A line that ends inside brackets, or with |> or a comma, goes on at the ...> prompt;
    an empty line there sends what is typed.
    """
}
