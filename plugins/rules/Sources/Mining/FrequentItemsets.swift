import Foundation

/// One frequent itemset: item ids sorted ascending, and the number of baskets containing it.
public struct Itemset: Sendable, Hashable {
  public let items: [Int32]
  public let count: Int
}

/// Materialised mining result: itemsets in a flat store, with the context needed to print them.
///
/// Itemsets are ordered by count (descending), then length (ascending), then item ids
/// lexicographically, so the order is deterministic whatever the algorithm.
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

  public subscript(index: Int) -> Itemset {
    Itemset(items: Array(flatItems[offsets[index]..<offsets[index + 1]]), count: counts[index])
  }

  /// The item ids of itemset `index`, sorted ascending.
  public func items(at index: Int) -> ArraySlice<Int32> { flatItems[offsets[index]..<offsets[index + 1]] }

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
    for index in 0..<count { result[offsets[index + 1] - offsets[index], default: 0] += 1 }
    return result
  }

  /// All itemsets, in order.
  public var itemsets: [Itemset] { (0..<count).map { self[$0] } }

  init(collector: ItemsetCollector, itemNames: [String], basketCount: Int, minimumCount: Int, target: MiningTarget, trace: AprioriTrace?) {
    self.itemNames = itemNames
    self.basketCount = basketCount
    self.minimumCount = minimumCount
    self.target = target
    self.trace = trace
    let (flat, offsets, counts) = collector.sortedStorage()
    self.flatItems = flat
    self.offsets = offsets
    self.counts = counts
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

  /// The store reordered by count descending, length ascending, then items.
  func sortedStorage() -> ([Int32], [Int], [Int]) {
    // One integer key holds count (descending) and length (ascending), so most comparisons
    // are a single integer comparison; only itemsets equal in both compare their items.
    let largest = UInt64(counts.max() ?? 0)
    let keys = counts.indices.map { index -> UInt64 in
      (largest - UInt64(counts[index])) << 32 | UInt64(offsets[index + 1] - offsets[index])
    }
    var order = Array(0..<counts.count)
    flat.withUnsafeBufferPointer { flat in
      offsets.withUnsafeBufferPointer { offsets in
        keys.withUnsafeBufferPointer { keys in
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
    var newFlat: [Int32] = []
    newFlat.reserveCapacity(flat.count)
    var newOffsets = [0]
    newOffsets.reserveCapacity(offsets.count)
    for index in order {
      newFlat.append(contentsOf: flat[offsets[index]..<offsets[index + 1]])
      newOffsets.append(newFlat.count)
    }
    return (newFlat, newOffsets, order.map { counts[$0] })
  }
}
