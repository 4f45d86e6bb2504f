import Foundation

/// An item suggested for a basket, with the rule behind the suggestion.
public struct Recommendation: Sendable, Equatable {
  public let item: Int32
  public let name: String
  /// The rule (from the `AssociationRules` given) whose antecedent is in the basket and whose
  /// consequent holds `item`.
  public let rule: AssociationRule
  public var confidence: Double { rule.confidence }
  public var lift: Double { rule.lift }
}

extension AssociationRules {
  /// Items to suggest for a basket: each item not in the basket that is in the consequent of a
  /// rule whose antecedent lies in the basket. Each item is backed by its best such rule — the
  /// highest confidence, then lift, then count, then the rule ranked first by `keys` (default:
  /// by `rankBy`) — and items are ordered the same way; at most `top` are returned.
  public func recommend(basket: [Int32], top: Int? = nil, keys: [RuleRankKey]? = nil) -> [Recommendation] {
    var inBasket = [Bool](repeating: false, count: itemNames.count)
    for item in basket where itemNames.indices.contains(Int(item)) { inBasket[Int(item)] = true }
    let table = table
    // The rules whose antecedent lies in the basket.
    var applicable: [Int] = []
    for rule in 0..<table.count {
      let (items, mask) = table.itemset(of: rule)
      if items.enumerated().allSatisfy({ RuleTable.isConsequent($0.offset, mask) || inBasket[Int($0.element)] }) {
        applicable.append(rule)
      }
    }
    let order = order(keys)
    func better(_ a: Int, than b: Int) -> Bool {
      for measure in [RuleMeasure.confidence, .lift, .count] {
        let (x, y) = (table.value(measure, of: a), table.value(measure, of: b))
        if x != y { return x > y }
      }
      return order.precedes(table.record(at: a), table.record(at: b))
    }
    var best: [Int32: Int] = [:]
    for rule in applicable {
      for item in table.consequent(of: rule) where !inBasket[Int(item)] {
        if let current = best[item], !better(rule, than: current) { continue }
        best[item] = rule
      }
    }
    let ordered = best.sorted { x, y in
      x.value != y.value ? better(x.value, than: y.value) : itemNames[Int(x.key)] < itemNames[Int(y.key)]
    }
    return ordered.prefix(top ?? ordered.count).map {
      Recommendation(item: $0.key, name: itemNames[Int($0.key)], rule: table.rule(at: $0.value))
    }
  }

  /// Recommendations for a basket of item names; names the rules never saw are ignored.
  public func recommend(basketNames: [String], top: Int? = nil, keys: [RuleRankKey]? = nil) -> [Recommendation] {
    var ids: [String: Int32] = [:]
    for (id, name) in itemNames.enumerated() { ids[name] = Int32(id) }
    return recommend(basket: basketNames.compactMap { ids[$0] }, top: top, keys: keys)
  }
}
