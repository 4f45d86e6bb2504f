import TrendCastCharts

/// Aligned plain-text tables: the display of tables, forecasts, coefficient lists and summaries.
///
/// Numbers are right-aligned, text left-aligned; wide (CJK) characters count as two columns.
/// Long tables show their head and tail with a `…` row between, and a footer with the size.
public struct TextTable: Sendable {
  public enum Alignment: Sendable { case left, right }

  public var headers: [String]
  public var alignments: [Alignment]
  public var rows: [[String]]
  /// Total rows the table stands for (rows may hold only head and tail).
  public var title: String?
  public var footer: String?

  public init(headers: [String], alignments: [Alignment]? = nil, rows: [[String]], title: String? = nil, footer: String? = nil) {
    self.headers = headers
    self.alignments = alignments ?? headers.map { _ in .right }
    self.rows = rows
    self.title = title
    self.footer = footer
  }

  /// Renders with two spaces between columns and a rule under the header. A title wider than
  /// both the table and `width` is folded like a report line.
  public func render(ascii: Bool = false, width: Int = 72) -> String {
    let columnCount = headers.count
    let headers = headers.map { Self.oneLine($0, ascii: ascii) }
    let rows = rows.map { $0.map { Self.oneLine($0, ascii: ascii) } }
    var widths = headers.map(TextWidth.of)
    for row in rows {
      for (column, cell) in row.enumerated() where column < columnCount {
        widths[column] = max(widths[column], TextWidth.of(cell))
      }
    }
    var lines: [String] = []
    if let title {
      let fold = max(width, widths.reduce(0, +) + 2 * max(0, widths.count - 1))
      lines += title.split(separator: "\n", omittingEmptySubsequences: false).flatMap { TerminalText.wrapped(String($0), width: fold) }
    }
    lines.append(format(headers, widths: widths, header: true))
    lines.append(widths.map { String(repeating: ascii ? "-" : "─", count: $0) }.joined(separator: "  "))
    for row in rows {
      lines.append(format(row, widths: widths, header: false))
    }
    if let footer { lines.append(footer) }
    return lines.joined(separator: "\n")
  }

  /// A cell on one line: a line break inside a value (a quoted CSV field may hold one) is
  /// shown as `↵` (`\n` in ASCII), a tab as a space, so rows stay aligned.
  static func oneLine(_ cell: String, ascii: Bool) -> String {
    guard cell.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return cell }
    var result = ""
    for character in cell {
      switch character {
      case "\n", "\r", "\r\n": result += ascii ? "\\n" : "↵"
      case "\t": result += " "
      default: result.append(character)
      }
    }
    return result
  }

  private func format(_ cells: [String], widths: [Int], header: Bool) -> String {
    var parts: [String] = []
    for (column, width) in widths.enumerated() {
      let cell = column < cells.count ? cells[column] : ""
      let padding = String(repeating: " ", count: max(0, width - TextWidth.of(cell)))
      let alignment = column < alignments.count ? alignments[column] : .right
      parts.append(alignment == .right ? padding + cell : cell + padding)
    }
    var line = parts.joined(separator: "  ")
    while line.hasSuffix(" ") { line.removeLast() }
    return line
  }

  /// Positions of rows to show for a table of `count` rows: all, or head and tail.
  public static func visibleRows(count: Int, head: Int, tail: Int) -> (head: Range<Int>, tail: Range<Int>?) {
    if count <= head + tail + 1 { return (0..<count, nil) }
    return (0..<head, (count - tail)..<count)
  }
}

/// Display width of text in a terminal.
public enum TextWidth {
  public static func of(_ text: String) -> Int {
    var width = 0
    for scalar in text.unicodeScalars {
      width += columns(of: scalar)
    }
    return width
  }

  static func columns(of scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return 2
    default: return 1
    }
  }
}
