import Foundation

/// Receives frequent itemsets as a miner finds them, so that counting or filtering needs no
/// storage per itemset.
///
/// `items` holds item ids (of the `TransactionDatabase`) in no particular order and is only
/// valid during the call; `count` is the number of baskets containing the itemset.
public protocol ItemsetVisitor {
  mutating func visit(items: UnsafeBufferPointer<Int32>, count: Int)

  /// Visits `base ∪ S` for every subset `S` of `extensions` whose total length lies in
  /// `lengths`, each with the same `count`. Miners call this for perfect extensions (items in
  /// every basket that contains `base`); the default enumerates the subsets, a visitor that
  /// only counts can add binomial coefficients instead.
  mutating func visitCombinations(
    base: UnsafeBufferPointer<Int32>, extensions: UnsafeBufferPointer<Int32>, count: Int, lengths: ClosedRange<Int>)
}

extension ItemsetVisitor {
  public mutating func visitCombinations(
    base: UnsafeBufferPointer<Int32>, extensions: UnsafeBufferPointer<Int32>, count: Int, lengths: ClosedRange<Int>
  ) {
    visitEachCombination(base: base, extensions: extensions, count: count, lengths: lengths)
  }

  /// Calls `visit` for each itemset of the group: the default `visitCombinations`, also for
  /// visitors that handle groups themselves only some of the time.
  mutating func visitEachCombination(
    base: UnsafeBufferPointer<Int32>, extensions: UnsafeBufferPointer<Int32>, count: Int, lengths: ClosedRange<Int>
  ) {
    var buffer = Array(base)
    buffer.reserveCapacity(base.count + extensions.count)
    enumerate(from: 0, buffer: &buffer, extensions: extensions, count: count, lengths: lengths)
  }

  private mutating func enumerate(
    from start: Int, buffer: inout [Int32], extensions: UnsafeBufferPointer<Int32>, count: Int, lengths: ClosedRange<Int>
  ) {
    if lengths.contains(buffer.count) {
      buffer.withUnsafeBufferPointer { visit(items: $0, count: count) }
    }
    guard buffer.count < lengths.upperBound else { return }
    for index in start..<extensions.count {
      buffer.append(extensions[index])
      enumerate(from: index + 1, buffer: &buffer, extensions: extensions, count: count, lengths: lengths)
      buffer.removeLast()
    }
  }
}

/// Counts itemsets in total and by length, without storing them.
public struct ItemsetCounter: ItemsetVisitor, Sendable {
  public private(set) var total = 0
  /// `byLength[k]` is the number of itemsets with `k` items (index 0 unused).
  public private(set) var byLength: [Int] = []

  public init() {}

  public mutating func visit(items: UnsafeBufferPointer<Int32>, count: Int) {
    add(length: items.count, times: 1)
  }

  public mutating func visitCombinations(
    base: UnsafeBufferPointer<Int32>, extensions: UnsafeBufferPointer<Int32>, count: Int, lengths: ClosedRange<Int>
  ) {
    let k = extensions.count
    var binomial = 1  // C(k, j), saturating
    for j in 0...k {
      if j > 0 { binomial = Self.nextBinomial(binomial, k: k, j: j) }
      if lengths.contains(base.count + j) { add(length: base.count + j, times: binomial) }
    }
  }

  /// The itemset counts by length as a dictionary, as the reference files write them.
  public var countsByLength: [Int: Int] {
    var result: [Int: Int] = [:]
    for (length, count) in byLength.enumerated() where count > 0 { result[length] = count }
    return result
  }

  private mutating func add(length: Int, times: Int) {
    if length >= byLength.count { byLength.append(contentsOf: repeatElement(0, count: length + 1 - byLength.count)) }
    byLength[length] = byLength[length].addingReportingOverflow(times).overflow ? Int.max : byLength[length] + times
    total = total.addingReportingOverflow(times).overflow ? Int.max : total + times
  }

  /// C(k, j) from C(k, j - 1), saturating at Int.max.
  static func nextBinomial(_ previous: Int, k: Int, j: Int) -> Int {
    let (product, overflow) = previous.multipliedReportingOverflow(by: k - j + 1)
    return overflow ? Int.max : product / j
  }
}
