import Foundation

/// The miners' single exit: applies the length range, enforces the output cap, polls for
/// cancellation and reports progress, then hands each itemset to the visitor.
///
/// Miners keep the current prefix as original item ids in `prefix` and call `reportAll`
/// (prefix with every subset of perfect extensions) or `reportSet` (exactly the prefix plus
/// the extensions, for closed and maximal targets).
struct ItemsetReporter<Visitor: ItemsetVisitor> {
  var visitor: Visitor
  let lengths: ClosedRange<Int>
  let limit: Int
  let control: MiningControl
  private(set) var reported = 0
  /// Support histogram (count → number of itemsets, bucketed by powers of 2^(1/4)), used to
  /// suggest a higher support when the cap is hit.
  private var countHistogram: [Int] = []
  private let basketCount: Int
  private let minimumCount: Int
  /// Counts equal to this are not reported (pyfim's convention), unless it is Int.max.
  private let skippedCount: Int
  private var pollCounter = 0
  private var lastProgress = Date()

  init(visitor: Visitor, options: ItemsetMiningOptions, basketCount: Int, minimumCount: Int, control: MiningControl) {
    self.visitor = visitor
    self.lengths = options.minLength...(options.maxLength ?? Int.max)
    self.limit = options.limit ?? Int.max
    self.control = control
    self.basketCount = basketCount
    self.minimumCount = minimumCount
    self.skippedCount = options.includeUniversalItemsets ? Int.max : basketCount
  }

  /// Reports `prefix ∪ S` for every subset S of `extensions` (in the length range).
  mutating func reportAll(prefix: UnsafeBufferPointer<Int32>, extensions: UnsafeBufferPointer<Int32>, count: Int) throws {
    let number = Self.combinationCount(base: prefix.count, extensions: extensions.count, lengths: lengths)
    if number == 0 || count == skippedCount { return }
    try admit(number, count: count)
    if extensions.isEmpty {
      visitor.visit(items: prefix, count: count)
    } else {
      visitor.visitCombinations(base: prefix, extensions: extensions, count: count, lengths: lengths)
    }
  }

  /// Reports exactly `items` (if its length is in range).
  mutating func reportSet(_ items: UnsafeBufferPointer<Int32>, count: Int) throws {
    guard lengths.contains(items.count), count != skippedCount else { return }
    try admit(1, count: count)
    visitor.visit(items: items, count: count)
  }

  /// Counts `number` new itemsets of support `count` against the cap, before they are visited.
  private mutating func admit(_ number: Int, count: Int) throws {
    let bucket = Int((log2(Double(count)) * 4).rounded(.down))
    if bucket >= countHistogram.count { countHistogram.append(contentsOf: repeatElement(0, count: bucket + 1 - countHistogram.count)) }
    countHistogram[bucket] = countHistogram[bucket] &+ min(number, Int.max / 2)
    let (sum, overflow) = reported.addingReportingOverflow(number)
    if overflow || sum > limit { throw limitError() }
    reported = sum
  }

  /// Polls the cancellation check (cheaply: every 256th call) and sends progress.
  mutating func poll(fractionDone: Double?) throws {
    pollCounter &+= 1
    guard pollCounter & 255 == 0 || fractionDone != nil else { return }
    if control.isCancelled() { throw MiningError.cancelled }
    if let progress = control.progress, let fractionDone, Date().timeIntervalSince(lastProgress) > 0.1 {
      lastProgress = Date()
      progress(MiningProgress(fractionDone: fractionDone, itemsetsFound: reported))
    }
  }

  private func limitError() -> MiningError {
    // Suggest the support at which the itemsets seen so far would number a tenth of the cap.
    var seen = 0
    var suggestedCount = minimumCount * 2
    for bucket in stride(from: countHistogram.count - 1, through: 0, by: -1) {
      seen += countHistogram[bucket]
      if seen > limit / 10 {
        suggestedCount = max(suggestedCount, Int(pow(2, Double(bucket + 1) / 4).rounded(.up)))
        break
      }
    }
    let suggested = Double(suggestedCount) / Double(max(basketCount, 1))
    let current = Double(minimumCount) / Double(max(basketCount, 1))
    return MiningError.limitExceeded(
      limit: limit, what: "itemsets",
      suggestion: "the minimum support \(Self.percent(current)) (count \(minimumCount)) gives more; "
        + "try support=\(Self.percent(suggested)) (count \(suggestedCount)), maxlen=, or a higher limit=")
  }

  static func percent(_ fraction: Double) -> String {
    let value = fraction * 100
    let digits = value >= 1 ? 2 : max(2, Int((-log10(value)).rounded(.up)) + 1)
    return String(format: "%.\(digits)g%%", value)
  }

  /// Σ C(k, j) over j with base + j in `lengths`, saturating at Int.max.
  static func combinationCount(base: Int, extensions k: Int, lengths: ClosedRange<Int>) -> Int {
    var total = 0
    var binomial = 1
    for j in 0...k {
      if j > 0 { binomial = ItemsetCounter.nextBinomial(binomial, k: k, j: j) }
      if base + j > lengths.upperBound { break }
      if base + j >= lengths.lowerBound {
        let (sum, overflow) = total.addingReportingOverflow(binomial)
        total = overflow ? Int.max : sum
      }
    }
    return total
  }
}
