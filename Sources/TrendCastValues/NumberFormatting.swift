import Foundation

/// Deterministic number text for displays and files. Missing values print as `NA` in displays
/// and as empty fields in CSV; no value ever prints as `nan`.
public enum NumberFormatting {
  /// A number for display with up to `significant` significant digits, trailing zeros dropped.
  public static func display(_ value: Double, significant: Int = 6) -> String {
    guard value.isFinite else { return value.isNaN ? "NA" : (value > 0 ? "Inf" : "-Inf") }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    let magnitude = abs(value)
    if magnitude >= 1e15 || magnitude < 1e-4 {
      return String(format: "%.\(max(1, significant - 1))e", value).replacingOccurrences(of: "e+", with: "e")
    }
    let digitsBefore = magnitude >= 1 ? Int(log10(magnitude)) + 1 : 0
    var decimals = max(0, significant - digitsBefore)
    if magnitude < 1 {
      decimals = significant + Int(-floor(log10(magnitude))) - 1
    }
    return trimZeros(String(format: "%.\(min(decimals, 12))f", value))
  }

  /// A fixed number of decimals (for aligned columns), `NA` when missing.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "NA" : (value > 0 ? "Inf" : "-Inf") }
    let text = String(format: "%.\(decimals)f", value)
    return text == "-0" || text.hasPrefix("-0.") && Double(text) == 0 ? String(text.dropFirst()) : text
  }

  /// The shortest text that reads back as the same double (for CSV and JSON); empty when missing.
  public static func exact(_ value: Double) -> String {
    guard value.isFinite else { return "" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
  }

  /// The decimals needed to show every finite value of a column with `significant` digits
  /// (capped at `maxDecimals`), so a column aligns on its decimal point.
  public static func decimalsForColumn(_ values: [Double], significant: Int = 6, maxDecimals: Int = 6) -> Int {
    var decimals = 0
    for value in values where value.isFinite && value != value.rounded() {
      let text = display(value, significant: significant)
      if text.contains("e") { return maxDecimals }
      if let dot = text.firstIndex(of: ".") { decimals = max(decimals, text.distance(from: dot, to: text.endIndex) - 1) }
      if decimals >= maxDecimals { return maxDecimals }
    }
    return decimals
  }

  private static func trimZeros(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var result = text
    while result.hasSuffix("0") { result.removeLast() }
    if result.hasSuffix(".") { result.removeLast() }
    return result == "-0" ? "0" : result
  }
}
