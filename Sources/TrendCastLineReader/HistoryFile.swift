import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The REPL's history on disk, kept across sessions.
///
/// One entry a line; a backslash escapes line breaks and itself, so a multi-line entry stays one
/// entry. Each new entry is appended to what the file holds now (so two sessions running side by
/// side both keep theirs), the oldest entries beyond `limit` are dropped, and the file is replaced
/// whole through a temporary file and a rename: never half written. It is readable by its owner
/// only, since entries may hold paths and names of data.
public struct HistoryFile: Sendable {
  public var path: String
  public var limit: Int

  public init(path: String, limit: Int = 1000) {
    self.path = path
    self.limit = max(1, limit)
  }

  /// `$XDG_STATE_HOME/trendcast/history`, else `~/.local/state/trendcast/history`
  /// (nil without a home folder).
  public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/trendcast/history"
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.local/state/trendcast/history"
  }

  /// The entries, oldest first; an absent or unreadable file holds none.
  public func load() -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    let text = String(decoding: data, as: UTF8.self)
    return text.split(separator: "\n").map(Self.decode).filter { !$0.isEmpty }
  }

  /// Appends `entry` (unless it repeats the newest entry) and returns the entries now stored.
  @discardableResult
  public func append(_ entry: String) throws -> [String] {
    var entries = load()
    if entries.last != entry { entries.append(entry) }
    if entries.count > limit { entries.removeFirst(entries.count - limit) }
    try write(entries)
    return entries
  }

  /// Replaces the file with `entries` (the newest `limit` of them).
  public func write(_ entries: [String]) throws {
    let kept = entries.suffix(limit)
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    }
    let text = kept.map(Self.encode).joined(separator: "\n") + (kept.isEmpty ? "" : "\n")
    let temporary = path + ".\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { throw HistoryError(path: temporary, code: errno) }
    var failure: Int32 = 0
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < buffer.count, let base = buffer.baseAddress {
        let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += written
      }
    }
    close(descriptor)
    if failure == 0, rename(temporary, path) != 0 { failure = errno }
    if failure != 0 {
      unlink(temporary)
      throw HistoryError(path: path, code: failure)
    }
  }

  // MARK: One entry a line

  static func encode(_ entry: String) -> String {
    var line = ""
    for character in entry {
      switch character {
      case "\\": line += "\\\\"
      case "\n": line += "\\n"
      case "\r": line += "\\r"
      case "\r\n": line += "\\r\\n"
      default: line.append(character)
      }
    }
    return line
  }

  static func decode(_ line: Substring) -> String {
    var entry = ""
    var escaping = false
    for character in line {
      if escaping {
        switch character {
        case "n": entry += "\n"
        case "r": entry += "\r"
        default: entry.append(character)
        }
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        entry.append(character)
      }
    }
    return entry
  }
}

/// The history file could not be written.
public struct HistoryError: Error, CustomStringConvertible {
  public var path: String
  public var code: Int32
  public var description: String { "cannot write the history file \(path): \(String(cString: strerror(code)))" }
}
