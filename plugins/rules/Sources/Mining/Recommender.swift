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
  /// highest confidence, then lift, then count, then the earlier rule — and items are ordered
  /// the same way; at most `top` are returned.
  public func recommend(basket: [Int32], top: Int? = nil) -> [Recommendation] {
    let inBasket = Set(basket)
    var best: [Int32: Int] = [:]
    for (index, rule) in rules.enumerated() where rule.antecedent.allSatisfy(inBasket.contains) {
      for item in rule.consequent where !inBasket.contains(item) {
        if let current = best[item], !Self.isBetter(rule, than: rules[current]) { continue }
        best[item] = index
      }
    }
    let ordered = best.sorted { x, y in
      let a = rules[x.value]
      let b = rules[y.value]
      if Self.isBetter(a, than: b) { return true }
      if Self.isBetter(b, than: a) { return false }
      if x.value != y.value { return x.value < y.value }
      return itemNames[Int(x.key)] < itemNames[Int(y.key)]
    }
    return ordered.prefix(top ?? ordered.count).map {
      Recommendation(item: $0.key, name: itemNames[Int($0.key)], rule: rules[$0.value])
    }
  }

  /// Recommendations for a basket of item names; names the rules never saw are ignored.
  public func recommend(basketNames: [String], top: Int? = nil) -> [Recommendation] {
    var ids: [String: Int32] = [:]
    for (id, name) in itemNames.enumerated() { ids[name] = Int32(id) }
    return recommend(basket: basketNames.compactMap { ids[$0] }, top: top)
  }

  private static func isBetter(_ a: AssociationRule, than b: AssociationRule) -> Bool {
    let (ca, cb) = (a.confidence, b.confidence)
    if ca != cb { return ca > cb }
    let (la, lb) = (a.lift, b.lift)
    if la != lb { return la > lb }
    return a.count > b.count
  }
}
