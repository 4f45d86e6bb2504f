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
  func precedes(_ x: Int, _ y: Int) -> Bool { withComparator { $0(x, y) } }

  /// Runs `body` with `precedes` over raw views of the table's columns: the heap passes
  /// compare millions of times, and array accesses there cost retains and bounds checks.
  private func withComparator<R>(_ body: ((Int, Int) -> Bool) -> R) -> R {
    table.withColumns { columns in
      keys.withUnsafeBufferPointer { keys in
        nameRanks.withUnsafeBufferPointer { nameRanks in
          body { x, y in
            for key in keys {
              let (a, b) = (columns.value(key.measure, x), columns.value(key.measure, y))
              if a != b { return key.descending ? a > b : a < b }
            }
            return Self.compareNames(x, y, columns, nameRanks) < 0
          }
        }
      }
    }
  }

  /// The first `k` rules, in order.
  func first(_ k: Int) -> [Int] { ends(first: k, last: 0).first }

  /// The last `k` rules, in order.
  func last(_ k: Int) -> [Int] { ends(first: 0, last: k).last }

  /// The first `head` and the last `tail` rules, each in order, from one pass.
  func ends(first head: Int, last tail: Int) -> (first: [Int], last: [Int]) {
    guard let primary = keys.first else {
      return withComparator { TopSelection.ends(first: head, last: tail, of: table.count, by: $0) }
    }
    return table.withColumns { columns in
      withComparator { precedes in
        TopSelection.ends(
          first: head, last: tail, of: table.count, primary: { columns.value(primary.measure, $0) }, descending: primary.descending,
          by: precedes)
      }
    }
  }

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
    table.withColumns { columns in nameRanks.withUnsafeBufferPointer { Self.compareNames(x, y, columns, $0) } }
  }

  private static func compareNames(_ x: Int, _ y: Int, _ columns: RuleTable.Columns, _ nameRanks: UnsafeBufferPointer<Int32>) -> Int {
    let side = RuleTable.longestItemset
    return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * side) { buffer in
      for consequent in [false, true] {
        let lengthX = sortedRanks(x, consequent: consequent, columns, nameRanks, into: buffer, at: 0)
        let lengthY = sortedRanks(y, consequent: consequent, columns, nameRanks, into: buffer, at: side)
        for k in 0..<min(lengthX, lengthY) where buffer[k] != buffer[side + k] {
          return buffer[k] < buffer[side + k] ? -1 : 1
        }
        if lengthX != lengthY { return lengthX - lengthY }
      }
      return 0
    }
  }

  /// Writes the sorted name ranks of one side of `rule` at `start`; returns how many.
  private static func sortedRanks(
    _ rule: Int, consequent: Bool, _ columns: RuleTable.Columns, _ nameRanks: UnsafeBufferPointer<Int32>,
    into buffer: UnsafeMutableBufferPointer<Int32>, at start: Int
  ) -> Int {
    let position = Int(columns.positions[rule])
    let mask = columns.consequentMasks[rule]
    var length = 0
    for offset in 0..<Int(columns.arena[position]) where RuleTable.isConsequent(offset, mask) == consequent {
      // Insertion sort: sides hold a handful of items.
      let rank = nameRanks[Int(columns.arena[position + 1 + offset])]
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

/// The first or last few of `0..<n` under a total order, in one pass with a heap of each.
enum TopSelection {
  static func first(_ k: Int, of n: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
    ends(first: k, last: 0, of: n, by: precedes).first
  }

  /// The first `head` and the last `tail` elements, each in order, from one pass.
  static func ends(first head: Int, last tail: Int, of n: Int, by precedes: (Int, Int) -> Bool) -> (first: [Int], last: [Int]) {
    ends(first: head, last: tail, of: n, primary: { _ in 0 }, descending: true, by: precedes)
  }

  /// As `ends(first:last:of:by:)` when the order starts with `primary` (largest first if
  /// `descending`): an element worse than a heap's root on `primary` alone is passed over
  /// without a full comparison, which is what almost every element of a long list is.
  static func ends(
    first head: Int, last tail: Int, of n: Int, primary: (Int) -> Double, descending: Bool, by precedes: (Int, Int) -> Bool
  ) -> (first: [Int], last: [Int]) {
    // The first elements are kept in a heap whose root is the latest of them, so a newcomer
    // only has to beat the root; the last elements likewise, the order reversed.
    var best = BoundedHeap(capacity: min(max(head, 0), n))
    var worst = BoundedHeap(capacity: min(max(tail, 0), n))
    var bestRoot = 0.0
    var worstRoot = 0.0
    for element in 0..<n {
      let value = primary(element)
      if best.capacity > 0, !best.isFull || (descending ? value >= bestRoot : value <= bestRoot) {
        if best.offer(element, by: precedes), best.isFull { bestRoot = primary(best.elements[0]) }
      }
      if worst.capacity > 0, !worst.isFull || (descending ? value <= worstRoot : value >= worstRoot) {
        if worst.offer(element, by: { precedes($1, $0) }), worst.isFull { worstRoot = primary(worst.elements[0]) }
      }
    }
    return (best.elements.sorted(by: precedes), worst.elements.sorted(by: precedes))
  }
}

/// At most `capacity` elements, the first ones offered under an order; the root is the latest.
private struct BoundedHeap {
  let capacity: Int
  private(set) var elements: [Int] = []

  init(capacity: Int) {
    self.capacity = capacity
    elements.reserveCapacity(capacity)
  }

  var isFull: Bool { elements.count == capacity }

  /// Adds `element` if it is among the first `capacity`; true if the heap changed.
  @discardableResult
  mutating func offer(_ element: Int, by precedes: (Int, Int) -> Bool) -> Bool {
    if elements.count < capacity {
      elements.append(element)
      var child = elements.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard precedes(elements[parent], elements[child]) else { break }
        elements.swapAt(parent, child)
        child = parent
      }
      return true
    } else if capacity > 0, precedes(element, elements[0]) {
      elements[0] = element
      var parent = 0
      while true {
        let left = 2 * parent + 1
        guard left < elements.count else { return true }
        var later = left
        if left + 1 < elements.count, precedes(elements[left], elements[left + 1]) { later = left + 1 }
        guard precedes(elements[parent], elements[later]) else { return true }
        elements.swapAt(parent, later)
        parent = later
      }
    }
    return false
  }
}
