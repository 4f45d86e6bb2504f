import Foundation

/// Turns repeated field bytes (the same SKU on a million order lines) into one shared String:
/// an open-addressing table keyed by the bytes, compared in place in the file buffer, so a
/// repeated value costs a hash and a memcmp instead of a new String.
struct StringInterner {
  private struct Slot {
    var hash: UInt64
    var start: Int
    var count: Int
    var index: Int32  // into `strings`; -1 when empty
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var slots: [Slot]
  private var mask: Int
  private(set) var strings: [String] = []
  /// Beyond this many distinct values interning stops paying; callers fall back to plain strings.
  let limit: Int

  init(bytes: UnsafeBufferPointer<UInt8>, limit: Int = 1 << 16) {
    self.bytes = bytes
    self.limit = limit
    slots = Array(repeating: Slot(hash: 0, start: 0, count: 0, index: -1), count: 1024)
    mask = 1023
  }

  /// The string for bytes `start..<end`, or nil once the table is full.
  mutating func intern(start: Int, end: Int) -> String? {
    let count = end - start
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for offset in start..<end {
      hash ^= UInt64(bytes[offset])
      hash = hash &* 0x0000_0100_0000_01b3
    }
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot].index >= 0 {
      let candidate = slots[slot]
      if candidate.hash == hash, candidate.count == count,
        count == 0 || memcmp(bytes.baseAddress! + candidate.start, bytes.baseAddress! + start, count) == 0
      {
        return strings[Int(candidate.index)]
      }
      slot = (slot + 1) & mask
    }
    guard strings.count < limit else { return nil }
    let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    slots[slot] = Slot(hash: hash, start: start, count: count, index: Int32(strings.count))
    strings.append(string)
    if strings.count * 2 > slots.count { grow() }
    return string
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
