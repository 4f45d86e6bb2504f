import Foundation
import TrendCastLineReader

extension Completer {
  /// File paths for `partial`, the text typed so far of a path: folders end with `/`, and a
  /// single file is closed with `closing` (the string's quote). Hidden files are offered only
  /// once a `.` is typed.
  func completePath(_ partial: String, closing: String) -> Completions {
    let folderPart = partial.lastIndex(of: "/").map { String(partial[...$0]) } ?? ""
    let namePart = String(partial.dropFirst(folderPart.count))
    guard let folder = resolveFolder(folderPart),
      let entries = try? FileManager.default.contentsOfDirectory(atPath: folder)
    else { return Completions(word: partial, candidates: []) }
    var candidates: [Completions.Candidate] = []
    for entry in entries.sorted() where entry.hasPrefix(namePart) {
      if entry.hasPrefix("."), !namePart.hasPrefix(".") { continue }
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(entry), isDirectory: &isFolder)
      candidates.append(isFolder.boolValue ? .init(folderPart + entry + "/") : .init(folderPart + entry, suffix: closing))
    }
    return Completions(word: partial, candidates: candidates)
  }

  /// The folder a typed folder part refers to: absolute, under the home folder (`~/`), or
  /// relative to the first of `directories` where it exists.
  private func resolveFolder(_ folderPart: String) -> String? {
    if folderPart.hasPrefix("/") { return folderPart }
    if folderPart.hasPrefix("~") { return (folderPart as NSString).expandingTildeInPath }
    for directory in directories {
      let candidate = folderPart.isEmpty ? directory : (directory as NSString).appendingPathComponent(folderPart)
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), isFolder.boolValue { return candidate }
    }
    return nil
  }

  /// At the start of an entry: the meta commands after `:`, and paths after `:save ` and
  /// `:load ` (quoted or not). Nil when the line is not a meta command.
  func completeMetaCommand(_ line: String) -> Completions? {
    let typed = line.drop { $0 == " " }
    guard typed.hasPrefix(":") else { return nil }
    guard let space = typed.firstIndex(of: " ") else {
      let matches = MetaCommand.names.filter { $0.hasPrefix(typed) }
      return Completions(word: String(typed), candidates: matches.map { .init($0, suffix: " ") })
    }
    guard MetaCommand.takesPath(String(typed[..<space])) else { return Completions.none }
    let argument = typed[space...].drop { $0 == " " }
    if argument.hasPrefix("\"") { return completePath(String(argument.dropFirst()), closing: "\"") }
    return completePath(String(argument), closing: "")
  }
}
