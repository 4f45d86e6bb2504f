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

  public static func quoted(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || field.hasPrefix(" ") || field.hasSuffix(" ") else { return field }
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
