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
  /// highest confidence, then lift, then count, then the rule ranked first — and items are
  /// ordered the same way; at most `top` are returned.
  public func recommend(basket: [Int32], top: Int? = nil) -> [Recommendation] {
    recommend(basket: basket, top: top, order: nil, keys: nil)
  }

  /// As `recommend(basket:top:)`, from the rules of `order` only (rule numbers, as a value
  /// cut by `show … top=` holds them), a tie going to the rule earlier in it; without `order`,
  /// from every rule, a tie going to the rule ranked first by `keys` (default: by `rankBy`).
  func recommend(basket: [Int32], top: Int?, order: [Int]?, keys: [RuleRankKey]?) -> [Recommendation] {
    var inBasket = [Bool](repeating: false, count: itemNames.count)
    for item in basket where itemNames.indices.contains(Int(item)) { inBasket[Int(item)] = true }
    // The rules whose antecedent lies in the basket, each with its place in `order`.
    var applicable: [(rule: Int, place: Int)] = []
    func consider(_ rule: Int, _ place: Int) {
      let (items, mask) = table.itemset(of: rule)
      for (offset, item) in items.enumerated() where !RuleTable.isConsequent(offset, mask) && !inBasket[Int(item)] { return }
      applicable.append((rule, place))
    }
    if let order {
      for (place, rule) in order.enumerated() { consider(rule, place) }
    } else {
      for rule in 0..<count { consider(rule, rule) }
    }
    let ranking = ranking(keys)
    func better(_ a: (rule: Int, place: Int), than b: (rule: Int, place: Int)) -> Bool {
      for measure in [RuleMeasure.confidence, .lift, .count] {
        let (x, y) = (table.value(measure, of: a.rule), table.value(measure, of: b.rule))
        if x != y { return x > y }
      }
      return order == nil ? ranking.precedes(a.rule, b.rule) : a.place < b.place
    }
    var best: [Int32: (rule: Int, place: Int)] = [:]
    for candidate in applicable {
      for item in table.consequent(of: candidate.rule) where !inBasket[Int(item)] {
        if let current = best[item], !better(candidate, than: current) { continue }
        best[item] = candidate
      }
    }
    let ordered = best.sorted { x, y in
      x.value.rule != y.value.rule ? better(x.value, than: y.value) : itemNames[Int(x.key)] < itemNames[Int(y.key)]
    }
    return ordered.prefix(top ?? ordered.count).map {
      Recommendation(item: $0.key, name: itemNames[Int($0.key)], rule: table.rule(at: $0.value.rule))
    }
  }

  /// Recommendations for a basket of item names; names the rules never saw are ignored.
  public func recommend(basketNames: [String], top: Int? = nil) -> [Recommendation] {
    recommend(basketNames: basketNames, top: top, order: nil, keys: nil)
  }

  func recommend(basketNames: [String], top: Int?, order: [Int]?, keys: [RuleRankKey]?) -> [Recommendation] {
    var ids: [String: Int32] = [:]
    for (id, name) in itemNames.enumerated() { ids[name] = Int32(id) }
    return recommend(basket: basketNames.compactMap { ids[$0] }, top: top, order: order, keys: keys)
  }
}
