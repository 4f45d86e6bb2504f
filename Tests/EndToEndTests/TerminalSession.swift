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

  /// Whether trendcast has ended, and its exit status when tmux could read one (tmux leaves
  /// `pane_dead_status` empty in some environments, e.g. under the test runner).
  func ended() throws -> (dead: Bool, status: Int?) {
    let fields = try run(["display-message", "-p", "#{pane_dead} #{pane_dead_status}"])
      .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
    guard fields.first == "1" else { return (false, nil) }
    return (true, fields.count > 1 ? Int(fields[1]) : nil)
  }

  /// The exit status of trendcast once it has ended (nil while it runs, or when unknown).
  func exitStatus() throws -> Int? { try ended().status }

  /// Runs tmux with `arguments` and returns its standard output. posix_spawn and waitpid
  /// rather than Foundation's Process: `tmux new-session` starts a server that outlives the
  /// client, and Process.waitUntilExit can then wait forever on Linux.
  @discardableResult
  private func run(_ arguments: [String]) throws -> String {
    let outputPath = NSTemporaryDirectory() + "tmux-out-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = [tmux, "-L", socket, "-f", "/dev/null"] + arguments
    var cArguments = argv.map { strdup($0) } + [nil]
    defer { for pointer in cArguments { free(pointer) } }
    // The test runner's threads may block or ignore SIGINT; tmux's server, and trendcast in
    // its pane, must start with the default signal state or Ctrl-C would never arrive.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGPIPE, SIGQUIT, SIGTERM] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, tmux, &actions, &attributes, &cArguments, environ)
    guard spawned == 0 else { throw Unavailable(description: "cannot start tmux (error \(spawned))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
  }
}
