import Foundation
import Testing
import TrendCastTestSupport

/// `mine itemsets`, `mine rules` and `recommend` end to end on baskets_small.
@Suite struct RulesCommandTests {
  let harness = ScriptHarness()
  let orders = "orders = dataset baskets_small\n"

  func savedCSV(_ source: String, value: String) throws -> [[String]] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try harness.run(orders + source + "\nsave \(value) \"\(folder)/out.csv\"")
    let text = try String(contentsOfFile: folder + "/out.csv", encoding: .utf8)
    return text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }

  @Test func itemsetCountsFollowTheSupportForms() throws {
    // 1% of 3000 baskets is 30 baskets, so the three spellings give the same itemsets (725, as pyfim).
    for support in ["1%", "0.01", "30"] {
      let output = try harness.run(orders + "mine itemsets orders support=\(support)")
      #expect(output.contains("725 frequent itemsets"), "support=\(support): \(output.prefix(200))")
    }
    let closed = try harness.run(orders + "mine itemsets orders support=1% target=maximal maxlen=2")
    #expect(closed.contains("maximal frequent itemsets"))
  }

  @Test func itemsetsSaveAsLanguageSection7() throws {
    let rows = try savedCSV("s = mine itemsets orders support=5%", value: "s")
    #expect(rows.first == ["items", "count", "support"])
    #expect(rows.count == 85)  // header + 84 itemsets
    let pair = try #require(rows.first { $0[0].contains(";") })
    #expect(pair[0].split(separator: ";").map(String.init) == pair[0].split(separator: ";").map(String.init).sorted())
  }

  @Test func rulesSaveEveryMeasureOfSection7() throws {
    let rows = try savedCSV("r = mine rules orders support=1% confidence=0.5", value: "r")
    #expect(rows.first == ["antecedent", "consequent", "count", "support", "confidence", "lift", "leverage", "conviction", "zhang"])
    #expect(rows.count == 962)
    // conviction of a rule with confidence 1 is infinite: written inf, never NaN.
    #expect(rows.contains { $0[7] == "inf" })
    #expect(!rows.joined().joined().contains("nan"))
  }

  @Test func filtersTopAndRanking() throws {
    let output = try harness.run(orders + "mine rules orders support=1% confidence=0.3 lift=50 top=3 by=lift")
    #expect(output.contains("3 rules"))
    #expect(output.contains("lift ≥ 50"))
    #expect(output.contains("{SKU0028, SKU0084} → {SKU0072}"))
  }

  @Test func minlenAndMaxlenCountTheItemsOfTheWholeRule() throws {
    let all = try savedCSV("r = mine rules orders support=1% confidence=0.5", value: "r").dropFirst()
    let long = try savedCSV("r = mine rules orders support=1% confidence=0.5 minlen=3", value: "r").dropFirst()
    let short = try savedCSV("r = mine rules orders support=1% confidence=0.5 maxlen=2", value: "r").dropFirst()
    func size(_ row: [String]) -> Int { row[0].split(separator: ";").count + row[1].split(separator: ";").count }
    #expect(long.count + short.count == all.count, "every rule has two items or more than two")
    #expect(!long.isEmpty && long.allSatisfy { size($0) >= 3 })
    #expect(!short.isEmpty && short.allSatisfy { size($0) == 2 })
  }

  @Test func itemConstraintsLimitEachSide() throws {
    let rows = try savedCSV("r = mine rules orders support=1% confidence=0.3 consequent=[\"SKU0072\"]", value: "r")
    #expect(rows.count > 1)
    #expect(rows.dropFirst().allSatisfy { $0[1] == "SKU0072" })
  }

  @Test func pruningAndSignificanceKeepFewerRules() throws {
    let all = try savedCSV("r = mine rules orders support=1% confidence=0.5", value: "r").count
    let pruned = try savedCSV("r = mine rules orders support=1% confidence=0.5 prune=redundant", value: "r").count
    let significant = try harness.run(orders + "mine rules orders support=1% confidence=0.5 significant=0.01")
    #expect(pruned < all)
    #expect(significant.contains("p (Holm)"))
  }

  @Test func showPlotAndRecommend() throws {
    let output = try harness.run(orders + """
      r = mine rules orders support=1% confidence=0.5
      show r top=2 by=lift
      plot r top=4
      recommend r basket=["SKU0072"] top=2
      """)
    #expect(output.contains("top 2 of 961 rules") && output.contains("by lift"))
    #expect(output.contains("Top 4 rules by confidence"))
    #expect(output.contains("SKU0028") && output.contains("because"))
  }

  @Test func aprioriExplainsEachLevel() throws {
    let output = try harness.run(orders + "mine itemsets orders support=5% algorithm=apriori explain=true")
    #expect(output.contains("pruned (Apriori)"))
    #expect(output.contains("84 frequent itemsets"))
  }

  @Test(arguments: [
    ("mine itemsets orders support=0", "support"),
    ("mine itemsets orders support=1.5", "is not in (0, 1]"),
    ("mine rules orders support=1% confidence=1.5", "confidence=1.5 is outside 0 to 1"),
    ("mine rules orders support=1% consequent=[\"SKU9999\"]", "no basket holds the item 'SKU9999'"),
    ("mine itemsets orders support=1% explain=true", "explain=true traces the Apriori algorithm only"),
    ("mine itemsets orders support=1% minlen=3 maxlen=2", "maxlen=2 is below minlen=3"),
    ("mine itemsets orders support=1 limit=10", "limit"),
    ("r = mine rules orders support=1% confidence=0.5\nrecommend r basket=[\"nope\"]", "no basket in the data holds the item 'nope'"),
    ("a = dataset airpassengers\nmine itemsets a support=1%", "needs transactions"),
  ])
  func badInputIsRefused(source: String, message: String) throws {
    do {
      let output = try harness.run(orders + source)
      Issue.record("expected an error containing \(message), got \(output.prefix(300))")
    } catch {
      #expect(error.description.contains(message), "\(error.description)")
    }
  }
}
