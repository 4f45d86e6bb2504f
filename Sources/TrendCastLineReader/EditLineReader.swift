import CLibedit

#if canImport(Glibc)
import Glibc
#endif

/// Line editing in a terminal with libedit: emacs keys (or the user's ~/.editrc), history recall
/// with up and down, incremental search with Ctrl-R, Tab completion, UTF-8 input.
///
/// Ctrl-C while typing: libedit restores the terminal and passes SIGINT on to the handler the
/// REPL installed (which must not ask for restarted reads); the interrupted read then ends with
/// EINTR, and `readLine` reports `.interrupted` with the line abandoned.
public final class EditLineReader: LineReader {
  public var completer: ((String) -> Completions)?
  private let editor: OpaquePointer
  private let history: OpaquePointer
  private let historyFile: HistoryFile?
  private let warn: (String) -> Void
  private var historyWarned = false
  /// The prompt libedit draws, as a C string that lives until the next prompt.
  private var promptBuffer: UnsafeMutablePointer<CChar>?

  /// An editor on the standard streams; nil if libedit cannot start. Entries are loaded from
  /// `historyFile` and appended to it; `warn` hears once if the file cannot be written.
  public init?(historyFile: HistoryFile?, warn: @escaping (String) -> Void) {
    Terminal.enableUTF8Input()
    guard let editor = tc_el_init("trendcast") else { return nil }
    guard let history = history_init() else {
      el_end(editor)
      return nil
    }
    self.editor = editor
    self.history = history
    self.historyFile = historyFile
    self.warn = warn
    tc_history_set_size(history, Int32(historyFile?.limit ?? 1000))
    tc_history_set_unique(history, 1)
    for entry in historyFile?.load() ?? [] { tc_history_enter(history, entry) }

    tc_el_set_editor(editor, "emacs")
    tc_el_set_signal(editor, 1)
    tc_el_set_history(editor, history)
    tc_el_set_prompt(editor, { editor in
      guard let editor, let reader = EditLineReader.owner(of: editor) else { return nil }
      return reader.promptBuffer
    }, 1)
    tc_el_set_client_data(editor, Unmanaged.passUnretained(self).toOpaque())
    tc_el_add_function(editor, "tc-complete", "complete the word before the cursor", { editor, _ in
      guard let editor, let reader = EditLineReader.owner(of: editor) else { return UInt8(CC_ERROR) }
      return reader.complete()
    })
    tc_el_bind(editor, "^I", "tc-complete")
    tc_el_bind(editor, "^R", "em-inc-search-prev")
    // The user's own bindings (~/.editrc or $EDITRC) come last, so they win.
    el_source(editor, nil)
  }

  deinit {
    el_end(editor)
    history_end(history)
    free(promptBuffer)
  }

  private static func owner(of editor: OpaquePointer) -> EditLineReader? {
    guard let data = tc_el_get_client_data(editor) else { return nil }
    return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
  }

  // MARK: Reading

  public func readLine(prompt: String) -> LineInput {
    free(promptBuffer)
    promptBuffer = strdup(prompt)
    var count: Int32 = 0
    errno = 0
    guard let line = el_gets(editor, &count) else {
      if count < 0, errno == EINTR {
        Terminal.write("\n", to: STDOUT_FILENO)
        return .interrupted
      }
      // Ctrl-D on an empty line: end the prompt's line so the shell starts on a fresh one.
      Terminal.write("\n", to: STDOUT_FILENO)
      return .endOfInput
    }
    var text = String(cString: line)
    if text.hasSuffix("\n") { text.removeLast() }
    return .line(text)
  }

  public func addHistory(_ entry: String) {
    guard !entry.allSatisfy(\.isWhitespace) else { return }
    tc_history_enter(history, entry)
    guard let historyFile else { return }
    do {
      try historyFile.append(entry)
    } catch {
      if !historyWarned { warn("trendcast: \(error); history is kept for this session only\n") }
      historyWarned = true
    }
  }

  // MARK: Completion

  /// Tab: inserts the single completion or the candidates' common start, else lists them.
  private func complete() -> UInt8 {
    guard let completer, let info = el_line(editor)?.pointee, let buffer = info.buffer, let cursor = info.cursor else {
      return UInt8(CC_ERROR)
    }
    let length = buffer.distance(to: cursor)
    let before = buffer.withMemoryRebound(to: UInt8.self, capacity: max(0, length)) { bytes in
      String(decoding: UnsafeBufferPointer(start: bytes, count: max(0, length)), as: UTF8.self)
    }
    switch completer(before).action {
    case .insert(let word, let text):
      // libedit counts wide characters, which are Unicode scalars.
      let deleting = word.unicodeScalars.count
      if deleting > 0 { el_deletestr(editor, Int32(deleting)) }
      return el_insertstr(editor, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
    case .list(let candidates):
      Terminal.write("\n" + Self.columns(candidates, width: Terminal.columns ?? 80), to: STDOUT_FILENO)
      return UInt8(CC_REDISPLAY)
    case .none:
      return UInt8(CC_REFRESH_BEEP)
    }
  }

  /// Candidates laid out in columns, row by row, as shells list completions.
  static func columns(_ candidates: [String], width: Int) -> String {
    let cell = (candidates.map(\.count).max() ?? 0) + 2
    let perRow = max(1, width / max(1, cell))
    var out = ""
    for (index, candidate) in candidates.enumerated() {
      let last = index == candidates.count - 1 || (index + 1) % perRow == 0
      out += last ? candidate + "\n" : candidate + String(repeating: " ", count: cell - candidate.count)
    }
    return out
  }
}
