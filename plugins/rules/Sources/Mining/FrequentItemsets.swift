import Foundation

/// One frequent itemset: item ids sorted ascending, and the number of baskets containing it.
public struct Itemset: Sendable, Hashable {
  public let items: [Int32]
  public let count: Int
}

/// Materialised mining result, with the context needed to print it.
///
/// Miners report an itemset with perfect extensions (items in every basket holding it) as one
/// group: the itemset with each subset of its extensions, all with the same count. The result
/// keeps the groups as they are, so that hundreds of thousands of itemsets cost a few
/// thousand groups; itemsets are spelled out only where they are shown or saved.
///
/// Their order for display and `save` is by count (descending), then length (ascending), then
/// item ids lexicographically, so it is deterministic whatever the algorithm. `ends` finds the
/// first and last few by spelling out only the groups of the highest and lowest counts.
public struct FrequentItemsets: Sendable {
  public let itemNames: [String]
  public let basketCount: Int
  public let minimumCount: Int
  public let target: MiningTarget
  /// Apriori's per-level trace, when the apriori algorithm ran.
  public let trace: AprioriTrace?
  let groups: ItemsetGroups

  /// The number of itemsets.
  public var count: Int { groups.total }
  public var isEmpty: Bool { groups.total == 0 }

  /// The number of itemsets of each length.
  public var countsByLength: [Int: Int] { groups.countsByLength }

  /// All itemsets, in order.
  public var itemsets: [Itemset] { ordered() }

  init(collector: ItemsetCollector, itemNames: [String], basketCount: Int, minimumCount: Int, target: MiningTarget, trace: AprioriTrace?) {
    self.itemNames = itemNames
    self.basketCount = basketCount
    self.minimumCount = minimumCount
    self.target = target
    self.trace = trace
    self.groups = collector.groups
  }

  /// Item names, sorted by name (as `save` writes them).
  public func names(_ items: [Int32]) -> [String] { items.map { itemNames[Int($0)] }.sorted() }

  /// The support (fraction of baskets) of a count.
  public func support(_ count: Int) -> Double { Double(count) / Double(max(basketCount, 1)) }

  /// Every itemset spelled out, in mining order.
  func list() -> ItemsetList {
    var list = ItemsetList()
    for group in 0..<groups.count { groups.expand(group, into: &list) }
    return list
  }

  /// All itemsets in order: by `keys` in turn, then count, length and items.
  public func ordered(keys: [ItemsetRankKey] = []) -> [Itemset] {
    let list = list()
    return list.ordered(keys: keys).map(list.itemset(at:))
  }

  /// The first `head` and the last `tail` itemsets, each in order.
  public func ends(first head: Int, last tail: Int, keys: [ItemsetRankKey] = []) -> (first: [Itemset], last: [Itemset]) {
    guard keys.isEmpty else {
      let list = list()
      let ends = list.ends(first: head, last: tail, keys: keys)
      return (ends.first.map(list.itemset(at:)), ends.last.map(list.itemset(at:)))
    }
    // Groups by count, largest first; the first itemsets come from the first groups, so only
    // runs of groups with one count are spelled out, from each end, until enough are found.
    let byCount = groups.byDescendingCount()
    func runs(fromStart: Bool, wanted: Int) -> [Itemset] {
      var found: [Itemset] = []
      var index = fromStart ? 0 : byCount.count - 1
      while found.count < wanted, byCount.indices.contains(index) {
        let runCount = groups.counts[byCount[index]]
        var run = ItemsetList()
        while byCount.indices.contains(index), groups.counts[byCount[index]] == runCount {
          groups.expand(byCount[index], into: &run)
          index += fromStart ? 1 : -1
        }
        // Only the itemsets needed from the run's near end are put in order: a run can hold
        // millions (every itemset at the minimum count of a dense file).
        let need = wanted - found.count
        let ends = run.ends(first: fromStart ? need : 0, last: fromStart ? 0 : need)
        let picked = (fromStart ? ends.first : ends.last).map(run.itemset(at:))
        found = fromStart ? found + picked : picked + found
      }
      return found
    }
    return (runs(fromStart: true, wanted: max(head, 0)), runs(fromStart: false, wanted: max(tail, 0)))
  }
}

/// Itemsets as reported, in groups: items `base ∪ S` for each subset `S` of `extensions`
/// whose length lies in the group's range, all with the group's count.
struct ItemsetGroups: Sendable {
  /// Per group, its base items then its extensions, each ascending.
  private(set) var items: [Int32] = []
  private(set) var starts: [Int] = [0]
  private(set) var baseLengths: [Int] = []
  private(set) var counts: [Int] = []
  private(set) var lengths: [ClosedRange<Int>] = []
  /// Itemsets in all groups (saturating).
  private(set) var total = 0

  var count: Int { counts.count }

  mutating func append(base: UnsafeBufferPointer<Int32>, extensions: UnsafeBufferPointer<Int32>, count: Int, lengths range: ClosedRange<Int>) {
    // Both parts hold distinct items: sorting them is all `sortUnique` does to them, and it
    // is quicker than the general sort on the few items a group has.
    items.append(contentsOf: base)
    _ = TransactionDatabase.sortUnique(&items, from: items.count - base.count)
    items.append(contentsOf: extensions)
    _ = TransactionDatabase.sortUnique(&items, from: items.count - extensions.count)
    starts.append(items.count)
    baseLengths.append(base.count)
    counts.append(count)
    lengths.append(range)
    let (sum, overflow) = total.addingReportingOverflow(
      ItemsetReporter<ItemsetCounter>.combinationCount(base: base.count, extensions: extensions.count, lengths: range))
    total = overflow ? Int.max : sum
  }

  /// The groups by count, largest first, in report order within a count: a counting sort, as
  /// counts are at most the number of baskets (millions of groups sort in one pass).
  func byDescendingCount() -> [Int] {
    let largest = counts.max() ?? 0
    var starts = [Int](repeating: 0, count: largest + 2)
    for count in counts { starts[largest - count + 1] += 1 }
    for bucket in 1..<starts.count { starts[bucket] += starts[bucket - 1] }
    var order = [Int](repeating: 0, count: counts.count)
    for (group, count) in counts.enumerated() {
      order[starts[largest - count]] = group
      starts[largest - count] += 1
    }
    return order
  }

  /// Adds the itemsets of group `group` to `list`.
  func expand(_ group: Int, into list: inout ItemsetList) {
    let base = items[starts[group]..<(starts[group] + baseLengths[group])]
    let extensions = items[(starts[group] + baseLengths[group])..<starts[group + 1]]
    let range = lengths[group]
    var buffer = Array(base)
    func enumerate(from start: Int) {
      if range.contains(buffer.count) { buffer.withUnsafeBufferPointer { list.append($0, count: counts[group]) } }
      guard buffer.count < range.upperBound else { return }
      for index in start..<extensions.endIndex {
        buffer.append(extensions[index])
        enumerate(from: index + 1)
        buffer.removeLast()
      }
    }
    enumerate(from: extensions.startIndex)
  }

  var countsByLength: [Int: Int] {
    var result: [Int: Int] = [:]
    for group in 0..<count {
      let k = starts[group + 1] - starts[group] - baseLengths[group]
      var binomial = 1
      for j in 0...k {
        if j > 0 { binomial = ItemsetCounter.nextBinomial(binomial, k: k, j: j) }
        if lengths[group].contains(baseLengths[group] + j) { result[baseLengths[group] + j, default: 0] += binomial }
      }
    }
    return result
  }
}

/// Itemsets spelled out in a flat store (items ascending), for ordering and saving.
struct ItemsetList {
  private(set) var flatItems: [Int32] = []
  private(set) var offsets: [Int] = [0]
  private(set) var counts: [Int] = []

  var count: Int { counts.count }

  mutating func append(_ items: UnsafeBufferPointer<Int32>, count: Int) {
    let start = flatItems.count
    flatItems.append(contentsOf: items)
    _ = TransactionDatabase.sortUnique(&flatItems, from: start)
    offsets.append(flatItems.count)
    counts.append(count)
  }

  func items(at index: Int) -> ArraySlice<Int32> { flatItems[offsets[index]..<offsets[index + 1]] }
  func length(at index: Int) -> Int { offsets[index + 1] - offsets[index] }
  func itemset(at index: Int) -> Itemset { Itemset(items: Array(items(at: index)), count: counts[index]) }

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

  /// The numbers of the first `head` and the last `tail` itemsets, each in order, from one pass.
  func ends(first head: Int, last tail: Int, keys: [ItemsetRankKey] = []) -> (first: [Int], last: [Int]) {
    TopSelection.ends(first: head, last: tail, of: count) { precedes($0, $1, keys: keys) }
  }

  /// The numbers of all itemsets, in order.
  func ordered(keys: [ItemsetRankKey] = []) -> [Int] {
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

/// A visitor that keeps every reported group of itemsets for `FrequentItemsets`.
struct ItemsetCollector: ItemsetVisitor {
  private(set) var groups = ItemsetGroups()

  mutating func visit(items: UnsafeBufferPointer<Int32>, count: Int) {
    groups.append(base: items, extensions: UnsafeBufferPointer(start: nil, count: 0), count: count, lengths: items.count...items.count)
  }

  mutating func visitCombinations(
    base: UnsafeBufferPointer<Int32>, extensions: UnsafeBufferPointer<Int32>, count: Int, lengths: ClosedRange<Int>
  ) {
    groups.append(base: base, extensions: extensions, count: count, lengths: lengths)
  }
}
