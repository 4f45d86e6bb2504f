import Dispatch
import Foundation
import Synchronization
import TrendCastValues

/// Splits delimited text (CSV, TSV, semicolon-separated) into rows of fields in one pass over
/// the bytes, following RFC 4180: fields may be quoted, quotes inside are doubled, and quoted
/// fields may hold separators and line breaks. Fields are byte ranges; nothing is copied here.
struct DelimitedReader {
  /// One field: bytes `start..<end` of the file; `escaped` when the field was quoted and held
  /// doubled quotes that must be undone.
  struct Field {
    var start: Int32
    var end: Int32
    var escaped: Bool
  }

  /// The parsed rows: `fields[rowStarts[r]..<rowStarts[r+1]]` are row r's fields.
  struct Rows {
    var fields: [Field] = []
    var rowStarts: [Int] = [0]
    /// The 1-based line on which each row starts.
    var rowLines: [Int32] = []
    /// True when some row spans several lines (quoted line breaks) or blank lines were skipped.
    var linesDiverge = false

    var count: Int { rowStarts.count - 1 }
    func fieldCount(_ row: Int) -> Int { rowStarts[row + 1] - rowStarts[row] }
    func field(_ row: Int, _ column: Int) -> Field { fields[rowStarts[row] + column] }
  }

  struct Failure: Error {
    var message: String
    var line: Int
    var column: Int
  }

  /// Parses `bytes` (a UTF-8 byte-order mark is skipped); blank lines are skipped. Large files
  /// without quotes are split at a line break and the halves parsed on two threads.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) throws(Failure) -> Rows {
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    let hasQuotes = bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\"")), bytes.count) != nil } ?? false
    guard bytes.count >= 4_000_000, !hasQuotes else {
      return try parse(bytes, range: start..<bytes.count, firstLine: 1, separator: separator).rows
    }
    var middle = bytes.count / 2
    while middle < bytes.count, bytes[middle - 1] != UInt8(ascii: "\n") { middle += 1 }
    let ranges = [start..<middle, middle..<bytes.count]
    let results = Mutex<[Int: (rows: Rows, nextLine: Int32)]>([:])
    // The buffer outlives the parallel section and is only read.
    nonisolated(unsafe) let shared = bytes
    DispatchQueue.concurrentPerform(iterations: 2) { part in
      // Without quotes there is no failure to report.
      if let parsed = try? parse(shared, range: ranges[part], firstLine: 1, separator: separator) {
        results.withLock { $0[part] = parsed }
      }
    }
    let parts = results.withLock { $0 }
    guard let first = parts[0], let second = parts[1]?.rows else {
      return try parse(bytes, range: start..<bytes.count, firstLine: 1, separator: separator).rows
    }
    var rows = first.rows
    let firstHalfLines = first.nextLine - 1
    let fieldOffset = rows.fields.count
    rows.fields.append(contentsOf: second.fields)
    rows.rowStarts.append(contentsOf: second.rowStarts.dropFirst().map { $0 + fieldOffset })
    rows.rowLines.append(contentsOf: second.rowLines.map { $0 + firstHalfLines })
    rows.linesDiverge = rows.linesDiverge || second.linesDiverge
    return rows
  }

  /// Bytes that end an unquoted field.
  private static func stopTable(_ separator: UInt8) -> [Bool] {
    var table = [Bool](repeating: false, count: 256)
    table[Int(separator)] = true
    table[Int(UInt8(ascii: "\n"))] = true
    table[Int(UInt8(ascii: "\r"))] = true
    return table
  }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, firstLine: Int32, separator: UInt8) throws(Failure) -> (rows: Rows, nextLine: Int32) {
    var rows = Rows()
    rows.fields.reserveCapacity(range.count / 6)
    rows.rowLines.reserveCapacity(range.count / 24)
    let stops = stopTable(separator)
    let end = range.upperBound
    var position = range.lowerBound
    var line: Int32 = firstLine
    let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r")
    try stops.withUnsafeBufferPointer { (stop: UnsafeBufferPointer<Bool>) throws(Failure) in
      while position < end {
        // Skip blank lines.
        if bytes[position] == newline || (bytes[position] == carriage && position + 1 < end && bytes[position + 1] == newline) {
          position += bytes[position] == carriage ? 2 : 1
          line += 1
          rows.linesDiverge = true
          continue
        }
        rows.rowLines.append(line)
        var rowEnded = false
        while !rowEnded {
          if position < end, bytes[position] == quote {
            let openLine = line
            let openColumn = position
            position += 1
            let start = position
            var escaped = false
            while true {
              guard position < end else {
                throw Failure(message: "a quoted field is never closed", line: Int(openLine), column: openColumn)
              }
              let byte = bytes[position]
              if byte == quote {
                if position + 1 < end, bytes[position + 1] == quote {
                  escaped = true
                  position += 2
                  continue
                }
                break
              }
              if byte == newline {
                line += 1
                rows.linesDiverge = true
              }
              position += 1
            }
            rows.fields.append(Field(start: Int32(start), end: Int32(position), escaped: escaped))
            position += 1  // closing quote
            while position < end, bytes[position] == UInt8(ascii: " ") { position += 1 }
            if position < end, bytes[position] != separator, bytes[position] != newline, bytes[position] != carriage {
              throw Failure(message: "unexpected text after a closing quote", line: Int(line), column: position)
            }
          } else {
            let start = position
            while position < end, !stop[Int(bytes[position])] { position += 1 }
            rows.fields.append(Field(start: Int32(start), end: Int32(position), escaped: false))
          }
          if position < end, bytes[position] == separator {
            position += 1
            if position == end { rows.fields.append(Field(start: Int32(end), end: Int32(end), escaped: false)) }
          } else {
            if position < end, bytes[position] == carriage { position += 1 }
            if position < end, bytes[position] == newline { position += 1 }
            line += 1
            rowEnded = true
          }
          if position >= end { rowEnded = true }
        }
        rows.rowStarts.append(rows.fields.count)
      }
    }
    return (rows, line)
  }

  /// Picks the separator of a file whose extension does not say: the most frequent of `,` `;`
  /// and tab on the first line, outside quotes (on a tie comma, then semicolon).
  static func sniffSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
    var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
    var inQuotes = false
    for byte in bytes {
      if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
      if byte == UInt8(ascii: "\n"), !inQuotes { break }
      if !inQuotes, counts[byte] != nil { counts[byte, default: 0] += 1 }
    }
    // In a fixed order, not the dictionary's (which differs from run to run), so a tie is
    // always broken the same way.
    var best = UInt8(ascii: ",")
    for candidate in [UInt8(ascii: ";"), UInt8(ascii: "\t")] where counts[candidate, default: 0] > counts[best, default: 0] {
      best = candidate
    }
    return best
  }

  /// The text of a field, with doubled quotes undone.
  static func text(_ field: Field, in bytes: UnsafeBufferPointer<UInt8>) -> String {
    let slice = UnsafeBufferPointer(rebasing: bytes[Int(field.start)..<Int(field.end)])
    let text = String(decoding: slice, as: UTF8.self)
    return field.escaped ? text.replacingDoubledQuotes() : text
  }
}

extension String {
  func replacingDoubledQuotes() -> String {
    var result = ""
    result.reserveCapacity(utf8.count)
    var previousWasQuote = false
    for character in self {
      if character == "\"" {
        if previousWasQuote {
          previousWasQuote = false
          continue
        }
        previousWasQuote = true
      } else {
        previousWasQuote = false
      }
      result.append(character)
    }
    return result
  }
}
