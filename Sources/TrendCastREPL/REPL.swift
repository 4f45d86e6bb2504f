import TrendCastLineReader
import TrendCastPlugin
import TrendCastSyntax

/// The read–eval–print loop: reads entries from a `LineReader`, continues unfinished ones at
/// `...> `, runs meta commands, hands statements to a `REPLSession` and prints what they show.
/// Errors never end it; `:quit` or Ctrl-D on an empty line does.
public final class REPL {
  public static let prompt = "tc> "
  public static let continuationPrompt = "...> "

  public let session: REPLSession
  private let reader: any LineReader
  private let widthOverride: Int?
  private let terminalWidth: () -> Int?
  private let write: (String) -> Void
  private let writeError: (String) -> Void
  /// Lines of the entry being typed, when it has not ended yet.
  private var pending: [String] = []

  /// - Parameters:
  ///   - widthOverride: `--width`; without it, displays follow `terminalWidth`, read before each
  ///     entry so a resized window counts.
  ///   - write: stdout; `writeError`: stderr. Both receive whole lines.
  public init(session: REPLSession, reader: any LineReader, widthOverride: Int?, terminalWidth: @escaping () -> Int? = { nil },
              write: @escaping (String) -> Void, writeError: @escaping (String) -> Void) {
    self.session = session
    self.reader = reader
    self.widthOverride = widthOverride
    self.terminalWidth = terminalWidth
    self.write = write
    self.writeError = writeError
    reader.completer = { [unowned self] line in
      self.session.completer().complete(line, pending: self.pending.joined(separator: "\n"))
    }
  }

  /// Runs until `:quit` or the end of input.
  public func run() {
    while true {
      updateWidth()
      switch reader.readLine(prompt: pending.isEmpty ? Self.prompt : Self.continuationPrompt) {
      case .endOfInput:
        guard pending.isEmpty else {
          pending = []
          writeError("(the unfinished entry was dropped; Ctrl-D again to leave)\n")
          continue
        }
        return
      case .interrupted:
        pending = []
      case .line(let line):
        if !handle(line) { return }
      }
    }
  }

  /// Handles one line; false when the REPL should end.
  private func handle(_ line: String) -> Bool {
    let blank = line.allSatisfy(\.isWhitespace)
    if pending.isEmpty {
      if blank { return true }
      if line.drop(while: { $0 == " " }).hasPrefix(":") {
        reader.addHistory(line)
        return runMetaCommand(line)
      }
    }
    // An empty line at `...> ` sends what is there, so a stray comma cannot trap the user.
    if !blank { pending.append(line) }
    let entry = pending.joined(separator: "\n")
    if !blank, Continuation.isUnfinished(entry) { return true }
    pending = []
    reader.addHistory(entry)
    show(runInterruptibly { session.submit(entry) })
    return true
  }

  private func runMetaCommand(_ line: String) -> Bool {
    let file = SourceFile(name: "<repl>", text: line, firstLine: session.skipLines(of: line))
    switch MetaCommand.parse(file) {
    case .invalid(let diagnostic):
      writeError(DiagnosticFormatter.format(diagnostic, in: file))
    case .command(.quit):
      return false
    case .command(.help):
      write(MetaCommand.helpText + "\n")
    case .command(.reset):
      session.reset()
      write("the session is empty: every name was forgotten\n")
    case .command(.save(let path)):
      show(runInterruptibly { session.save(to: path) })
    case .command(.load(let path)):
      show(runInterruptibly { session.load(path) })
    }
    return true
  }

  /// Runs `work` with Ctrl-C armed for it alone: a press while typing earlier does not count.
  private func runInterruptibly(_ work: () -> REPLSession.EntryResult) -> REPLSession.EntryResult {
    session.context.cancellation.reset()
    defer { session.context.cancellation.reset() }
    return work()
  }

  private func show(_ result: REPLSession.EntryResult) {
    if !result.output.isEmpty { write(result.output + "\n") }
    if !result.errors.isEmpty { writeError(result.errors) }
  }

  private func updateWidth() {
    guard let width = widthOverride ?? terminalWidth() else { return }
    session.context.style.width = min(1000, max(20, width))
  }
}
