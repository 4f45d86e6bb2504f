import Foundation

/// One frequent itemset: item ids sorted ascending, and the number of baskets containing it.
public struct Itemset: Sendable, Hashable {
  public let items: [Int32]
  public let count: Int
}

/// Materialised mining result: itemsets in a flat store, in the order they were mined, with
/// the context needed to print them.
///
/// Their order for display and `save` is by count (descending), then length (ascending), then
/// item ids lexicographically, so it is deterministic whatever the algorithm. It is computed
/// when asked for, and only as far as asked: `first(k)` and `last(k)` take one pass over the
/// itemsets, `ordered()` sorts them all.
public struct FrequentItemsets: Sendable {
  public let itemNames: [String]
  public let basketCount: Int
  public let minimumCount: Int
  public let target: MiningTarget
  /// Apriori's per-level trace, when the apriori algorithm ran.
  public let trace: AprioriTrace?
  let flatItems: [Int32]
  let offsets: [Int]
  let counts: [Int]

  public var count: Int { counts.count }
  public var isEmpty: Bool { counts.isEmpty }

  /// Itemset number `index` (in mining order).
  public subscript(index: Int) -> Itemset {
    Itemset(items: Array(flatItems[offsets[index]..<offsets[index + 1]]), count: counts[index])
  }

  /// The item ids of itemset `index`, sorted ascending.
  public func items(at index: Int) -> ArraySlice<Int32> { flatItems[offsets[index]..<offsets[index + 1]] }

  /// The number of items of itemset `index`.
  public func length(at index: Int) -> Int { offsets[index + 1] - offsets[index] }

  /// The basket count of itemset `index`.
  public func count(at index: Int) -> Int { counts[index] }

  /// The support (fraction of baskets) of itemset `index`.
  public func support(at index: Int) -> Double { Double(counts[index]) / Double(max(basketCount, 1)) }

  /// The item names of itemset `index`, sorted by name (as `save` writes them).
  public func names(at index: Int) -> [String] {
    items(at: index).map { itemNames[Int($0)] }.sorted()
  }

  /// The number of itemsets of each length.
  public var countsByLength: [Int: Int] {
    var result: [Int: Int] = [:]
    for index in 0..<count { result[length(at: index), default: 0] += 1 }
    return result
  }

  /// All itemsets, in order.
  public var itemsets: [Itemset] { ordered().map { self[$0] } }

  init(collector: ItemsetCollector, itemNames: [String], basketCount: Int, minimumCount: Int, target: MiningTarget, trace: AprioriTrace?) {
    self.itemNames = itemNames
    self.basketCount = basketCount
    self.minimumCount = minimumCount
    self.target = target
    self.trace = trace
    self.flatItems = collector.flat
    self.offsets = collector.offsets
    self.counts = collector.counts
  }

  /// True if itemset `x` comes before `y`: by `keys` in turn, then count (descending),
  /// length, and items.
  func precedes(_ x: Int, _ y: Int, keys: [ItemsetRankKey] = []) -> Bool {
    for key in keys {
      let (a, b) = key.byLength ? (length(at: x), length(at: y)) : (counts[x], counts[y])
      if a != b { return key.descending ? a > b : a < b }
    }
    if counts[x] != counts[y] { return counts[x] > counts[y] }
    let (lengthX, lengthY) = (length(at: x), length(at: y))
    if lengthX != lengthY { return lengthX < lengthY }
    var (i, j) = (offsets[x], offsets[y])
    while i < offsets[x + 1] {
      if flatItems[i] != flatItems[j] { return flatItems[i] < flatItems[j] }
      i += 1
      j += 1
    }
    return false
  }

  /// The numbers of the first `k` itemsets in order.
  public func first(_ k: Int, keys: [ItemsetRankKey] = []) -> [Int] {
    TopSelection.first(k, of: count) { precedes($0, $1, keys: keys) }
  }

  /// The numbers of the last `k` itemsets in order.
  public func last(_ k: Int, keys: [ItemsetRankKey] = []) -> [Int] {
    TopSelection.first(k, of: count) { precedes($1, $0, keys: keys) }.reversed()
  }

  /// The numbers of all itemsets, in order.
  public func ordered(keys: [ItemsetRankKey] = []) -> [Int] {
    guard keys.isEmpty else { return (0..<count).sorted { precedes($0, $1, keys: keys) } }
    // One integer key holds count (descending) and length (ascending), so most comparisons
    // are a single integer comparison; only itemsets equal in both compare their items.
    let largest = UInt64(counts.max() ?? 0)
    let packed = counts.indices.map { index -> UInt64 in
      (largest - UInt64(counts[index])) << 32 | UInt64(length(at: index))
    }
    var order = Array(0..<count)
    flatItems.withUnsafeBufferPointer { flat in
      offsets.withUnsafeBufferPointer { offsets in
        packed.withUnsafeBufferPointer { keys in
          order.sort { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            var i = offsets[a]
            var j = offsets[b]
            let end = offsets[a + 1]
            while i < end {
              if flat[i] != flat[j] { return flat[i] < flat[j] }
              i += 1
              j += 1
            }
            return false
          }
        }
      }
    }
    return order
  }
}

/// A step of an itemset ordering given by `show … by=`: count (or support) or length.
public struct ItemsetRankKey: Sendable, Equatable {
  public var byLength: Bool
  public var descending: Bool

  public init(byLength: Bool, descending: Bool) {
    self.byLength = byLength
    self.descending = descending
  }
}

/// A visitor that stores every itemset (items sorted) for `FrequentItemsets`.
struct ItemsetCollector: ItemsetVisitor {
  private(set) var flat: [Int32] = []
  private(set) var offsets: [Int] = [0]
  private(set) var counts: [Int] = []

  mutating func visit(items: UnsafeBufferPointer<Int32>, count: Int) {
    let start = flat.count
    flat.append(contentsOf: items)
    _ = TransactionDatabase.sortUnique(&flat, from: start)
    offsets.append(flat.count)
    counts.append(count)
  }
}
