import Foundation

/// The baskets as the miners see them: only frequent (and allowed) items, recoded to ranks by
/// descending count (rank 0 is the most frequent item; ties by item id), each basket's ranks
/// sorted ascending, baskets sorted lexicographically and identical baskets merged into one
/// with a weight. Frequency order makes prefix trees small and tid-list intersections short.
struct RankedDatabase {
  /// The original item id of each rank.
  let rankToItem: [Int32]
  /// The count of each rank.
  let rankCount: [Int]
  let flat: [Int32]
  let offsets: [Int]
  let weights: [Int32]
  let basketCount: Int
  let minimumCount: Int
  /// Items that occur in some basket (and are allowed): the candidates of length 1.
  let occurringItemCount: Int

  var rankCountTotal: Int { rankToItem.count }
  var transactionCount: Int { weights.count }

  init(database: TransactionDatabase, minimumCount: Int, allowedItems: Set<Int32>?) {
    self.basketCount = database.basketCount
    self.minimumCount = minimumCount
    var counts = database.itemCounts()
    if let allowedItems {
      for item in 0..<counts.count where !allowedItems.contains(Int32(item)) { counts[item] = 0 }
    }
    occurringItemCount = counts.filter { $0 > 0 }.count
    let frequent = Self.frequencyOrder(counts: counts, minimumCount: minimumCount)
    rankToItem = frequent.map { Int32($0) }
    rankCount = frequent.map { counts[$0] }
    var rankOfItem = [Int32](repeating: -1, count: counts.count)
    for (rank, item) in frequent.enumerated() { rankOfItem[item] = Int32(rank) }

    // Recode, dropping infrequent items and empty baskets.
    var recoded: [Int32] = []
    recoded.reserveCapacity(database.flatItems.count)
    var starts: [Int] = [0]
    for b in 0..<database.basketCount {
      let start = recoded.count
      for item in database.basket(b) {
        let rank = rankOfItem[Int(item)]
        if rank >= 0 { recoded.append(rank) }
      }
      if recoded.count > start {
        _ = TransactionDatabase.sortUnique(&recoded, from: start)
        starts.append(recoded.count)
      }
    }
    (flat, offsets, weights) = Self.sortAndMerge(recoded: recoded, starts: starts)
  }

  /// The items in at least `minimumCount` baskets (`counts` per item id), most frequent
  /// first, ties by id: the rank order of the miners (and of `ItemsetTrie`'s keys).
  static func frequencyOrder(counts: [Int], minimumCount: Int) -> [Int] {
    (0..<counts.count).filter { counts[$0] >= minimumCount }
      .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
  }

  /// Sorts transactions lexicographically and merges equal ones.
  private static func sortAndMerge(recoded: [Int32], starts: [Int]) -> ([Int32], [Int], [Int32]) {
    let n = starts.count - 1
    var order = Array(0..<n)
    recoded.withUnsafeBufferPointer { items in
      starts.withUnsafeBufferPointer { starts in
        order.sort { a, b in compare(items, starts, a, b) < 0 }
      }
    }
    var flat: [Int32] = []
    flat.reserveCapacity(recoded.count)
    var offsets: [Int] = [0]
    var weights: [Int32] = []
    recoded.withUnsafeBufferPointer { items in
      starts.withUnsafeBufferPointer { starts in
        var previous = -1
        for t in order {
          if previous >= 0 && compare(items, starts, previous, t) == 0 {
            weights[weights.count - 1] += 1
            continue
          }
          flat.append(contentsOf: items[starts[t]..<starts[t + 1]])
          offsets.append(flat.count)
          weights.append(1)
          previous = t
        }
      }
    }
    return (flat, offsets, weights)
  }

  /// Negative, zero or positive as list `a` of a flat list store precedes, equals or follows
  /// list `b` lexicographically (a prefix first).
  static func compare(_ items: UnsafeBufferPointer<Int32>, _ starts: UnsafeBufferPointer<Int>, _ a: Int, _ b: Int) -> Int {
    var i = starts[a]
    var j = starts[b]
    let endA = starts[a + 1]
    let endB = starts[b + 1]
    while i < endA && j < endB {
      if items[i] != items[j] { return items[i] < items[j] ? -1 : 1 }
      i += 1
      j += 1
    }
    return (endA - i) - (endB - j)
  }
}
