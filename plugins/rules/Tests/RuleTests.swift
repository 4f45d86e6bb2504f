import Foundation
import Testing

@testable import TrendCastRulesPlugin

@Suite struct RuleTests {
  /// a, b in 3 of 4 baskets each; a and b together in 2; c in every basket.
  static let small = TransactionDatabase(baskets: [["a", "b", "c"], ["a", "b", "c"], ["a", "c"], ["b", "c"]])

  @Test func measuresFollowMlxtendFormulas() {
    // count(A∪C)=2, count(A)=3, count(C)=3 of 4: sAC=0.5, sA=sC=0.75.
    let rule = AssociationRule(
      antecedent: [0], consequent: [1], count: 2, antecedentCount: 3, consequentCount: 3, basketCount: 4, adjustedPValue: nil)
    let tolerance = 1e-12
    #expect(abs(rule.value(.confidence) - 2.0 / 3) < tolerance)
    #expect(abs(rule.value(.lift) - (2.0 / 3) / 0.75) < tolerance)
    #expect(abs(rule.value(.leverage) - (0.5 - 0.5625)) < tolerance)
    #expect(abs(rule.value(.conviction) - 0.25 / (1.0 / 3)) < tolerance)
    #expect(abs(rule.value(.zhang) - (-0.0625 / max(0.5 * 0.25, 0.75 * 0.25))) < tolerance)
    #expect(abs(rule.value(.jaccard) - 0.5 / 1.0) < tolerance)
    #expect(abs(rule.value(.certainty) - ((2.0 / 3 - 0.75) / 0.25)) < tolerance)
    #expect(abs(rule.value(.kulczynski) - (2.0 / 3)) < tolerance)
  }

  @Test func undefinedMeasuresAreNeverNaN() {
    // Confidence 1 and a consequent in every basket: conviction +inf, certainty 0, Zhang 0.
    let rule = AssociationRule(
      antecedent: [0], consequent: [1], count: 4, antecedentCount: 4, consequentCount: 4, basketCount: 4, adjustedPValue: nil)
    #expect(rule.value(.conviction) == .infinity)
    #expect(rule.value(.certainty) == 0)
    #expect(rule.value(.zhang) == 0)
    for measure in RuleMeasure.allCases { #expect(!rule.value(measure).isNaN, "\(measure)") }
  }

  @Test func measureNamesAcceptCommonSpellings() {
    #expect(RuleMeasure(name: "zhangs_metric") == .zhang)
    #expect(RuleMeasure(name: "Lift") == .lift)
    #expect(RuleMeasure(name: "antecedent-support") == .antecedentSupport)
    #expect(RuleMeasure(name: "nonsense") == nil)
  }

  @Test func fisherExactTestEqualsScipy() {
    // scipy.stats.fisher_exact(..., alternative='greater'); relative tolerance 1e-9.
    let cases: [(Int, Int, Int, Int, Double)] = [
      (30, 40, 50, 3000, 5.575438805985661e-50), (2, 3, 3, 10, 0.18333333333333332),
      (5, 10, 20, 100, 0.02546454642704313), (1, 10, 10, 100, 0.6695237889132749),
      (32, 34, 35, 3000, 6.142825749179335e-70),
    ]
    for (both, row, column, total, expected) in cases {
      let p = FisherExactTest.upperTailPValue(both: both, rowTotal: row, columnTotal: column, total: total)
      #expect(abs(p - expected) <= 1e-9 * expected, "\(both) \(row) \(column) \(total)")
    }
  }

  @Test func holmCorrectionStepsDown() {
    let adjusted = FisherExactTest.holmAdjusted([0.01, 0.04, 0.03, 0.5])
    let expected = [0.04, 0.09, 0.09, 0.5]  // 4·0.01, max(3·0.03, …), 2·0.04→0.09 by monotonicity
    #expect(zip(adjusted, expected).allSatisfy { abs($0 - $1) < 1e-12 })
  }

  @Test func significanceKeepsOnlyHolmSignificantRules() throws {
    let database = try Reference.basketsSmall()
    let options = ItemsetMiningOptions(support: .fraction(0.01))
    let all = try AssociationRuleMiner.mine(database, itemsetOptions: options, ruleOptions: RuleOptions(minConfidence: 0.5))
    let significant = try AssociationRuleMiner.mine(
      database, itemsetOptions: options, ruleOptions: RuleOptions(minConfidence: 0.5, significance: 0.05))
    #expect(significant.count > 0 && significant.count <= all.count)
    #expect(significant.rules.allSatisfy { ($0.adjustedPValue ?? 1) <= 0.05 })
  }

  @Test func topRanksByMeasureWithDeterministicTies() throws {
    let database = try Reference.basketsSmall()
    let options = ItemsetMiningOptions(support: .fraction(0.01))
    let rules = try AssociationRuleMiner.mine(
      database, itemsetOptions: options, ruleOptions: RuleOptions(minConfidence: 0.5, top: 10, rankBy: .lift))
    #expect(rules.count == 10)
    #expect(zip(rules.rules, rules.rules.dropFirst()).allSatisfy { $0.lift >= $1.lift })
    let again = try AssociationRuleMiner.mine(
      database, itemsetOptions: options, ruleOptions: RuleOptions(minConfidence: 0.5, top: 10, rankBy: .lift))
    #expect(again.rules == rules.rules)
  }

  @Test func measureMinimumsFilter() throws {
    let database = try Reference.basketsSmall()
    let options = ItemsetMiningOptions(support: .fraction(0.01))
    let rules = try AssociationRuleMiner.mine(
      database, itemsetOptions: options, ruleOptions: RuleOptions(minConfidence: 0.5, minimums: [.lift: 20]))
    #expect(rules.count > 0)
    #expect(rules.rules.allSatisfy { $0.lift >= 20 })
    let counted = try AssociationRuleMiner.countRules(
      database, itemsetOptions: options, ruleOptions: RuleOptions(minConfidence: 0.5, minimums: [.lift: 20]))
    #expect(counted == rules.count)
  }

  @Test func itemConstraintsEqualFilteringAfterwards() throws {
    let database = try Reference.basketsSmall()
    let options = ItemsetMiningOptions(support: .fraction(0.01))
    let all = try AssociationRuleMiner.mine(
      database, itemsetOptions: options, ruleOptions: RuleOptions(minConfidence: 0.3, consequentMax: nil))
    let lhs = Set(try database.itemIDs(named: (1...60).map { String(format: "SKU%04d", $0) }.filter { database.itemID(named: $0) != nil }))
    let rhs = Set(try database.itemIDs(named: (40...124).map { String(format: "SKU%04d", $0) }.filter { database.itemID(named: $0) != nil }))
    for (a, c) in [(lhs, nil), (nil, rhs), (lhs, rhs)] as [(Set<Int32>?, Set<Int32>?)] {
      let constrained = try AssociationRuleMiner.mine(
        database, itemsetOptions: options,
        ruleOptions: RuleOptions(minConfidence: 0.3, consequentMax: nil, antecedentItems: a, consequentItems: c))
      let filtered = all.rules.filter { rule in
        (a.map { rule.antecedent.allSatisfy($0.contains) } ?? true) && (c.map { rule.consequent.allSatisfy($0.contains) } ?? true)
      }
      #expect(Set(constrained.rules) == Set(filtered))
      #expect(!filtered.isEmpty)
    }
  }

  @Test func recommendUsesTheBestRulePerItem() throws {
    let database = TransactionDatabase(baskets: [
      ["bread", "butter", "jam"], ["bread", "butter"], ["bread", "butter", "milk"], ["bread", "jam"], ["milk", "jam"],
    ])
    let rules = try AssociationRuleMiner.mine(
      database, itemsetOptions: ItemsetMiningOptions(support: .count(1)), ruleOptions: RuleOptions(minConfidence: 0.1))
    let suggestions = rules.recommend(basketNames: ["bread"], top: 5)
    #expect(suggestions.map(\.name) == ["butter", "jam", "milk"])  // confidences 3/4, 2/4, 1/4
    #expect(abs(suggestions[0].confidence - 0.75) < 1e-12)
    #expect(suggestions.allSatisfy { $0.rule.antecedent == [database.itemID(named: "bread") ?? -1] })
    let two = rules.recommend(basketNames: ["bread", "milk"], top: 1)
    #expect(two.map(\.name) == ["butter"])  // {bread, milk} → butter has confidence 1
    #expect(rules.recommend(basketNames: ["unknown"]).isEmpty)
  }

  @Test func limitStopsWithASuggestion() throws {
    let database = try TransactionDatabase.readBaskets(path: Reference.path("data/fimi/mushroom.dat"))
    do {
      _ = try FrequentItemsetMiner.count(database, options: ItemsetMiningOptions(support: .fraction(0.05), limit: 100_000))
      Issue.record("expected the cap to stop the run")
    } catch let error as MiningError {
      #expect(error.isLimitExceeded)
      #expect(error.description.contains("support="))
    }
  }

  @Test func cancellationStopsTheRun() throws {
    let database = try TransactionDatabase.readBaskets(path: Reference.path("data/fimi/mushroom.dat"))
    let control = MiningControl(isCancelled: { true })
    for algorithm in MiningAlgorithm.allCases {
      #expect(throws: MiningError.cancelled) {
        try FrequentItemsetMiner.count(
          database, options: ItemsetMiningOptions(support: .fraction(0.2), algorithm: algorithm), control: control)
      }
    }
  }

  @Test func rulesTiedOnEveryMeasureAreOrderedByItemNames() {
    // Item ids in first-seen order differ from name order: id 0 is "zebra", id 2 is "apple".
    let names = ["zebra", "mango", "apple"]
    func rule(_ a: [Int32], _ c: [Int32]) -> AssociationRule {
      AssociationRule(antecedent: a, consequent: c, count: 2, antecedentCount: 2, consequentCount: 2, basketCount: 4, adjustedPValue: nil)
    }
    let rules = [rule([0], [1]), rule([2], [0]), rule([1], [2]), rule([1, 2], [0]), rule([2], [1])]
    let ranked = AssociationRuleMiner.ranked(rules, by: .confidence, top: nil, itemNames: names)
    let text = ranked.map { rule in
      rule.antecedent.map { names[Int($0)] }.sorted().joined(separator: ",") + "→" + rule.consequent.map { names[Int($0)] }.joined()
    }
    #expect(text == ["apple→mango", "apple→zebra", "apple,mango→zebra", "mango→apple", "zebra→mango"])
  }

  @Test func aprioriTraceCountsEachLevel() throws {
    // Items a, b, c frequent, d (once) not — all four are counted at length 1; pairs ab, ac
    // frequent, bc not: abc is pruned by the Apriori property.
    let database = TransactionDatabase(baskets: [["a", "b"], ["a", "b"], ["a", "c"], ["a", "c"], ["b", "c"], ["d"]])
    let mined = try FrequentItemsetMiner.mine(
      database, options: ItemsetMiningOptions(support: .count(2), algorithm: .apriori))
    let trace = try #require(mined.trace)
    #expect(trace.levels == [
      AprioriLevel(length: 1, generated: 4, prunedByApriori: 0, counted: 4, kept: 3),
      AprioriLevel(length: 2, generated: 3, prunedByApriori: 0, counted: 3, kept: 2),
      AprioriLevel(length: 3, generated: 1, prunedByApriori: 1, counted: 0, kept: 0),
    ])
  }

  @Test func invalidOptionsAreRejected() {
    let database = Self.small
    #expect(throws: MiningError.self) {
      try FrequentItemsetMiner.count(database, options: ItemsetMiningOptions(support: .count(1), minLength: 3, maxLength: 2))
    }
    #expect(throws: MiningError.self) {
      try AssociationRuleMiner.countRules(
        database, itemsetOptions: ItemsetMiningOptions(support: .count(1)), ruleOptions: RuleOptions(minConfidence: 1.5))
    }
  }
}
