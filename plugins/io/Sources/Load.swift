import Foundation
import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// `load PATH …`
enum Load {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let path = try invocation.text(0)
    let resolved = invocation.context.resolveForReading(path)
    let data = try FileAccess.read(path, resolved: resolved)
    return try read(data, displayName: path, resolved: resolved, invocation: invocation)
  }

  /// Reads file contents already in memory (shared with `dataset`).
  static func read(_ data: Data, displayName: String, resolved: String, invocation: Invocation) throws -> any Value {
    let format = try invocation.keyword("format") ?? guessFormat(displayName, data: data)
    if format == "baskets" {
      let transactions = try BasketReader.read(data, source: displayName, path: resolved)
      guard !transactions.items.isEmpty else { throw RuntimeError("\(displayName) holds no items") }
      return transactions
    }
    let frequency = try invocation.keyword("freq").flatMap(Frequency.init(code:))
    let dateColumn = try invocation.string("date")
    var table: Table
    if format == "jsonl" {
      table = try JSONLinesReader.read(data, displayName: displayName, path: resolved, dateColumn: dateColumn, frequency: frequency)
    } else {
      var options = TableReader.Options(separator: nil, header: try invocation.boolean("header"), dateColumn: dateColumn, frequency: frequency)
      let context = invocation.context
      options.checkCancellation = { try context.checkCancellation() }
      if let separator = try invocation.string("sep") {
        guard separator.utf8.count == 1, let byte = separator.utf8.first else {
          throw invocation.optionError("sep", "the separator must be a single character, not \"\(separator)\"")
        }
        options.separator = byte
      } else if format == "tsv" {
        options.separator = UInt8(ascii: "\t")
      }
      table = try TableReader.read(data, displayName: displayName, path: resolved, options: options)
    }
    if let policy = try invocation.keyword("dups").flatMap(DuplicateDatePolicy.init(rawValue:)) { table.duplicatePolicy = policy }
    if invocation.has(flag: "transactions") {
      guard let id = try invocation.string("id"), let item = try invocation.string("item") else {
        throw RuntimeError("reading transactions needs id=COL (the order) and item=COL (the item)",
          hint: "e.g. load \"orders.csv\" transactions id=order_id item=sku; columns: \(table.columnNames.joined(separator: ", "))")
      }
      let (transactions, skipped) = try Grouping.transactions(table, idColumn: id, itemColumn: item, quantityColumn: try invocation.string("quantity"), source: displayName)
      if skipped > 0 {
        invocation.report("left out \(skipped) order line\(skipped == 1 ? "" : "s"): no id or item, or a quantity of 0 or less")
      }
      return transactions
    }
    if invocation.isGiven("item") {
      throw invocation.optionError("item", "item= is used with the flag transactions", hint: "add transactions: load \"…\" transactions id=COL item=COL")
    }
    if invocation.isGiven("quantity") {
      throw invocation.optionError("quantity", "quantity= is used with the flag transactions",
        hint: "add transactions: load \"…\" transactions id=COL item=COL quantity=COL")
    }
    if let id = try invocation.string("id") {
      return try Grouping.panel(table, idColumn: id)
    }
    return table
  }

  static func guessFormat(_ path: String, data: Data) -> String {
    let lowered = path.lowercased()
    if lowered.hasSuffix(".tsv") || lowered.hasSuffix(".tab") { return "tsv" }
    if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") || lowered.hasSuffix(".json") { return "jsonl" }
    if lowered.hasSuffix(".dat") || lowered.hasSuffix(".basket") || lowered.hasSuffix(".baskets") { return "baskets" }
    if lowered.hasSuffix(".txt") {
      let firstLine = data.prefix(4096).split(separator: UInt8(ascii: "\n"), maxSplits: 1).first ?? Data()
      let delimited = firstLine.contains(UInt8(ascii: ",")) || firstLine.contains(UInt8(ascii: ";")) || firstLine.contains(UInt8(ascii: "\t"))
      return delimited ? "csv" : "baskets"
    }
    return "csv"
  }
}

/// Reading files with errors that say what to do.
enum FileAccess {
  static func read(_ path: String, resolved: String) throws -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
      throw RuntimeError("cannot read '\(path)': no such file", hint: nearbyFiles(resolved)).focused(on: .input(0))
    }
    if isDirectory.boolValue {
      throw RuntimeError("cannot read '\(path)': it is a folder, not a file").focused(on: .input(0))
    }
    // Mapped, not copied: a large export is read straight from the page cache instead of
    // being copied into fresh memory first (which cost as much as parsing it).
    if let mapped = try? Data(contentsOf: URL(fileURLWithPath: resolved), options: .alwaysMapped) { return mapped }
    guard let data = FileManager.default.contents(atPath: resolved) else {
      throw RuntimeError("cannot read '\(path)': permission denied").focused(on: .input(0))
    }
    return data
  }

  /// A hint naming the closest file in the same folder.
  static func nearbyFiles(_ resolved: String) -> String? {
    let directory = (resolved as NSString).deletingLastPathComponent
    let name = (resolved as NSString).lastPathComponent
    guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory) else {
      return "the folder '\(directory)' does not exist either"
    }
    if let nearest = Suggestions.nearest(name, among: files.sorted()) { return "did you mean '\(nearest)'?" }
    return "paths are relative to the notebook's folder, then the working directory"
  }
}
