/// A reader that plays a script of key presses, so tests drive the REPL without a terminal.
///
/// A tab character in a typed line presses Tab at that point: the completion is applied exactly
/// as the terminal reader applies it (`Completions.action`), and listed candidates are kept in
/// `listings`. Prompts shown and history entries are recorded for the test to inspect.
public final class ScriptedLineReader: LineReader {
  public enum Step: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// Type this text and press Enter (a `\t` inside presses Tab).
    case type(String)
    /// Press Ctrl-C while typing.
    case interrupt
    /// Press Ctrl-D on an empty line.
    case endOfInput

    public init(stringLiteral value: String) { self = .type(value) }
  }

  public var completer: ((String) -> Completions)?
  private var steps: [Step]
  private var position = 0
  /// Every prompt shown, in order.
  public private(set) var prompts: [String] = []
  /// Every line as it stood when Enter was pressed (completions applied).
  public private(set) var lines: [String] = []
  /// Candidates shown by Tab presses that listed them.
  public private(set) var listings: [[String]] = []
  public private(set) var history: [String] = []

  public init(_ steps: [Step]) {
    self.steps = steps
  }

  public func readLine(prompt: String) -> LineInput {
    prompts.append(prompt)
    guard position < steps.count else { return .endOfInput }
    let step = steps[position]
    position += 1
    switch step {
    case .interrupt: return .interrupted
    case .endOfInput: return .endOfInput
    case .type(let keys):
      let line = typing(keys)
      lines.append(line)
      return .line(line)
    }
  }

  /// The line that typing `keys` leaves before Enter, pressing Tab at each tab character.
  public func typing(_ keys: String) -> String {
    var line = ""
    for key in keys {
      guard key == "\t" else {
        line.append(key)
        continue
      }
      guard let completer else { continue }
      switch completer(line).action {
      case .insert(let word, let text):
        if line.hasSuffix(word) { line.removeLast(word.count) }
        line += text
      case .list(let candidates):
        listings.append(candidates)
      case .none:
        break
      }
    }
    return line
  }

  public func addHistory(_ entry: String) {
    history.append(entry)
  }

  /// Whether every step has been played.
  public var isFinished: Bool { position >= steps.count }
}
