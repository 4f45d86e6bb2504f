import TrendCastSyntax

/// A table of typed columns, as `load` reads it.
public struct Table: CSVExportable {
  public var columns: [Column]
  /// The date column that indexes the rows in time (declared with `date=` or detected).
  public var timeColumn: String?
  /// Where the rows came from, so errors can name the file, line and field.
  public var source: TableSource?
  /// What `table.column` does with dates that appear twice (`load … dups=sum`).
  public var duplicatePolicy: DuplicateDatePolicy = .error

  public init(columns: [Column], timeColumn: String? = nil, source: TableSource? = nil) {
    self.columns = columns
    self.timeColumn = timeColumn
    self.source = source
  }

  public var kind: ValueKind { .table }
  public var rowCount: Int { columns.first?.count ?? 0 }
  public var columnNames: [String] { columns.map(\.name) }

  public func column(named name: String) -> Column? { columns.first { $0.name == name } }

  /// The date column used as the time index, if any.
  public var timeIndexColumn: Column? {
    if let timeColumn { return column(named: timeColumn) }
    return columns.first { if case .date = $0.values { return true } else { return false } }
  }

  public var summary: String { "\(rowCount) × \(columns.count)" }

  public var memberNames: [String] { columnNames }

  /// `table.column`: a numeric column becomes a series on the table's time index; a date or
  /// text column stays a one-column table.
  public func member(_ name: String) throws -> any Value {
    guard let column = column(named: name) else {
      throw RuntimeError("the table has no column '\(name)'",
        hint: Suggestions.nearest(name, among: columnNames).map { "did you mean '\($0)'?" } ?? "columns: \(columnNames.joined(separator: ", "))")
    }
    if column.isNumeric { return try series(column: name, duplicates: duplicatePolicy) }
    return Table(columns: [column], timeColumn: nil, source: source)
  }

  /// The rows `indices`, in that order.
  public func selectingRows(_ indices: [Int]) -> Table {
    var copy = Table(columns: columns.map { $0.selecting(indices) }, timeColumn: timeColumn, source: source?.selectingRows(indices))
    copy.duplicatePolicy = duplicatePolicy
    return copy
  }

  /// The data location of a cell, for error messages.
  public func location(row: Int, column: String) -> DataLocation? {
    guard let source else { return nil }
    return DataLocation(file: source.file, line: source.line(ofRow: row), field: self.column(named: column)?.sourceField, path: source.path)
  }

  public var csvDocument: CSVDocument {
    CSVDocument(header: columnNames, rows: (0..<rowCount).map { row in columns.map { $0.csvField(at: row) } })
  }

  public func render(_ style: RenderStyle) -> String {
    let visible = TextTable.visibleRows(count: rowCount, head: style.headRows, tail: style.tailRows)
    let shownRows = Array(visible.head) + Array(visible.tail ?? 0..<0)
    var cellsByColumn: [[String]] = []
    for column in columns {
      if let doubles = column.doubles, case .float = column.values {
        let decimals = NumberFormatting.decimalsForColumn(shownRows.map { doubles[$0] })
        cellsByColumn.append(shownRows.map { NumberFormatting.fixed(doubles[$0], decimals: decimals) })
      } else {
        cellsByColumn.append(shownRows.map { column.text(at: $0) })
      }
    }
    var rows: [[String]] = shownRows.indices.map { r in cellsByColumn.map { $0[r] } }
    if visible.tail != nil {
      rows.insert(columns.map { _ in style.asciiOnly ? "..." : "…" }, at: visible.head.count)
    }
    let alignments: [TextTable.Alignment] = columns.map { $0.isNumeric ? .right : .left }
    let footer = "\(rowCount) row\(rowCount == 1 ? "" : "s") × \(columns.count) column\(columns.count == 1 ? "" : "s")"
    return TextTable(headers: columnNames, alignments: alignments, rows: rows, footer: footer).render(ascii: style.asciiOnly)
  }
}

/// The file a table was read from and the line on which each row starts.
public struct TableSource: Sendable {
  /// The file as the program names it.
  public var file: String
  /// The file's resolved path, to quote its lines in error messages.
  public var path: String?
  /// The line of the first data row (after the header, if any).
  public var firstDataLine: Int
  /// Line of each row when rows do not map one-to-one to lines (quoted line breaks, skipped
  /// blank lines); nil when row r sits on line firstDataLine + r.
  public var rowLines: [Int32]?

  public init(file: String, path: String? = nil, firstDataLine: Int, rowLines: [Int32]? = nil) {
    self.file = file
    self.path = path
    self.firstDataLine = firstDataLine
    self.rowLines = rowLines
  }

  public func line(ofRow row: Int) -> Int {
    if let rowLines, row < rowLines.count { return Int(rowLines[row]) }
    return firstDataLine + row
  }

  func selectingRows(_ indices: [Int]) -> TableSource {
    TableSource(file: file, path: path, firstDataLine: firstDataLine, rowLines: indices.map { Int32(line(ofRow: $0)) })
  }
}
