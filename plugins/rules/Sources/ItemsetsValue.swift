import TrendCastCharts
import TrendCastValues

/// The result of `mine itemsets`: itemsets with their counts, in the miner's order (count,
/// then length, then items) unless `show … by=` reordered them.
public struct ItemsetsValue: Value, CSVExportable, RowOrderable, Plottable {
  public var result: FrequentItemsets
  /// Positions into `result`, in display order.
  public var order: [Int]
  public var supportText: String

  init(_ result: FrequentItemsets, supportText: String) {
    self.result = result
    self.order = Array(0..<result.count)
    self.supportText = supportText
  }

  public var kind: ValueKind { .itemsets }
  public var count: Int { order.count }
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
    var rows = visible.head.map(row)
    if let tail = visible.tail {
      rows.append(["…", "", ""])
      rows += tail.map(row)
    }
    let kindName = result.target == .all ? "frequent itemsets" : "\(result.target.rawValue) frequent itemsets"
    let table = TextTable(headers: ["items", "count", "support"], alignments: [.left, .right, .right], rows: rows,
      title: "\(countText) \(kindName), \(threshold)")
    lines.append(table.render(ascii: style.asciiOnly))
    return lines.joined(separator: "\n")
  }

  private func row(_ position: Int) -> [String] {
    let index = order[position]
    return [label(index), String(result.count(at: index)), NumberFormatting.fixed(support(index), decimals: 4)]
  }

  /// LANGUAGE.md §7: `items,count,support`, items joined by `;` in sorted order.
  public var csvDocument: CSVDocument {
    CSVDocument(header: ["items", "count", "support"], rows: order.map { index in
      [result.names(at: index).joined(separator: ";"), String(result.count(at: index)), NumberFormatting.exact(support(index))]
    })
  }

  public var orderableColumns: [String] { ["count", "support", "length"] }
  public func prefersDescending(_ column: String) -> Bool { true }

  public func ordered(by column: String?, descending: Bool, limit: Int?) throws -> any Value {
    var copy = self
    if let column {
      let key: (Int) -> Double = column == "length" ? { Double(result.items(at: $0).count) } : { Double(result.count(at: $0)) }
      // Stable: ties keep the miner's order.
      copy.order = order.enumerated().sorted { a, b in
        let (x, y) = (key(a.element), key(b.element))
        if x != y { return descending ? x > y : x < y }
        return a.offset < b.offset
      }.map(\.element)
    }
    if let limit, limit < copy.order.count {
      copy.cutFrom = copy.cutFrom ?? copy.order.count
      copy.order = Array(copy.order.prefix(limit))
    }
    return copy
  }

  public var chart: Chart { chart(top: 10) }

  public func chart(top: Int) -> Chart {
    let shown = order.prefix(top)
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
