import Foundation
import Testing

@testable import TrendCastRulesPlugin

/// quest_T10I4D100K.txt (100,000 synthetic baskets) against pyfim 6.28: itemset counts by
/// length, the most frequent itemsets, and one-item-consequent rules at confidence 0.5.
@Suite struct QuestTests {
  static let supports: [Double] = {
    guard let expected = try? Reference.json("quest_T10I4D100K.expected.json"),
      let rows = expected["by_support"] as? [[String: Any]]
    else { return [] }
    return rows.compactMap { $0["min_support"] as? Double }
  }()

  @Test(arguments: supports)
  func countsEqualPyfim(support: Double) throws {
    let database = try TransactionDatabase.readBaskets(path: Reference.path("data/quest_T10I4D100K.txt"))
    let expected = try Reference.json("quest_T10I4D100K.expected.json")
    let rows = try #require(expected["by_support"] as? [[String: Any]])
    let row = try #require(rows.first { $0["min_support"] as? Double == support })
    let options = ItemsetMiningOptions(support: .fraction(support))
    let mined = try FrequentItemsetMiner.mine(database, options: options)
    // Counts are exact (tolerance 0).
    #expect(mined.minimumCount == row["min_count"] as? Int)
    #expect(mined.count == row["itemsets"] as? Int)
    let byLength = try #require(row["itemsets_by_length"] as? [String: Int])
    #expect(mined.countsByLength == Dictionary(uniqueKeysWithValues: byLength.map { (Int($0.key) ?? 0, $0.value) }))
    let top = try #require(row["top_pairs_or_larger"] as? [[String: Any]])
    var countOf: [[Int]: Int] = [:]
    for itemset in mined.itemsets where itemset.items.count >= 2 {
      countOf[mined.names(itemset.items).compactMap { Int($0) }.sorted()] = itemset.count
    }
    for entry in top {
      let items = try #require(entry["items"] as? [Int]).sorted()
      #expect(countOf[items] == entry["count"] as? Int, "\(items)")
    }
    #expect(Array(countOf.values.sorted(by: >).prefix(top.count)) == top.compactMap { $0["count"] as? Int })
    let rules = try AssociationRuleMiner.countRules(
      database, itemsetOptions: options, ruleOptions: RuleOptions(minConfidence: row["rules_at_confidence"] as? Double ?? 0.5))
    #expect(rules == row["rules_single_item_consequent"] as? Int)
  }
}
