import Foundation

/// One association rule A → C with the counts its measures derive from.
public struct AssociationRule: Sendable, Hashable {
  /// Antecedent item ids, sorted ascending.
  public let antecedent: [Int32]
  /// Consequent item ids, sorted ascending.
  public let consequent: [Int32]
  /// Baskets containing A ∪ C (the rule's count; its support is count / baskets).
  public let count: Int
  public let antecedentCount: Int
  public let consequentCount: Int
  public let basketCount: Int
  /// Fisher's exact test p-value after Holm's correction, when significance was asked for.
  public let adjustedPValue: Double?

  public func value(_ measure: RuleMeasure) -> Double {
    measure.value(ruleCount: count, antecedentCount: antecedentCount, consequentCount: consequentCount, basketCount: basketCount)
  }

  public var support: Double { value(.support) }
  public var confidence: Double { value(.confidence) }
  public var lift: Double { value(.lift) }
}

/// Mined rules with the item names needed to print them. The rules are kept in mining order;
/// their ranking (by `rankBy`, ties as `RuleRankKey.standard` says, then by item names) is
/// computed when asked for, and only as far as asked.
public struct AssociationRules: Sendable {
  public let itemNames: [String]
  public let basketCount: Int
  public let minimumCount: Int
  public let table: RuleTable
  public let rankBy: RuleMeasure

  public var count: Int { table.count }

  /// Every rule, ranked. (This makes every rule's item lists; `ranking().first(k)` finds a few.)
  public var rules: [AssociationRule] { ranking().all().map(table.rule(at:)) }

  /// The ranking by `keys` (default: by `rankBy`).
  func ranking(_ keys: [RuleRankKey]? = nil) -> RuleRanking {
    RuleRanking(table: table, keys: keys ?? RuleRankKey.standard(rankBy), itemNames: itemNames)
  }

  /// Item names of a side of a rule, sorted by name (as `save` writes them).
  public func names(_ items: [Int32]) -> [String] { items.map { itemNames[Int($0)] }.sorted() }

  init(itemNames: [String], basketCount: Int, minimumCount: Int, table: RuleTable, rankBy: RuleMeasure) {
    self.itemNames = itemNames
    self.basketCount = basketCount
    self.minimumCount = minimumCount
    self.table = table
    self.rankBy = rankBy
  }

  /// Rules given one by one (any order; they are ranked by `rankBy` when read).
  public init(itemNames: [String], basketCount: Int, minimumCount: Int, rules: [AssociationRule], rankBy: RuleMeasure = .confidence) {
    self.init(itemNames: itemNames, basketCount: basketCount, minimumCount: minimumCount,
      table: RuleTable(rules: rules, basketCount: basketCount), rankBy: rankBy)
  }
}

/// What rules to make from the frequent itemsets, and which to keep.
public struct RuleOptions: Sendable {
  /// Minimum confidence in [0, 1].
  public var minConfidence: Double
  /// The largest consequent (1 = one-item consequents, as pyfim; nil = any size, as mlxtend).
  public var consequentMax: Int?
  /// Further minimums: a rule is kept when `value(measure) >= threshold` for each entry.
  public var minimums: [RuleMeasure: Double]
  /// Items allowed in the antecedent (nil = any), as arules' `appearance` lhs.
  public var antecedentItems: Set<Int32>?
  /// Items allowed in the consequent (nil = any), as arules' `appearance` rhs.
  public var consequentItems: Set<Int32>?
  /// Drop a rule when a rule with a proper subset of its antecedent and the same consequent
  /// has at least its confidence (any rule meeting support and confidence counts).
  public var pruneRedundant: Bool
  /// Keep only rules whose one-sided Fisher exact test, Holm-corrected over the rules that
  /// passed the other filters, is at most this level.
  public var significance: Double?
  /// Keep the best `top` rules by `rankBy` (ties: confidence, lift, count, then item names).
  public var top: Int?
  public var rankBy: RuleMeasure
  /// The most rules a run may keep in memory before stopping with `limitExceeded`.
  public var limit: Int?
  /// The fewest items in a whole rule, antecedent and consequent together (at least 2).
  public var minRuleLength: Int = 2
  /// Threads making rules; the rules and their order do not depend on it.
  public var workers: Int = 1

  public init(
    minConfidence: Double, consequentMax: Int? = 1, minimums: [RuleMeasure: Double] = [:],
    antecedentItems: Set<Int32>? = nil, consequentItems: Set<Int32>? = nil, pruneRedundant: Bool = false,
    significance: Double? = nil, top: Int? = nil, rankBy: RuleMeasure = .confidence,
    limit: Int? = ItemsetMiningOptions.defaultLimit
  ) {
    self.minConfidence = minConfidence
    self.consequentMax = consequentMax
    self.minimums = minimums
    self.antecedentItems = antecedentItems
    self.consequentItems = consequentItems
    self.pruneRedundant = pruneRedundant
    self.significance = significance
    self.top = top
    self.rankBy = rankBy
    self.limit = limit
  }

  func validate() throws {
    guard minConfidence >= 0 && minConfidence <= 1 else {
      throw MiningError.invalidOption("confidence must be in [0, 1], got \(minConfidence)")
    }
    if let consequentMax, consequentMax < 1 {
      throw MiningError.invalidOption("consequent_max must be at least 1, got \(consequentMax)")
    }
    if let significance, !(significance > 0 && significance <= 1) {
      throw MiningError.invalidOption("significant must be in (0, 1], got \(significance)")
    }
    if let top, top < 0 { throw MiningError.invalidOption("top must be at least 0, got \(top)") }
    if let limit, limit < 1 { throw MiningError.invalidOption("limit must be at least 1, got \(limit)") }
  }
}
