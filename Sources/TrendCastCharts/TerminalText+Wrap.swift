import Foundation

extension TerminalText {
  /// `line` folded to `width` columns for reports (test results, cleaning reports, search
  /// summaries). Breaks are tried from the coarsest to the finest: between fields written
  /// three spaces apart (`statistic = 1.2   p-value = 0.3`), then after a clause's `:` or `;`,
  /// then between words. Continuation lines keep the line's indent plus two columns (three
  /// after `=> `). A line that fits is returned as is; a word wider than the width stays whole.
  public static func wrapped(_ line: String, width maxWidth: Int) -> [String] {
    guard width(of: line) > maxWidth else { return [line] }
    let indentCount = line.prefix { $0 == " " }.count
    let content = String(line.dropFirst(indentCount))
    var folder = Folder(
      maxWidth: maxWidth, current: String(repeating: " ", count: indentCount),
      continuation: String(repeating: " ", count: indentCount + (content.hasPrefix("=> ") ? 3 : 2)))
    let fields = content.components(separatedBy: "   ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    for field in fields { folder.place(field, separator: "   ", level: 0) }
    return folder.finished()
  }

  /// Every line of `text` folded to `width` with `wrapped(_:width:)`.
  public static func wrappedLines(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .flatMap { wrapped(String($0), width: width) }
      .joined(separator: "\n")
  }

  /// The columns of the widest line of `text` (a rendered table, to fold its title to).
  public static func widestLine(of text: String) -> Int {
    text.split(separator: "\n").map { width(of: String($0)) }.max() ?? 0
  }

  /// A paragraph of prose folded to `width` between words, every line flush left (titles and
  /// explanations above a table).
  public static func paragraph(_ text: String, width maxWidth: Int) -> String {
    var lines: [String] = []
    var current = ""
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      if !current.isEmpty, width(of: current) + 1 + width(of: String(word)) > maxWidth {
        lines.append(current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + word
    }
    if !current.isEmpty { lines.append(current) }
    return lines.joined(separator: "\n")
  }

  /// Greedy placement of pieces, splitting a piece one level finer when it fits nowhere whole.
  private struct Folder {
    let maxWidth: Int
    var current: String
    let continuation: String
    var lines: [String] = []
    var currentIsEmpty = true

    mutating func place(_ piece: String, separator: String, level: Int) {
      let joined = currentIsEmpty ? piece : separator + piece
      if TerminalText.width(of: current) + TerminalText.width(of: joined) <= maxWidth {
        current += joined
        currentIsEmpty = false
        return
      }
      // Too long for a line of its own: split finer, if it can be split.
      if TerminalText.width(of: continuation) + TerminalText.width(of: piece) > maxWidth, let parts = Self.split(piece, level: level) {
        for (index, part) in parts.enumerated() {
          place(part, separator: index == 0 ? separator : " ", level: level + 1)
        }
        return
      }
      if !currentIsEmpty { breakLine() }
      current += piece
      currentIsEmpty = false
    }

    mutating func breakLine() {
      lines.append(current)
      current = continuation
      currentIsEmpty = true
    }

    mutating func finished() -> [String] {
      lines.append(current)
      return lines
    }

    /// A piece split one level finer — clauses after `: ` or `; ` (not after a clause that is
    /// only a label), then words — or nil when it cannot be split further.
    static func split(_ piece: String, level: Int) -> [String]? {
      var parts: [String] = []
      if level == 0 {
        var clause = ""
        for word in piece.split(separator: " ", omittingEmptySubsequences: true) {
          let isLabel = clause.isEmpty && word.hasSuffix(":")
          clause += (clause.isEmpty ? "" : " ") + word
          // A one-word label (`winner:`) stays with what it labels.
          if (word.hasSuffix(":") || word.hasSuffix(";")) && !isLabel {
            parts.append(clause)
            clause = ""
          }
        }
        if !clause.isEmpty { parts.append(clause) }
        if parts.count > 1 { return parts }
      }
      parts = piece.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
      return parts.count > 1 ? parts : nil
    }
  }
}
