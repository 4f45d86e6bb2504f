import TrendCastSyntax
import TrendCastValues

/// Report helpers shared by the reshape commands.
enum Listing {
  /// Items joined by commas, wrapped at `width` and indented under their heading.
  static func wrap(_ items: [String], width: Int = 72, indent: Int = 4) -> [String] {
    let pad = String(repeating: " ", count: indent)
    var lines: [String] = []
    var current = pad
    for (i, item) in items.enumerated() {
      let piece = item + (i == items.count - 1 ? "" : ",")
      if current.count > indent, current.count + 1 + piece.count > width {
        lines.append(current)
        current = pad
      }
      current += (current.count > indent ? " " : "") + piece
    }
    if current.count > indent { lines.append(current) }
    return lines
  }

  /// At most `limit` items, then "and N more".
  static func some(_ items: [String], limit: Int = 5) -> String {
    let shown = items.prefix(limit).joined(separator: ", ")
    return items.count > limit ? "\(shown) and \(items.count - limit) more" : shown
  }

  static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
    "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
  }
}

extension Table {
  /// The error for a column name that is not in the table, with the nearest spelling.
  func missingColumn(_ name: String, role: String) -> RuntimeError {
    RuntimeError("the table has no column '\(name)'\(role.isEmpty ? "" : " (\(role))")",
      hint: Suggestions.didYouMean(name, among: columnNames) ?? "columns: \(columnNames.joined(separator: ", "))")
  }
}
