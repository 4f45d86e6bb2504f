import Foundation

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
  /// Past this many rules, a result keeps the itemsets and makes its rules again when a use
  /// needs them all, instead of holding millions (24 bytes each) for a display of fifteen.
  public var keepAtMost: Int = 100_000
  /// The rows a display shows from the start and the end, found while mining.
  public var previewRows: (head: Int, tail: Int) = (10, 5)

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
