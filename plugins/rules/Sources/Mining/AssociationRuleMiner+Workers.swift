import Foundation
import Synchronization

extension AssociationRuleMiner {
  /// The rules of every itemset of `index`, as one table in itemset order.
  ///
  /// With several workers the itemsets are cut into chunks of about equal work (their total
  /// length: each item is a subset to look up), more chunks than workers so that a slow chunk
  /// does not hold the rest up; the chunks' tables are joined in order, so the result is the
  /// same as one worker's.
  static func generateTable(
    index: ItemsetIndex, database: TransactionDatabase, options: RuleOptions, control: MiningControl
  ) throws -> RuleTable {
    let limit = options.limit ?? Int.max
    let workers = max(1, min(options.workers, index.count / itemsetsPerWorker))
    let chunks = workers == 1 ? [0..<index.count] : chunkRanges(index, count: workers * 8)
    let shared = SharedIndex(index: index)
    let outcomes = Mutex<[Int: Result<RuleTable, any Error>]>([:])
    let nextChunk = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: min(workers, chunks.count)) { _ in
      while true {
        let chunk = nextChunk.withLock { next in
          defer { next += 1 }
          return next
        }
        guard chunk < chunks.count else { return }
        let outcome = Result {
          try chunkTable(chunks[chunk], index: shared.index, database: database, options: options, control: control, limit: limit)
        }
        outcomes.withLock { $0[chunk] = outcome }
        if case .failure = outcome { nextChunk.withLock { $0 = chunks.count } }  // stop handing out work
      }
    }
    let finished = outcomes.withLock { $0 }
    // A failure (cancelled, or one chunk alone past the limit) is reported from the first
    // failing chunk; chunks not started after a failure have no outcome.
    var parts: [RuleTable] = []
    for chunk in chunks.indices {
      guard let outcome = finished[chunk] else { continue }
      parts.append(try outcome.get())
    }
    let total = parts.reduce(0) { $0 + $1.count }
    guard total <= limit else { throw limitError(limit) }
    if parts.count == 1 { return parts[0] }
    var table = RuleTable(arena: index.arena, basketCount: database.basketCount)
    table.reserve(total)
    for part in parts { table.append(contentsOf: part) }
    return table
  }

  private static func chunkTable(
    _ entries: Range<Int>, index: ItemsetIndex, database: TransactionDatabase, options: RuleOptions, control: MiningControl,
    limit: Int
  ) throws -> RuleTable {
    var table = RuleTable(arena: index.arena, basketCount: database.basketCount)
    table.reserve(min(limit, 1 << 23))
    try generate(index: index, database: database, options: options, control: control, entries: entries) {
      position, consequent, count, countA, countC in
      guard table.count < limit else { throw limitError(limit) }
      table.append(position: position, consequent: consequent, count: count, antecedentCount: countA, consequentCount: countC)
    }
    return table
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
