import TrendCastCharts
import TrendCastValues

/// The result of `mine rules`: rules ranked by the `by=` measure, best first.
///
/// The ranking is lazy: a display finds only its first and last rows (one pass over the rules),
/// and `show … by=` without `top=` only adds a key. Only `save`, and reordering a value that
/// `top=` has already cut, put every rule in order.
public struct RulesValue: Value, CSVExportable, RowOrderable, Plottable {
  public var result: AssociationRules
  /// The order the rules are in: each key in turn, then item names.
  public var keys: [RuleRankKey]
  /// Rule numbers in display order, once `show … top=` cut them (nil: every rule, by `keys`).
  public var order: [Int]?
  public var rankedBy: RuleMeasure
  public var settings: String
  /// How many rules there were before `show … top=` cut them (nil: not cut).
  public var cutFrom: Int?

  init(_ result: AssociationRules, rankedBy: RuleMeasure, settings: String) {
    self.result = result
    self.keys = RuleRankKey.standard(rankedBy)
    self.rankedBy = rankedBy
    self.settings = settings
  }

  public var kind: ValueKind { .rules }
  public var count: Int { order?.count ?? result.count }
  /// Every rule, in order (made on demand).
  public var rules: [AssociationRule] { allPositions().map(result.table.rule(at:)) }
  public var summary: String { "\(countText), \(settings)" }
  var countText: String { cutFrom.map { "top \(count) of \($0) rules" } ?? "\(count) rules" }

  var ranking: RuleRanking { result.ranking(keys) }

  /// Rule numbers of the first `k` rules in order.
  func first(_ k: Int) -> [Int] { order.map { Array($0.prefix(k)) } ?? ranking.first(k) }
  /// Rule numbers of the first `head` and the last `tail` rules in order.
  func ends(first head: Int, last tail: Int) -> (first: [Int], last: [Int]) {
    order.map { (Array($0.prefix(head)), Array($0.suffix(tail))) } ?? ranking.ends(first: head, last: tail)
  }
  func allPositions() -> [Int] { order ?? ranking.all() }

  func side(_ items: [Int32]) -> String { "{" + result.names(items).joined(separator: ", ") + "}" }
  func label(_ rule: AssociationRule) -> String { side(rule.antecedent) + " → " + side(rule.consequent) }

  /// Measures shown in the display; `save` writes every measure of §7.
  static let displayed: [RuleMeasure] = [.support, .confidence, .lift, .leverage, .conviction]
  /// LANGUAGE.md §7's columns after antecedent and consequent.
  static let saved: [RuleMeasure] = [.count, .support, .confidence, .lift, .leverage, .conviction, .zhang]

  var hasPValues: Bool { result.table.adjustedPValues != nil }

  public func render(_ style: RenderStyle) -> String {
    guard count > 0 else { return "no rules with \(settings)" }
    var measures = Self.displayed
    if !measures.contains(rankedBy), rankedBy != .count { measures.append(rankedBy) }
    let headers = ["rule"] + measures.map(\.rawValue) + (hasPValues ? ["p (Holm)"] : [])
    let visible = TextTable.visibleRows(count: count, head: style.headRows, tail: style.tailRows)
    let shown = ends(first: visible.head.count, last: visible.tail?.count ?? 0)
    var rows = shown.first.map { row(result.table.rule(at: $0), measures) }
    if visible.tail != nil {
      rows.append(["…"] + Array(repeating: "", count: headers.count - 1))
      rows += shown.last.map { row(result.table.rule(at: $0), measures) }
    }
    let table = TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: headers.count - 1), rows: rows,
      title: "\(countText), \(settings), by \(rankedBy.rawValue)")
    return table.render(ascii: style.asciiOnly)
  }

  private func row(_ rule: AssociationRule, _ measures: [RuleMeasure]) -> [String] {
    var cells = [label(rule)] + measures.map { Self.format(rule.value($0), $0) }
    if hasPValues { cells.append(rule.adjustedPValue.map { NumberFormatting.display($0, significant: 3) } ?? "") }
    return cells
  }

  /// Four decimals; conviction of a rule that always holds is infinite, written `inf`.
  static func format(_ value: Double, _ measure: RuleMeasure) -> String {
    if measure == .count { return String(Int(value)) }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    return NumberFormatting.fixed(value, decimals: 4)
  }

  /// LANGUAGE.md §7: `antecedent,consequent,count,support,confidence,lift,leverage,conviction,zhang`.
  public var csvDocument: CSVDocument {
    let ranking = ranking
    // Each side's names in name order: the items sorted by their precomputed name ranks.
    func names(_ items: [Int32]) -> String {
      items.sorted { ranking.nameRanks[Int($0)] < ranking.nameRanks[Int($1)] }.map { result.itemNames[Int($0)] }
        .joined(separator: ";")
    }
    return CSVDocument(header: ["antecedent", "consequent"] + Self.saved.map(\.rawValue), rows: allPositions().map { number in
      let rule = result.table.rule(at: number)
      return [names(rule.antecedent), names(rule.consequent)]
        + Self.saved.map { measure in
          let value = rule.value(measure)
          if measure == .count { return String(Int(value)) }
          return value.isInfinite ? (value > 0 ? "inf" : "-inf") : NumberFormatting.exact(value)
        }
    })
  }

  public var orderableColumns: [String] { RuleMeasure.allCases.map(\.rawValue) }
  public func prefersDescending(_ column: String) -> Bool { true }

  public func ordered(by column: String?, descending: Bool, limit: Int?) throws -> any Value {
    var copy = self
    let measure = column.flatMap(RuleMeasure.init(name:))
    if let measure { copy.rankedBy = measure }
    if var explicit = order {
      if let measure {
        // Stable: ties keep the current order.
        let table = result.table
        explicit = explicit.enumerated().sorted { a, b in
          let (x, y) = (table.value(measure, of: a.element), table.value(measure, of: b.element))
          if x != y { return descending ? x > y : x < y }
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
      if let measure { copy.keys = [RuleRankKey(measure, descending: descending)] + keys }
      if let limit, limit < count {
        copy.cutFrom = count
        copy.order = copy.ranking.first(limit)
      }
    }
    return copy
  }

  public var chart: Chart { chart(top: 10) }

  /// The top rules as bars of the ranking measure (lift, confidence, …); infinite values
  /// (conviction of certain rules) are drawn at the largest finite value and labelled `inf`.
  public func chart(top: Int) -> Chart {
    let shown = first(top).map(result.table.rule(at:))
    let values = shown.map { $0.value(rankedBy) }
    let largestFinite = values.filter(\.isFinite).max() ?? 1
    return Chart.bar(labels: shown.map(label), values: values.map { $0.isFinite ? $0 : largestFinite },
      valueLabels: zip(shown, values).map { Self.format($1, rankedBy) },
      title: "Top \(shown.count) rules by \(rankedBy.rawValue)")
  }
}
