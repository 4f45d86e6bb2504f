import Foundation

/// A line of a basket file that cannot be read.
public struct BasketFileError: Error, Equatable, Sendable {
  /// 1-based.
  public let line: Int
  public let detail: String
  public let hint: String?
}

/// Reads basket files (the FIMI format) — one basket a line, items separated by spaces, tabs or
/// commas (runs of separators count as one) — straight into dense item ids. The one reader of
/// the format: `load … format=baskets` and the rules library both use it.
///
/// As pyfim and mlxtend count them: every line is a basket and an empty line an empty basket,
/// while a final newline does not start another. `\r\n` endings and a leading byte-order mark
/// are accepted; an item listed twice in a basket counts once; names are any UTF-8 text without
/// separators (invalid UTF-8 is an error naming the line).
///
/// Tokens are interned through an open-addressing table over their bytes, so a String is made
/// once per distinct item; short decimal tokens without a leading zero (the usual FIMI coding)
/// skip the hash through a table indexed by their value.
public struct BasketFileReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var names: [String] = []
  private var flat: [Int32] = []
  private var offsets: [Int] = [0]
  // Hash table of tokens: slot → item id + 1 (0 = empty); each id's token bytes and hash.
  private var slots: [Int32] = Array(repeating: 0, count: 1024)
  private var tokenStart: [Int] = []
  private var tokenLength: [Int] = []
  private var hashOfID: [UInt64] = []
  // Decimal tokens: value → item id + 1.
  private var numericIDs: [Int32] = []
  private static let numericLimit = 1 << 22

  /// The baskets of `bytes` as item names, per-basket offsets into `items`, and item ids
  /// (ascending within a basket).
  public static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws -> (itemNames: [String], offsets: [Int], items: [Int32]) {
    var reader = BasketFileReader(bytes: bytes)
    try reader.readAll()
    return (reader.names, reader.offsets, reader.flat)
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  private mutating func readAll() throws {
    flat.reserveCapacity(bytes.count / 3)
    let end = bytes.count
    var position = 0
    if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    let start = position
    var line = 1
    var basketStart = 0
    while position < end {
      let byte = bytes[position]
      if byte == 0x0A {  // newline: close the basket
        closeBasket(from: basketStart)
        basketStart = flat.count
        line += 1
        position += 1
        continue
      }
      if byte == 0x20 || byte == 0x2C || byte == 0x09 || byte == 0x0D {
        position += 1
        continue
      }
      // The token's end, and its value if it is a decimal number (read in the same pass).
      var tokenEnd = position
      var value = 0
      var isNumber = true
      while tokenEnd < end {
        let b = bytes[tokenEnd]
        if b == 0x20 || b == 0x2C || b == 0x09 || b == 0x0A || b == 0x0D { break }
        let digit = Int(b) &- 0x30
        if digit >= 0 && digit <= 9 && value < Self.numericLimit { value = value &* 10 &+ digit } else { isNumber = false }
        tokenEnd += 1
      }
      // Without a leading zero a number's token is its own spelling ("07" stays text).
      if isNumber && value < Self.numericLimit && (bytes[position] != 0x30 || tokenEnd - position == 1) {
        flat.append(try intern(number: value, from: position, to: tokenEnd, line: line))
      } else {
        flat.append(try internText(from: position, to: tokenEnd, line: line))
      }
      position = tokenEnd
    }
    // The last line, unless the file ended with its newline (or is empty).
    if basketStart < flat.count || (end > start && bytes[end - 1] != 0x0A) {
      closeBasket(from: basketStart)
    }
  }

  private mutating func closeBasket(from start: Int) {
    let kept = flat.withUnsafeMutableBufferPointer { flat -> Int in
      var basket = UnsafeMutableBufferPointer(rebasing: flat[start...])
      if basket.count <= 32 {
        // Baskets are short: insertion sort beats the general sort's set-up.
        for i in basket.indices.dropFirst() {
          let item = basket[i]
          var j = i
          while j > 0 && basket[j - 1] > item {
            basket[j] = basket[j - 1]
            j -= 1
          }
          basket[j] = item
        }
      } else {
        basket.sort()
      }
      var kept = 0
      for index in basket.indices where index == 0 || basket[index] != basket[index - 1] {
        basket[kept] = basket[index]
        kept += 1
      }
      return start + kept
    }
    flat.removeLast(flat.count - kept)
    offsets.append(flat.count)
  }

  private mutating func intern(number value: Int, from start: Int, to end: Int, line: Int) throws -> Int32 {
    if value >= numericIDs.count {
      numericIDs.append(contentsOf: repeatElement(0, count: max(value + 1, numericIDs.count * 2) - numericIDs.count))
    }
    let known = numericIDs[value]
    if known != 0 { return known - 1 }
    // The number also goes in the text table, so that its spelling is one item either way.
    let id = try internText(from: start, to: end, line: line)
    numericIDs[value] = id + 1
    return id
  }

  private mutating func internText(from start: Int, to end: Int, line: Int) throws -> Int32 {
    let length = end - start
    let hash = hashBytes(from: start, to: end)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      let id = Int(entry - 1)
      // Equal hashes of 64 bits and equal lengths: a short token whose hash is its bytes'
      // bijective mix needs no comparison (see `hashBytes`).
      if hashOfID[id] == hash && tokenLength[id] == length && (length <= 8 || sameBytes(tokenStart[id], start, length)) {
        return Int32(id)
      }
      slot = (slot + 1) & mask
    }
    let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
    guard let name = String(validating: token, as: UTF8.self) else {
      throw BasketFileError(line: line, detail: "an item name is not valid UTF-8", hint: "save the file as UTF-8")
    }
    guard names.count < Int(Int32.max) else {
      throw BasketFileError(line: line, detail: "more than \(Int32.max) distinct items", hint: nil)
    }
    let id = Int32(names.count)
    names.append(name)
    tokenStart.append(start)
    tokenLength.append(length)
    hashOfID.append(hash)
    slots[slot] = id + 1
    if names.count * 2 > slots.count { rehash() }
    return id
  }

  private func sameBytes(_ a: Int, _ b: Int, _ length: Int) -> Bool {
    guard let base = bytes.baseAddress else { return length == 0 }
    return memcmp(base + a, base + b, length) == 0
  }

  /// Tokens of up to 8 bytes are packed into one word and mixed by MurmurHash3's finaliser,
  /// which is a bijection: two such tokens of one length share a hash only if their bytes are
  /// equal. Longer tokens use FNV-1a, finished with the same mix.
  private func hashBytes(from start: Int, to end: Int) -> UInt64 {
    let length = end - start
    var hash: UInt64 = 0
    if length <= 8 {
      if let base = bytes.baseAddress, start + 8 <= bytes.count {
        hash = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
        if length < 8 { hash &= (UInt64(1) << (8 * UInt64(length))) &- 1 }
      } else {
        for offset in 0..<length { hash |= UInt64(bytes[start + offset]) << (8 * UInt64(offset)) }
      }
    } else {
      hash = 0xcbf2_9ce4_8422_2325
      for i in start..<end {
        hash = (hash ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3
      }
    }
    hash ^= hash >> 33
    hash = hash &* 0xff51_afd7_ed55_8ccd
    hash ^= hash >> 33
    hash = hash &* 0xc4ce_b9fe_1a85_ec53
    hash ^= hash >> 33
    return hash
  }

  private mutating func rehash() {
    var newSlots = [Int32](repeating: 0, count: slots.count * 2)
    let mask = newSlots.count - 1
    for entry in slots where entry != 0 {
      var slot = Int(truncatingIfNeeded: hashOfID[Int(entry - 1)]) & mask
      while newSlots[slot] != 0 { slot = (slot + 1) & mask }
      newSlots[slot] = entry
    }
    slots = newSlots
  }
}
