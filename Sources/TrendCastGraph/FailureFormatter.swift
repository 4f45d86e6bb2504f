import Foundation
import TrendCastSyntax
import TrendCastValues

/// Draws a failure that happened while running, in the format of LANGUAGE.md §6. When the
/// problem is in a data file, the data line comes first (with a caret under the field), then a
/// note pointing at the statement that read it.
public enum FailureFormatter {
  /// `fileName` overrides the program file's name (notebook outputs use the base name so they do
  /// not depend on the directory the notebook was run from).
  public static func format(_ failure: EvaluationFailure, fileName: String? = nil) -> String {
    let file = fileName.map { SourceFile(name: $0, text: failure.file.text, firstLine: failure.file.firstLine) } ?? failure.file
    guard let data = failure.dataLocation else {
      return DiagnosticFormatter.format(failure.diagnostic, in: file)
    }
    let line = data.lineText ?? readLine(data)
    let column = data.column ?? line.flatMap { text in data.field.flatMap { fieldColumn(in: text, field: $0) } }
    var out = "\(data.file):\(data.line)\(column.map { ":\($0)" } ?? ""): error: \(failure.message)\n"
    if let line {
      let start = column ?? 1
      let length = data.field != nil ? (fieldLength(in: line, startingAt: start) ?? 1) : 1
      out += DiagnosticFormatter.caretSnippet(lineNumber: data.line, line: line, column: start, length: length)
    }
    let location = file.location(of: failure.range.start)
    out += "\(file.name):\(location.line):\(location.column): note: while running this statement\n"
    out += DiagnosticFormatter.snippet(file: file, range: failure.range)
    if let hint = failure.hint { out += "help: \(hint)\n" }
    return out
  }

  private static func readLine(_ data: DataLocation) -> String? {
    guard let path = data.path, let contents = FileManager.default.contents(atPath: path) else { return nil }
    var line = 1
    var start = 0
    for (offset, byte) in contents.enumerated() where byte == UInt8(ascii: "\n") {
      if line == data.line { return String(decoding: contents[start..<offset], as: UTF8.self).trimmingSuffixCR }
      line += 1
      start = offset + 1
    }
    return line == data.line && start < contents.count ? String(decoding: contents[start...], as: UTF8.self) : nil
  }

  /// The 1-based character column where field `field` starts, guessing the separator.
  private static func fieldColumn(in line: String, field: Int) -> Int? {
    let separator: Character = line.contains("\t") ? "\t" : (line.contains(",") ? "," : (line.contains(";") ? ";" : " "))
    var current = 1
    var inQuotes = false
    for (offset, character) in line.enumerated() {
      if current == field { return offset + 1 }
      if character == "\"" { inQuotes.toggle() }
      if character == separator, !inQuotes { current += 1 }
    }
    return current == field ? line.count + 1 : nil
  }

  private static func fieldLength(in line: String, startingAt column: Int) -> Int? {
    let rest = line.dropFirst(column - 1)
    let length = rest.prefix { $0 != "," && $0 != "\t" && $0 != ";" }.count
    return max(1, length)
  }
}

extension String {
  var trimmingSuffixCR: String { hasSuffix("\r") ? String(dropLast()) : self }
}
