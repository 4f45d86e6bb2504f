/// Draws diagnostics the way LANGUAGE.md §6 fixes them:
///
///     sales.tcnb:12:9: error: unknown option 'fil' for clean
///        |
///     12 | units = clean sales.units fil=linear
///        |                           ^~~
///     help: did you mean 'fill'?
///
/// This is the only place that turns a diagnostic into text, so files, the REPL and data errors
/// all look alike.
public enum DiagnosticFormatter {
  public static func format(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
    var out = header(file: file, offset: diagnostic.range.start, severity: diagnostic.severity.rawValue, message: diagnostic.message)
    out += snippet(file: file, range: diagnostic.range)
    for note in diagnostic.notes {
      let noteFile = note.file ?? file
      out += header(file: noteFile, offset: note.range.start, severity: "note", message: note.message)
      out += snippet(file: noteFile, range: note.range)
    }
    if let help = diagnostic.help {
      out += "help: \(help)\n"
    }
    return out
  }

  public static func format(_ located: LocatedDiagnostic) -> String {
    format(located.diagnostic, in: located.file)
  }

  static func header(file: SourceFile, offset: Int, severity: String, message: String) -> String {
    let location = file.location(of: offset)
    return "\(file.name):\(location.line):\(location.column): \(severity): \(message)\n"
  }

  /// The source line and a caret line under `range` (limited to the first line of the range).
  public static func snippet(file: SourceFile, range: SourceRange) -> String {
    let line = file.lineText(containing: range.start)
    let location = file.location(of: range.start)
    let lineEndOffset = range.start + (line.utf8.count - (location.column > 1 ? String(line.prefix(location.column - 1)).utf8.count : 0))
    let end = min(range.end, lineEndOffset)
    let markedCharacters = max(1, file.text(of: SourceRange(range.start, end)).count)
    return caretSnippet(lineNumber: location.line, line: line, column: location.column, length: markedCharacters)
  }

  /// Draws `line` with a gutter and a caret of `length` characters from 1-based `column`.
  public static func caretSnippet(lineNumber: Int, line: String, column: Int, length: Int) -> String {
    let gutter = String(lineNumber)
    let pad = String(repeating: " ", count: gutter.count)
    let characters = Array(line)
    var indent = ""
    for character in characters.prefix(max(0, column - 1)) {
      indent += character == "\t" ? "\t" : String(repeating: " ", count: displayWidth(of: character))
    }
    var marks = ""
    for (index, character) in characters.dropFirst(max(0, column - 1)).prefix(max(1, length)).enumerated() {
      marks += String(repeating: index == 0 ? "^" : "~", count: displayWidth(of: character))
    }
    if marks.isEmpty { marks = "^" }
    return "\(pad) |\n\(gutter) | \(line)\n\(pad) | \(indent)\(marks)\n"
  }

  /// Terminal columns a character takes: 2 for East Asian wide and fullwidth characters.
  static func displayWidth(of character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 1 }
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }
}
