import Foundation

/// A hash table from frequent itemsets to their counts, for rule generation.
///
/// The hash of a set is the wrapping sum of a 64-bit mix of each item, so the hash of a subset
/// `I \ C` is `hash(I) - hash(C)`: looking up every antecedent of an itemset costs no
/// rehashing. Sets are stored in one arena as `[length, items...]` (items ascending); each slot
/// of the open-addressing table holds the hash, the arena position and the count, so a lookup
/// usually touches one slot and one arena line.
final class ItemsetIndex {
  struct Slot {
    var hash: UInt64
    var position: UInt32
    var count: Int32
  }

  private static let emptyPosition = UInt32.max
  @exclusivity(unchecked) private(set) var arena: [Int32] = []
  /// Arena position, count and hash of each entry, in insertion order.
  @exclusivity(unchecked) private(set) var positions: [Int] = []
  @exclusivity(unchecked) private(set) var counts: [Int32] = []
  @exclusivity(unchecked) private(set) var hashes: [UInt64] = []
  /// Per entry, a bit for each position (below 64) whose item is a perfect extension of the
  /// rest: removing it leaves a set with the same count, known without a lookup.
  @exclusivity(unchecked) private(set) var perfectPositions: [UInt64] = []
  @exclusivity(unchecked) private var slots: [Slot] = []

  var count: Int { counts.count }

  init() {
    // Reserve address space up front: large allocations are mapped lazily, so untouched
    // capacity costs no memory, and growing without it copies the arena again and again.
    arena.reserveCapacity(1 << 24)
    positions.reserveCapacity(1 << 21)
    counts.reserveCapacity(1 << 21)
    hashes.reserveCapacity(1 << 21)
    perfectPositions.reserveCapacity(1 << 21)
  }

  static func mix(_ item: Int32) -> UInt64 {
    var z = UInt64(bitPattern: Int64(item)) &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  static func hash<Items: Sequence>(_ items: Items) -> UInt64 where Items.Element == Int32 {
    items.reduce(0) { $0 &+ mix($1) }
  }

  /// The sorted items of an entry.
  func items(at entry: Int) -> ArraySlice<Int32> {
    let position = positions[entry]
    return arena[(position + 1)..<(position + 1 + Int(arena[position]))]
  }

  /// Adds a set (any order); call `finish()` before looking anything up.
  /// `perfect` (any order) are items of `items` whose removal keeps the count.
  func add(_ items: UnsafeBufferPointer<Int32>, count: Int, perfect: ArraySlice<Int32> = []) {
    let position = arena.count
    arena.append(Int32(items.count))
    arena.append(contentsOf: items)
    let end = TransactionDatabase.sortUnique(&arena, from: position + 1)
    arena[position] = Int32(end - position - 1)
    var mask: UInt64 = 0
    if !perfect.isEmpty {
      for k in 0..<min(end - position - 1, 64) where perfect.contains(arena[position + 1 + k]) { mask |= 1 << UInt64(k) }
    }
    positions.append(position)
    counts.append(Int32(clamping: count))
    hashes.append(Self.hash(items))
    perfectPositions.append(mask)
  }

  /// Builds the hash table over the added sets.
  func finish() {
    precondition(arena.count < Int(Self.emptyPosition), "itemset arena too large for 32-bit positions")
    var capacity = 16
    while capacity * 7 < counts.count * 10 { capacity *= 2 }  // load factor at most 0.7
    slots = Array(repeating: Slot(hash: 0, position: Self.emptyPosition, count: 0), count: capacity)
    let mask = capacity - 1
    for entry in 0..<counts.count {
      var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
      while slots[slot].position != Self.emptyPosition { slot = (slot + 1) & mask }
      slots[slot] = Slot(hash: hashes[entry], position: UInt32(positions[entry]), count: counts[entry])
    }
  }

  /// Runs `body` with a read-only view for fast lookups.
  func withLookup<R>(_ body: (Lookup) throws -> R) rethrows -> R {
    try slots.withUnsafeBufferPointer { slots in
      try arena.withUnsafeBufferPointer { arena in
        try body(Lookup(slots: slots, arena: arena))
      }
    }
  }

  /// Lookups over raw buffers (valid only inside `withLookup`).
  struct Lookup {
    let slots: UnsafeBufferPointer<Slot>
    let arena: UnsafeBufferPointer<Int32>

    /// The count of the sorted set `items` with hash `hash`, or nil if it is not stored.
    func count(of items: UnsafeBufferPointer<Int32>, hash: UInt64) -> Int32? {
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let entry = slots[slot]
        if entry.position == ItemsetIndex.emptyPosition { return nil }
        if entry.hash == hash {
          let position = Int(entry.position)
          if Int(arena[position]) == items.count {
            var same = true
            for k in 0..<items.count where arena[position + 1 + k] != items[k] {
              same = false
              break
            }
            if same { return entry.count }
          }
        }
        slot = (slot + 1) & mask
      }
    }

    /// The counts of the set stored at arena `position` without each of its items (-1 where
    /// a subset is not stored), into `counts[0..<length]`. The table slots of all subsets are
    /// read first, then the arena lines of the hits, so that their cache misses overlap
    /// instead of queueing one after another.
    func countsWithoutEach(position: Int, hash: UInt64, perfect: UInt64, count: Int32, into counts: UnsafeMutableBufferPointer<Int32>) {
      let length = Int(arena[position])
      let start = position + 1
      let mask = slots.count - 1
      for skip in 0..<length {
        if skip < 64 && perfect & (1 << UInt64(skip)) != 0 {
          counts[skip] = -3
          continue
        }
        let subsetHash = hash &- ItemsetIndex.mix(arena[start + skip])
        let slot = Int(truncatingIfNeeded: subsetHash) & mask
        // A hit in the first slot is by far the common case; others take the full probe.
        counts[skip] = slots[slot].hash == subsetHash && slots[slot].position != ItemsetIndex.emptyPosition ? Int32(slot) : -2
      }
      var touched: Int32 = 0
      for skip in 0..<length where counts[skip] >= 0 {
        touched &+= arena[Int(slots[Int(counts[skip])].position)]
      }
      for skip in 0..<length {
        let slot = Int(counts[skip])
        if slot == -3 {
          counts[skip] = count
        } else if slot >= 0, verify(candidate: Int(slots[slot].position), position: position, skip: skip) {
          counts[skip] = slots[slot].count
        } else {
          counts[skip] = countWithout(position: position, hash: hash, skip: skip) ?? -1
        }
      }
      if touched == Int32.min { counts[0] = counts[0] }  // keeps the touching loads alive
    }

    /// True if arena `candidate` holds the set at `position` without its item at `skip`.
    private func verify(candidate: Int, position: Int, skip: Int) -> Bool {
      let length = Int(arena[position])
      guard Int(arena[candidate]) == length - 1 else { return false }
      var k = candidate + 1
      for index in 0..<length where index != skip {
        if arena[k] != arena[position + 1 + index] { return false }
        k += 1
      }
      return true
    }

    /// The count of the set stored at arena `position` without its item at index `skip`.
    func countWithout(position: Int, hash: UInt64, skip: Int) -> Int32? {
      let length = Int(arena[position])
      let start = position + 1
      let subsetHash = hash &- ItemsetIndex.mix(arena[start + skip])
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: subsetHash) & mask
      while true {
        let entry = slots[slot]
        if entry.position == ItemsetIndex.emptyPosition { return nil }
        if entry.hash == subsetHash {
          let other = Int(entry.position)
          if Int(arena[other]) == length - 1 {
            var same = true
            var k = other + 1
            for index in 0..<length where index != skip {
              if arena[k] != arena[start + index] {
                same = false
                break
              }
              k += 1
            }
            if same { return entry.count }
          }
        }
        slot = (slot + 1) & mask
      }
    }
  }
}

/// Fills an `ItemsetIndex` from a miner, remembering which items were perfect extensions.
struct ItemsetIndexBuilder: ItemsetVisitor {
  let index: ItemsetIndex
  private var buffer: [Int32] = []

  init(index: ItemsetIndex) { self.index = index }

  mutating func visit(items: UnsafeBufferPointer<Int32>, count: Int) {
    index.add(items, count: count)
  }

  mutating func visitCombinations(
    base: UnsafeBufferPointer<Int32>, extensions: UnsafeBufferPointer<Int32>, count: Int, lengths: ClosedRange<Int>
  ) {
    buffer.removeAll(keepingCapacity: true)
    buffer.append(contentsOf: base)
    enumerate(from: 0, baseCount: base.count, extensions: extensions, count: count, lengths: lengths)
  }

  /// Adds `buffer` and its extensions by later items; the items after `baseCount` are perfect.
  private mutating func enumerate(
    from start: Int, baseCount: Int, extensions: UnsafeBufferPointer<Int32>, count: Int, lengths: ClosedRange<Int>
  ) {
    if lengths.contains(buffer.count) {
      let perfect = buffer[baseCount...]
      buffer.withUnsafeBufferPointer { index.add($0, count: count, perfect: perfect) }
    }
    guard buffer.count < lengths.upperBound else { return }
    for k in start..<extensions.count {
      buffer.append(extensions[k])
      enumerate(from: k + 1, baseCount: baseCount, extensions: extensions, count: count, lengths: lengths)
      buffer.removeLast()
    }
  }
}
