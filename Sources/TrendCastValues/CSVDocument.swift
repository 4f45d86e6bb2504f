/// Rows of text fields written as RFC 4180 CSV (quotes only where a field needs them).
/// Values that save as CSV produce one of these, so a panel can prefix an id column to any of them.
public struct CSVDocument: Sendable, Equatable {
  public var header: [String]
  public var rows: [[String]]

  public init(header: [String], rows: [[String]]) {
    self.header = header
    self.rows = rows
  }

  public var text: String {
    var out = ""
    out.reserveCapacity((rows.count + 1) * max(8, header.count * 10))
    append(header, to: &out)
    for row in rows { append(row, to: &out) }
    return out
  }

  private func append(_ fields: [String], to out: inout String) {
    for (index, field) in fields.enumerated() {
      if index > 0 { out += "," }
      out += Self.quoted(field)
    }
    out += "\n"
  }

  /// The field as RFC 4180 writes it: quoted if it holds a comma, a quote or a line break, or
  /// starts or ends with a space (readers would trim it).
  public static func quoted(_ field: String) -> String {
    // Bytes, not Characters: "\r\n" is one Character equal to neither "\r" nor "\n", and
    // walking Characters is what made saving a million rows slow.
    let bytes = field.utf8
    let needsQuotes = bytes.first == 0x20 || bytes.last == 0x20
      || bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    guard needsQuotes else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

/// A value that saves as one CSV table.
public protocol CSVExportable: Value {
  var csvDocument: CSVDocument { get }
}

extension CSVExportable {
  public func export(as format: ExportFormat) throws -> String {
    guard format == .csv else {
      throw RuntimeError("\(kind.withArticle) is saved as .csv, not .\(format.rawValue)", hint: "use a file name ending in .csv")
    }
    return csvDocument.text
  }
}
