import TrendCastPlugin
import TrendCastValues

/// Market-basket mining: frequent itemsets, association rules and recommendations.
/// The algorithms live in Mining/ (no interpreter dependency); this layer reads options,
/// converts transactions and wraps the results as values.
public struct RulesPlugin: Plugin {
  public init() {}
  public var name: String { "rules" }
  public var summary: String { "frequent itemsets, association rules and recommendations for baskets" }

  static let measures = RuleMeasureOptions.names

  public var commands: [Command] {
    [
      Command(Self.itemsetsSignature, run: MineItemsets.run),
      Command(Self.rulesSignature, run: MineRules.run),
      Command(Self.recommendSignature, run: RecommendCommand.run),
    ]
  }

  static let supportHelp = "minimum support: a fraction (0.01), a percent (1%) or a count of baskets (50); the threshold is ⌈S·N⌉ baskets"

  static let commonMiningOptions: [OptionSpec] = [
    OptionSpec("support", .number, required: true, help: supportHelp),
    OptionSpec("minlen", .integer, default: .integer(1), help: "fewest items in an itemset"),
    OptionSpec("maxlen", .integer, defaultDescription: "no limit", help: "most items in an itemset"),
    OptionSpec("algorithm", .keyword(["fpgrowth", "eclat", "apriori"]), default: .keyword("fpgrowth"), help: "the mining algorithm (all give the same itemsets)"),
    OptionSpec("limit", .integer, default: .integer(1_000_000), help: "stop with an error past this many results (guards against a support that is too low)"),
  ]

  static let itemsetsSignature = CommandSignature(
    ["mine", "itemsets"], summary: "frequent itemsets of baskets",
    discussion: """
      Every set of items bought together in at least the minimum number of baskets. \
      target=closed keeps itemsets no superset of which has the same count; maximal keeps \
      those with no frequent superset. algorithm=apriori explain=true shows each level: \
      candidates generated, pruned by the Apriori property, counted and kept. Results are \
      ordered by count (largest first), then length, then items.
      """,
    inputs: [InputSpec("T", .value([.transactions]), help: "transactions (load … transactions id= item=, or format=baskets)")],
    options: commonMiningOptions + [
      OptionSpec("target", .keyword(["all", "closed", "maximal"]), default: .keyword("all"), help: "which frequent itemsets to report"),
      OptionSpec("explain", .boolean, default: .boolean(false), help: "with algorithm=apriori: the level-by-level trace"),
    ],
    examples: ["sets = mine itemsets orders support=1%", "mine itemsets orders support=50 target=closed", "mine itemsets orders support=2% algorithm=apriori explain=true"],
    result: .itemsets)

  static let rulesSignature = CommandSignature(
    ["mine", "rules"], summary: "association rules A → C with support, confidence, lift and more",
    discussion: """
      Rules from the frequent itemsets: rule support is the support of antecedent and \
      consequent together (as pyfim and mlxtend). One-item consequents unless consequent_max= \
      is given. Any measure can be a minimum (lift=1.2, conviction=1.5, …). antecedent=[…] and \
      consequent=[…] name the items allowed on each side, and are used while mining, not \
      afterwards. prune=redundant drops a rule when a rule with a smaller antecedent and the \
      same consequent has at least its confidence; significant=A keeps rules whose one-sided \
      Fisher exact test (positive association) passes at level A after Holm's correction. \
      top=N by=MEASURE keeps the best N.
      """,
    inputs: [InputSpec("T", .value([.transactions]), help: "transactions")],
    options: commonMiningOptions + [
      OptionSpec("confidence", .number, default: .number(0.8, isPercent: false), help: "minimum confidence"),
      OptionSpec("consequent_max", .integer, default: .integer(1), help: "most items in a consequent"),
      OptionSpec("antecedent", .list(.string), help: "items allowed in antecedents"),
      OptionSpec("consequent", .list(.string), help: "items allowed in consequents"),
      OptionSpec("prune", .keyword(["none", "redundant"]), default: .keyword("none"), help: "drop redundant rules"),
      OptionSpec("significant", .number, help: "keep rules significant at this level (Fisher exact test, Holm correction)"),
      OptionSpec("top", .integer, help: "keep the best N rules"),
      OptionSpec("by", .keyword(measures), default: .keyword("confidence"), help: "the measure rules are ranked by"),
    ] + RuleMeasureOptions.minimumOptions,
    examples: [
      "rules = mine rules orders support=1% confidence=0.5", "mine rules orders support=1% confidence=0.3 lift=1.5 top=10 by=lift",
      "mine rules orders support=0.5% confidence=0.2 consequent=[\"SKU0072\"]", "mine rules orders support=1% confidence=0.3 prune=redundant significant=0.05",
    ],
    result: .rules)

  static let recommendSignature = CommandSignature(
    ["recommend"], summary: "items the rules suggest for a basket",
    discussion: """
      Each item not in the basket that is the consequent of a rule whose antecedent lies in \
      the basket, backed by its best such rule (highest confidence, then lift, then count), \
      best first.
      """,
    inputs: [InputSpec("R", .value([.rules]), help: "rules from mine rules")],
    options: [
      OptionSpec("basket", .list(.string), required: true, help: "the items in the basket"),
      OptionSpec("top", .integer, default: .integer(5), help: "most items to suggest"),
    ],
    examples: ["recommend rules basket=[\"SKU0072\", \"SKU0013\"] top=3"],
    result: .table)
}
