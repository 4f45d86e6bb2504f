import Foundation
import Synchronization

extension AssociationRuleMiner {
  /// What a generation pass made: the rules (when there were at most `keepAtMost`), how many
  /// there were, and the selection of the first and last under an order (when asked).
  struct Generated {
    var table: RuleTable?
    var count: Int
    var selector: RuleSelector?
  }

  /// Makes the rules of every itemset of `index`, in itemset order; keeps them as a table if
  /// there are at most `keepAtMost`, and offers each to `selecting` as it is made.
  ///
  /// With several workers the itemsets are cut into chunks of about equal work (their total
  /// length: each item is a subset to look up), more chunks than workers so that a slow chunk
  /// does not hold the rest up; the chunks' tables are joined in order and their selections
  /// merged, so the result is the same as one worker's.
  static func generate(
    index: ItemsetIndex, database: TransactionDatabase, options: RuleOptions, control: MiningControl, keepAtMost: Int,
    selecting: RuleSelector? = nil
  ) throws -> Generated {
    let limit = options.limit ?? Int.max
    let workers = max(1, min(options.workers, index.count / itemsetsPerWorker))
    let chunks = workers == 1 ? [0..<index.count] : chunkRanges(index, count: workers * 8)
    // Each chunk keeps its share of `keepAtMost` at most, so that chunks whose rules will not
    // be kept together do not each store that many first.
    let chunkKeep = chunks.count == 1 || keepAtMost == Int.max ? keepAtMost : (keepAtMost + chunks.count - 1) / chunks.count
    let shared = SharedIndex(index: index)
    let itemCounts = database.itemCounts()
    let outcomes = Mutex<[Int: Result<Generated, any Error>]>([:])
    let nextChunk = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: min(workers, chunks.count)) { _ in
      while true {
        let chunk = nextChunk.withLock { next in
          defer { next += 1 }
          return next
        }
        guard chunk < chunks.count else { return }
        let outcome = Result {
          try generate(
            chunks[chunk], index: shared.index, database: database, itemCounts: itemCounts, options: options, control: control,
            limit: limit, keepAtMost: chunkKeep, selecting: selecting)
        }
        outcomes.withLock { $0[chunk] = outcome }
        if case .failure = outcome { nextChunk.withLock { $0 = chunks.count } }  // stop handing out work
      }
    }
    let finished = outcomes.withLock { $0 }
    // A failure (cancelled, or one chunk alone past the limit) is reported from the first
    // failing chunk; chunks not started after a failure have no outcome.
    var parts: [Generated] = []
    for chunk in chunks.indices {
      guard let outcome = finished[chunk] else { continue }
      parts.append(try outcome.get())
    }
    let total = parts.reduce(0) { $0 + $1.count }
    guard total <= limit else { throw limitError(limit) }
    if parts.count == 1 { return parts[0] }
    var joined = Generated(table: nil, count: total, selector: selecting)
    for part in parts { if let selector = part.selector { joined.selector?.merge(selector) } }
    if total <= keepAtMost {
      if parts.allSatisfy({ $0.table != nil }) {
        var table = RuleTable(arena: index.arena, basketCount: database.basketCount)
        table.reserve(total)
        for part in parts { if let rules = part.table { table.append(contentsOf: rules) } }
        joined.table = table
      } else {
        // Few enough to keep, but unevenly spread over the chunks: made again in one pass.
        var single = options
        single.workers = 1
        joined.table = try generate(index: index, database: database, options: single, control: control, keepAtMost: keepAtMost).table
      }
    }
    return joined
  }

  /// One chunk's rules.
  private static func generate(
    _ entries: Range<Int>, index: ItemsetIndex, database: TransactionDatabase, itemCounts: [Int], options: RuleOptions,
    control: MiningControl, limit: Int, keepAtMost: Int, selecting: RuleSelector?
  ) throws -> Generated {
    var table: RuleTable?
    if keepAtMost > 0 {
      table = RuleTable(arena: index.arena, basketCount: database.basketCount)
      table?.reserve(min(limit, keepAtMost, 1 << 22))
    }
    var count = 0
    var selector = selecting
    try generate(index: index, database: database, options: options, control: control, entries: entries, itemCounts: itemCounts) {
      position, consequent, ruleCount, countA, countC in
      guard count < limit else { throw limitError(limit) }
      let record = RuleRecord(
        position: position, consequent: consequent, count: ruleCount, antecedentCount: countA, consequentCount: countC)
      if count < keepAtMost { table?.append(record) } else if count == keepAtMost { table = nil }
      selector?.offer(record, tag: count)
      count += 1
    }
    return Generated(table: table, count: count, selector: selector)
  }

  /// Fewer itemsets than this per worker, and starting threads and joining their tables costs
  /// more than it saves.
  static let itemsetsPerWorker = 16_384

  static func limitError(_ limit: Int) -> MiningError {
    MiningError.limitExceeded(
      limit: limit, what: "rules",
      suggestion: "try a higher confidence= or support=, a measure filter such as lift=1.5, or a higher limit=")
  }

  /// `count` consecutive ranges of entries with about equal total itemset length.
  private static func chunkRanges(_ index: ItemsetIndex, count: Int) -> [Range<Int>] {
    let total = index.arena.count
    var ranges: [Range<Int>] = []
    var start = 0
    for part in 1...count where start < index.count {
      let target = total * part / count
      var end = start
      while end < index.count && (part == count || index.positions[end] < target) { end += 1 }
      if end > start { ranges.append(start..<end) }
      start = end
    }
    if start < index.count { ranges.append(start..<index.count) }
    return ranges
  }
}

/// The index, shared read-only by the workers: it is complete (`finish()` ran) before any of
/// them starts, and nothing writes to it afterwards.
private struct SharedIndex: @unchecked Sendable {
  let index: ItemsetIndex
}
