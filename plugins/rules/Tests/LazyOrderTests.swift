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

  static func rules(keepAtMost: Int = 100_000) throws -> AssociationRules {
    var options = RuleOptions(minConfidence: 0.2, consequentMax: nil)
    options.keepAtMost = keepAtMost
    return try AssociationRuleMiner.mine(
      try Reference.basketsSmall(), itemsetOptions: ItemsetMiningOptions(support: .fraction(0.01)), ruleOptions: options)
  }

  static let keyLists: [[RuleRankKey]] = [
    RuleRankKey.standard(.confidence), RuleRankKey.standard(.lift), RuleRankKey.standard(.count),
    [RuleRankKey(.support, descending: false)] + RuleRankKey.standard(.leverage),
  ]

  @Test func firstAndLastRulesAreTheEndsOfTheFullRanking() throws {
    let rules = try Self.rules()
    #expect(rules.count > 1000 && rules.isKept)
    let table = rules.table
    for keys in Self.keyLists {
      let order = rules.order(keys)
      let all = order.all(table)
      #expect(Set(all).count == rules.count)
      for k in [1, 10, 57] {
        let ends = order.ends(of: table, first: k, last: k)
        #expect(ends.first == Array(all.prefix(k)))
        #expect(ends.last == Array(all.suffix(k)))
        let shown = rules.ends(keys: keys, first: k, last: k)
        #expect(shown.first == all.prefix(k).map(table.rule(at:)))
        #expect(shown.last == all.suffix(k).map(table.rule(at:)))
      }
      #expect(zip(all, all.dropFirst()).allSatisfy {
        order.precedes(table.record(at: $0), table.record(at: $1)) && !order.precedes(table.record(at: $1), table.record(at: $0))
      })
    }
  }

  @Test func rankingByMeasureBreaksTiesByNamesOfAntecedentThenConsequent() throws {
    let rules = try Self.rules()
    let ordered = rules.rules
    for (a, b) in zip(ordered, ordered.dropFirst()) where (a.confidence, a.lift, a.count) == (b.confidence, b.lift, b.count) {
      let (nameA, nameB) = (rules.names(a.antecedent), rules.names(b.antecedent))
      #expect(nameA.lexicographicallyPrecedes(nameB) || (nameA == nameB && rules.names(a.consequent).lexicographicallyPrecedes(rules.names(b.consequent))))
    }
  }

  /// Past `keepAtMost` rules a result keeps only the itemsets and makes its rules again; every
  /// use gives what the kept rules give.
  @Test func rulesMadeAgainGiveWhatKeptRulesGive() throws {
    let kept = try Self.rules()
    let remade = try Self.rules(keepAtMost: 100)
    #expect(!remade.isKept && remade.count == kept.count)
    #expect(remade.rules == kept.rules)
    for keys in Self.keyLists {
      for (head, tail) in [(10, 5), (3, 0), (40, 12)] {
        let a = kept.ends(keys: keys, first: head, last: tail)
        let b = remade.ends(keys: keys, first: head, last: tail)
        #expect(a.first == b.first && a.last == b.last)
      }
      #expect(kept.cut(keys: keys, top: 30).rules == remade.cut(keys: keys, top: 30).rules)
    }
    let basket = ["SKU0014", "SKU0081", "SKU0072"]
    #expect(kept.recommend(basketNames: basket, top: 5) == remade.recommend(basketNames: basket, top: 5))
    let keptValue = RulesValue(kept, rankedBy: .lift, settings: "test")
    let remadeValue = RulesValue(remade, rankedBy: .lift, settings: "test")
    #expect(keptValue.csvDocument == remadeValue.csvDocument)
    // `save` streams the same text as the document panels use.
    #expect(try keptValue.export(as: .csv) == keptValue.csvDocument.text)
    #expect(try remadeValue.export(as: .csv) == keptValue.csvDocument.text)
    #expect(keptValue.render(RenderStyle(width: 200)) == remadeValue.render(RenderStyle(width: 200)))
  }

  @Test func showByWithoutTopKeepsTiesInTheCurrentOrder() throws {
    let value = RulesValue(try Self.rules(), rankedBy: .lift, settings: "test")
    let reordered = try #require(try value.ordered(by: "support", descending: false, limit: nil) as? RulesValue)
    #expect(reordered.cutFrom == nil && reordered.count == value.count)
    let expected = value.rules.enumerated().sorted { a, b in
      a.element.support != b.element.support ? a.element.support < b.element.support : a.offset < b.offset
    }.map(\.element)
    #expect(reordered.rules == expected)
    #expect(reordered.ends(first: 12, last: 0).first == Array(expected.prefix(12)))
    let cut = try #require(try reordered.ordered(by: nil, descending: true, limit: 25) as? RulesValue)
    #expect(cut.rules == Array(expected.prefix(25)))
    #expect(cut.countText == "top 25 of \(value.count) rules")
    // Reordering a cut value sorts its own rules, ties keeping their place.
    let recut = try #require(try cut.ordered(by: "confidence", descending: true, limit: 5) as? RulesValue)
    let byConfidence = Array(expected.prefix(25)).enumerated().sorted { a, b in
      a.element.confidence != b.element.confidence ? a.element.confidence > b.element.confidence : a.offset < b.offset
    }.map(\.element)
    #expect(recut.rules == Array(byConfidence.prefix(5)))
    #expect(recut.countText == "top 5 of \(value.count) rules")
  }

  @Test func displayShowsTheEndsOfTheRanking() throws {
    let value = RulesValue(try Self.rules(), rankedBy: .lift, settings: "test")
    let text = value.render(RenderStyle(width: 200))
    let all = value.rules
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
    #expect(rules.recommend(basketNames: ["bread"], top: 5).map(\.name) == ["butter", "jam", "milk"])
    // Keep the rules with the lowest confidence: bread → butter (3/4) is not among them.
    let value = RulesValue(rules, rankedBy: .confidence, settings: "test")
    let cut = try #require(try value.ordered(by: "confidence", descending: false, limit: 3) as? RulesValue)
    let suggested = cut.result.recommend(basketNames: ["bread"], top: 5, keys: cut.keys).map(\.name)
    #expect(!suggested.contains("butter"))
    let consequents = Set(cut.rules.flatMap { rule in rule.consequent.map { database.itemNames[Int($0)] } })
    #expect(suggested.allSatisfy(consequents.contains))
  }
}

/// Rules made by several workers are the rules one worker makes, in the same order.
@Suite struct RuleWorkerTests {
  @Test func workersGiveTheSameTable() throws {
    let database = try TransactionDatabase.readBaskets(path: Reference.path("data/fimi/mushroom.dat"))
    let itemsets = ItemsetMiningOptions(support: .fraction(0.2))
    var options = RuleOptions(minConfidence: 0.5, limit: nil)
    options.keepAtMost = .max
    let kept = try AssociationRuleMiner.mine(database, itemsetOptions: itemsets, ruleOptions: options)
    #expect(kept.isKept)
    let one = kept.table
    options.workers = 4
    let four = try AssociationRuleMiner.mine(database, itemsetOptions: itemsets, ruleOptions: options).table
    #expect(one.count == 377_677 && four.count == one.count)
    #expect(four.positions == one.positions && four.consequentMasks == one.consequentMasks)
    #expect(four.antecedentCounts == one.antecedentCounts && four.consequentCounts == one.consequentCounts)
    // Few enough rules to keep, though more than some chunks' share: still kept, in order.
    options.keepAtMost = 400_000
    let keptByFour = try AssociationRuleMiner.mine(database, itemsetOptions: itemsets, ruleOptions: options)
    #expect(keptByFour.isKept && keptByFour.table.positions == one.positions)
    // The limit holds over all workers together.
    options.limit = 377_676
    #expect(throws: MiningError.self) { try AssociationRuleMiner.mine(database, itemsetOptions: itemsets, ruleOptions: options) }
  }
}
