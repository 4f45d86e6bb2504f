import TrendCastCharts
/// Orders as baskets of items, for market-basket mining. Items are dense integer ids into
/// `itemNames`; baskets are stored flat (CSR): basket b holds `items[offsets[b]..<offsets[b+1]]`,
/// sorted and without duplicates.
public struct Transactions: Value {
  public var itemNames: [String]
  public var offsets: [Int]
  public var items: [Int32]
  /// The order ids, when the data had them (long form).
  public var basketIDs: [String]?
  public var source: String?

  public init(itemNames: [String], offsets: [Int], items: [Int32], basketIDs: [String]? = nil, source: String? = nil) {
    precondition(offsets.first == 0 && offsets.last == items.count, "offsets must span items")
    self.itemNames = itemNames
    self.offsets = offsets
    self.items = items
    self.basketIDs = basketIDs
    self.source = source
  }

  /// Builds from baskets of item names (any order, duplicates allowed).
  public init(baskets: [[String]], basketIDs: [String]? = nil, source: String? = nil) {
    var ids: [String: Int32] = [:]
    var names: [String] = []
    var offsets = [0]
    var items: [Int32] = []
    for basket in baskets {
      var coded: [Int32] = []
      for name in basket {
        if let id = ids[name] {
          coded.append(id)
        } else {
          let id = Int32(names.count)
          ids[name] = id
          names.append(name)
          coded.append(id)
        }
      }
      coded.sort()
      var last: Int32 = -1
      for id in coded where id != last {
        items.append(id)
        last = id
      }
      offsets.append(items.count)
    }
    self.init(itemNames: names, offsets: offsets, items: items, basketIDs: basketIDs, source: source)
  }

  public var kind: ValueKind { .transactions }
  public var basketCount: Int { offsets.count - 1 }
  public var itemCount: Int { itemNames.count }

  public func basket(_ b: Int) -> ArraySlice<Int32> { items[offsets[b]..<offsets[b + 1]] }

  public var summary: String { "\(basketCount) baskets, \(itemCount) items" }

  public func render(_ style: RenderStyle) -> String {
    let average = basketCount > 0 ? Double(items.count) / Double(basketCount) : 0
    var counts = [Int](repeating: 0, count: itemCount)
    for item in items { counts[Int(item)] += 1 }
    let top = counts.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : itemNames[$0] < itemNames[$1] }.prefix(10)
    let rows = top.map { [itemNames[$0], String(counts[$0]), NumberFormatting.fixed(Double(counts[$0]) / Double(max(1, basketCount)), decimals: 4)] }
    let header = "transactions: \(basketCount) baskets, \(itemCount) distinct items, \(NumberFormatting.fixed(average, decimals: 2)) items per basket"
    return TerminalText.wrapped(header, width: style.width).joined(separator: "\n") + "\n" + TextTable(headers: ["item", "baskets", "support"], alignments: [.left, .right, .right], rows: rows, title: "most frequent items").render(ascii: style.asciiOnly)
  }

  /// Long form: one row per basket and item.
  public func export(as format: ExportFormat) throws -> String {
    guard format == .csv else { throw RuntimeError("transactions are saved as .csv", hint: "use a file name ending in .csv") }
    var rows: [[String]] = []
    for b in 0..<basketCount {
      let id = basketIDs?[b] ?? String(b + 1)
      for item in basket(b) { rows.append([id, itemNames[Int(item)]]) }
    }
    return CSVDocument(header: ["basket", "item"], rows: rows).text
  }
}
