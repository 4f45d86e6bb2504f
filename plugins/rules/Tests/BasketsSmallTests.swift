import Foundation
import Testing

@testable import TrendCastRulesPlugin

/// baskets_small (3,000 orders in long form) against pyfim 6.28 and mlxtend 0.25.
@Suite struct BasketsSmallTests {
  @Test func itemsetCountsByLengthEqualPyfim() throws {
    let database = try Reference.basketsSmall()
    #expect(database.basketCount == 3000)
    let expected = try Reference.json("baskets_small.expected.json")
    let rows = try #require(expected["by_support"] as? [[String: Any]])
    for row in rows {
      let support = try #require(row["min_support"] as? Double)
      let options = ItemsetMiningOptions(support: .fraction(support))
      let mined = try FrequentItemsetMiner.mine(database, options: options)
      // Counts are exact (tolerance 0).
      #expect(mined.minimumCount == row["min_count"] as? Int)
      #expect(mined.count == row["itemsets"] as? Int)
      let byLength = try #require(row["itemsets_by_length"] as? [String: Int])
      #expect(mined.countsByLength == Dictionary(uniqueKeysWithValues: byLength.map { (Int($0.key) ?? 0, $0.value) }))
      try checkTopItemsets(mined, database: database, expected: row["top_pairs_or_larger"])
      let rules = try AssociationRuleMiner.countRules(
        database, itemsetOptions: options, ruleOptions: RuleOptions(minConfidence: row["rules_at_confidence"] as? Double ?? 0.5))
      #expect(rules == row["rules_single_item_consequent"] as? Int)
    }
  }

  /// The listed itemsets have the listed counts, and our largest counts of itemsets with two or
  /// more items are the listed ones (order among equal counts is free).
  func checkTopItemsets(_ mined: FrequentItemsets, database: TransactionDatabase, expected: Any?) throws {
    let top = try #require(expected as? [[String: Any]])
    var countOf: [[Int]: Int] = [:]
    for itemset in mined.itemsets where itemset.items.count >= 2 {
      countOf[itemset.items.map { Reference.skuNumber(database.itemNames[Int($0)]) }.sorted()] = itemset.count
    }
    for entry in top {
      let items = try #require(entry["items"] as? [Int]).sorted()
      #expect(countOf[items] == entry["count"] as? Int, "\(items)")
    }
    let ours = countOf.values.sorted(by: >).prefix(top.count)
    #expect(Array(ours) == top.compactMap { $0["count"] as? Int })
  }

  @Test func rulesEqualMlxtendToOneBillionth() throws {
    let database = try Reference.basketsSmall()
    let expected = try Reference.json("baskets_small.expected.json")
    let mlxtend = try #require(expected["mlxtend"] as? [String: Any])
    let rules = try AssociationRuleMiner.mine(
      database, itemsetOptions: ItemsetMiningOptions(support: .fraction(try #require(mlxtend["min_support"] as? Double))),
      ruleOptions: RuleOptions(minConfidence: try #require(mlxtend["min_confidence"] as? Double), consequentMax: nil))
    // mlxtend makes every split of every frequent itemset, so all consequent sizes count.
    #expect(rules.count == mlxtend["total_rules"] as? Int)
    func key(_ items: [Int32]) -> [Int] { items.map { Reference.skuNumber(database.itemNames[Int($0)]) }.sorted() }
    var byKey: [[[Int]]: AssociationRule] = [:]
    for rule in rules.rules { byKey[[key(rule.antecedent), key(rule.consequent)]] = rule }
    let top = try #require(mlxtend["top30_by_lift"] as? [[String: Any]])
    #expect(top.count == 30)
    let measures: [(String, RuleMeasure)] = [
      ("support", .support), ("confidence", .confidence), ("lift", .lift), ("leverage", .leverage),
      ("conviction", .conviction), ("zhangs_metric", .zhang), ("jaccard", .jaccard), ("certainty", .certainty),
      ("kulczynski", .kulczynski),
    ]
    for entry in top {
      let antecedent = try #require(entry["antecedent"] as? [Int]).sorted()
      let consequent = try #require(entry["consequent"] as? [Int]).sorted()
      let rule = try #require(byKey[[antecedent, consequent]], "\(antecedent) → \(consequent)")
      for (name, measure) in measures {
        let reference = try #require(entry[name] as? Double)
        #expect(abs(rule.value(measure) - reference) <= 1e-9, "\(name) of \(antecedent) → \(consequent)")  // tolerance 1e-9
      }
    }
    // Our 30 highest lifts are mlxtend's (to 1e-9; ties may be ordered differently).
    let ours = AssociationRuleMiner.ranked(rules.rules, by: .lift, top: 30, itemNames: rules.itemNames).map(\.lift)
    let theirs = top.compactMap { $0["lift"] as? Double }
    #expect(zip(ours, theirs).allSatisfy { abs($0 - $1) <= 1e-9 })
  }
}
