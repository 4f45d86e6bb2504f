import Foundation

/// A minimum support as the user wrote it: a fraction of the baskets, a percent, or a count.
public enum SupportThreshold: Sendable, Equatable, CustomStringConvertible {
  /// A fraction of the baskets in (0, 1], e.g. 0.01.
  case fraction(Double)
  /// A percent of the baskets in (0, 100], e.g. 1 for 1 %.
  case percent(Double)
  /// An absolute number of baskets, used as is.
  case count(Int)

  /// The integer threshold ⌈S·N⌉ for `basketCount` baskets, at least 1.
  ///
  /// The product is rounded to 9 significant decimal digits before taking the ceiling, so that
  /// floating error in the fraction cannot add one (0.01 × 3000 must give 30, not 31).
  public func minimumCount(basketCount: Int) throws -> Int {
    let fraction: Double
    switch self {
    case .count(let count):
      guard count >= 1 else { throw MiningError.invalidSupport("a count must be at least 1, got \(count)") }
      return count
    case .fraction(let value):
      fraction = value
    case .percent(let value):
      guard value.isFinite else { throw MiningError.invalidSupport("\(value)% is not a number") }
      fraction = value / 100
    }
    guard fraction.isFinite, fraction > 0, fraction <= 1 else {
      throw MiningError.invalidSupport("\(self) is not in (0, 1]")
    }
    let product = fraction * Double(basketCount)
    let scale = pow(10, 9 - (product >= 1 ? floor(log10(product)) : 0))
    let rounded = (product * scale).rounded() / scale
    return max(1, Int(rounded.rounded(.up)))
  }

  /// Reads a support as users write it: `1%` (percent), `0.01` (fraction: has a decimal
  /// point or exponent), `50` (an integer: an absolute count). Nil for anything else.
  public init?(parsing text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.hasSuffix("%") {
      guard let value = Double(trimmed.dropLast().trimmingCharacters(in: .whitespaces)) else { return nil }
      self = .percent(value)
    } else if let count = Int(trimmed) {
      self = .count(count)
    } else if let value = Double(trimmed) {
      self = .fraction(value)
    } else {
      return nil
    }
  }

  public var description: String {
    switch self {
    case .fraction(let value): return "\(value)"
    case .percent(let value): return "\(value)%"
    case .count(let value): return "\(value)"
    }
  }
}

/// Which frequent itemsets to report.
public enum MiningTarget: String, Sendable, CaseIterable {
  /// Every frequent itemset.
  case all
  /// Frequent itemsets with no superset of the same count.
  case closed
  /// Frequent itemsets with no frequent superset.
  case maximal
}

/// The search strategy; all give the same itemsets.
public enum MiningAlgorithm: String, Sendable, CaseIterable {
  /// FP-growth over an array-based prefix tree (the default, and the fastest).
  case fpgrowth
  /// Depth-first search over transaction-id lists.
  case eclat
  /// Level-wise candidate generation; can record a per-level trace.
  case apriori
}

/// What to mine: threshold, target, lengths, algorithm and the output cap.
///
/// `minLength`/`maxLength` filter the reported itemsets. For `closed` and `maximal` they apply
/// after closedness is decided on all frequent itemsets, as pyfim's `zmin`/`zmax` do.
public struct ItemsetMiningOptions: Sendable {
  public var support: SupportThreshold
  public var target: MiningTarget
  public var algorithm: MiningAlgorithm
  public var minLength: Int
  public var maxLength: Int?
  /// The most itemsets a run may report before it stops with `MiningError.limitExceeded`;
  /// nil for no cap.
  public var limit: Int?
  /// When set, only these item ids take part in the mining (others are treated as absent).
  public var allowedItems: Set<Int32>?
  /// Whether to report itemsets made only of items that are in every basket (count = number
  /// of baskets), i.e. the closure of the empty set and its subsets. Borgelt's programs
  /// (pyfim) never report them, so the default (false) keeps counts equal to pyfim's; rule
  /// mining still uses their counts.
  public var includeUniversalItemsets: Bool

  public static let defaultLimit = 1_000_000

  public init(
    support: SupportThreshold, target: MiningTarget = .all, algorithm: MiningAlgorithm = .fpgrowth,
    minLength: Int = 1, maxLength: Int? = nil, limit: Int? = ItemsetMiningOptions.defaultLimit,
    allowedItems: Set<Int32>? = nil, includeUniversalItemsets: Bool = false
  ) {
    self.support = support
    self.target = target
    self.algorithm = algorithm
    self.minLength = minLength
    self.maxLength = maxLength
    self.limit = limit
    self.allowedItems = allowedItems
    self.includeUniversalItemsets = includeUniversalItemsets
  }

  func validate() throws {
    guard minLength >= 1 else { throw MiningError.invalidOption("minlen must be at least 1, got \(minLength)") }
    if let maxLength, maxLength < minLength {
      throw MiningError.invalidOption("maxlen (\(maxLength)) must be at least minlen (\(minLength))")
    }
    if let limit, limit < 1 { throw MiningError.invalidOption("limit must be at least 1, got \(limit)") }
  }
}

/// How far a run has got, passed to the progress callback.
public struct MiningProgress: Sendable, Equatable {
  /// Fraction of the top-level search done, in [0, 1].
  public var fractionDone: Double
  /// Itemsets reported so far.
  public var itemsetsFound: Int
}

/// Hooks a caller gives a long run: a cancellation check (e.g. Ctrl-C) polled in the loops,
/// and a progress callback called at most every few milliseconds of work.
public struct MiningControl: Sendable {
  public var isCancelled: @Sendable () -> Bool
  public var progress: (@Sendable (MiningProgress) -> Void)?

  public init(isCancelled: @escaping @Sendable () -> Bool = { false }, progress: (@Sendable (MiningProgress) -> Void)? = nil) {
    self.isCancelled = isCancelled
    self.progress = progress
  }

  public static let none = MiningControl()
}
