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
  /// Itemset numbers in display order, once `show … top=` cut them (nil: all, by `keys`).
  public var order: [Int]?
  public var supportText: String

  init(_ result: FrequentItemsets, supportText: String) {
    self.result = result
    self.supportText = supportText
  }

  public var kind: ValueKind { .itemsets }
  public var count: Int { order?.count ?? result.count }
  func first(_ k: Int) -> [Int] { order.map { Array($0.prefix(k)) } ?? result.first(k, keys: keys) }
  func last(_ k: Int) -> [Int] { order.map { Array($0.suffix(k)) } ?? result.last(k, keys: keys) }
  func allPositions() -> [Int] { order ?? result.ordered(keys: keys) }
  /// How many itemsets there were before `show … top=` cut them (nil: not cut).
  public var cutFrom: Int?
  var countText: String { cutFrom.map { "top \(count) of \($0)" } ?? "\(count)" }
  public var summary: String { "\(countText) \(result.target == .all ? "" : result.target.rawValue + " ")itemsets, support ≥ \(result.minimumCount) of \(result.basketCount) baskets" }

  func label(_ index: Int) -> String { "{" + result.names(at: index).joined(separator: ", ") + "}" }
  func support(_ index: Int) -> Double { result.support(at: index) }

  public func render(_ style: RenderStyle) -> String {
    var lines: [String] = []
    if let trace = result.trace { lines.append(AprioriTraceText.render(trace, style: style)); lines.append("") }
    let threshold = "support ≥ \(supportText) (\(result.minimumCount) of \(result.basketCount) baskets)"
    guard count > 0 else {
      lines.append("no \(result.target == .all ? "" : result.target.rawValue + " ")itemsets with \(threshold)")
      return lines.joined(separator: "\n")
    }
    let visible = TextTable.visibleRows(count: count, head: style.headRows, tail: style.tailRows)
    var rows = first(visible.head.count).map(row)
    if let tail = visible.tail {
      rows.append(["…", "", ""])
      rows += last(tail.count).map(row)
    }
    let kindName = result.target == .all ? "frequent itemsets" : "\(result.target.rawValue) frequent itemsets"
    let table = TextTable(headers: ["items", "count", "support"], alignments: [.left, .right, .right], rows: rows,
      title: "\(countText) \(kindName), \(threshold)")
    lines.append(table.render(ascii: style.asciiOnly))
    return lines.joined(separator: "\n")
  }

  private func row(_ index: Int) -> [String] {
    [label(index), String(result.count(at: index)), NumberFormatting.fixed(support(index), decimals: 4)]
  }

  /// LANGUAGE.md §7: `items,count,support`, items joined by `;` in sorted order.
  public var csvDocument: CSVDocument {
    CSVDocument(header: ["items", "count", "support"], rows: allPositions().map { index in
      [result.names(at: index).joined(separator: ";"), String(result.count(at: index)), NumberFormatting.exact(support(index))]
    })
  }

  public var orderableColumns: [String] { ["count", "support", "length"] }
  public func prefersDescending(_ column: String) -> Bool { true }

  public func ordered(by column: String?, descending: Bool, limit: Int?) throws -> any Value {
    var copy = self
    let key = column.map { ItemsetRankKey(byLength: $0 == "length", descending: descending) }
    if var explicit = order {
      if let key {
        // Stable: ties keep the current order.
        explicit = explicit.enumerated().sorted { a, b in
          let (x, y) = key.byLength
            ? (result.length(at: a.element), result.length(at: b.element)) : (result.count(at: a.element), result.count(at: b.element))
          if x != y { return key.descending ? x > y : x < y }
          return a.offset < b.offset
        }.map(\.element)
      }
      if let limit, limit < explicit.count {
        copy.cutFrom = copy.cutFrom ?? explicit.count
        explicit = Array(explicit.prefix(limit))
      }
      copy.order = explicit
    } else {
      // Ties keep the current order: the new key goes before the current ones.
      if let key { copy.keys = [key] + keys }
      if let limit, limit < count {
        copy.cutFrom = count
        copy.order = copy.first(limit)
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
