import Foundation

/// Compact, human-friendly number formatting shared by chart axes and table printers.
///
/// `compact` keeps a few significant digits and replaces groups of three zeros by a
/// suffix: `12`, `-0.05`, `1.2k`, `3.4M`, `7.1B`, `2T`. Magnitudes at or beyond 10¹⁵
/// and below 10⁻⁴ use exponent notation (`1.5e15`, `2e-7`). The output is pure 7-bit
/// ASCII and never contains trailing zeros after a decimal point.
public enum NumberFormat {
  /// Suffixes for 10³, 10⁶, 10⁹ and 10¹² (business style: B for billions).
  static let suffixes = ["", "k", "M", "B", "T"]

  /// Formats `value` with at most `significantDigits` significant digits (clamped to 1...17).
  ///
  /// As everywhere in TrendCast's displays, a missing value (NaN) prints as `NA` and
  /// infinities as `Inf` and `-Inf`; both zeros print as `0`.
  public static func compact(_ value: Double, significantDigits: Int = 3) -> String {
    if value.isNaN { return "NA" }
    if value.isInfinite { return value < 0 ? "-Inf" : "Inf" }
    if value == 0 { return "0" }
    let digits = min(max(significantDigits, 1), 17)
    let (negative, mantissa, exponent) = decimalDigits(of: value, significantDigits: digits)
    let sign = negative ? "-" : ""
    if exponent >= 15 || exponent < -4 {
      return sign + scientific(mantissa: mantissa, exponent: exponent)
    }
    let group = exponent >= 3 ? min(exponent / 3, suffixes.count - 1) : 0
    let body = positional(mantissa: mantissa, exponent: exponent - 3 * group)
    return sign + body + suffixes[group]
  }

  /// Formats every value with the fewest significant digits (at least `minimumDigits`)
  /// that keeps distinct values distinct, so that axis labels such as 1000, 1050, 1100
  /// do not collapse into "1k", "1.1k", "1.1k".
  public static func compactDistinct(_ values: [Double], minimumDigits: Int = 2) -> [String] {
    let finite = values.filter { $0.isFinite }
    let distinctCount = Set(finite).count
    var digits = min(max(minimumDigits, 1), 17)
    while digits < 17, Set(finite.map { compact($0, significantDigits: digits) }).count < distinctCount {
      digits += 1
    }
    return values.map { compact($0, significantDigits: digits) }
  }

  /// The decimal digits of `value` rounded to `significantDigits`, and the decimal
  /// exponent of the first digit. Rounding is done by the C library (`%e`), which rounds
  /// correctly, so 999.96 with three digits becomes "100" × 10³ rather than "999.96".
  static func decimalDigits(of value: Double, significantDigits: Int) -> (negative: Bool, digits: [Character], exponent: Int) {
    let text = String(format: "%.\(significantDigits - 1)e", abs(value))
    let parts = text.split(separator: "e", maxSplits: 1)
    let digits = Array((parts.first ?? "0").filter { $0.isNumber })
    let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
    return (value < 0, digits, exponent)
  }

  /// Writes d₀.d₁d₂… × 10^exponent positionally, for -4 ≤ exponent ≤ 2 (after suffixing).
  static func positional(mantissa: [Character], exponent: Int) -> String {
    var digits = mantissa
    while digits.count > 1, digits.last == "0" { digits.removeLast() }
    if exponent < 0 {
      return "0." + String(repeating: "0", count: -exponent - 1) + String(digits)
    }
    let integerCount = exponent + 1
    if digits.count <= integerCount {
      return String(digits) + String(repeating: "0", count: integerCount - digits.count)
    }
    return String(digits[0..<integerCount]) + "." + String(digits[integerCount...])
  }

  static func scientific(mantissa: [Character], exponent: Int) -> String {
    var digits = mantissa
    while digits.count > 1, digits.last == "0" { digits.removeLast() }
    let head = String(digits.prefix(1))
    let tail = digits.count > 1 ? "." + String(digits.dropFirst()) : ""
    return head + tail + "e" + String(exponent)
  }
}
