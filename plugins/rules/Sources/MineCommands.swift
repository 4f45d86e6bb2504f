import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// `mine itemsets T support=S …`
enum MineItemsets {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let database = try MiningInput.database(invocation)
    var options = try MiningInput.itemsetOptions(invocation, database: database)
    options.target = MiningTarget(rawValue: try invocation.keyword("target") ?? "all") ?? .all
    let explain = try invocation.boolean("explain") ?? false
    if explain, options.algorithm != .apriori {
      throw invocation.optionError("explain", "explain=true traces the Apriori algorithm only", hint: "add algorithm=apriori")
    }
    let result = try MiningInput.mining(invocation) { control in
      try FrequentItemsetMiner.mine(database, options: options, control: control)
    }
    return ItemsetsValue(result, supportText: supportText(try MiningInput.support(invocation)))
  }

  static func supportText(_ support: SupportThreshold) -> String {
    switch support {
    case .fraction(let value): return NumberFormatting.display(value)
    case .percent(let value): return NumberFormatting.display(value) + "%"
    case .count(let count): return "\(count) baskets"
    }
  }
}

/// `mine rules T support=S confidence=C …`
enum MineRules {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let database = try MiningInput.database(invocation)
    var itemsetOptions = try MiningInput.itemsetOptions(invocation, database: database)
    // Rules need every frequent itemset.
    itemsetOptions.target = .all
    let confidence = try invocation.number("confidence") ?? 0.8
    guard (0...1).contains(confidence) else {
      throw invocation.optionError("confidence", "confidence=\(NumberFormatting.display(confidence)) is outside 0 to 1")
    }
    let consequentMax = try invocation.integer("consequent_max") ?? 1
    if consequentMax < 1 { throw invocation.optionError("consequent_max", "consequent_max= must be at least 1, not \(consequentMax)") }
    let significance = try invocation.number("significant")
    if let significance, !(significance > 0 && significance <= 1) {
      throw invocation.optionError("significant", "significant=\(NumberFormatting.display(significance)) is outside (0, 1]", hint: "a significance level such as 0.05")
    }
    let top = try invocation.integer("top")
    if let top, top < 1 { throw invocation.optionError("top", "top= must be at least 1, not \(top)") }
    let rankBy = RuleMeasure(name: try invocation.keyword("by") ?? "confidence") ?? .confidence
    var ruleOptions = RuleOptions(
      minConfidence: confidence, consequentMax: consequentMax, minimums: try RuleMeasureOptions.minimums(invocation),
      antecedentItems: try MiningInput.items(invocation, option: "antecedent", database: database),
      consequentItems: try MiningInput.items(invocation, option: "consequent", database: database),
      pruneRedundant: try invocation.keyword("prune") == "redundant", significance: significance, top: top, rankBy: rankBy,
      limit: itemsetOptions.limit)
    // minlen= counts the items of the whole rule; the itemsets themselves are mined from 1.
    ruleOptions.minRuleLength = itemsetOptions.minLength
    ruleOptions.workers = invocation.context.parallelism
    ruleOptions.previewRows = (invocation.context.style.headRows, invocation.context.style.tailRows)
    let result = try MiningInput.mining(invocation) { [ruleOptions] control in
      try AssociationRuleMiner.mine(database, itemsetOptions: itemsetOptions, ruleOptions: ruleOptions, control: control)
    }
    var settings = "support ≥ \(MineItemsets.supportText(try MiningInput.support(invocation))) (\(result.minimumCount) of \(result.basketCount) baskets), confidence ≥ \(NumberFormatting.display(confidence))"
    for (measure, minimum) in ruleOptions.minimums.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      settings += ", \(measure.rawValue) ≥ \(NumberFormatting.display(minimum))"
    }
    if itemsetOptions.minLength > 2 { settings += ", at least \(itemsetOptions.minLength) items a rule" }
    if let maximum = itemsetOptions.maxLength { settings += ", at most \(maximum) items a rule" }
    if ruleOptions.pruneRedundant { settings += ", redundant rules pruned" }
    if let significance { settings += ", significant at \(NumberFormatting.display(significance)) (Fisher, Holm)" }
    return RulesValue(result, rankedBy: rankBy, settings: settings)
  }
}

/// The measures that can be given as minimums (`lift=1.2`).
enum RuleMeasureOptions {
  static let names = RuleMeasure.allCases.map(\.rawValue)
  static let filterable: [RuleMeasure] = [.lift, .leverage, .conviction, .zhang, .jaccard, .certainty, .kulczynski]

  static var minimumOptions: [OptionSpec] {
    filterable.map { OptionSpec($0.rawValue, .number, help: "minimum \($0.rawValue)") }
  }

  static func minimums(_ invocation: Invocation) throws -> [RuleMeasure: Double] {
    var result: [RuleMeasure: Double] = [:]
    for measure in filterable {
      if let value = try invocation.number(measure.rawValue) { result[measure] = value }
    }
    return result
  }
}

/// `recommend R basket=[…] [top=N]`
enum RecommendCommand {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let rules = try invocation.input(0, as: RulesValue.self, expecting: "rules from mine rules")
    let basket = try invocation.strings("basket") ?? []
    let top = try invocation.integer("top") ?? 5
    if top < 1 { throw invocation.optionError("top", "top= must be at least 1, not \(top)") }
    let known = Set(rules.result.itemNames)
    if let unknown = basket.first(where: { !known.contains($0) }) {
      throw invocation.optionError("basket", "no basket in the data holds the item '\(unknown)'",
        hint: Suggestions.didYouMean(unknown, among: rules.result.itemNames))
    }
    // The rules as the value holds them: cut by `show … top=`, ties in its order.
    let suggestions = rules.result.recommend(basketNames: basket, top: top, keys: rules.keys)
    let columns: [Column] = [
      Column(name: "item", values: .text(suggestions.map(\.name))),
      Column(name: "confidence", values: .float(suggestions.map(\.confidence))),
      Column(name: "lift", values: .float(suggestions.map(\.lift))),
      Column(name: "support", values: .float(suggestions.map(\.rule.support))),
      Column(name: "because", values: .text(suggestions.map { rules.side($0.rule.antecedent) })),
    ]
    return Table(columns: columns)
  }
}
