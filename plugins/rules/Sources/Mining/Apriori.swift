import Foundation

/// What Apriori did at one itemset length, for `explain=true`.
public struct AprioriLevel: Sendable, Equatable {
  /// The itemset length of this level.
  public let length: Int
  /// Candidates made by joining frequent itemsets of the previous level (all frequent items
  /// at length 1).
  public let generated: Int
  /// Candidates dropped without counting because a subset one item shorter is infrequent.
  public let prunedByApriori: Int
  /// Candidates whose baskets were counted.
  public let counted: Int
  /// Counted candidates that reached the minimum count.
  public let kept: Int
}

/// Apriori's levels, in order of length.
public struct AprioriTrace: Sendable, Equatable {
  public let levels: [AprioriLevel]
}

/// Apriori (Agrawal & Srikant): level-wise candidate generation and counting. Candidates of
/// length k+1 join two frequent k-itemsets sharing their first k-1 items (in rank order), lose
/// those with an infrequent k-subset, and are counted in one pass over the baskets through a
/// prefix tree. Closed and maximal itemsets are found from the levels afterwards: a set is
/// closed iff no one-item-larger frequent superset has its count, maximal iff it has none.
struct Apriori<Visitor: ItemsetVisitor> {
  private let database: RankedDatabase
  private let target: MiningTarget
  private let maxLength: Int
  var reporter: ItemsetReporter<Visitor>
  private(set) var trace = AprioriTrace(levels: [])

  init(database: RankedDatabase, target: MiningTarget, maxLength: Int?, reporter: ItemsetReporter<Visitor>) {
    self.database = database
    self.target = target
    // Closed/maximal need the next level to decide, so they mine all lengths.
    self.maxLength = target == .all ? (maxLength ?? Int.max) : Int.max
    self.reporter = reporter
  }

  /// Itemsets of one length, flat (ranks ascending within a set, sets in lexicographic order).
  private struct LevelSets {
    let length: Int
    var flat: [Int32] = []
    var counts: [Int32] = []
    var setCount: Int { counts.count }
    func set(_ index: Int) -> ArraySlice<Int32> { flat[(index * length)..<((index + 1) * length)] }
  }

  mutating func run() throws {
    let ranks = database.rankCountTotal
    var levelTraces: [AprioriLevel] = []
    guard ranks > 0 else {
      let items = database.occurringItemCount
      if items > 0 { levelTraces.append(AprioriLevel(length: 1, generated: items, prunedByApriori: 0, counted: items, kept: 0)) }
      trace = AprioriTrace(levels: levelTraces)
      return
    }
    var current = LevelSets(length: 1)
    for rank in 0..<ranks {
      current.flat.append(Int32(rank))
      current.counts.append(Int32(clamping: database.rankCount[rank]))
    }
    // Every item that occurs is a candidate of length 1 and is counted; the frequent ones stay.
    let items = database.occurringItemCount
    levelTraces.append(AprioriLevel(length: 1, generated: items, prunedByApriori: 0, counted: items, kept: ranks))
    var allLevels: [LevelSets] = []
    if target == .all { try report(current) }
    while current.length < maxLength && current.setCount > 1 {
      try reporter.poll(fractionDone: 0)
      let (candidates, generated) = generateCandidates(from: current)
      let counts = try countCandidates(candidates)
      var next = LevelSets(length: current.length + 1)
      for index in 0..<candidates.setCount where counts[index] >= Int32(clamping: database.minimumCount) {
        next.flat.append(contentsOf: candidates.set(index))
        next.counts.append(counts[index])
      }
      levelTraces.append(
        AprioriLevel(
          length: next.length, generated: generated, prunedByApriori: generated - candidates.setCount,
          counted: candidates.setCount, kept: next.setCount))
      if target == .all { try report(next) }
      if target != .all { allLevels.append(current) }
      current = next
      if next.setCount == 0 { break }
    }
    if target != .all {
      allLevels.append(current)
      try reportClosedOrMaximal(allLevels)
    }
    trace = AprioriTrace(levels: levelTraces)
  }

  private mutating func report(_ level: LevelSets) throws {
    var buffer = [Int32](repeating: 0, count: level.length)
    for index in 0..<level.setCount {
      for (k, rank) in level.set(index).enumerated() { buffer[k] = database.rankToItem[Int(rank)] }
      try buffer.withUnsafeBufferPointer { try reporter.reportSet($0, count: Int(level.counts[index])) }
    }
  }

  /// Joins sets sharing all but their last item, then drops candidates with an infrequent
  /// subset. Returns the surviving candidates and how many the join made.
  private func generateCandidates(from level: LevelSets) -> (LevelSets, Int) {
    let k = level.length
    var known = Set<ArraySlice<Int32>>(minimumCapacity: level.setCount)
    for index in 0..<level.setCount { known.insert(level.set(index)) }
    var candidates = LevelSets(length: k + 1)
    var generated = 0
    var candidate = [Int32](repeating: 0, count: k + 1)
    var blockStart = 0
    while blockStart < level.setCount {
      var blockEnd = blockStart + 1
      while blockEnd < level.setCount && level.set(blockEnd).dropLast().elementsEqual(level.set(blockStart).dropLast()) {
        blockEnd += 1
      }
      for a in blockStart..<blockEnd {
        for b in (a + 1)..<max(a + 1, blockEnd) {
          generated += 1
          for (position, rank) in level.set(a).enumerated() { candidate[position] = rank }
          candidate[k] = level.set(b)[level.set(b).endIndex - 1]
          if allSubsetsKnown(candidate, known) { candidates.flat.append(contentsOf: candidate) ; candidates.counts.append(0) }
        }
      }
      blockStart = blockEnd
    }
    return (candidates, generated)
  }

  /// True if every subset of `candidate` missing one of its first k-1 items is frequent (the
  /// two missing one of the last two items are the joined parents).
  private func allSubsetsKnown(_ candidate: [Int32], _ known: Set<ArraySlice<Int32>>) -> Bool {
    guard candidate.count > 2 else { return true }
    var subset = [Int32]()
    subset.reserveCapacity(candidate.count - 1)
    for skip in 0..<(candidate.count - 2) {
      subset.removeAll(keepingCapacity: true)
      for (position, rank) in candidate.enumerated() where position != skip { subset.append(rank) }
      if !known.contains(subset[...]) { return false }
    }
    return true
  }

  /// Counts every candidate in one pass over the baskets, through a prefix tree of candidates.
  private mutating func countCandidates(_ candidates: LevelSets) throws -> [Int32] {
    let tree = CandidateTree(candidates.flat, length: candidates.length)
    var counts = [Int32](repeating: 0, count: candidates.setCount)
    for t in 0..<database.transactionCount {
      if t & 1023 == 0 { try reporter.poll(fractionDone: Double(t) / Double(database.transactionCount)) }
      let basket = database.flat[database.offsets[t]..<database.offsets[t + 1]]
      if basket.count < candidates.length { continue }
      tree.count(basket: Array(basket), weight: database.weights[t], into: &counts)
    }
    return counts
  }

  private mutating func reportClosedOrMaximal(_ levels: [LevelSets]) throws {
    for (depth, level) in levels.enumerated() {
      var keep = [Bool](repeating: true, count: level.setCount)
      if depth + 1 < levels.count {
        var indexOf = [ArraySlice<Int32>: Int](minimumCapacity: level.setCount)
        for index in 0..<level.setCount { indexOf[level.set(index)] = index }
        let larger = levels[depth + 1]
        var subset = [Int32]()
        for index in 0..<larger.setCount {
          let superset = larger.set(index)
          for skip in superset.indices {
            subset.removeAll(keepingCapacity: true)
            for position in superset.indices where position != skip { subset.append(superset[position]) }
            guard let sub = indexOf[subset[...]] else { continue }
            if target == .maximal || level.counts[sub] == larger.counts[index] { keep[sub] = false }
          }
        }
      }
      var buffer = [Int32](repeating: 0, count: level.length)
      for index in 0..<level.setCount where keep[index] {
        for (k, rank) in level.set(index).enumerated() { buffer[k] = database.rankToItem[Int(rank)] }
        try buffer.withUnsafeBufferPointer { try reporter.reportSet($0, count: Int(level.counts[index])) }
      }
    }
  }
}

/// A prefix tree over sorted, equal-length candidates; the leaves are the candidates in order.
private final class CandidateTree {
  // Per depth: node items, and the range of children at the next depth.
  private var items: [[Int32]] = []
  private var childStart: [[Int]] = []
  private let length: Int

  init(_ flat: [Int32], length: Int) {
    self.length = length
    let count = length == 0 ? 0 : flat.count / length
    items = Array(repeating: [], count: length)
    childStart = Array(repeating: [], count: length)
    for index in 0..<count {
      // The first depth at which this candidate differs from the previous one.
      var depth = 0
      if index > 0 {
        while depth < length && flat[index * length + depth] == flat[(index - 1) * length + depth] { depth += 1 }
      }
      for d in depth..<length {
        items[d].append(flat[index * length + d])
        if d + 1 < length { childStart[d].append(items[d + 1].count) }
      }
    }
    for d in 0..<(length - 1) { childStart[d].append(items[d + 1].count) }
  }

  func count(basket: [Int32], weight: Int32, into counts: inout [Int32]) {
    visit(depth: 0, from: 0, to: items.first?.count ?? 0, basket: basket, position: 0, weight: weight, counts: &counts)
  }

  /// Matches basket items from `position` against the sorted nodes `from..<to` of `depth`.
  private func visit(depth: Int, from: Int, to: Int, basket: [Int32], position: Int, weight: Int32, counts: inout [Int32]) {
    var node = from
    var p = position
    // Leave room in the basket for the items still needed below this depth.
    let lastUsable = basket.count - (length - depth)
    while node < to && p <= lastUsable {
      let a = items[depth][node]
      let b = basket[p]
      if a < b {
        node += 1
      } else if a > b {
        p += 1
      } else {
        if depth == length - 1 {
          counts[node] += weight
        } else {
          visit(
            depth: depth + 1, from: childStart[depth][node], to: childStart[depth][node + 1], basket: basket,
            position: p + 1, weight: weight, counts: &counts)
        }
        node += 1
        p += 1
      }
    }
  }
}
