import CLibedit

#if canImport(Glibc)
import Glibc
#endif

/// Facts about the terminal the REPL runs in.
public enum Terminal {
  /// Lets the line editor read UTF-8: the character type comes from the environment, or is
  /// C.UTF-8 when the environment's is not UTF-8 (a bare container's "C" locale would otherwise
  /// drop every non-ASCII key). Only LC_CTYPE changes: numbers keep being read and written
  /// the same way whatever the user's locale.
  public static func enableUTF8Input() {
    setlocale(LC_CTYPE, "")
    if !isUTF8 {
      for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
        break
      }
    }
  }

  /// Whether the current character type is UTF-8.
  public static var isUTF8: Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).lowercased()
    return name == "utf-8" || name == "utf8"
  }

  /// The width of the terminal on standard output (or input), read now so a resized window
  /// counts; nil when neither is a terminal.
  public static var columns: Int? {
    for descriptor in [STDOUT_FILENO, STDIN_FILENO] {
      var size = winsize()
      if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    }
    return nil
  }

  public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) != 0 }

  /// Whether `TERM` names a terminal that can move the cursor (libedit's editing needs one).
  public static func canEdit(environment: [String: String]) -> Bool {
    guard let term = environment["TERM"], !term.isEmpty else { return false }
    return term != "dumb"
  }

  /// Writes all of `text` to `descriptor`, retrying after signals.
  static func write(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < buffer.count, let base = buffer.baseAddress {
        let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
        if written < 0, errno == EINTR { continue }
        if written <= 0 { return }
        offset += written
      }
    }
  }
}
