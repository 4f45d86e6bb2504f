import Foundation

/// Eclat (Zaki): depth-first search over transaction-id lists, a child's list being the
/// intersection of its parent's and the added item's. Items that keep the whole list are
/// perfect extensions, handled as in FP-growth; closed and maximal targets share
/// `ClosureRepository`, since the search order is the same (items tried from least to most
/// frequent, each branch holding only more frequent items).
struct Eclat<Visitor: ItemsetVisitor> {
  /// One level's items (ascending global rank) with their tid-lists stored flat.
  private final class Level {
    var localToGlobal: [Int32] = []
    var support: [Int32] = []
    var tids: [Int32] = []
    var tidStart: [Int] = [0]

    func reset() {
      localToGlobal.removeAll(keepingCapacity: true)
      support.removeAll(keepingCapacity: true)
      tids.removeAll(keepingCapacity: true)
      tidStart.removeAll(keepingCapacity: true)
      tidStart.append(0)
    }
  }

  private let database: RankedDatabase
  private let minimumCount: Int32
  private let maxLength: Int
  private let closure: ClosureRepository?
  var reporter: ItemsetReporter<Visitor>
  private var levels: [Level] = []
  private var isPerfect: [Bool]
  private var childLocal: [Int32]
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
    isPerfect = Array(repeating: false, count: ranks)
    childLocal = Array(repeating: -1, count: ranks)
  }

  mutating func run() throws {
    let ranks = database.rankCountTotal
    guard ranks > 0 else { return }
    // Vertical layout of the (merged) transactions.
    var lengths = [Int](repeating: 0, count: ranks)
    for rank in database.flat { lengths[Int(rank)] += 1 }
    let root = Level()
    for rank in 0..<ranks {
      root.tidStart.append(root.tidStart[rank] + lengths[rank])
      root.localToGlobal.append(Int32(rank))
      root.support.append(Int32(clamping: database.rankCount[rank]))
    }
    root.tids = [Int32](repeating: 0, count: database.flat.count)
    var cursor = Array(root.tidStart.dropLast())
    for t in 0..<database.transactionCount {
      for k in database.offsets[t]..<database.offsets[t + 1] {
        let rank = Int(database.flat[k])
        root.tids[cursor[rank]] = Int32(t)
        cursor[rank] += 1
      }
    }
    levels = [root]
    closure?.beginLevel(depth: 0, localToGlobal: root.localToGlobal)
    try expand(depth: 0)
  }

  private mutating func expand(depth: Int) throws {
    let level = levels[depth]
    if levels.count <= depth + 1 { levels.append(Level()) }
    let child = levels[depth + 1]
    let itemCount = level.localToGlobal.count
    for i in stride(from: itemCount - 1, through: 0, by: -1) {
      try reporter.poll(fractionDone: depth == 0 ? Double(itemCount - i) / Double(itemCount) : nil)
      let support = level.support[i]
      // Intersect with every earlier item; keep frequent ones as children.
      child.reset()
      var perfectLocals: [Int32] = []
      for j in 0..<i {
        let count = intersect(level, i, j, into: child)
        if count == support {
          isPerfect[j] = true
          perfectLocals.append(Int32(j))
          child.tids.removeLast(child.tids.count - child.tidStart[child.tidStart.count - 1])
        } else if count >= minimumCount {
          childLocal[j] = Int32(child.localToGlobal.count)
          child.localToGlobal.append(level.localToGlobal[j])
          child.support.append(count)
          child.tidStart.append(child.tids.count)
        } else {
          child.tids.removeLast(child.tids.count - child.tidStart[child.tidStart.count - 1])
        }
      }

      let global = level.localToGlobal[i]
      chosenItems.append(database.rankToItem[Int(global)])
      chosenRanks.append(global)
      let perfectStart = perfectItems.count
      for x in perfectLocals {
        let rank = level.localToGlobal[Int(x)]
        perfectRanks.append(rank)
        perfectItems.append(database.rankToItem[Int(rank)])
      }
      let hasChildren = !child.localToGlobal.isEmpty

      if let closure {
        closure.beginLevel(depth: depth + 1, localToGlobal: child.localToGlobal)
        let keep = isPerfect.withUnsafeBufferPointer { isPerfect in
          childLocal.withUnsafeBufferPointer { childLocal in
            closure.projectForChild(
              depth: depth, item: Int32(i), isPerfect: isPerfect, perfectCount: perfectLocals.count,
              childLocal: childLocal, childItemCount: child.localToGlobal.count, count: support)
          }
        }
        clear(upTo: i)
        if keep {
          if hasChildren { try expand(depth: depth + 1) }
          if closure.mode == .closed || !hasChildren {
            try reportAndRecord(closure: closure, depth: depth, support: support)
          }
        }
        closure.endLevel(depth: depth + 1)
      } else {
        clear(upTo: i)
        try chosenItems.withUnsafeBufferPointer { prefix in
          try perfectItems.withUnsafeBufferPointer { extensions in
            try reporter.reportAll(prefix: prefix, extensions: extensions, count: Int(support))
          }
        }
        if hasChildren && chosenItems.count < maxLength { try expand(depth: depth + 1) }
      }

      chosenItems.removeLast()
      chosenRanks.removeLast()
      perfectItems.removeLast(perfectItems.count - perfectStart)
      perfectRanks.removeLast(perfectRanks.count - perfectStart)
    }
  }

  private mutating func reportAndRecord(closure: ClosureRepository, depth: Int, support: Int32) throws {
    setBuffer.removeAll(keepingCapacity: true)
    setBuffer.append(contentsOf: chosenItems)
    setBuffer.append(contentsOf: perfectItems)
    try setBuffer.withUnsafeBufferPointer { try reporter.reportSet($0, count: Int(support)) }
    setBuffer.removeAll(keepingCapacity: true)
    setBuffer.append(contentsOf: chosenRanks)
    setBuffer.append(contentsOf: perfectRanks)
    setBuffer.withUnsafeBufferPointer { closure.record(ranks: $0, count: support, throughDepth: depth) }
  }

  private mutating func clear(upTo i: Int) {
    for j in 0..<i {
      isPerfect[j] = false
      childLocal[j] = -1
    }
  }

  /// Appends tids(i) ∩ tids(j) to `child.tids` and returns the weighted count.
  private func intersect(_ level: Level, _ i: Int, _ j: Int, into child: Level) -> Int32 {
    var a = level.tidStart[i]
    let endA = level.tidStart[i + 1]
    var b = level.tidStart[j]
    let endB = level.tidStart[j + 1]
    var count: Int32 = 0
    let weights = database.weights
    while a < endA && b < endB {
      let x = level.tids[a]
      let y = level.tids[b]
      if x < y {
        a += 1
      } else if x > y {
        b += 1
      } else {
        child.tids.append(x)
        count += weights[Int(x)]
        a += 1
        b += 1
      }
    }
    return count
  }
}
