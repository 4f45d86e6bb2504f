import Foundation
import TrendCastValues

/// Reads JSON Lines — one flat JSON object per line — into a table. Columns appear in the order
/// keys are first seen; numbers become integer or float columns, strings become dates when every
/// one reads as a date, `null` and absent keys are missing, nested values are kept as JSON text.
struct JSONLinesReader {
  enum Scalar {
    case number(Double, isInteger: Bool)
    case string(String)
    case literal(String)  // true, false, nested JSON
    case null
  }

  static func read(_ data: Data, displayName: String, path: String, dateColumn: String?, frequency: Frequency?) throws -> Table {
    var keys: [String] = []
    var keyIndex: [String: Int] = [:]
    var rows: [[Int: Scalar]] = []
    var lines: [Int32] = []
    // A UTF-8 byte-order mark (Windows tools write one) is not part of the first object.
    let hasByteOrderMark = data.starts(with: [0xEF, 0xBB, 0xBF])
    let text = String(decoding: hasByteOrderMark ? data.dropFirst(3) : data[...], as: UTF8.self)
    var lineNumber = 0
    // "\r\n" is one Character in Swift, so splitting at "\n" alone would keep Windows lines together.
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      lineNumber += 1
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { continue }
      var parser = FlatJSONParser(Array(trimmed.utf8))
      let object: [(String, Scalar)]
      do {
        object = try parser.parseObject()
      } catch {
        throw RuntimeError("line \(lineNumber) of \(displayName) is not a JSON object: \(error.message)",
          hint: "JSON Lines files hold one {\"key\": value, …} object per line",
          at: DataLocation(file: displayName, line: lineNumber, column: error.offset + 1, lineText: String(line), path: path))
      }
      var row: [Int: Scalar] = [:]
      for (key, value) in object {
        if keyIndex[key] == nil {
          keyIndex[key] = keys.count
          keys.append(key)
        }
        if let index = keyIndex[key] { row[index] = value }
      }
      rows.append(row)
      lines.append(Int32(lineNumber))
    }
    guard !rows.isEmpty else { throw RuntimeError("\(displayName) holds no JSON objects") }
    if let dateColumn, keyIndex[dateColumn] == nil {
      throw RuntimeError("\(displayName) has no key '\(dateColumn)' for date=", hint: DataReading.nearest(dateColumn, among: keys)).focused(on: .option("date"))
    }
    var columns: [Column] = []
    for (index, key) in keys.enumerated() {
      let values = rows.map { $0[index] ?? .null }
      columns.append(try column(key, values: values, declaredDate: key == dateColumn, frequency: frequency,
        locate: { DataLocation(file: displayName, line: Int(lines[$0]), path: path) }))
    }
    let timeColumn = dateColumn ?? columns.first { if case .date = $0.values { return true } else { return false } }?.name
    return Table(columns: columns, timeColumn: timeColumn, source: TableSource(file: displayName, path: path, firstDataLine: Int(lines[0]), rowLines: lines))
  }

  static func column(_ name: String, values: [Scalar], declaredDate: Bool, frequency: Frequency?, locate: (Int) -> DataLocation) throws -> Column {
    var numbers: [Double] = []
    var allNumbers = true
    var allIntegers = true
    for value in values {
      switch value {
      case .number(let number, let isInteger):
        numbers.append(number)
        allIntegers = allIntegers && isInteger
      case .null: numbers.append(.nan)
      default: allNumbers = false
      }
      if !allNumbers { break }
    }
    if allNumbers && !declaredDate && values.contains(where: { if case .null = $0 { return false } else { return true } }) {
      return allIntegers
        ? Column(name: name, values: .integer(numbers.map { $0.isNaN ? nil : Int($0) }))
        : Column(name: name, values: .float(numbers))
    }
    let texts: [String?] = values.map { value in
      switch value {
      case .number(let number, _): return NumberFormatting.exact(number)
      case .string(let text), .literal(let text): return text
      case .null: return nil
      }
    }
    var stamps: [Timestamp?] = []
    var style: DateStyle?
    var styleRow = 0
    var isDates = true
    for (row, text) in texts.enumerated() {
      guard let text else { stamps.append(nil); continue }
      guard let parsed = DateParser.parse(text, allowPlainYear: declaredDate) else {
        if declaredDate {
          throw RuntimeError("key '\(name)' should hold dates, but line \(locate(row).line) holds '\(text)'",
            hint: "dates are written like 2024-01-31, 2024-01, 2024-01-31 13:00, Jan 2024, 2024Q1 or 2024", at: locate(row))
        }
        isDates = false
        break
      }
      if let style, style != parsed.style {
        if declaredDate {
          throw RuntimeError("key '\(name)' mixes date formats: '\(texts[styleRow] ?? "")' (line \(locate(styleRow).line)) and '\(text)' (line \(locate(row).line))",
            hint: "write every date of a key the same way", at: locate(row))
        }
        isDates = false
        break
      }
      if style == nil { styleRow = row }
      style = parsed.style
      stamps.append(parsed.timestamp)
    }
    if isDates, let style {
      let inferred = frequency ?? FrequencyInference.infer(stamps.compactMap { $0 }.sorted())
      return Column(name: name, values: .date(stamps, DateColumnInfo(style: style, frequency: inferred)))
    }
    return Column(name: name, values: .text(texts))
  }
}

/// A parser for one flat JSON object; nested arrays and objects are returned as their JSON text.
struct FlatJSONParser {
  struct Failure: Error {
    var message: String
    var offset: Int
  }

  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  mutating func parseObject() throws(Failure) -> [(String, JSONLinesReader.Scalar)] {
    skipSpace()
    try expect(UInt8(ascii: "{"))
    var members: [(String, JSONLinesReader.Scalar)] = []
    skipSpace()
    if peek == UInt8(ascii: "}") {
      position += 1
      return members
    }
    while true {
      skipSpace()
      let key = try parseString()
      skipSpace()
      try expect(UInt8(ascii: ":"))
      skipSpace()
      members.append((key, try parseValue()))
      skipSpace()
      if peek == UInt8(ascii: ",") { position += 1; continue }
      try expect(UInt8(ascii: "}"))
      break
    }
    skipSpace()
    guard position == bytes.count else { throw Failure(message: "unexpected text after the object", offset: position) }
    return members
  }

  private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func skipSpace() {
    while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { position += 1 }
  }

  private mutating func expect(_ byte: UInt8) throws(Failure) {
    guard peek == byte else { throw Failure(message: "expected '\(Character(UnicodeScalar(byte)))'", offset: position) }
    position += 1
  }

  private mutating func parseValue() throws(Failure) -> JSONLinesReader.Scalar {
    guard let byte = peek else { throw Failure(message: "expected a value", offset: position) }
    switch byte {
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      let start = position
      try skipNested()
      return .literal(String(decoding: bytes[start..<position], as: UTF8.self))
    default:
      let start = position
      while let next = peek, next != UInt8(ascii: ","), next != UInt8(ascii: "}"), next != 0x20, next != 0x09 { position += 1 }
      let word = String(decoding: bytes[start..<position], as: UTF8.self)
      if word == "null" { return .null }
      if word == "true" || word == "false" { return .literal(word) }
      guard let number = Double(word) else { throw Failure(message: "'\(word)' is not a JSON value", offset: start) }
      return .number(number, isInteger: !word.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) && abs(number) < 1e15)
    }
  }

  private mutating func skipNested() throws(Failure) {
    var depth = 0
    var inString = false
    while let byte = peek {
      position += 1
      if inString {
        if byte == UInt8(ascii: "\\") { position += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth == 0 { return }
      default: break
      }
    }
    throw Failure(message: "an array or object is never closed", offset: position)
  }

  private mutating func parseString() throws(Failure) -> String {
    try expect(UInt8(ascii: "\""))
    var scalars = String.UnicodeScalarView()
    var raw: [UInt8] = []
    func flush() {
      scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
      raw.removeAll(keepingCapacity: true)
    }
    while let byte = peek {
      position += 1
      if byte == UInt8(ascii: "\"") {
        flush()
        return String(scalars)
      }
      guard byte == UInt8(ascii: "\\") else { raw.append(byte); continue }
      guard let escaped = peek else { break }
      position += 1
      flush()
      switch escaped {
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "b"): scalars.append("\u{8}")
      case UInt8(ascii: "f"): scalars.append("\u{C}")
      case UInt8(ascii: "u"):
        guard position + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
          throw Failure(message: "a \\u escape needs four hex digits", offset: position)
        }
        position += 4
        var value = code
        if (0xD800...0xDBFF).contains(code), position + 6 <= bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u"),
          let low = UInt32(String(decoding: bytes[position + 2..<position + 6], as: UTF8.self), radix: 16), (0xDC00...0xDFFF).contains(low)
        {
          value = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          position += 6
        }
        scalars.append(UnicodeScalar(value) ?? "\u{FFFD}")
      default: scalars.append(UnicodeScalar(escaped))
      }
    }
    throw Failure(message: "a string is never closed", offset: position)
  }
}
