import Foundation

extension TransactionDatabase {
  /// Reads a basket file (the FIMI format): one basket a line, items separated by spaces,
  /// commas or tabs (runs of separators count as one). Every line is a basket, an empty line
  /// an empty basket; a final newline does not start another basket; `\r\n` endings are
  /// accepted. Item names are any UTF-8 text without separators.
  public static func readBaskets(path: String) throws -> TransactionDatabase {
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
      throw MiningError.unreadableFile(path: path, reason: reason)
    }
    return try readBaskets(data: data)
  }

  /// Reads baskets from the bytes of a basket file; see `readBaskets(path:)`.
  public static func readBaskets(data: Data) throws -> TransactionDatabase {
    try data.withUnsafeBytes { raw in
      var reader = BasketReader(bytes: raw.bindMemory(to: UInt8.self))
      return try reader.read()
    }
  }

  /// Reads baskets from text; see `readBaskets(path:)`.
  public static func readBaskets(text: String) throws -> TransactionDatabase {
    var text = text
    return try text.withUTF8 { bytes in
      var reader = BasketReader(bytes: bytes)
      return try reader.read()
    }
  }
}

/// A byte-level reader of basket lines. Item tokens are interned through an open-addressing
/// hash table over the raw bytes; short decimal tokens without leading zeros (the usual FIMI
/// coding) skip the hash through a direct table indexed by their value.
private struct BasketReader {
  let bytes: UnsafeBufferPointer<UInt8>

  private var names: [String] = []
  private var flat: [Int32] = []
  private var offsets: [Int] = [0]
  // Hash table of non-numeric tokens: slot → item id + 1 (0 = empty); token bytes kept per id.
  private var slots: [Int32] = Array(repeating: 0, count: 1024)
  private var tokenStart: [Int] = []
  private var tokenLength: [Int] = []
  private var hashOfID: [UInt64] = []
  // Decimal tokens: value → item id + 1.
  private var numericIDs: [Int32] = []
  private static let numericLimit = 1 << 22

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  mutating func read() throws -> TransactionDatabase {
    flat.reserveCapacity(bytes.count / 3)
    let end = bytes.count
    var position = 0
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
      var tokenEnd = position
      while tokenEnd < end {
        let b = bytes[tokenEnd]
        if b == 0x20 || b == 0x2C || b == 0x09 || b == 0x0A || b == 0x0D { break }
        tokenEnd += 1
      }
      flat.append(try intern(from: position, to: tokenEnd, line: line))
      position = tokenEnd
    }
    if basketStart < flat.count || (end > 0 && bytes[end - 1] != 0x0A) {
      closeBasket(from: basketStart)
    }
    return TransactionDatabase(itemNames: names, flatItems: flat, offsets: offsets)
  }

  private mutating func closeBasket(from start: Int) {
    let newEnd = TransactionDatabase.sortUnique(&flat, from: start)
    if newEnd < flat.count { flat.removeLast(flat.count - newEnd) }
    offsets.append(flat.count)
  }

  private mutating func intern(from start: Int, to end: Int, line: Int) throws -> Int32 {
    let length = end - start
    if length <= 7, let value = decimalValue(from: start, to: end) {
      if value >= numericIDs.count {
        numericIDs.append(contentsOf: repeatElement(0, count: max(value + 1, numericIDs.count * 2) - numericIDs.count))
      }
      let known = numericIDs[value]
      if known != 0 { return known - 1 }
      let id = try newItem(from: start, to: end, hash: 0, line: line)
      numericIDs[value] = id + 1
      return id
    }
    let hash = hashBytes(from: start, to: end)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      let id = Int(entry - 1)
      if hashOfID[id] == hash && tokenLength[id] == length && sameBytes(tokenStart[id], start, length) {
        return Int32(id)
      }
      slot = (slot + 1) & mask
    }
    let id = try newItem(from: start, to: end, hash: hash, line: line)
    slots[slot] = id + 1
    if names.count * 2 > slots.count { rehash() }
    return id
  }

  /// The value of a token of decimal digits without a leading zero ("0" itself allowed).
  private func decimalValue(from start: Int, to end: Int) -> Int? {
    if bytes[start] == 0x30 && end - start > 1 { return nil }
    var value = 0
    for i in start..<end {
      let digit = Int(bytes[i]) &- 0x30
      guard digit >= 0 && digit <= 9 else { return nil }
      value = value * 10 + digit
    }
    return value < Self.numericLimit ? value : nil
  }

  private mutating func newItem(from start: Int, to end: Int, hash: UInt64, line: Int) throws -> Int32 {
    let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
    guard let name = String(validating: token, as: UTF8.self) else {
      throw MiningError.malformedInput(line: line, detail: "item name is not valid UTF-8")
    }
    guard names.count < Int(Int32.max) else {
      throw MiningError.malformedInput(line: line, detail: "more than \(Int32.max) distinct items")
    }
    let id = Int32(names.count)
    names.append(name)
    tokenStart.append(start)
    tokenLength.append(end - start)
    hashOfID.append(hash)
    return id
  }

  private func sameBytes(_ a: Int, _ b: Int, _ length: Int) -> Bool {
    guard let base = bytes.baseAddress else { return length == 0 }
    return memcmp(base + a, base + b, length) == 0
  }

  private func hashBytes(from start: Int, to end: Int) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, finished with a murmur mix
    for i in start..<end {
      hash = (hash ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3
    }
    hash ^= hash >> 33
    hash = hash &* 0xff51_afd7_ed55_8ccd
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
