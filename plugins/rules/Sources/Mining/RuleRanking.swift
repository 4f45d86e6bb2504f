import Foundation

/// One step of a rule ordering: a measure, largest or smallest first.
public struct RuleRankKey: Sendable, Equatable {
  public var measure: RuleMeasure
  public var descending: Bool

  public init(_ measure: RuleMeasure, descending: Bool = true) {
    self.measure = measure
    self.descending = descending
  }

  /// Rules ranked by `measure`, ties by confidence, lift and count (all largest first).
  public static func standard(_ measure: RuleMeasure) -> [RuleRankKey] {
    deduplicated([RuleRankKey(measure), RuleRankKey(.confidence), RuleRankKey(.lift), RuleRankKey(.count)])
  }

  /// Drops a key whose measure came earlier: it can never break a tie.
  static func deduplicated(_ keys: [RuleRankKey]) -> [RuleRankKey] {
    var seen: Set<RuleMeasure> = []
    return keys.filter { seen.insert($0.measure).inserted }
  }
}

/// A total order on the rules of a table: by each key in turn, then by item names (the
/// antecedent's, then the consequent's, each as its list of names in name order), so every
/// ranking is deterministic.
///
/// Showing the best rules needs only the first and last few in this order, found by a heap in
/// one pass (`first`, `last`); only `save` and other whole-list uses sort everything (`all`).
struct RuleRanking {
  let table: RuleTable
  let keys: [RuleRankKey]
  /// Per item id, its position in name order: names are unique, so comparing ranks compares names.
  let nameRanks: [Int32]

  init(table: RuleTable, keys: [RuleRankKey], itemNames: [String]) {
    self.table = table
    self.keys = RuleRankKey.deduplicated(keys)
    var ranks = [Int32](repeating: 0, count: itemNames.count)
    for (rank, item) in itemNames.indices.sorted(by: { itemNames[$0] < itemNames[$1] }).enumerated() { ranks[item] = Int32(rank) }
    nameRanks = ranks
  }

  /// True if rule `x` comes before rule `y`.
  func precedes(_ x: Int, _ y: Int) -> Bool {
    for key in keys {
      let a = table.value(key.measure, of: x)
      let b = table.value(key.measure, of: y)
      if a != b { return key.descending ? a > b : a < b }
    }
    return compareNames(x, y) < 0
  }

  /// The first `k` rules, in order.
  func first(_ k: Int) -> [Int] { TopSelection.first(k, of: table.count, by: precedes) }

  /// The last `k` rules, in order.
  func last(_ k: Int) -> [Int] { TopSelection.first(k, of: table.count) { precedes($1, $0) }.reversed() }

  /// Every rule, in order. The measures and name-rank lists are computed once per rule, not
  /// in each comparison: with millions of rules tied on every measure, the names decide most
  /// comparisons.
  func all() -> [Int] {
    let n = table.count
    let values = keys.map { key in (0..<n).map { table.value(key.measure, of: $0) } }
    let descending = keys.map(\.descending)
    let antecedents = flattenedRanks(consequent: false)
    let consequents = flattenedRanks(consequent: true)
    let compare = RankedDatabase.compare
    return antecedents.ranks.withUnsafeBufferPointer { aRanks in
      antecedents.starts.withUnsafeBufferPointer { aStarts in
        consequents.ranks.withUnsafeBufferPointer { cRanks in
          consequents.starts.withUnsafeBufferPointer { cStarts in
            (0..<n).sorted { x, y in
              for (key, column) in values.enumerated() where column[x] != column[y] {
                return descending[key] ? column[x] > column[y] : column[x] < column[y]
              }
              let antecedent = compare(aRanks, aStarts, x, y)
              return antecedent != 0 ? antecedent < 0 : compare(cRanks, cStarts, x, y) < 0
            }
          }
        }
      }
    }
  }

  private func flattenedRanks(consequent: Bool) -> (ranks: [Int32], starts: [Int]) {
    var ranks: [Int32] = []
    var starts = [0]
    starts.reserveCapacity(table.count + 1)
    for rule in 0..<table.count {
      let first = ranks.count
      let (items, mask) = table.itemset(of: rule)
      for (offset, item) in items.enumerated() where RuleTable.isConsequent(offset, mask) == consequent {
        ranks.append(nameRanks[Int(item)])
      }
      ranks[first...].sort()
      starts.append(ranks.count)
    }
    return (ranks, starts)
  }

  /// Negative, zero or positive as rule `x`'s names come before, equal or after rule `y`'s.
  func compareNames(_ x: Int, _ y: Int) -> Int {
    let side = RuleTable.longestItemset
    return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * side) { buffer in
      for consequent in [false, true] {
        let lengthX = sortedRanks(x, consequent: consequent, into: buffer, at: 0)
        let lengthY = sortedRanks(y, consequent: consequent, into: buffer, at: side)
        for k in 0..<min(lengthX, lengthY) where buffer[k] != buffer[side + k] {
          return buffer[k] < buffer[side + k] ? -1 : 1
        }
        if lengthX != lengthY { return lengthX - lengthY }
      }
      return 0
    }
  }

  /// Writes the sorted name ranks of one side of `rule` at `start`; returns how many.
  private func sortedRanks(_ rule: Int, consequent: Bool, into buffer: UnsafeMutableBufferPointer<Int32>, at start: Int) -> Int {
    let (items, mask) = table.itemset(of: rule)
    var length = 0
    for (offset, item) in items.enumerated() where RuleTable.isConsequent(offset, mask) == consequent && length < RuleTable.longestItemset {
      // Insertion sort: sides hold a handful of items.
      let rank = nameRanks[Int(item)]
      var slot = start + length
      while slot > start && buffer[slot - 1] > rank {
        buffer[slot] = buffer[slot - 1]
        slot -= 1
      }
      buffer[slot] = rank
      length += 1
    }
    return length
  }
}

/// The first `k` of `0..<n` under a total order, in one pass with a heap of `k`.
enum TopSelection {
  static func first(_ k: Int, of n: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
    let size = min(max(k, 0), n)
    guard size > 0 else { return [] }
    // A heap whose root is the latest of the kept elements: a newcomer only has to beat it.
    var heap: [Int] = []
    heap.reserveCapacity(size)
    func siftDown(_ start: Int) {
      var parent = start
      while true {
        let left = 2 * parent + 1
        guard left < heap.count else { return }
        var later = left
        if left + 1 < heap.count, precedes(heap[left], heap[left + 1]) { later = left + 1 }
        guard precedes(heap[parent], heap[later]) else { return }
        heap.swapAt(parent, later)
        parent = later
      }
    }
    for element in 0..<n {
      if heap.count < size {
        heap.append(element)
        var child = heap.count - 1
        while child > 0 {
          let parent = (child - 1) / 2
          guard precedes(heap[parent], heap[child]) else { break }
          heap.swapAt(parent, child)
          child = parent
        }
      } else if precedes(element, heap[0]) {
        heap[0] = element
        siftDown(0)
      }
    }
    return heap.sorted(by: precedes)
  }
}
