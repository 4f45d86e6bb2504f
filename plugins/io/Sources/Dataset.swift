import Foundation
import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// `dataset NAME`: the samples listed in stdlib/datasets/catalog.json.
enum Dataset {
  struct Entry: Decodable {
    struct TransactionColumns: Decodable {
      var id: String
      var item: String
    }
    var file: String
    var date: String?
    var transactions: TransactionColumns?
    var description: String
  }

  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    guard let stdlib = invocation.context.stdlibDirectory else {
      throw RuntimeError("the standard library folder (stdlib/) was not found", hint: "set TRENDCAST_STDLIB to the folder that holds datasets/")
    }
    let folder = (stdlib as NSString).appendingPathComponent("datasets")
    let catalog = try loadCatalog(folder)
    guard invocation.inputs.count > 0 else {
      let rows = catalog.keys.sorted().map { name -> [String] in [name, catalog[name]?.description ?? ""] }
      return TextValue(TextTable(headers: ["data set", "description"], alignments: [.left, .left], rows: rows).render(ascii: invocation.context.style.asciiOnly))
    }
    let name = try invocation.text(0)
    guard let entry = catalog[name] else {
      throw RuntimeError("there is no data set '\(name)'",
        hint: Suggestions.didYouMean(name, among: Array(catalog.keys)) ?? "data sets: \(catalog.keys.sorted().joined(separator: ", "))").focused(on: .input(0))
    }
    let path = (folder as NSString).appendingPathComponent(entry.file)
    let data = try FileAccess.read(entry.file, resolved: path)
    var loadInvocation = invocation
    loadInvocation.options = [:]
    loadInvocation.flags = []
    if let date = entry.date { loadInvocation.options["date"] = .string(date) }
    if let columns = entry.transactions {
      loadInvocation.flags = ["transactions"]
      loadInvocation.options["id"] = .string(columns.id)
      loadInvocation.options["item"] = .string(columns.item)
    }
    return try Load.read(data, displayName: entry.file, resolved: path, invocation: loadInvocation)
  }

  /// The names of the samples, for completion; none when the catalog cannot be read.
  @Sendable static func names(_ context: RunContext) -> [String] {
    guard let stdlib = context.stdlibDirectory else { return [] }
    return (try? loadCatalog((stdlib as NSString).appendingPathComponent("datasets")))?.keys.sorted() ?? []
  }

  static func loadCatalog(_ folder: String) throws -> [String: Entry] {
    let path = (folder as NSString).appendingPathComponent("catalog.json")
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RuntimeError("the data set catalog \(path) is missing")
    }
    do {
      return try JSONDecoder().decode([String: Entry].self, from: data)
    } catch {
      throw RuntimeError("the data set catalog \(path) cannot be read: \(error)")
    }
  }
}
