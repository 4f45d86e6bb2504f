import Foundation

/// The built `trendcast` running in a pseudo-terminal: a pane of a private tmux server (its
/// own socket, so tests run side by side and never touch the user's tmux). Keys go in with
/// `send-keys`; the screen comes back with `capture-pane`.
final class TerminalSession {
  struct Unavailable: Error, CustomStringConvertible {
    var description: String
  }

  static let tmuxPath: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { $0 + "/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// The `trendcast` built beside the test bundle (`swift test` builds it with the tests).
  static let binaryPath: String? = {
    if let explicit = ProcessInfo.processInfo.environment["TRENDCAST_BINARY"] { return explicit }
    guard let testBinary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
    var folder = (testBinary as NSString).deletingLastPathComponent
    // The bundle may be a folder (TrendCastPackageTests.xctest/…) on some toolchains.
    for _ in 0..<3 {
      let candidate = (folder as NSString).appendingPathComponent("trendcast")
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder = (folder as NSString).deletingLastPathComponent
    }
    return nil
  }()

  private let tmux: String
  private let socket = "trendcast-test-\(UUID().uuidString.prefix(8))"

  /// Starts `trendcast` (with `arguments`) in a 100×30 terminal, in `directory`, with
  /// `stateHome` as its XDG_STATE_HOME and home folder (so the history lands there and no
  /// ~/.editrc of the machine applies).
  init(directory: String, stateHome: String, arguments: [String] = []) throws {
    guard let tmux = Self.tmuxPath else {
      throw Unavailable(description: "tmux is needed for the terminal tests (apt-get install tmux)")
    }
    guard let binary = Self.binaryPath else {
      throw Unavailable(description: "the trendcast binary was not found beside the tests; build it first, or set TRENDCAST_BINARY")
    }
    self.tmux = tmux
    try run(["new-session", "-d", "-x", "100", "-y", "30", "-c", directory,
      "-e", "XDG_STATE_HOME=\(stateHome)", "-e", "HOME=\(stateHome)", "-e", "NO_COLOR=1",
      binary] + arguments + [";", "set-option", "-g", "remain-on-exit", "on"])
  }

  deinit {
    _ = try? run(["kill-server"])
  }

  /// Types `text` literally.
  func type(_ text: String) throws {
    try run(["send-keys", "-l", text])
  }

  /// Presses keys by tmux's names: `Enter`, `Tab`, `Up`, `C-c`, `C-d`.
  func press(_ keys: String...) throws {
    try run(["send-keys"] + keys)
  }

  /// The visible screen, without trailing spaces or blank lines.
  func screen() throws -> String {
    let lines = try run(["capture-pane", "-p", "-J"]).split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var line = Substring(line)
      while line.last == " " { line.removeLast() }
      return line
    }
    return lines.joined(separator: "\n").trimmingCharacters(in: .newlines)
  }

  /// The screen for a failure message (empty if it cannot be read).
  var shown: String { (try? screen()) ?? "" }

  /// The screen's last non-empty line (where the prompt and the cursor are).
  func lastLine() throws -> String {
    try screen().split(separator: "\n").last.map(String.init) ?? ""
  }

  /// Waits until `condition` holds for the screen; returns the screen it held for, or nil.
  @discardableResult
  func waitFor(timeout: TimeInterval = 20, _ condition: (String) -> Bool) throws -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let current = try screen()
      if condition(current) { return current }
      Thread.sleep(forTimeInterval: 0.1)
    }
    return nil
  }

  /// The exit status of trendcast once it has ended (nil while it runs).
  func exitStatus() throws -> Int? {
    let state = try run(["display-message", "-p", "#{pane_dead} #{pane_dead_status}"]).split(separator: " ")
    guard state.first == "1", state.count > 1 else { return nil }
    return Int(state[1].trimmingCharacters(in: .whitespacesAndNewlines))
  }

  @discardableResult
  private func run(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tmux)
    process.arguments = ["-L", socket, "-f", "/dev/null"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
