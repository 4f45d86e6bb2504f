import Foundation
import TrendCastSyntax

/// The optional front matter of a notebook, between `---` lines at its top:
///
///     ---
///     title: Weekly sales
///     width: 100
///     params:
///       h: 28
///       file: "data/shop_daily.csv"
///     ---
///
/// A small YAML subset: `key: value` lines, and `params` as an indented block or an inline
/// `{h: 28, level: [80, 95]}` map. Parameter values are TrendCast literals; anything else is text.
public struct FrontMatter: Sendable {
  public struct Parameter: Sendable {
    public var name: String
    /// The value written as a TrendCast literal (`28`, `"x.csv"`, `[80, 95]`).
    public var literal: String
    public var line: Int
  }

  public struct Error: Swift.Error, Sendable {
    public var message: String
    public var line: Int
  }

  public var title: String?
  public var width: Int?
  public var parameters: [Parameter] = []

  public init() {}

  static func parse(lines: [NotebookDocument.Line], file: SourceFile, consumed: inout Int) throws(Error) -> FrontMatter {
    var result = FrontMatter()
    guard let first = lines.first, first.text.trimmingTrailingWhitespace == "---" else { return result }
    guard let close = lines.indices.dropFirst().first(where: { lines[$0].text.trimmingTrailingWhitespace == "---" }) else {
      throw Error(message: "the front matter that starts on line 1 is never closed with '---'", line: 1)
    }
    var inParams = false
    for index in 1..<close {
      let raw = lines[index].text
      let lineNumber = index + 1
      if raw.trimmingTrailingWhitespace.isEmpty || raw.drop(while: { $0 == " " }).hasPrefix("#") { continue }
      let indented = raw.hasPrefix(" ") || raw.hasPrefix("\t")
      guard let colon = raw.firstIndex(of: ":") else {
        throw Error(message: "expected 'key: value' in the front matter", line: lineNumber)
      }
      let key = raw[..<colon].trimmed(" \t")
      let value = raw[raw.index(after: colon)...].trimmed(" \t")
      if indented && inParams {
        try addParameter(key, value, line: lineNumber, to: &result)
        continue
      }
      inParams = false
      switch key {
      case "title":
        result.title = unquote(value)
      case "width":
        guard let width = Int(value), width >= 20, width <= 1000 else {
          throw Error(message: "width must be a whole number of columns between 20 and 1000", line: lineNumber)
        }
        result.width = width
      case "params":
        if value.isEmpty {
          inParams = true
        } else {
          guard value.hasPrefix("{"), value.hasSuffix("}") else {
            throw Error(message: "params is an indented block or an inline map {name: value, …}", line: lineNumber)
          }
          for pair in splitTopLevel(String(value.dropFirst().dropLast())) where !pair.isEmpty {
            guard let pairColon = pair.firstIndex(of: ":") else {
              throw Error(message: "expected 'name: value' in params", line: lineNumber)
            }
            try addParameter(pair[..<pairColon].trimmed(" \t"), pair[pair.index(after: pairColon)...].trimmed(" \t"), line: lineNumber, to: &result)
          }
        }
      default:
        continue  // other keys (author, date, …) are kept as prose metadata
      }
    }
    consumed = close + 1
    return result
  }

  private static func addParameter(_ name: String, _ value: String, line: Int, to result: inout FrontMatter) throws(Error) {
    guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
      name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil })
    else {
      throw Error(message: "'\(name)' is not a valid parameter name", line: line)
    }
    result.parameters.append(Parameter(name: name, literal: ParameterLiteral.normalize(value), line: line))
  }

  static func unquote(_ text: String) -> String {
    if text.count >= 2, (text.hasPrefix("\"") && text.hasSuffix("\"")) || (text.hasPrefix("'") && text.hasSuffix("'")) {
      return String(text.dropFirst().dropLast())
    }
    return text
  }

  /// Splits on commas outside brackets and quotes.
  static func splitTopLevel(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    var inString = false
    for character in text {
      if character == "\"" { inString.toggle() }
      if !inString {
        if character == "[" || character == "(" { depth += 1 }
        if character == "]" || character == ")" { depth -= 1 }
        if character == ",", depth == 0 {
          parts.append(current.trimmed(" \t"))
          current = ""
          continue
        }
      }
      current.append(character)
    }
    parts.append(current.trimmed(" \t"))
    return parts
  }
}

/// Parameter values from front matter and `--param`: TrendCast literals where they parse as
/// one (`28`, `5%`, `"text"`, `[80, 95]`), otherwise plain text (`data/x.csv`).
public enum ParameterLiteral {
  public static func normalize(_ value: String) -> String {
    let trimmed = value.trimmed(" \t")
    if trimmed.hasPrefix("'"), trimmed.hasSuffix("'"), trimmed.count >= 2 {
      return quote(String(trimmed.dropFirst().dropLast()))
    }
    if isLiteral(trimmed) { return trimmed }
    return quote(trimmed)
  }

  static func isLiteral(_ text: String) -> Bool {
    guard let first = text.first else { return false }
    if first == "\"" { return text.count >= 2 && text.hasSuffix("\"") }
    if first == "[" { return text.hasSuffix("]") }
    let number = text.hasSuffix("%") ? String(text.dropLast()) : text
    return Double(number) != nil
  }

  static func quote(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}

extension StringProtocol {
  func trimmed(_ set: String) -> String {
    var view = Substring(self)
    while let first = view.first, set.contains(first) { view = view.dropFirst() }
    while let last = view.last, set.contains(last) { view = view.dropLast() }
    return String(view)
  }
}
