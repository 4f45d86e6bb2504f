import Foundation
import TrendCastValues

/// Reads numbers and missing markers straight from field bytes.
enum FieldParsing {
  /// Empty, `NA` and `NaN` are missing (LANGUAGE.md), and so are the common `nan`, `N/A`,
  /// `null`, `NULL` exports.
  static func isMissing(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    switch field.count {
    case 0: return true
    case 2: return field[0] == UInt8(ascii: "N") && field[1] == UInt8(ascii: "A")
    case 3:
      let (a, b, c) = (field[0] | 0x20, field[1] | 0x20, field[2] | 0x20)
      return (a == UInt8(ascii: "n") && b == UInt8(ascii: "a") && c == UInt8(ascii: "n"))
        || (field[0] == UInt8(ascii: "N") && field[1] == UInt8(ascii: "/") && field[2] == UInt8(ascii: "A"))
    case 4:
      return (field[0] == UInt8(ascii: "n") || field[0] == UInt8(ascii: "N"))
        && field[1] | 0x20 == UInt8(ascii: "u") && field[2] | 0x20 == UInt8(ascii: "l") && field[3] | 0x20 == UInt8(ascii: "l")
    default: return false
    }
  }

  /// An integer without leading zeros (so codes like `0042` stay text), or nil.
  static func integer(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = 0
    var negative = false
    if field.count > 1, field[0] == UInt8(ascii: "-") || field[0] == UInt8(ascii: "+") {
      negative = field[0] == UInt8(ascii: "-")
      index = 1
    }
    let digits = field.count - index
    guard digits >= 1, digits <= 18 else { return nil }
    if digits > 1, field[index] == UInt8(ascii: "0") { return nil }
    var value = 0
    while index < field.count {
      let digit = Int(field[index]) - 48
      guard digit >= 0, digit <= 9 else { return nil }
      value = value * 10 + digit
      index += 1
    }
    return negative ? -value : value
  }

  private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

  /// A decimal number, correctly rounded: a fast exact path for up to 15 significant digits
  /// and small exponents (Clinger), `strtod` otherwise.
  static func double(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
    var index = 0
    let count = field.count
    guard count > 0 else { return nil }
    var negative = false
    if field[0] == UInt8(ascii: "-") || field[0] == UInt8(ascii: "+") {
      negative = field[0] == UInt8(ascii: "-")
      index = 1
    }
    // A leading zero before another digit makes a code such as 0042, kept as text as by
    // `integer` (otherwise the code would become the float 42, and 042 and 42 the same item).
    if index + 1 < count, field[index] == UInt8(ascii: "0"), field[index + 1] >= 48, field[index + 1] <= 57 { return nil }
    var mantissa: UInt64 = 0
    var significant = 0
    var exponent = 0
    var sawDigit = false
    while index < count, field[index] >= 48, field[index] <= 57 {
      if significant < 19 {
        mantissa = mantissa * 10 + UInt64(field[index] - 48)
        if mantissa > 0 { significant += 1 }
      } else {
        exponent += 1
      }
      sawDigit = true
      index += 1
    }
    if index < count, field[index] == UInt8(ascii: ".") {
      index += 1
      while index < count, field[index] >= 48, field[index] <= 57 {
        if significant < 19 {
          mantissa = mantissa * 10 + UInt64(field[index] - 48)
          if mantissa > 0 { significant += 1 }
          exponent -= 1
        }
        sawDigit = true
        index += 1
      }
    }
    guard sawDigit else { return nil }
    if index < count, field[index] == UInt8(ascii: "e") || field[index] == UInt8(ascii: "E") {
      index += 1
      var exponentNegative = false
      if index < count, field[index] == UInt8(ascii: "-") || field[index] == UInt8(ascii: "+") {
        exponentNegative = field[index] == UInt8(ascii: "-")
        index += 1
      }
      var written = 0
      var sawExponentDigit = false
      while index < count, field[index] >= 48, field[index] <= 57 {
        written = min(written * 10 + Int(field[index] - 48), 100_000)
        sawExponentDigit = true
        index += 1
      }
      guard sawExponentDigit else { return nil }
      exponent += exponentNegative ? -written : written
    }
    guard index == count else { return nil }
    if significant <= 15, abs(exponent) <= 22 {
      var value = Double(mantissa)
      value = exponent >= 0 ? value * powersOfTen[exponent] : value / powersOfTen[-exponent]
      return negative ? -value : value
    }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
      for i in 0..<count { buffer[i] = CChar(bitPattern: field[i]) }
      buffer[count] = 0
      guard let base = buffer.baseAddress else { return nil }
      let value = strtod(base, nil)
      return value.isFinite ? value : nil
    }
  }
}
