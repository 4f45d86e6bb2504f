import Foundation
import Testing

@testable import TrendCastRulesPlugin

/// Every algorithm × target against a brute-force miner on small random databases (fixed
/// seeds). Counts and itemsets must be identical.
@Suite struct PropertyTests {
  static let combinations: [(MiningAlgorithm, MiningTarget)] = MiningAlgorithm.allCases.flatMap { algorithm in
    MiningTarget.allCases.map { (algorithm, $0) }
  }

  @Test(arguments: MiningAlgorithm.allCases, MiningTarget.allCases)
  func minersAgreeWithBruteForce(algorithm: MiningAlgorithm, target: MiningTarget) throws {
    for seed in UInt64(1)...120 {
      let database = randomDatabase(seed: seed)
      var rng = SplitMix64(seed: seed &* 31)
      let minimumCount = Int.random(in: 1...max(1, database.basketCount / 2), using: &rng)
      let lengths: ClosedRange<Int> = seed % 4 == 0 ? 2...3 : 1...Int.max
      let expected = bruteForceItemsets(database, minimumCount: minimumCount, target: target, lengths: lengths)
      let options = ItemsetMiningOptions(
        support: .count(minimumCount), target: target, algorithm: algorithm, minLength: lengths.lowerBound,
        maxLength: lengths.upperBound == Int.max ? nil : lengths.upperBound, limit: nil)
      let mined = try FrequentItemsetMiner.mine(database, options: options)
      #expect(Set(mined.itemsets) == expected, "seed \(seed), min count \(minimumCount)")
      #expect(mined.count == expected.count, "seed \(seed): no duplicates")
      let counted = try FrequentItemsetMiner.count(database, options: options)
      #expect(counted.total == expected.count, "seed \(seed): counting visitor")
    }
  }

  @Test func universalItemsetsCanBeIncluded() throws {
    let database = TransactionDatabase(baskets: [["a", "b"], ["a", "c"], ["a", "b", "c"]])
    let pyfimLike = try FrequentItemsetMiner.mine(database, options: ItemsetMiningOptions(support: .count(1)))
    #expect(!pyfimLike.itemsets.contains(Itemset(items: [0], count: 3)))  // {a} is in every basket
    let full = try FrequentItemsetMiner.mine(database, options: ItemsetMiningOptions(support: .count(1), includeUniversalItemsets: true))
    #expect(full.itemsets.contains(Itemset(items: [0], count: 3)))
    #expect(full.count == pyfimLike.count + 1)
  }

  /// Every algorithm feeds the rule index (FP-growth's branches, the others' itemsets one by
  /// one), with and without maxlen and item constraints.
  @Test(arguments: MiningAlgorithm.allCases)
  func rulesAgreeWithBruteForce(algorithm: MiningAlgorithm) throws {
    for seed in UInt64(200)...280 {
      let database = randomDatabase(seed: seed, maxItems: 8)
      var rng = SplitMix64(seed: seed)
      let minimumCount = Int.random(in: 1...max(1, database.basketCount / 3), using: &rng)
      let confidence = [0.0, 0.3, 0.5, 0.8, 1.0].randomElement(using: &rng) ?? 0.5
      let consequentMax: Int? = seed % 3 == 0 ? nil : Int(seed % 3)
      let maxLength: Int? = seed % 4 == 1 ? 3 : nil
      let items = (0..<Int32(database.itemCount))
      let antecedentItems: Set<Int32>? = seed % 5 == 2 ? Set(items.filter { _ in Bool.random(using: &rng) }) : nil
      let consequentItems: Set<Int32>? = seed % 5 == 2 || seed % 7 == 3 ? Set(items.filter { _ in Bool.random(using: &rng) }) : nil
      let counts = bruteForceCounts(database)
      var expected = Set<AssociationRule>()
      for (set, count) in counts where count >= minimumCount && set.count >= 2 && set.count <= (maxLength ?? Int.max) {
        for mask in 1..<((1 << set.count) - 1) {
          let consequent = set.indices.filter { mask & (1 << $0) != 0 }.map { set[$0] }
          let antecedent = set.filter { !consequent.contains($0) }
          if let consequentMax, consequent.count > consequentMax { continue }
          if let antecedentItems, !antecedent.allSatisfy(antecedentItems.contains) { continue }
          if let consequentItems, !consequent.allSatisfy(consequentItems.contains) { continue }
          let countA = counts[antecedent] ?? 0
          guard Double(count) / Double(countA) >= confidence else { continue }
          expected.insert(
            AssociationRule(
              antecedent: antecedent, consequent: consequent, count: count, antecedentCount: countA,
              consequentCount: counts[consequent] ?? 0, basketCount: database.basketCount, adjustedPValue: nil))
        }
      }
      let itemsetOptions = ItemsetMiningOptions(support: .count(minimumCount), algorithm: algorithm, maxLength: maxLength)
      let ruleOptions = RuleOptions(
        minConfidence: confidence, consequentMax: consequentMax, antecedentItems: antecedentItems, consequentItems: consequentItems)
      let mined = try AssociationRuleMiner.mine(database, itemsetOptions: itemsetOptions, ruleOptions: ruleOptions)
      #expect(Set(mined.rules) == expected, "seed \(seed)")
      let counted = try AssociationRuleMiner.countRules(database, itemsetOptions: itemsetOptions, ruleOptions: ruleOptions)
      #expect(counted == expected.count, "seed \(seed)")
    }
  }

  @Test func redundantRulesMatchTheirDefinition() throws {
    for seed in UInt64(300)...340 {
      let database = randomDatabase(seed: seed, maxItems: 8)
      let options = ItemsetMiningOptions(support: .count(max(1, database.basketCount / 5)))
      let all = try AssociationRuleMiner.mine(database, itemsetOptions: options, ruleOptions: RuleOptions(minConfidence: 0.3))
      let pruned = try AssociationRuleMiner.mine(
        database, itemsetOptions: options, ruleOptions: RuleOptions(minConfidence: 0.3, pruneRedundant: true))
      let counts = bruteForceCounts(database)
      let expected = all.rules.filter { rule in
        // No rule with a proper non-empty subset of the antecedent, same consequent, ≥ confidence.
        let a = rule.antecedent
        for mask in 1..<max(1, (1 << a.count) - 1) {
          let sub = a.indices.filter { mask & (1 << $0) != 0 }.map { a[$0] }
          let union = (sub + rule.consequent).sorted()
          let confidence = Double(counts[union] ?? 0) / Double(counts[sub] ?? 1)
          if confidence >= rule.confidence - 1e-12 { return false }
        }
        return true
      }
      #expect(Set(pruned.rules) == Set(expected), "seed \(seed)")
    }
  }
}
