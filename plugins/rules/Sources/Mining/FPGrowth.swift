import Foundation

/// FP-growth (Han, Pei & Yin), implemented after Borgelt's notes on fast FP-growth: items
/// recoded by descending frequency, an array-based prefix tree per recursion level with
/// storage reused across siblings, and perfect-extension pruning (items in every basket of the
/// conditional database are not branched on but reported combinatorially, which keeps counts
/// exact and makes long single paths cheap). Closed and maximal targets use `ClosureRepository`.
struct FPGrowth<Visitor: ItemsetVisitor> {
  private let database: RankedDatabase
  private let minimumCount: Int32
  private let maxLength: Int
  private let closure: ClosureRepository?
  var reporter: ItemsetReporter<Visitor>

  private var trees: [PrefixTree] = []
  // Scratch indexed by local item of the level being expanded; cleared after each use.
  private var conditionalCount: [Int32]
  private var childLocal: [Int32]
  private var isPerfect: [Bool]
  private var touched: [Int32] = []
  private var touchedBits: [UInt64]
  private var pathBuffer: [Int32] = []
  // The conditional pattern base of the item being expanded: paths (leaf to root) and weights.
  private var paths: [Int32] = []
  private var pathEnds: [Int] = []
  private var pathWeights: [Int32] = []
  // The current branch: chosen items, and perfect extensions accumulated along it.
  private var chosenItems: [Int32] = []
  private var chosenRanks: [Int32] = []
  private var perfectItems: [Int32] = []
  private var perfectRanks: [Int32] = []
  private var setBuffer: [Int32] = []

  init(database: RankedDatabase, target: MiningTarget, maxLength: Int?, reporter: ItemsetReporter<Visitor>) {
    self.database = database
    self.minimumCount = Int32(clamping: database.minimumCount)
    self.maxLength = maxLength ?? Int.max
    self.reporter = reporter
    let ranks = database.rankCountTotal
    switch target {
    case .all: closure = nil
    case .closed: closure = ClosureRepository(mode: .closed, rankTotal: ranks)
    case .maximal: closure = ClosureRepository(mode: .maximal, rankTotal: ranks)
    }
    conditionalCount = Array(repeating: 0, count: ranks)
    childLocal = Array(repeating: -1, count: ranks)
    isPerfect = Array(repeating: false, count: ranks)
    touchedBits = Array(repeating: 0, count: ranks / 64 + 1)
  }

  mutating func run() throws {
    let ranks = database.rankCountTotal
    guard ranks > 0 else { return }
    let root = PrefixTree()
    root.reset(itemCount: ranks)
    root.localToGlobal = (0..<ranks).map { Int32($0) }
    database.flat.withUnsafeBufferPointer { flat in
      for t in 0..<database.transactionCount {
        let path = UnsafeBufferPointer(rebasing: flat[database.offsets[t]..<database.offsets[t + 1]])
        root.insert(path, weight: database.weights[t], takeMaximum: false)
      }
    }
    trees = [root]
    closure?.beginLevel(depth: 0, localToGlobal: root.localToGlobal)
    try expand(depth: 0)
  }

  private mutating func expand(depth: Int) throws {
    let tree = trees[depth]
    let itemCount = tree.itemCount
    for i in stride(from: itemCount - 1, through: 0, by: -1) {
      try reporter.poll(fractionDone: depth == 0 ? Double(itemCount - i) / Double(itemCount) : nil)
      let support = tree.itemTotal[i]
      if support < minimumCount { continue }
      let childItems = classifyConditionalItems(tree: tree, item: Int32(i), support: support)

      let global = tree.localToGlobal[i]
      chosenItems.append(database.rankToItem[Int(global)])
      chosenRanks.append(global)
      let perfectStart = perfectItems.count
      for x in touched where isPerfect[Int(x)] {
        let rank = tree.localToGlobal[Int(x)]
        perfectRanks.append(rank)
        perfectItems.append(database.rankToItem[Int(rank)])
      }

      if let closure {
        try expandClosed(closure: closure, depth: depth, tree: tree, item: Int32(i), support: support, childItems: childItems)
      } else {
        try chosenItems.withUnsafeBufferPointer { prefix in
          try perfectItems.withUnsafeBufferPointer { extensions in
            try reporter.reportAll(prefix: prefix, extensions: extensions, count: Int(support))
          }
        }
        if !childItems.isEmpty && chosenItems.count < maxLength {
          buildChild(depth: depth, childItems: childItems)
          clearScratch()
          try expand(depth: depth + 1)
        } else {
          clearScratch()
        }
      }

      chosenItems.removeLast()
      chosenRanks.removeLast()
      perfectItems.removeLast(perfectItems.count - perfectStart)
      perfectRanks.removeLast(perfectRanks.count - perfectStart)
    }
  }

  private mutating func expandClosed(
    closure: ClosureRepository, depth: Int, tree: PrefixTree, item: Int32, support: Int32, childItems: [Int32]
  ) throws {
    closure.beginLevel(depth: depth + 1, localToGlobal: childItems)
    defer { closure.endLevel(depth: depth + 1) }
    let perfectCount = touched.reduce(0) { $0 + (isPerfect[Int($1)] ? 1 : 0) }
    let keep = isPerfect.withUnsafeBufferPointer { isPerfect in
      childLocal.withUnsafeBufferPointer { childLocal in
        closure.projectForChild(
          depth: depth, item: item, isPerfect: isPerfect, perfectCount: perfectCount,
          childLocal: childLocal, childItemCount: childItems.count, count: support)
      }
    }
    guard keep else {
      clearScratch()
      return
    }
    if !childItems.isEmpty {
      buildChild(depth: depth, childItems: childItems)
      clearScratch()
      try expand(depth: depth + 1)
    } else {
      clearScratch()
    }
    guard closure.mode == .closed || childItems.isEmpty else { return }
    setBuffer.removeAll(keepingCapacity: true)
    setBuffer.append(contentsOf: chosenItems)
    setBuffer.append(contentsOf: perfectItems)
    try setBuffer.withUnsafeBufferPointer { try reporter.reportSet($0, count: Int(support)) }
    setBuffer.removeAll(keepingCapacity: true)
    setBuffer.append(contentsOf: chosenRanks)
    setBuffer.append(contentsOf: perfectRanks)
    setBuffer.withUnsafeBufferPointer { closure.record(ranks: $0, count: support, throughDepth: depth) }
  }

  /// Counts the items on the paths above `item`'s nodes (keeping the paths in `paths` for
  /// `buildChild`), marks perfect extensions, gives the frequent others child-local indices,
  /// and returns the children's global ranks (ascending).
  private mutating func classifyConditionalItems(tree: PrefixTree, item: Int32, support: Int32) -> [Int32] {
    touched.removeAll(keepingCapacity: true)
    paths.removeAll(keepingCapacity: true)
    pathEnds.removeAll(keepingCapacity: true)
    pathWeights.removeAll(keepingCapacity: true)
    var node = tree.head[Int(item)]
    tree.nodes.withUnsafeBufferPointer { nodes in
     tree.links.withUnsafeBufferPointer { links in
      conditionalCount.withUnsafeMutableBufferPointer { counts in
        touchedBits.withUnsafeMutableBufferPointer { bits in
          while node >= 0 {
            let weight = nodes[Int(node)].value
            var p = Int(links[Int(node)].parent)
            while p > 0 {
              let link = links[p]
              let x = Int(link.item)
              counts[x] += weight
              bits[x >> 6] |= 1 << UInt64(x & 63)
              paths.append(link.item)
              p = Int(link.parent)
            }
            pathEnds.append(paths.count)
            pathWeights.append(weight)
            node = nodes[Int(node)].nextSameItem
          }
          // Collect the touched items in ascending order from the bitmap, clearing it.
          if item > 0 {
            for word in 0...((Int(item) - 1) >> 6) where bits[word] != 0 {
              var w = bits[word]
              while w != 0 {
                touched.append(Int32(word << 6 + w.trailingZeroBitCount))
                w &= w - 1
              }
              bits[word] = 0
            }
          }
        }
      }
     }
    }
    var childItems: [Int32] = []
    for x in touched {
      let count = conditionalCount[Int(x)]
      if count == support {
        isPerfect[Int(x)] = true
      } else if count >= minimumCount {
        childLocal[Int(x)] = Int32(childItems.count)
        childItems.append(tree.localToGlobal[Int(x)])
      }
    }
    return childItems
  }

  private mutating func clearScratch() {
    for x in touched {
      conditionalCount[Int(x)] = 0
      childLocal[Int(x)] = -1
      isPerfect[Int(x)] = false
    }
  }

  /// Builds the conditional tree of the item last classified at `depth + 1` from its paths.
  private mutating func buildChild(depth: Int, childItems: [Int32]) {
    if trees.count <= depth + 1 { trees.append(PrefixTree()) }
    let child = trees[depth + 1]
    child.reset(itemCount: childItems.count)
    child.localToGlobal = childItems
    var start = 0
    for (index, end) in pathEnds.enumerated() {
      pathBuffer.removeAll(keepingCapacity: true)
      // Paths were recorded leaf to root; the tree wants ascending items from the root.
      var k = end - 1
      while k >= start {
        let local = childLocal[Int(paths[k])]
        if local >= 0 { pathBuffer.append(local) }
        k -= 1
      }
      if !pathBuffer.isEmpty {
        pathBuffer.withUnsafeBufferPointer { child.insert($0, weight: pathWeights[index], takeMaximum: false) }
      }
      start = end
    }
  }
}
