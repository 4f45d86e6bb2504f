import TrendCastCharts
import TrendCastValues

/// The result of `mine rules`: rules ranked by the `by=` measure, best first.
///
/// The ranking is lazy: a display shows the first and last rows found while mining (or in
/// one pass over the rules), `show … by=` without `top=` only adds a key, and `show … top=N`
/// keeps the best N. Only `save` puts every rule in order.
public struct RulesValue: Value, CSVExportable, RowOrderable, Plottable {
  public var result: AssociationRules
  /// The order the rules are in: each key in turn, then item names.
  public var keys: [RuleRankKey]
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
  public var count: Int { result.count }
  /// Every rule, in order (made on demand).
  public var rules: [AssociationRule] {
    let all = ordered()
    return all.rows.map(all.table.rule(at:))
  }
  public var summary: String { "\(countText), \(settings)" }
  var countText: String { cutFrom.map { "top \(count) of \($0) rules" } ?? "\(count) rules" }

  /// The first `head` and the last `tail` rules, in order.
  func ends(first head: Int, last tail: Int) -> (first: [AssociationRule], last: [AssociationRule]) {
    result.ends(keys: keys, first: head, last: tail)
  }

  /// Every rule in order: a table and its rows in that order.
  func ordered() -> (table: RuleTable, rows: [Int]) {
    let table = result.table
    return (table, result.order(keys).all(table))
  }

  func side(_ items: [Int32]) -> String { "{" + result.names(items).joined(separator: ", ") + "}" }
  func label(_ rule: AssociationRule) -> String { side(rule.antecedent) + " → " + side(rule.consequent) }

  /// Measures shown in the display; `save` writes every measure of §7.
  static let displayed: [RuleMeasure] = [.support, .confidence, .lift, .leverage, .conviction]
  /// LANGUAGE.md §7's columns after antecedent and consequent.
  static let saved: [RuleMeasure] = [.count, .support, .confidence, .lift, .leverage, .conviction, .zhang]

  var hasPValues: Bool {
    if case .table(let table) = result.storage { return table.adjustedPValues != nil }
    return false
  }

  public func render(_ style: RenderStyle) -> String {
    guard count > 0 else { return "no rules with \(settings)" }
    var measures = Self.displayed
    if !measures.contains(rankedBy), rankedBy != .count { measures.append(rankedBy) }
    let headers = ["rule"] + measures.map(\.rawValue) + (hasPValues ? ["p (Holm)"] : [])
    let visible = TextTable.visibleRows(count: count, head: style.headRows, tail: style.tailRows)
    let shown = ends(first: visible.head.count, last: visible.tail?.count ?? 0)
    var rows = shown.first.map { row($0, measures) }
    if visible.tail != nil {
      rows.append(["…"] + Array(repeating: "", count: headers.count - 1))
      rows += shown.last.map { row($0, measures) }
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
    let all = ordered()
    return CSVDocument(header: ["antecedent", "consequent"] + Self.saved.map(\.rawValue), rows: all.rows.map { row in
      let rule = all.table.rule(at: row)
      return [result.names(rule.antecedent).joined(separator: ";"), result.names(rule.consequent).joined(separator: ";")]
        + Self.saved.map { Self.exportText(rule.value($0), $0) }
    })
  }

  public var orderableColumns: [String] { RuleMeasure.allCases.map(\.rawValue) }
  public func prefersDescending(_ column: String) -> Bool { true }

  public func ordered(by column: String?, descending: Bool, limit: Int?) throws -> any Value {
    var copy = self
    if let column, let measure = RuleMeasure(name: column) {
      copy.rankedBy = measure
      // Ties keep the current order: the new key goes before the current ones.
      copy.keys = RuleRankKey.deduplicated([RuleRankKey(measure, descending: descending)] + keys)
    }
    if let limit, limit < count {
      copy.cutFrom = cutFrom ?? count
      copy.result = result.cut(keys: copy.keys, top: limit)
    }
    return copy
  }

  public var chart: Chart { chart(top: 10) }

  /// The top rules as bars of the ranking measure (lift, confidence, …); infinite values
  /// (conviction of certain rules) are drawn at the largest finite value and labelled `inf`.
  public func chart(top: Int) -> Chart {
    let shown = ends(first: top, last: 0).first
    let values = shown.map { $0.value(rankedBy) }
    let largestFinite = values.filter(\.isFinite).max() ?? 1
    return Chart.bar(labels: shown.map(label), values: values.map { $0.isFinite ? $0 : largestFinite },
      valueLabels: zip(shown, values).map { Self.format($1, rankedBy) },
      title: "Top \(shown.count) rules by \(rankedBy.rawValue)")
  }
}
