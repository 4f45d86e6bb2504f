import Foundation

/// Turns repeated field bytes (the same SKU on a million order lines) into one shared String:
/// an open-addressing table keyed by the bytes, compared in place in the file buffer, so a
/// repeated value costs a hash and a memcmp instead of a new String.
public struct StringInterner {
  private struct Slot {
    var hash: UInt64
    var start: Int
    var count: Int
    var index: Int32  // into `strings`; -1 when empty
    /// The bytes themselves for values of up to 16 bytes (compared without memcmp).
    var low: UInt64 = 0
    var high: UInt64 = 0
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var slots: [Slot]
  private var mask: Int
  public private(set) var strings: [String] = []
  /// Beyond this many distinct values interning stops paying; callers fall back to plain strings.
  public let limit: Int

  public init(bytes: UnsafeBufferPointer<UInt8>, limit: Int = 1 << 16) {
    self.bytes = bytes
    self.limit = limit
    slots = Array(repeating: Slot(hash: 0, start: 0, count: 0, index: -1), count: 1024)
    mask = 1023
  }

  /// The string for bytes `start..<end`, or nil once the table is full.
  public mutating func intern(start: Int, end: Int) -> String? {
    index(start: start, end: end).map { strings[$0] }
  }

  /// The index in `strings` of the bytes `start..<end` (added if new), or nil once the table is
  /// full.
  public mutating func index(start: Int, end: Int) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    let count = end - start
    var low: UInt64 = 0
    var high: UInt64 = 0
    var hash: UInt64
    if count <= 16 {
      // Short values (most ids and SKUs) are packed into two words: hashed and compared as such.
      if start + 16 <= bytes.count {
        // Whole-word loads, masked to the value's length.
        let raw = UnsafeRawPointer(base + start)
        low = raw.loadUnaligned(as: UInt64.self)
        if count < 8 { low &= (UInt64(1) << (8 * UInt64(count))) &- 1 }
        if count > 8 {
          high = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
          if count < 16 { high &= (UInt64(1) << (8 * UInt64(count - 8))) &- 1 }
        }
      } else {
        for offset in 0..<min(count, 8) { low |= UInt64(base[start + offset]) << (8 * UInt64(offset)) }
        if count > 8 { for offset in 8..<count { high |= UInt64(base[start + offset]) << (8 * UInt64(offset - 8)) } }
      }
      // MurmurHash3's finaliser mixes every input bit into the low bits used for the slot.
      hash = low ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(count) << 56)
      hash ^= hash >> 33
      hash = hash &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 33
      hash = hash &* 0xC4CE_B9FE_1A85_EC53
      hash ^= hash >> 33
    } else {
      hash = 0xcbf2_9ce4_8422_2325
      for offset in start..<end {
        hash ^= UInt64(base[offset])
        hash = hash &* 0x0000_0100_0000_01b3
      }
    }
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot].index >= 0 {
      let candidate = slots[slot]
      if candidate.hash == hash, candidate.count == count {
        let same = count <= 16 ? (candidate.low == low && candidate.high == high) : memcmp(base + candidate.start, base + start, count) == 0
        if same { return Int(candidate.index) }
      }
      slot = (slot + 1) & mask
    }
    guard strings.count < limit else { return nil }
    let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    slots[slot] = Slot(hash: hash, start: start, count: count, index: Int32(strings.count), low: low, high: high)
    strings.append(string)
    if strings.count * 2 > slots.count { grow() }
    return strings.count - 1
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: Slot(hash: 0, start: 0, count: 0, index: -1), count: old.count * 2)
    mask = slots.count - 1
    for entry in old where entry.index >= 0 {
      var slot = Int(truncatingIfNeeded: entry.hash) & mask
      while slots[slot].index >= 0 { slot = (slot + 1) & mask }
      slots[slot] = entry
    }
  }
}
