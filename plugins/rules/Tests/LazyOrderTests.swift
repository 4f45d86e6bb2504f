import Foundation
import Testing
import TrendCastValues

@testable import TrendCastRulesPlugin

/// Displays find only the first and last rules or itemsets in order (a heap over the results);
/// `save` sorts them all. Both must give the same order.
@Suite struct LazyOrderTests {
  @Test func topSelectionEqualsSortingOnRandomData() {
    var random = SplitMix64(seed: 7)
    for n in [0, 1, 2, 5, 40, 300] {
      // Many ties on the value; the index breaks them, so the order is total.
      let values = (0..<n).map { _ in Int.random(in: 0..<6, using: &random) }
      let precedes = { (x: Int, y: Int) in values[x] != values[y] ? values[x] > values[y] : x < y }
      let sorted = (0..<n).sorted(by: precedes)
      for k in [0, 1, 3, n / 2, n, n + 4] {
        #expect(TopSelection.first(k, of: n, by: precedes) == Array(sorted.prefix(k)), "n \(n), k \(k)")
      }
    }
  }

  static func rules() throws -> AssociationRules {
    try AssociationRuleMiner.mine(
      try Reference.basketsSmall(), itemsetOptions: ItemsetMiningOptions(support: .fraction(0.01)),
      ruleOptions: RuleOptions(minConfidence: 0.2, consequentMax: nil))
  }

  @Test func firstAndLastRulesAreTheEndsOfTheFullRanking() throws {
    let rules = try Self.rules()
    #expect(rules.count > 1000)
    let keyLists: [[RuleRankKey]] = [
      RuleRankKey.standard(.confidence), RuleRankKey.standard(.lift), RuleRankKey.standard(.count),
      [RuleRankKey(.support, descending: false)] + RuleRankKey.standard(.leverage),
    ]
    for keys in keyLists {
      let ranking = rules.ranking(keys)
      let all = ranking.all()
      #expect(Set(all).count == rules.count)
      for k in [1, 10, 57] {
        #expect(ranking.first(k) == Array(all.prefix(k)))
        #expect(ranking.last(k) == Array(all.suffix(k)))
      }
      #expect(zip(all, all.dropFirst()).allSatisfy { ranking.precedes($0, $1) && !ranking.precedes($1, $0) })
    }
  }

  @Test func rankingByMeasureBreaksTiesByNamesOfAntecedentThenConsequent() throws {
    let rules = try Self.rules()
    let ranking = rules.ranking(RuleRankKey.standard(.confidence))
    let ordered = ranking.all().map(rules.table.rule(at:))
    for (a, b) in zip(ordered, ordered.dropFirst()) where (a.confidence, a.lift, a.count) == (b.confidence, b.lift, b.count) {
      let (nameA, nameB) = (rules.names(a.antecedent), rules.names(b.antecedent))
      #expect(nameA.lexicographicallyPrecedes(nameB) || (nameA == nameB && rules.names(a.consequent).lexicographicallyPrecedes(rules.names(b.consequent))))
    }
  }

  @Test func showByWithoutTopKeepsTiesInTheCurrentOrder() throws {
    let value = RulesValue(try Self.rules(), rankedBy: .lift, settings: "test")
    let reordered = try #require(try value.ordered(by: "support", descending: false, limit: nil) as? RulesValue)
    #expect(reordered.order == nil)  // still lazy
    let expected = value.allPositions().enumerated().sorted { a, b in
      let (x, y) = (value.result.table.value(.support, of: a.element), value.result.table.value(.support, of: b.element))
      return x != y ? x < y : a.offset < b.offset
    }.map(\.element)
    #expect(reordered.allPositions() == expected)
    #expect(reordered.first(12) == Array(expected.prefix(12)))
    let cut = try #require(try reordered.ordered(by: nil, descending: true, limit: 25) as? RulesValue)
    #expect(cut.order == Array(expected.prefix(25)))
    #expect(cut.countText == "top 25 of \(value.count) rules")
    // Reordering a cut value sorts its own rules, ties keeping their place.
    let recut = try #require(try cut.ordered(by: "confidence", descending: true, limit: 5) as? RulesValue)
    let byConfidence = Array(expected.prefix(25)).enumerated().sorted { a, b in
      let (x, y) = (value.result.table.value(.confidence, of: a.element), value.result.table.value(.confidence, of: b.element))
      return x != y ? x > y : a.offset < b.offset
    }.map(\.element)
    #expect(recut.order == Array(byConfidence.prefix(5)))
  }

  @Test func displayShowsTheEndsOfTheRanking() throws {
    let value = RulesValue(try Self.rules(), rankedBy: .lift, settings: "test")
    let text = value.render(RenderStyle(width: 200))
    let all = value.allPositions().map(value.result.table.rule(at:))
    #expect(text.contains(value.label(all[0])))
    #expect(text.contains(value.label(all[all.count - 1])))
    #expect(!text.contains(value.label(all[all.count / 2])))
  }

  @Test func itemsetFirstAndLastAreTheEndsOfTheFullOrder() throws {
    let database = try TransactionDatabase.readBaskets(path: Reference.path("data/fimi/mushroom.dat"))
    let mined = try FrequentItemsetMiner.mine(database, options: ItemsetMiningOptions(support: .fraction(0.3)))
    #expect(mined.count > 1000)
    // Mushroom has many perfect extensions: the result keeps far fewer groups than itemsets.
    #expect(mined.groups.count * 3 < mined.count)
    for keys in [[], [ItemsetRankKey(byLength: true, descending: true)], [ItemsetRankKey(byLength: false, descending: false)]] {
      let all = mined.ordered(keys: keys)
      #expect(all.count == mined.count && Set(all).count == mined.count)
      for k in [1, 10, 333] {
        let ends = mined.ends(first: k, last: k, keys: keys)
        #expect(ends.first == Array(all.prefix(k)))
        #expect(ends.last == Array(all.suffix(k)))
      }
    }
    // The standard order: count descending, then length, then items.
    let all = mined.ordered()
    #expect(zip(all, all.dropFirst()).allSatisfy { a, b in
      a.count > b.count || (a.count == b.count && (a.items.count < b.items.count
        || (a.items.count == b.items.count && a.items.lexicographicallyPrecedes(b.items))))
    })
    var byLength: [Int: Int] = [:]
    for itemset in all { byLength[itemset.items.count, default: 0] += 1 }
    #expect(mined.countsByLength == byLength)
  }

  @Test func itemsetGroupsRespectTheLengthRange() throws {
    let database = try TransactionDatabase.readBaskets(path: Reference.path("data/fimi/mushroom.dat"))
    let options = ItemsetMiningOptions(support: .fraction(0.3), minLength: 3, maxLength: 5)
    let mined = try FrequentItemsetMiner.mine(database, options: options)
    let counted = try FrequentItemsetMiner.count(database, options: options)
    #expect(mined.count == counted.total)
    #expect(mined.countsByLength == counted.countsByLength)
    #expect(mined.itemsets.allSatisfy { (3...5).contains($0.items.count) })
  }

  @Test func recommendFromACutValueUsesOnlyItsRules() throws {
    let database = TransactionDatabase(baskets: [
      ["bread", "butter", "jam"], ["bread", "butter"], ["bread", "butter", "milk"], ["bread", "jam"], ["milk", "jam"],
    ])
    let rules = try AssociationRuleMiner.mine(
      database, itemsetOptions: ItemsetMiningOptions(support: .count(1)), ruleOptions: RuleOptions(minConfidence: 0.1))
    let value = RulesValue(rules, rankedBy: .confidence, settings: "test")
    let all = rules.recommend(basketNames: ["bread"], top: 5, order: nil, keys: nil)
    #expect(all.map(\.name) == ["butter", "jam", "milk"])
    // Keep only rules with consequent jam or milk: butter can no longer be suggested.
    let kept = value.allPositions().filter { rules.table.consequent(of: $0) != [database.itemID(named: "butter") ?? -1] }
    let cut = rules.recommend(basketNames: ["bread"], top: 5, order: kept, keys: nil)
    #expect(cut.map(\.name) == ["jam", "milk"])
  }
}

/// Rules made by several workers are the rules one worker makes, in the same order.
@Suite struct RuleWorkerTests {
  @Test func workersGiveTheSameTable() throws {
    let database = try TransactionDatabase.readBaskets(path: Reference.path("data/fimi/mushroom.dat"))
    let itemsets = ItemsetMiningOptions(support: .fraction(0.2))
    var options = RuleOptions(minConfidence: 0.5, limit: nil)
    let one = try AssociationRuleMiner.mine(database, itemsetOptions: itemsets, ruleOptions: options).table
    options.workers = 4
    let four = try AssociationRuleMiner.mine(database, itemsetOptions: itemsets, ruleOptions: options).table
    #expect(one.count == 377_677 && four.count == one.count)
    #expect(four.positions == one.positions && four.consequentMasks == one.consequentMasks)
    #expect(four.antecedentCounts == one.antecedentCounts && four.consequentCounts == one.consequentCounts)
    // The limit holds over all workers together.
    options.limit = 377_676
    #expect(throws: MiningError.self) { try AssociationRuleMiner.mine(database, itemsetOptions: itemsets, ruleOptions: options) }
  }
}
