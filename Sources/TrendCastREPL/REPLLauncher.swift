import Foundation
import TrendCastPlugin
// The REPL's API speaks of line readers and completions; its clients (the front end, tests)
// get those types with it.
@_exported import TrendCastLineReader

#if canImport(Glibc)
import Glibc
#endif

/// Starts the REPL on the terminal: Ctrl-C armed, libedit when it can edit, history on disk.
public enum REPLLauncher {
  public static let banner = "TrendCast — help lists the commands, :help the keys and the REPL's own commands, Ctrl-D leaves."

  /// Runs the REPL until `:quit` or Ctrl-D. `widthOverride` is `--width`; without it displays
  /// follow the terminal's width.
  public static func run(registry: PluginRegistry, context: RunContext, widthOverride: Int?,
                         write: @escaping (String) -> Void, writeError: @escaping (String) -> Void) {
    var context = context
    context.cancellation = interruptFlag
    InterruptHandler.install()
    let environment = ProcessInfo.processInfo.environment
    let reader = makeReader(environment: environment, writeError: writeError)
    let session = REPLSession(registry: registry, context: context)
    if Terminal.isTerminal(STDOUT_FILENO) { write(banner + "\n") }
    REPL(session: session, reader: reader, widthOverride: widthOverride, terminalWidth: { Terminal.columns },
      write: write, writeError: writeError).run()
  }

  /// libedit when standard output is a terminal it can drive; plain lines otherwise (prompts
  /// then go wherever a person is looking).
  static func makeReader(environment: [String: String], writeError: @escaping (String) -> Void) -> any LineReader {
    let outputIsTerminal = Terminal.isTerminal(STDOUT_FILENO)
    if outputIsTerminal, Terminal.canEdit(environment: environment),
      let reader = EditLineReader(historyFile: HistoryFile.defaultPath(environment: environment).map { HistoryFile(path: $0) }, warn: writeError)
    {
      return reader
    }
    return PlainLineReader(promptOutput: outputIsTerminal ? STDOUT_FILENO : STDERR_FILENO)
  }
}
