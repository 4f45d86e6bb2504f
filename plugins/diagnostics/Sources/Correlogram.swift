import TrendCastCharts
import Foundation
import TrendCastNumerics
import TrendCastPlugin
import TrendCastValues

/// Autocorrelations (ACF) or partial autocorrelations (PACF) at lags 1…N, with the ±1.96/√n
/// band of white noise. Displays as a table of values and a correlogram; saves as CSV
/// `lag,value` (LANGUAGE.md §7).
public struct Correlogram: CSVExportable {
  public enum Function: String, Sendable {
    case acf, pacf
    var title: String { self == .acf ? "ACF" : "PACF" }
    var longName: String { self == .acf ? "autocorrelation" : "partial autocorrelation" }
  }

  public let function: Function
  /// What was correlated ("passengers", "residuals from …").
  public let seriesName: String
  /// Lags 1…N.
  public let lags: [Int]
  public let values: [Double]
  /// Observed values used (missing ones dropped first).
  public let observations: Int

  public var kind: ValueKind { .result }
  public var summary: String { "\(function.title) of \(seriesName), lags 1…\(lags.count)" }

  /// 1.96/√n, the approximate 95 % band for the correlations of white noise.
  public var band: Double { 1.96 / Double(max(observations, 1)).squareRoot() }

  /// Lags whose value lies outside the band.
  public var significantLags: [Int] { zip(lags, values).filter { abs($0.1) > band }.map(\.0) }

  public var csvDocument: CSVDocument {
    CSVDocument(header: ["lag", "value"], rows: zip(lags, values).map { [String($0), NumberFormatting.exact($1)] })
  }

  public func render(_ style: RenderStyle) -> String {
    let header = "\(function.title) of \(seriesName) (\(observations) observations; band ±\(NumberFormatting.fixed(band, decimals: 3)) = ±1.96/√n)"
    var lines = TerminalText.wrapped(style.asciiOnly ? asciiFolded(header) : header, width: style.width)
    lines += valueBlocks(width: style.width, ascii: style.asciiOnly)
    let outside = significantLags
    switch outside.count {
    case 0: lines.append("no lag outside the band")
    case lags.count: lines.append("every lag outside the band")
    case 1...12: lines.append("outside the band at lag\(outside.count == 1 ? "" : "s") \(outside.map(String.init).joined(separator: ", "))")
    default: lines.append("outside the band at \(outside.count) of \(lags.count) lags")
    }
    lines.append("")
    lines.append(chart.render(style.chartStyle))
    return lines.joined(separator: "\n")
  }

  /// The values as rows of `lag` / value pairs that fit the width.
  func valueBlocks(width: Int, ascii: Bool) -> [String] {
    let cells = values.map { NumberFormatting.fixed($0, decimals: 3) }
    let cellWidth = max(cells.map(\.count).max() ?? 5, String(lags.last ?? 0).count) + 1
    let label = function.title.lowercased()
    let perRow = max(1, (max(width, 20) - 5) / (cellWidth + 1))
    var lines: [String] = []
    for start in stride(from: 0, to: lags.count, by: perRow) {
      let range = start..<min(start + perRow, lags.count)
      let pad = { (text: String) in String(repeating: " ", count: max(0, cellWidth - text.count)) + text }
      lines.append("lag " + range.map { pad(String(lags[$0])) }.joined(separator: " "))
      lines.append(label.padding(toLength: 4, withPad: " ", startingAt: 0) + range.map { pad(cells[$0]) }.joined(separator: " "))
    }
    return lines
  }
}

enum CorrelogramCommand {
  /// forecast's Acf default: max(⌊10 log₁₀ n⌋, 2·period), at most n − 1.
  static func defaultLags(observations n: Int, period: Int) -> Int {
    guard n > 1 else { return 0 }
    return min(max(Int(10 * log10(Double(n))), 2 * period), n - 1)
  }

  static func run(_ invocation: Invocation, function: Correlogram.Function) throws -> any Value {
    let input = try DiagnosticInput.read(invocation)
    let n = input.observedCount
    let command = function.rawValue
    guard n >= 2 else {
      throw RuntimeError("\(command) needs at least 2 observed values, but \(input.name) has \(n)", hint: "use a longer series")
    }
    let lags = try invocation.integer("lags") ?? defaultLags(observations: n, period: input.period)
    guard lags >= 1 else { throw invocation.optionError("lags", "lags must be at least 1, not \(lags)") }
    guard lags < n else {
      throw invocation.optionError("lags", "lags=\(lags) is too many for \(n) observed values: at most \(n - 1)")
    }
    if input.missingCount > 0 {
      invocation.report("\(input.missingCount) missing value\(input.missingCount == 1 ? "" : "s") of \(input.name) dropped first")
    }
    do {
      let values = function == .acf ? try Autocorrelation.acf(input.values, maxLag: lags) : try Autocorrelation.pacf(input.values, maxLag: lags)
      let result = Array(values.dropFirst())
      guard result.allSatisfy(\.isFinite) else {
        throw RuntimeError("the \(function.longName)s of \(input.name) cannot be computed beyond some lag (the series is perfectly predictable)",
          hint: "use fewer lags=")
      }
      return Correlogram(function: function, seriesName: input.name, lags: Array(1...lags), values: result, observations: n)
    } catch let error as NumericsError {
      throw input.userError(error, command: command)
    }
  }
}
