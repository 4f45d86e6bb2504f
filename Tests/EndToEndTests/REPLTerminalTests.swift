import Foundation
import Testing
import TrendCastTestSupport

/// The real binary in a pseudo-terminal (tmux), typed into as a person would: the prompt, Tab
/// completion, history across sessions, Ctrl-C during a long command. Needs tmux; set
/// TRENDCAST_SKIP_TERMINAL_TESTS=1 to skip them where it cannot be installed.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TRENDCAST_SKIP_TERMINAL_TESTS"] == nil))
struct REPLTerminalTests {
  let root = ReferenceData.repositoryRoot

  func folder() throws -> String {
    let path = NSTemporaryDirectory() + "trendcast-terminal-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// A command word and the shortest prefix that Tab completes to it alone: `fit` from `fi`
  /// once the fitting plugins are registered, another command before that.
  func uniquePrefix() -> (prefix: String, word: String)? {
    let words = Array(Set(ScriptHarness().registry.commandPaths.map { $0[0] })).sorted()
    let preferred = words.contains("fit") ? ["fit"] + words : words
    for word in preferred where word.count >= 2 {
      for length in 1..<word.count {
        let prefix = String(word.prefix(length))
        if words.filter({ $0.hasPrefix(prefix) }) == [word] { return (prefix, word) }
      }
    }
    return nil
  }

  @Test func promptCompletionCtrlCAndHistoryAcrossSessions() throws {
    let state = try folder()
    let terminal = try TerminalSession(directory: root, stateHome: state)
    let prompt = try terminal.waitFor { $0.hasSuffix("tc>") }
    #expect(prompt != nil, "the prompt appears: \(terminal.shown)")

    let (prefix, word) = try #require(uniquePrefix())
    try terminal.type(prefix)
    try terminal.press("Tab")
    try terminal.type("#")  // shows the space Tab added after the word
    let completed = try terminal.waitFor { $0.hasSuffix("tc> \(word) #") }
    #expect(completed != nil, "\(prefix)<Tab> completes to '\(word) ': \(terminal.shown)")

    try terminal.press("C-c")  // abandons the line: nothing runs, a fresh prompt
    let fresh = try terminal.waitFor { $0.hasSuffix("tc> \(word) #\ntc>") }
    #expect(fresh != nil, "Ctrl-C gives a fresh prompt: \(terminal.shown)")

    try terminal.type("answer = 41")
    try terminal.press("Enter")
    try terminal.waitFor { $0.hasSuffix("tc> answer = 41\ntc>") }
    try terminal.press("C-d")
    let ended = try terminal.waitFor { _ in (try? terminal.ended().dead) == true }
    #expect(ended != nil, "Ctrl-D on an empty line ends the REPL")
    let status = try terminal.exitStatus()
    #expect(status == nil || status == 0, "Ctrl-D ends with status 0, not \(String(describing: status))")

    let history = try String(contentsOfFile: state + "/trendcast/history", encoding: .utf8)
    #expect(history == "answer = 41\n", "only the entry that was sent is kept")
    let again = try TerminalSession(directory: root, stateHome: state)
    try again.waitFor { $0.hasSuffix("tc>") }
    try again.press("Up")
    let recalled = try again.waitFor { $0.hasSuffix("tc> answer = 41") }
    #expect(recalled != nil, "Up recalls the entry of the last session: \(again.shown)")
  }

  @Test func ctrlCStopsALongCommandAndReturnsToThePrompt() throws {
    let data = try folder()
    let path = data + "/big.csv"
    try Self.writeLargeCSV(path, rows: 2_000_000)
    let terminal = try TerminalSession(directory: data, stateHome: data)
    try terminal.waitFor { $0.hasSuffix("tc>") }
    try terminal.type("big = load \"big.csv\"")
    try terminal.press("Enter")
    Thread.sleep(forTimeInterval: 0.5)
    #expect(try terminal.lastLine() == "tc> big = load \"big.csv\"", "the load is still running")
    try terminal.press("C-c")
    let interrupted = try terminal.waitFor(timeout: 30) { $0.hasSuffix("interrupted\ntc>") }
    #expect(interrupted != nil, "Ctrl-C stops the load: \(terminal.shown)")
    try terminal.type("vars")
    try terminal.press("Enter")
    let after = try terminal.waitFor { $0.hasSuffix("no names are bound yet\ntc>") }
    #expect(after != nil, "the session goes on, without big: \(terminal.shown)")
    #expect(try terminal.ended().dead == false, "Ctrl-C never ends the REPL")
  }

  /// A CSV of `rows` rows of four columns, long enough that loading it takes seconds in a
  /// debug build.
  static func writeLargeCSV(_ path: String, rows: Int) throws {
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.write(contentsOf: Data("id,price,quantity,item\n".utf8))
    var chunk = ""
    for row in 0..<rows {
      chunk += "\(row),\(row % 1000).25,\(row % 97),item\(row % 1000)\n"
      if chunk.utf8.count > 1 << 20 {
        try handle.write(contentsOf: Data(chunk.utf8))
        chunk = ""
      }
    }
    try handle.write(contentsOf: Data(chunk.utf8))
  }
}
