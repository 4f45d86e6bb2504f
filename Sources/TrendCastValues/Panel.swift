/// Many values keyed by an id: a panel of series (`load … id=sku`), and what commands make of
/// one — the interpreter runs a command over each member of a panel and gathers the results
/// in a new panel, so `fit arima P` fits every series and `forecast` of that gives a panel of
/// forecasts, saved as one long table with the id column first.
public struct Panel: Value {
  public struct Entry: Sendable {
    public var id: String
    public var value: any Value
    public init(id: String, value: any Value) {
      self.id = id
      self.value = value
    }
  }

  public var idName: String
  public var entries: [Entry]

  public init(idName: String, entries: [Entry]) {
    self.idName = idName
    self.entries = entries
  }

  public var kind: ValueKind { .panel }
  /// The kind of the members ("series", "model") when they agree.
  public var memberKind: ValueKind? {
    let kinds = Set(entries.map(\.value.kind))
    return kinds.count == 1 ? kinds.first : nil
  }
  public var summary: String {
    let noun = memberKind.map { $0.rawValue } ?? "value"
    // "series" is its own plural.
    let plural = entries.count == 1 || noun.hasSuffix("s") ? noun : noun + "s"
    return "\(entries.count) \(plural) by \(idName)"
  }

  public var memberNames: [String] {
    var seen = Set<String>()
    return entries.flatMap(\.value.memberNames).filter { seen.insert($0).inserted }
  }

  /// `panel.column`: the same part of every member.
  public func member(_ name: String) throws -> any Value {
    Panel(idName: idName, entries: try entries.map { Entry(id: $0.id, value: try $0.value.member(name)) })
  }

  public func render(_ style: RenderStyle) -> String {
    let visible = TextTable.visibleRows(count: entries.count, head: style.headRows, tail: style.tailRows)
    var rows = (Array(visible.head) + Array(visible.tail ?? 0..<0)).map { [entries[$0].id, entries[$0].value.kind.rawValue, entries[$0].value.summary] }
    if visible.tail != nil { rows.insert([style.asciiOnly ? "..." : "…", "", ""], at: visible.head.count) }
    return TextTable(headers: [idName, "kind", "summary"], alignments: [.left, .left, .left], rows: rows,
      title: "panel of \(summary)").render(ascii: style.asciiOnly)
  }

  /// `.csv`: one long table, the id column, then each member's own columns. `.json` (members
  /// that save as JSON, such as models): an array of the members' documents, each an object
  /// with the id first.
  public func export(as format: ExportFormat) throws -> String {
    if format == .json { return try jsonDocument().serialized() }
    var header: [String]?
    var rows: [[String]] = []
    for entry in entries {
      guard let member = entry.value as? any CSVExportable else {
        throw RuntimeError("the members of this panel (\(entry.value.kind.withArticle)) cannot be saved as CSV",
          hint: entry.value is any JSONExportable ? "use a file name ending in .json" : nil)
      }
      let document = member.csvDocument
      if header == nil { header = [idName] + document.header }
      rows += document.rows.map { [entry.id] + $0 }
    }
    return CSVDocument(header: header ?? [idName], rows: rows).text
  }

  func jsonDocument() throws -> JSON {
    .array(try entries.map { entry in
      guard let member = entry.value as? any JSONExportable else {
        throw RuntimeError("the members of this panel (\(entry.value.kind.withArticle)) are not saved as JSON",
          hint: "use a file name ending in .csv")
      }
      let id: (String, JSON) = (idName, .string(entry.id))
      if case .object(let members) = member.jsonDocument { return .object([id] + members) }
      return .object([id, ("value", member.jsonDocument)])
    })
  }
}
