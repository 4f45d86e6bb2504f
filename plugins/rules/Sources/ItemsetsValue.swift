import TrendCastCharts
import TrendCastValues

/// The result of `mine itemsets`: itemsets with their counts, by count, then length, then
/// items, unless `show … by=` reordered them.
///
/// The order is lazy, as `RulesValue`'s is: a display finds only its first and last rows.
public struct ItemsetsValue: Value, CSVExportable, RowOrderable, Plottable {
  public var result: FrequentItemsets
  /// The orderings `show … by=` asked for, latest first (ties: count, length, items).
  public var keys: [ItemsetRankKey] = []
  /// The itemsets in display order, once `show … top=` cut them (nil: all, by `keys`).
  public var cut: [Itemset]?
  public var supportText: String

  init(_ result: FrequentItemsets, supportText: String) {
    self.result = result
    self.supportText = supportText
  }

  public var kind: ValueKind { .itemsets }
  public var count: Int { cut?.count ?? result.count }
  func first(_ k: Int) -> [Itemset] { ends(first: k, last: 0).first }
  func ends(first head: Int, last tail: Int) -> (first: [Itemset], last: [Itemset]) {
    cut.map { (Array($0.prefix(head)), Array($0.suffix(tail))) } ?? result.ends(first: head, last: tail, keys: keys)
  }
  func all() -> [Itemset] { cut ?? result.ordered(keys: keys) }
  /// How many itemsets there were before `show … top=` cut them (nil: not cut).
  public var cutFrom: Int?
  var countText: String { cutFrom.map { "top \(count) of \($0)" } ?? "\(count)" }
  public var summary: String { "\(countText) \(result.target == .all ? "" : result.target.rawValue + " ")itemsets, support ≥ \(result.minimumCount) of \(result.basketCount) baskets" }

  func label(_ itemset: Itemset) -> String { "{" + result.names(itemset.items).joined(separator: ", ") + "}" }
  func support(_ itemset: Itemset) -> Double { result.support(itemset.count) }

  public func render(_ style: RenderStyle) -> String {
    var lines: [String] = []
    if let trace = result.trace { lines.append(AprioriTraceText.render(trace, style: style)); lines.append("") }
    let threshold = "support ≥ \(supportText) (\(result.minimumCount) of \(result.basketCount) baskets)"
    guard count > 0 else {
      lines.append("no \(result.target == .all ? "" : result.target.rawValue + " ")itemsets with \(threshold)")
      return lines.joined(separator: "\n")
    }
    let visible = TextTable.visibleRows(count: count, head: style.headRows, tail: style.tailRows)
    let shown = ends(first: visible.head.count, last: visible.tail?.count ?? 0)
    var rows = shown.first.map(row)
    if visible.tail != nil {
      rows.append(["…", "", ""])
      rows += shown.last.map(row)
    }
    let kindName = result.target == .all ? "frequent itemsets" : "\(result.target.rawValue) frequent itemsets"
    let table = TextTable(headers: ["items", "count", "support"], alignments: [.left, .right, .right], rows: rows,
      title: "\(countText) \(kindName), \(threshold)")
    lines.append(table.render(ascii: style.asciiOnly))
    return lines.joined(separator: "\n")
  }

  private func row(_ itemset: Itemset) -> [String] {
    [label(itemset), String(itemset.count), NumberFormatting.fixed(support(itemset), decimals: 4)]
  }

  /// LANGUAGE.md §7: `items,count,support`, items joined by `;` in sorted order.
  public var csvDocument: CSVDocument {
    CSVDocument(header: ["items", "count", "support"], rows: all().map { itemset in
      [result.names(itemset.items).joined(separator: ";"), String(itemset.count), NumberFormatting.exact(support(itemset))]
    })
  }

  public var orderableColumns: [String] { ["count", "support", "length"] }
  public func prefersDescending(_ column: String) -> Bool { true }

  public func ordered(by column: String?, descending: Bool, limit: Int?) throws -> any Value {
    var copy = self
    let key = column.map { ItemsetRankKey(byLength: $0 == "length", descending: descending) }
    if var explicit = cut {
      if let key {
        // Stable: ties keep the current order.
        explicit = explicit.enumerated().sorted { a, b in
          let (x, y) = key.byLength ? (a.element.items.count, b.element.items.count) : (a.element.count, b.element.count)
          if x != y { return key.descending ? x > y : x < y }
          return a.offset < b.offset
        }.map(\.element)
      }
      if let limit, limit < explicit.count {
        copy.cutFrom = copy.cutFrom ?? explicit.count
        explicit = Array(explicit.prefix(limit))
      }
      copy.cut = explicit
    } else {
      // Ties keep the current order: the new key goes before the current ones.
      if let key { copy.keys = [key] + keys }
      if let limit, limit < count {
        copy.cutFrom = count
        copy.cut = copy.first(limit)
      }
    }
    return copy
  }

  public var chart: Chart { chart(top: 10) }

  public func chart(top: Int) -> Chart {
    let shown = first(top)
    return Chart.bar(labels: shown.map(label), values: shown.map(support),
      valueLabels: shown.map { NumberFormatting.fixed(support($0), decimals: 4) },
      title: "Top \(shown.count) itemsets by support")
  }
}

/// The Apriori trace as a table a learner can follow.
enum AprioriTraceText {
  static func render(_ trace: AprioriTrace, style: RenderStyle) -> String {
    let rows = trace.levels.map { level in
      [String(level.length), String(level.generated), String(level.prunedByApriori), String(level.counted), String(level.kept)]
    }
    let table = TextTable(headers: ["length", "candidates", "pruned (Apriori)", "counted", "frequent"], rows: rows,
      title: TerminalText.paragraph(
        "Apriori, level by level: candidates of each length are joined from the frequent itemsets one shorter; "
          + "a candidate with an infrequent subset is pruned without counting; the rest are counted in the baskets.",
        width: style.width))
    return table.render(ascii: style.asciiOnly)
  }
}
