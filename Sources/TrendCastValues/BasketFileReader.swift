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
/// Tokens are interned by their bytes (`StringInterner`), so a String is made once per distinct
/// item; short decimal tokens without a leading zero (the usual FIMI coding) skip the hash
/// through a table indexed by their value.
public struct BasketFileReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var names: StringInterner
  private var flat: [Int32] = []
  private var offsets: [Int] = [0]
  // Decimal tokens: value → item id + 1.
  private var numericIDs: [Int32] = []
  private static let numericLimit = 1 << 22

  /// The baskets of `bytes` as item names, per-basket offsets into `items`, and item ids
  /// (ascending within a basket).
  public static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws -> (itemNames: [String], offsets: [Int], items: [Int32]) {
    var reader = BasketFileReader(bytes: bytes)
    try reader.readAll()
    return (reader.names.strings, reader.offsets, reader.flat)
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    names = StringInterner(bytes: bytes, limit: Int(Int32.max))
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
    flat.removeLast(flat.count - ItemLists.sortUnique(&flat, from: start))
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
    let known = names.strings.count
    guard let id = names.index(start: start, end: end) else {
      throw BasketFileError(line: line, detail: "more than \(Int32.max) distinct items", hint: nil)
    }
    // A new name is checked once; the interner would have repaired it.
    if id == known, String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) == nil {
      throw BasketFileError(line: line, detail: "an item name is not valid UTF-8", hint: "save the file as UTF-8")
    }
    return Int32(id)
  }
}
