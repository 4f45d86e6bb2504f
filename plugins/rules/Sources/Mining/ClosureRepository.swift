import Foundation

/// Decides closedness and maximality in the depth-first miners (FP-growth, Eclat), after
/// FPclose/FPmax (Grahne & Zhu) and Borgelt's conditional repositories.
///
/// Both miners search in the same order: a level holds local items in ascending global rank;
/// items are tried from the last (least frequent) to the first, and a child level holds only
/// items before the chosen one. Then every closed (maximal) set that contains an item excluded
/// from a candidate's level was found before the candidate, so a candidate `C` is closed iff
/// no closed set found so far contains `C` with the same count (maximal: iff it has no
/// frequent extension in its own level and no found maximal set contains it).
///
/// Each recursion level keeps a repository of the found sets, projected to its own items, in a
/// `PrefixTree` whose node values are the largest count of the sets through the node. Moving
/// to a child projects the parent's repository on the chosen item and its perfect extensions,
/// like building a conditional FP-tree; a projected set that already covers the candidate
/// prunes the whole branch.
final class ClosureRepository {
  enum Mode { case closed, maximal }

  let mode: Mode
  @exclusivity(unchecked) private var levels: [PrefixTree] = []
  /// Per level: global rank → local item of that level's repository, -1 if absent.
  @exclusivity(unchecked) private var globalToLocal: [[Int32]] = []
  private let rankTotal: Int
  @exclusivity(unchecked) private var pathBuffer: [Int32] = []
  @exclusivity(unchecked) private var insertBuffer: [Int32] = []
  @exclusivity(unchecked) private var sortedRanks: [Int32] = []

  init(mode: Mode, rankTotal: Int) {
    self.mode = mode
    self.rankTotal = rankTotal
  }

  /// Levels with at most this many items find a node's child by scanning its siblings: a
  /// node then has few children, and the scan touches fewer cache lines than the hash index
  /// that levels of many items need (a dense 30-item file's closed sets: 1.6× faster).
  static let siblingScanLimit = 64

  /// Prepares the repository of `depth` for a level whose local items are `localToGlobal`.
  func beginLevel(depth: Int, localToGlobal: [Int32]) {
    while levels.count <= depth {
      levels.append(PrefixTree())
      globalToLocal.append([Int32](repeating: -1, count: rankTotal))
    }
    levels[depth].reset(itemCount: localToGlobal.count, indexChildren: localToGlobal.count > Self.siblingScanLimit)
    levels[depth].localToGlobal = localToGlobal
    for (local, global) in localToGlobal.enumerated() { globalToLocal[depth][Int(global)] = Int32(local) }
  }

  /// Forgets the item map of `depth` when the level is left.
  func endLevel(depth: Int) {
    for global in levels[depth].localToGlobal { globalToLocal[depth][Int(global)] = -1 }
  }

  /// Checks the candidate made of the level's prefix, local `item`, and the perfect extensions
  /// (`isPerfect[x]` for local items of `depth`; `perfectCount` of them) with `count`, and
  /// projects the repository into `depth + 1` for the child items `childLocal[x] >= 0`
  /// (`childItemCount` of them). Returns false if the candidate's whole branch can be skipped.
  /// The caller must have called `beginLevel(depth: depth + 1, ...)` first.
  func projectForChild(
    depth: Int, item: Int32, isPerfect: UnsafeBufferPointer<Bool>, perfectCount: Int,
    childLocal: UnsafeBufferPointer<Int32>, childItemCount: Int, count: Int32
  ) -> Bool {
    let source = levels[depth]
    let target = levels[depth + 1]
    var prune = false
    source.nodes.withUnsafeBufferPointer { nodes in
     source.links.withUnsafeBufferPointer { links in
      var node = source.head[Int(item)]
      while node >= 0 {
        let setCount = nodes[Int(node)].value
        pathBuffer.removeAll(keepingCapacity: true)
        var matched = 0
        var p = links[Int(node)].parent
        while p > 0 {
          let x = Int(links[Int(p)].item)
          if isPerfect[x] { matched += 1 }
          let local = childLocal[x]
          if local >= 0 { pathBuffer.append(local) }
          p = links[Int(p)].parent
        }
        if matched == perfectCount {
          switch mode {
          case .closed: prune = setCount >= count
          case .maximal: prune = pathBuffer.count == childItemCount
          }
          if prune { return }
          if !pathBuffer.isEmpty {
            pathBuffer.reverse()
            pathBuffer.withUnsafeBufferPointer { target.insert($0, weight: setCount, takeMaximum: true) }
          }
        }
        node = nodes[Int(node)].nextSameItem
      }
     }
    }
    return !prune
  }

  /// Records a found closed/maximal set (global ranks) in the repositories of levels 0...depth.
  func record(ranks: UnsafeBufferPointer<Int32>, count: Int32, throughDepth depth: Int) {
    // Sorted once: every level holds its items in ascending global rank, so each level's
    // projection comes out sorted too.
    sortedRanks.removeAll(keepingCapacity: true)
    sortedRanks.append(contentsOf: ranks)
    sortedRanks.removeLast(sortedRanks.count - TransactionDatabase.sortUnique(&sortedRanks, from: 0))
    for level in 0...depth {
      insertBuffer.removeAll(keepingCapacity: true)
      globalToLocal[level].withUnsafeBufferPointer { toLocal in
        for rank in sortedRanks {
          let local = toLocal[Int(rank)]
          if local >= 0 { insertBuffer.append(local) }
        }
      }
      if insertBuffer.isEmpty { continue }
      insertBuffer.withUnsafeBufferPointer { levels[level].insert($0, weight: count, takeMaximum: true) }
    }
  }
}
