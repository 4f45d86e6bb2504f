import Foundation

/// The frequent itemsets of two or more items that rules are made from, each with its count
/// and the counts of its subsets one item smaller: the antecedents of its one-item-consequent
/// rules, ready without a lookup.
///
/// Itemsets are stored in one arena as `[length, items…]`, items in the miners' path order
/// (least frequent first); `subsetCounts` is aligned with the arena, holding at the place of
/// each item the count of the itemset without it.
///
/// The index is filled by walking every itemset of an `ItemsetTrie` depth first, each one
/// grown from its parent by an item that sorts after all of its own. Where itemset I is at
/// node N and I without its j-th item at node Wⱼ, the grown itemset I + x is at N's move x,
/// and I + x without its j-th item at Wⱼ's move x: one step per subset, in a tree that fits
/// in cache, instead of hashing millions of subsets.
final class ItemsetIndex: Sendable {
  let trie: ItemsetTrie
  let arena: [Int32]
  let subsetCounts: [Int32]
  /// Per itemset, its arena position and count, in walk order.
  let positions: [Int]
  let counts: [Int32]

  var count: Int { counts.count }

  /// Walks `trie` for the itemsets with a length in `lengths` (at least 2), of which the
  /// builder counted `itemsetTotal`, taking `arenaTotal` words, the longest of `longest` items.
  init(
    trie: ItemsetTrie, lengths: ClosedRange<Int>, itemsetTotal: Int, arenaTotal: Int, longest: Int, control: MiningControl
  ) throws {
    guard arenaTotal < Int(UInt32.max) else {
      throw MiningError.invalidOption(
        "the frequent itemsets take \(arenaTotal) words, more than rules can refer to; try a higher support= or maxlen=")
    }
    self.trie = trie
    let depth = min(lengths.upperBound, longest)
    var subsetCounts: [Int32] = []
    var positions: [Int] = []
    var counts: [Int32] = []
    // Filled in place: the totals are known, and zeroing a hundred megabytes first would cost
    // as much as the walk.
    arena = try Array(unsafeUninitializedCapacity: arenaTotal) { arena, arenaCount in
      subsetCounts = try Array(unsafeUninitializedCapacity: arenaTotal) { subsetCounts, subsetCount in
        positions = try Array(unsafeUninitializedCapacity: itemsetTotal) { positions, positionCount in
          counts = try Array(unsafeUninitializedCapacity: itemsetTotal) { counts, countCount in
            try trie.withWalker { walker in
              var walk = Walk(
                walker: walker, arena: arena, subsetCounts: subsetCounts, positions: positions, counts: counts,
                shortest: max(2, lengths.lowerBound), longest: depth, control: control)
              defer { walk.deallocate() }
              // The builder's totals and the walk agree unless a miner broke its contract;
              // only what was written is kept either way.
              defer { (arenaCount, subsetCount, positionCount, countCount) = (walk.used, walk.used, walk.entries, walk.entries) }
              try walk.grow(from: ItemsetTrie.root, length: 0)
            }
          }
        }
      }
    }
    self.subsetCounts = subsetCounts
    self.positions = positions
    self.counts = counts
  }

  /// The count of the itemset `items` (item ids, any order), or nil if it is not frequent.
  func count<Items: Collection>(of items: Items) -> Int32? where Items.Element == Int32 { trie.count(of: items) }

  /// The depth-first walk that fills the index (see the type's comment).
  private struct Walk {
    let walker: ItemsetTrie.Walker
    let arena: UnsafeMutableBufferPointer<Int32>
    let subsetCounts: UnsafeMutableBufferPointer<Int32>
    let positions: UnsafeMutableBufferPointer<Int>
    let counts: UnsafeMutableBufferPointer<Int32>
    let shortest: Int
    let longest: Int
    let control: MiningControl
    /// The keys of the current itemset, and per length L a row of `longest + 1` nodes: where
    /// the itemset of length L is without each of its items.
    private let path: UnsafeMutablePointer<Int32>
    private let without: UnsafeMutablePointer<Int32>
    private(set) var used = 0
    private(set) var entries = 0

    init(
      walker: ItemsetTrie.Walker, arena: UnsafeMutableBufferPointer<Int32>, subsetCounts: UnsafeMutableBufferPointer<Int32>,
      positions: UnsafeMutableBufferPointer<Int>, counts: UnsafeMutableBufferPointer<Int32>, shortest: Int, longest: Int,
      control: MiningControl
    ) {
      self.walker = walker
      self.arena = arena
      self.subsetCounts = subsetCounts
      self.positions = positions
      self.counts = counts
      self.shortest = shortest
      self.longest = longest
      self.control = control
      path = .allocate(capacity: longest + 1)
      without = .allocate(capacity: (longest + 2) * (longest + 1))
    }

    func deallocate() {
      path.deallocate()
      without.deallocate()
    }

    /// Grows the itemset `path[0..<length]`, found at `node`, by every item that sorts after
    /// its last, writing each grown itemset and walking on from it.
    mutating func grow(from node: Int32, length: Int) throws {
      guard length < longest else { return }
      let last = length == 0 ? Int32.max : path[length - 1]
      let row = longest + 1
      let inner = without + length * row
      let outer = without + (length + 1) * row
      var move = Int(walker.starts[Int(node)])
      let end = Int(walker.starts[Int(node) + 1])
      while move < end && walker.keys[move] < last {
        let key = walker.keys[move]
        let next = walker.targets[move]
        move += 1
        path[length] = key
        for j in 0..<length { outer[j] = inner[j] >= 0 ? walker.step(inner[j], key) : -1 }
        outer[length] = node
        if length + 1 >= shortest {
          let position = used
          let words = length + 2
          guard entries < positions.count, position + words <= arena.count else { return }
          arena[position] = Int32(length + 1)
          subsetCounts[position] = walker.counts[Int(next)]
          for j in 0...length {
            arena[position + 1 + j] = walker.itemOfKey[Int(path[j])]
            // A subset missing from the tree cannot happen for a frequent itemset; -1 stands
            // for "not frequent" so that no rule is made from it.
            let subset = outer[j]
            subsetCounts[position + 1 + j] = subset >= 0 ? walker.counts[Int(subset)] : -1
          }
          positions[entries] = position
          counts[entries] = walker.counts[Int(next)]
          entries += 1
          used += words
          if entries & 4095 == 0, control.isCancelled() { throw MiningError.cancelled }
        }
        try grow(from: next, length: length + 1)
      }
    }
  }
}

/// Fills an `ItemsetTrie` from a miner, then the index of the itemsets rules are made from.
struct ItemsetIndexBuilder: ItemsetVisitor {
  private var trie: ItemsetTrieBuilder
  private let lengths: ClosedRange<Int>

  /// `reportsBranches`: the miner reports its branches, as FP-growth and Eclat do (see
  /// `ItemsetTrieBuilder`).
  init(database: TransactionDatabase, reportsBranches: Bool, maxLength: Int?) {
    lengths = 2...max(2, maxLength ?? Int.max)
    trie = ItemsetTrieBuilder(
      itemCounts: database.itemCounts(), basketCount: database.basketCount, reportsBranches: reportsBranches, lengths: lengths)
  }

  mutating func visit(items: UnsafeBufferPointer<Int32>, count: Int) {
    trie.visit(items: items, count: count)
  }

  mutating func visitCombinations(
    base: UnsafeBufferPointer<Int32>, extensions: UnsafeBufferPointer<Int32>, count: Int, lengths: ClosedRange<Int>
  ) {
    trie.visitCombinations(base: base, extensions: extensions, count: count, lengths: lengths)
  }

  mutating func build(control: MiningControl) throws -> ItemsetIndex {
    let tree = trie.build()
    return try ItemsetIndex(
      trie: tree, lengths: lengths, itemsetTotal: trie.itemsetTotal, arenaTotal: trie.arenaTotal, longest: trie.longest,
      control: control)
  }
}
