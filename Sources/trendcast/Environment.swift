import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Facts about where trendcast runs: terminals, colour, the standard library's folder.
enum Environment {
  static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) != 0 }
  static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

  /// Colour only for a terminal, without NO_COLOR and without --no-color.
  static func colorEnabled(noColorFlag: Bool) -> Bool {
    guard !noColorFlag, stdoutIsTerminal else { return false }
    if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
    return true
  }

  /// The terminal's width: COLUMNS, else the window size, else 80.
  static var terminalWidth: Int {
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 20 { return min(columns, 1000) }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
    return 80
  }

  /// The standard library: $TRENDCAST_STDLIB, else a `stdlib` folder beside the executable or in
  /// one of its parents (the repository when running from .build), else the same search from the
  /// working directory, else the installed share/trendcast/stdlib.
  static var stdlibDirectory: String? {
    let fileManager = FileManager.default
    if let explicit = ProcessInfo.processInfo.environment["TRENDCAST_STDLIB"], fileManager.fileExists(atPath: explicit) {
      return explicit
    }
    var starts: [String] = []
    if let executable = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      starts.append((executable as NSString).deletingLastPathComponent)
    }
    starts.append(fileManager.currentDirectoryPath)
    for start in starts {
      var directory = start
      for _ in 0..<8 {
        for candidate in ["stdlib", "share/trendcast/stdlib"] {
          let path = (directory as NSString).appendingPathComponent(candidate)
          if fileManager.fileExists(atPath: (path as NSString).appendingPathComponent("datasets")) { return path }
        }
        let parent = (directory as NSString).deletingLastPathComponent
        if parent == directory { break }
        directory = parent
      }
    }
    return nil
  }
}
