import Foundation

/// Every frequent itemset with its count, kept the way FP-growth finds them: a prefix tree of
/// the items the miner branches on, where each node also knows its perfect extensions (items
/// in every basket that contains the node's itemset, so adding any of them keeps its count).
///
/// Items are read in the miners' rank order, least frequent first (the highest `key` first):
/// FP-growth's branches go that way. Read so, each item of a frequent itemset either is a
/// perfect extension of the node reached so far (the walk stays there) or leads to a child,
/// so finding an itemset's count is one `step` per item. The tree has a node per branch of
/// the miner, not per itemset: mushroom at 10 % has 11 thousand nodes for 1.1 million
/// itemsets, and the whole tree stays in the processor's cache.
///
/// Eclat searches in the same order and reports the same branches; Apriori reports itemsets
/// one by one, and each becomes a node of its own.
struct ItemsetTrie: Sendable {
  /// Per item id, its rank key (0 for the most frequent item; ties by id); -1 where absent.
  let key: [Int32]
  /// Per key, the item id.
  let itemOfKey: [Int32]
  /// Per node, the number of baskets containing its itemset. Node 0 is the empty itemset.
  let counts: [Int32]
  /// Per node, its moves, keys ascending: `moveKeys[moveStarts[n]..<moveStarts[n + 1]]`, each
  /// going to `moveTargets` (the node itself for a perfect extension). Only keys below the
  /// node's last item are moves: a walk reads keys descending.
  let moveStarts: [Int32]
  let moveKeys: [Int32]
  let moveTargets: [Int32]

  static let root: Int32 = 0

  /// Rank keys for items with these basket counts: the order `RankedDatabase` gives the
  /// miners, over every item that occurs.
  static func keys(itemCounts: [Int]) -> (key: [Int32], itemOfKey: [Int32]) {
    let present = RankedDatabase.frequencyOrder(counts: itemCounts, minimumCount: 1)
    var key = [Int32](repeating: -1, count: itemCounts.count)
    for (rank, item) in present.enumerated() { key[item] = Int32(rank) }
    return (key, present.map { Int32($0) })
  }

  /// The count of the itemset `items` (item ids, any order), or nil if it is not frequent.
  func count<Items: Collection>(of items: Items) -> Int32? where Items.Element == Int32 {
    // The keys go in a stack buffer: lookups run once per candidate in `prune=redundant` and
    // `consequent_max=`.
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: items.count) { buffer -> Int32? in
      var keys = buffer
      for (index, item) in items.enumerated() {
        guard Int(item) >= 0, Int(item) < key.count, key[Int(item)] >= 0 else { return nil }
        keys[index] = key[Int(item)]
      }
      keys.sort(by: >)
      return withWalker { walker in
        var node = Self.root
        var previous = Int32.max
        for k in keys where k != previous {
          node = walker.step(node, k)
          if node < 0 { return nil }
          previous = k
        }
        return walker.counts[Int(node)]
      }
    }
  }

  /// Runs `body` with a walker over the tree's buffers.
  func withWalker<R>(_ body: (Walker) throws -> R) rethrows -> R {
    try moveStarts.withUnsafeBufferPointer { starts in
      try moveKeys.withUnsafeBufferPointer { keys in
        try moveTargets.withUnsafeBufferPointer { targets in
          try counts.withUnsafeBufferPointer { counts in
            try itemOfKey.withUnsafeBufferPointer { itemOfKey in
              try body(Walker(starts: starts, keys: keys, targets: targets, counts: counts, itemOfKey: itemOfKey))
            }
          }
        }
      }
    }
  }

  /// The tree over raw buffers, for the hot loops.
  struct Walker {
    let starts: UnsafeBufferPointer<Int32>
    let keys: UnsafeBufferPointer<Int32>
    let targets: UnsafeBufferPointer<Int32>
    let counts: UnsafeBufferPointer<Int32>
    let itemOfKey: UnsafeBufferPointer<Int32>

    /// The node reached from `node` by the item with key `key`, or -1 if the itemset grown
    /// so is not frequent. `key` must be below every key read so far.
    @inline(__always) func step(_ node: Int32, _ key: Int32) -> Int32 {
      var low = Int(starts[Int(node)])
      var high = Int(starts[Int(node) + 1])
      while low < high {
        let middle = (low + high) >> 1
        if keys[middle] < key { low = middle + 1 } else { high = middle }
      }
      return low < Int(starts[Int(node) + 1]) && keys[low] == key ? targets[low] : -1
    }
  }
}

/// Builds an `ItemsetTrie` from a miner's reports, and counts what enumerating it will write.
///
/// FP-growth and Eclat report each branch once, parents before children, as its path
/// (`base`, in key order descending) with the perfect extensions gathered along it; such
/// reports become nodes directly. Apriori's itemsets are collected, put in path order, and
/// made nodes of their own at the end.
struct ItemsetTrieBuilder: ItemsetVisitor {
  private let key: [Int32]
  private let itemOfKey: [Int32]
  private let reportsBranches: Bool
  /// The lengths of itemsets the index will hold (rules need at least two items).
  private let lengths: ClosedRange<Int>
  private var counts: [Int32]
  private var lastKey: [Int32]
  /// The nodes on the current branch by path length (the root first).
  private var branch: [Int32] = [ItemsetTrie.root]
  private var moveFrom: [Int32] = []
  private var moveKey: [Int32] = []
  private var moveTo: [Int32] = []
  /// Itemsets collected from a miner that does not report branches: keys, descending.
  private var collected: [Int32] = []
  private var collectedStarts: [Int] = [0]
  private var collectedCounts: [Int32] = []
  private var keyBuffer: [Int32] = []
  /// How many itemsets, and arena words (`[length, items…]`), the index will have (saturating).
  private(set) var itemsetTotal = 0
  private(set) var arenaTotal = 0
  /// The length of the longest itemset the index will have.
  private(set) var longest = 0

  init(itemCounts: [Int], basketCount: Int, reportsBranches: Bool, lengths: ClosedRange<Int>) {
    (key, itemOfKey) = ItemsetTrie.keys(itemCounts: itemCounts)
    self.reportsBranches = reportsBranches
    self.lengths = lengths
    counts = [Int32(clamping: basketCount)]
    lastKey = [Int32.max]
  }

  mutating func visit(items: UnsafeBufferPointer<Int32>, count: Int) {
    if reportsBranches {
      addBranch(items, extensions: UnsafeBufferPointer(start: nil, count: 0), count: count)
    } else {
      collect(items, count: count)
    }
  }

  mutating func visitCombinations(
    base: UnsafeBufferPointer<Int32>, extensions: UnsafeBufferPointer<Int32>, count: Int, lengths: ClosedRange<Int>
  ) {
    if reportsBranches {
      addBranch(base, extensions: extensions, count: count)
    } else {
      visitEachCombination(base: base, extensions: extensions, count: count, lengths: lengths)
    }
  }

  /// A node for the branch `path` (FP-growth's chosen items, least frequent first), whose
  /// parent is the branch without its last item, reported just before its subtree.
  private mutating func addBranch(_ path: UnsafeBufferPointer<Int32>, extensions: UnsafeBufferPointer<Int32>, count: Int) {
    let length = path.count
    guard length >= 1, length <= branch.count else { return }
    let parent = branch[length - 1]
    let last = key[Int(path[length - 1])]
    assert(length == 1 || lastKey[Int(parent)] == key[Int(path[length - 2])], "FP-growth reports a branch before its subtree")
    let node = Int32(counts.count)
    counts.append(Int32(clamping: count))
    lastKey.append(last)
    addMove(from: parent, key: last, to: node)
    for item in extensions where key[Int(item)] < last { addMove(from: node, key: key[Int(item)], to: node) }
    branch.removeLast(branch.count - length)
    branch.append(node)
    addToTotals(pathLength: length, extensions: extensions.count)
  }

  private mutating func addMove(from: Int32, key: Int32, to: Int32) {
    moveFrom.append(from)
    moveKey.append(key)
    moveTo.append(to)
  }

  /// Counts the itemsets `path ∪ S` for every subset S of the extensions, and their words.
  private mutating func addToTotals(pathLength: Int, extensions: Int) {
    if pathLength + extensions >= lengths.lowerBound { longest = max(longest, min(pathLength + extensions, lengths.upperBound)) }
    var binomial = 1
    for j in 0...extensions {
      if j > 0 { binomial = ItemsetCounter.nextBinomial(binomial, k: extensions, j: j) }
      let length = pathLength + j
      if length > lengths.upperBound { break }
      guard length >= lengths.lowerBound else { continue }
      itemsetTotal = Self.saturatingAdd(itemsetTotal, binomial)
      let (words, overflow) = binomial.multipliedReportingOverflow(by: length + 1)
      arenaTotal = Self.saturatingAdd(arenaTotal, overflow ? Int.max : words)
    }
  }

  private static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : sum
  }

  private mutating func collect(_ items: UnsafeBufferPointer<Int32>, count: Int) {
    keyBuffer.removeAll(keepingCapacity: true)
    for item in items { keyBuffer.append(key[Int(item)]) }
    keyBuffer.sort(by: >)
    collected.append(contentsOf: keyBuffer)
    collectedStarts.append(collected.count)
    collectedCounts.append(Int32(clamping: count))
  }

  /// The finished tree.
  mutating func build() -> ItemsetTrie {
    if !reportsBranches { addCollected() }
    let nodeCount = counts.count
    // Moves grouped by node (a counting sort), then each node's keys sorted ascending.
    var starts = [Int32](repeating: 0, count: nodeCount + 1)
    for from in moveFrom { starts[Int(from) + 1] += 1 }
    for node in 0..<nodeCount { starts[node + 1] += starts[node] }
    var fill = Array(starts.dropLast())
    var keys = [Int32](repeating: 0, count: moveFrom.count)
    var targets = [Int32](repeating: 0, count: moveFrom.count)
    for move in moveFrom.indices {
      let slot = Int(fill[Int(moveFrom[move])])
      fill[Int(moveFrom[move])] += 1
      keys[slot] = moveKey[move]
      targets[slot] = moveTo[move]
    }
    for node in 0..<nodeCount {
      let range = Int(starts[node])..<Int(starts[node + 1])
      guard range.count > 1 else { continue }
      let sorted = range.map { (keys[$0], targets[$0]) }.sorted { $0.0 < $1.0 }
      for (offset, move) in sorted.enumerated() {
        keys[range.lowerBound + offset] = move.0
        targets[range.lowerBound + offset] = move.1
      }
    }
    return ItemsetTrie(key: key, itemOfKey: itemOfKey, counts: counts, moveStarts: starts, moveKeys: keys, moveTargets: targets)
  }

  /// Makes the collected itemsets nodes, in path order (so that a parent comes before its
  /// children: every prefix of a frequent itemset is frequent and was reported too).
  private mutating func addCollected() {
    let sets = collectedCounts.count
    let order = collected.withUnsafeBufferPointer { items in
      collectedStarts.withUnsafeBufferPointer { starts in
        (0..<sets).sorted { a, b in
          items[starts[a]..<starts[a + 1]].lexicographicallyPrecedes(items[starts[b]..<starts[b + 1]], by: >)
        }
      }
    }
    var path: [Int32] = []
    for set in order {
      path = collected[collectedStarts[set]..<collectedStarts[set + 1]].map { itemOfKey[Int($0)] }
      path.withUnsafeBufferPointer { addBranch($0, extensions: UnsafeBufferPointer(start: nil, count: 0), count: Int(collectedCounts[set])) }
    }
  }
}
