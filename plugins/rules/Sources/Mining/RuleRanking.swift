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

/// A total order on rules: by each key in turn, then by item names (the antecedent's, then
/// the consequent's, each as its list of names in name order), so every ranking is
/// deterministic.
struct RuleOrder: Sendable {
  let keys: [RuleRankKey]
  /// Per item id, its position in name order: names are unique, so comparing ranks compares names.
  let nameRanks: [Int32]
  /// The itemsets the rules' positions point into.
  let arena: [Int32]
  let basketCount: Int

  init(keys: [RuleRankKey], nameRanks: [Int32], arena: [Int32], basketCount: Int) {
    self.keys = RuleRankKey.deduplicated(keys)
    self.nameRanks = nameRanks
    self.arena = arena
    self.basketCount = basketCount
  }

  /// Per item id, its position when the names are sorted.
  static func nameRanks(of itemNames: [String]) -> [Int32] {
    var ranks = [Int32](repeating: 0, count: itemNames.count)
    for (rank, item) in itemNames.indices.sorted(by: { itemNames[$0] < itemNames[$1] }).enumerated() { ranks[item] = Int32(rank) }
    return ranks
  }

  /// True if rule `a` comes before rule `b`.
  @inline(__always) func precedes(_ a: RuleRecord, _ b: RuleRecord) -> Bool {
    for key in keys {
      let (x, y) = (a.value(key.measure, basketCount: basketCount), b.value(key.measure, basketCount: basketCount))
      if x != y { return key.descending ? x > y : x < y }
    }
    return compareNames(a, b) < 0
  }

  /// Negative, zero or positive as rule `a`'s names come before, equal or after rule `b`'s.
  func compareNames(_ a: RuleRecord, _ b: RuleRecord) -> Int {
    let side = RuleTable.longestItemset
    return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * side) { buffer in
      for consequent in [false, true] {
        let lengthA = sortedRanks(a, consequent: consequent, into: buffer, at: 0)
        let lengthB = sortedRanks(b, consequent: consequent, into: buffer, at: side)
        for k in 0..<min(lengthA, lengthB) where buffer[k] != buffer[side + k] {
          return buffer[k] < buffer[side + k] ? -1 : 1
        }
        if lengthA != lengthB { return lengthA - lengthB }
      }
      return 0
    }
  }

  /// Writes the sorted name ranks of one side of `rule` at `start`; returns how many.
  private func sortedRanks(_ rule: RuleRecord, consequent: Bool, into buffer: UnsafeMutableBufferPointer<Int32>, at start: Int) -> Int {
    let position = Int(rule.position)
    var length = 0
    for offset in 0..<Int(arena[position]) where RuleTable.isConsequent(offset, rule.consequent) == consequent {
      // Insertion sort: sides hold a handful of items.
      let rank = nameRanks[Int(arena[position + 1 + offset])]
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

  /// The first `head` and the last `tail` rules of `table`, each in order, from one pass.
  func ends(of table: RuleTable, first head: Int, last tail: Int) -> (first: [Int], last: [Int]) {
    var selector = RuleSelector(order: self, first: head, last: tail)
    for rule in 0..<table.count { selector.offer(table.record(at: rule), tag: rule) }
    let ends = selector.ends()
    return (ends.first.map(\.tag), ends.last.map(\.tag))
  }

  /// Every rule of `table`, in order. The measures and name-rank lists are computed once per
  /// rule, not in each comparison: with millions of rules tied on every measure, the names
  /// decide most comparisons.
  func all(_ table: RuleTable) -> [Int] {
    let n = table.count
    let values = keys.map { key in (0..<n).map { table.value(key.measure, of: $0) } }
    let descending = keys.map(\.descending)
    let antecedents = flattenedRanks(table, consequent: false)
    let consequents = flattenedRanks(table, consequent: true)
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

  private func flattenedRanks(_ table: RuleTable, consequent: Bool) -> (ranks: [Int32], starts: [Int]) {
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
}

/// The first and the last few rules of a stream under a `RuleOrder`, kept in two heaps as
/// the rules go by, so that showing the best of millions needs no store of them all.
///
/// Each heap's root is the one a newcomer has to beat, and the newcomer's first key is
/// compared with the root's, remembered, before anything else: almost every rule of a long
/// stream loses there.
struct RuleSelector: Sendable {
  struct Entry: Sendable {
    var record: RuleRecord
    /// The caller's number for the rule (its row in a table).
    var tag: Int
  }

  let order: RuleOrder
  private var best: BoundedHeap<Entry>
  private var worst: BoundedHeap<Entry>
  /// The measures of each heap's root, in key order: a newcomer is compared with them without
  /// computing them again.
  private var bestRootKeys: [Double] = []
  private var worstRootKeys: [Double] = []
  /// True when the order starts with confidence and counts stay below a million: then two
  /// confidences that differ as fractions, count/antecedentCount, differ by at least 1/n² in
  /// relative terms — far beyond rounding — so comparing the fractions exactly gives the order
  /// of the floating-point values; equal fractions go on to the full comparison.
  private let exactConfidence: Bool
  /// True for `RuleRankKey.standard(.confidence)`: confidence, lift, count, all largest first.
  private let isStandardConfidenceOrder: Bool

  init(order: RuleOrder, first head: Int, last tail: Int) {
    self.order = order
    best = BoundedHeap(capacity: max(head, 0))
    worst = BoundedHeap(capacity: max(tail, 0))
    exactConfidence = order.keys.first?.measure == .confidence && order.basketCount <= 1_000_000
    isStandardConfidenceOrder = order.keys == RuleRankKey.standard(.confidence)
  }

  mutating func offer(_ record: RuleRecord, tag: Int) {
    // The first key, computed once for both heaps (not at all when fractions compare it).
    let first = exactConfidence ? 0 : order.keys.first.map { record.value($0.measure, basketCount: order.basketCount) } ?? 0
    if best.capacity > 0, !best.isFull || beats(record, first, best.elements[0].record, bestRootKeys, earlier: true) {
      let order = order
      best.offer(Entry(record: record, tag: tag)) { order.precedes($0.record, $1.record) }
      if best.isFull { bestRootKeys = keyValues(best.elements[0].record) }
    }
    if worst.capacity > 0, !worst.isFull || beats(record, first, worst.elements[0].record, worstRootKeys, earlier: false) {
      let order = order
      worst.offer(Entry(record: record, tag: tag)) { order.precedes($1.record, $0.record) }
      if worst.isFull { worstRootKeys = keyValues(worst.elements[0].record) }
    }
  }

  /// True if `record` (whose first key is `first`, unless confidences compare as fractions)
  /// comes before the root (`earlier`) or after it.
  @inline(__always)
  private func beats(_ record: RuleRecord, _ first: Double, _ root: RuleRecord, _ rootKeys: [Double], earlier: Bool) -> Bool {
    exactConfidence ? beatsByConfidence(record, root, rootKeys, earlier: earlier) : beatsRoot(record, first, root, rootKeys, earlier: earlier)
  }

  @inline(__always)
  private func beatsByConfidence(_ record: RuleRecord, _ root: RuleRecord, _ rootKeys: [Double], earlier: Bool) -> Bool {
    let descending = order.keys[0].descending
    let mine = Int64(record.count) * Int64(root.antecedentCount)
    let theirs = Int64(root.count) * Int64(record.antecedentCount)
    if mine != theirs { return (descending ? mine > theirs : mine < theirs) == earlier }
    let first = record.value(.confidence, basketCount: order.basketCount)
    guard isStandardConfidenceOrder, first == rootKeys[0], first > 0 else {
      return beatsRoot(record, first, root, rootKeys, earlier: earlier)
    }
    // The default ranking, confidences equal: lift = confidence / (consequent count / n) falls
    // as the consequent's count rises (counts below a million differ far beyond rounding),
    // so the counts decide without the divisions; then the rule's count, then the names.
    if record.consequentCount != root.consequentCount { return (record.consequentCount < root.consequentCount) == earlier }
    if record.count != root.count { return (record.count > root.count) == earlier }
    let names = order.compareNames(record, root)
    return earlier ? names < 0 : names > 0
  }

  private func keyValues(_ record: RuleRecord) -> [Double] {
    order.keys.map { record.value($0.measure, basketCount: order.basketCount) }
  }

  /// True if `record` (whose first key is `first`) comes before the root (`earlier`) or after
  /// it; the root's measures are `rootKeys`, and the record's are computed only until one differs.
  @inline(__always)
  private func beatsRoot(_ record: RuleRecord, _ first: Double, _ root: RuleRecord, _ rootKeys: [Double], earlier: Bool) -> Bool {
    for (index, key) in order.keys.enumerated() {
      let value = index == 0 ? first : record.value(key.measure, basketCount: order.basketCount)
      let rootValue = rootKeys[index]
      if value != rootValue { return (key.descending ? value > rootValue : value < rootValue) == earlier }
    }
    let names = order.compareNames(record, root)
    return earlier ? names < 0 : names > 0
  }

  /// Offers every rule `other` kept (the selections of two parts of a stream make the
  /// selection of the whole).
  mutating func merge(_ other: RuleSelector) {
    for entry in other.best.elements + other.worst.elements { offer(entry.record, tag: entry.tag) }
  }

  /// The first rules and the last rules, each in order.
  func ends() -> (first: [Entry], last: [Entry]) {
    let sort = { (entries: [Entry]) in entries.sorted { order.precedes($0.record, $1.record) } }
    return (sort(best.elements), sort(worst.elements))
  }
}
