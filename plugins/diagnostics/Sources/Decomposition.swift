import TrendCastCharts
import Foundation
import TrendCastValues

/// A series split into trend, season and remainder (`decompose`), with the strength of trend
/// and of seasonality. Displays as four stacked charts; saves as CSV
/// `date,value,trend,season,remainder` (LANGUAGE.md §7).
public struct Decomposition: CSVExportable {
  public enum Method: String, Sendable { case stl, classical }

  public let series: Series
  public let method: Method
  /// Additive (x = T + S + R) or multiplicative (x = T · S · R, classical only).
  public let multiplicative: Bool
  public let period: Int
  public let trend: [Double]
  public let season: [Double]
  public let remainder: [Double]
  /// The settings in words ("seasonal window 11").
  public let settings: String

  public var kind: ValueKind { .result }
  public var summary: String { "\(method == .stl ? "STL" : "classical") decomposition of \(series.name), period \(period)" }

  /// F_T = max(0, 1 − Var(R)/Var(T + R)) (Hyndman & Athanasopoulos, §6.7); on the log scale
  /// for a multiplicative decomposition. Nil when undefined (no variation).
  public var trendStrength: Double? { strength(of: trend) }
  /// F_S = max(0, 1 − Var(R)/Var(S + R)).
  public var seasonStrength: Double? { strength(of: season) }

  private func strength(of component: [Double]) -> Double? {
    let transform: (Double) -> Double = multiplicative ? { $0 > 0 ? log($0) : .nan } : { $0 }
    var r: [Double] = []
    var sum: [Double] = []
    for i in remainder.indices {
      let ri = transform(remainder[i])
      let ci = transform(component[i])
      guard ri.isFinite, ci.isFinite else { continue }
      r.append(ri)
      sum.append(ci + ri)
    }
    let denominator = variance(sum)
    guard r.count > 1, denominator > 0 else { return nil }
    return max(0, 1 - variance(r) / denominator)
  }

  private func variance(_ x: [Double]) -> Double {
    guard x.count > 1 else { return 0 }
    let mean = x.reduce(0, +) / Double(x.count)
    return x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)
  }

  /// The seasonally adjusted series: x − S, or x / S.
  public var adjusted: [Double] {
    series.values.indices.map { multiplicative ? series.values[$0] / season[$0] : series.values[$0] - season[$0] }
  }

  public var csvDocument: CSVDocument {
    CSVDocument(header: ["date", "value", "trend", "season", "remainder"], rows: series.values.indices.map { i in
      [series.index.label(at: i)] + [series.values[i], trend[i], season[i], remainder[i]].map(NumberFormatting.exact)
    })
  }

  public var memberNames: [String] { ["trend", "season", "remainder", "adjusted"] }

  /// `d.trend`, `d.season`, `d.remainder`, `d.adjusted` as series on the data's index.
  public func member(_ name: String) throws -> any Value {
    let values: [Double]
    switch name {
    case "trend": values = trend
    case "season": values = season
    case "remainder": values = remainder
    case "adjusted": values = adjusted
    default: throw RuntimeError("a decomposition has no part '\(name)'", hint: "parts: \(memberNames.joined(separator: ", "))")
    }
    return Series(name: name, index: series.index, values: values)
  }

  public func render(_ style: RenderStyle) -> String {
    let title = method == .stl ? "STL decomposition" : "Classical decomposition"
    var lines = TerminalText.wrapped("\(title) of \(series.name): \(multiplicative ? "multiplicative" : "additive"), period \(period), \(settings)", width: style.width)
    let strengths = [("trend", trendStrength), ("seasonality", seasonStrength)]
      .map { "strength of \($0.0) \($0.1.map { NumberFormatting.fixed($0, decimals: 3) } ?? "n/a (no variation)")" }
    lines.append(strengths.joined(separator: "   "))
    lines.append(style.asciiOnly ? "(F = max(0, 1 - Var(R)/Var(component + R)), as Hyndman & Athanasopoulos)"
      : "(F = max(0, 1 − Var(R)/Var(component + R)), as Hyndman & Athanasopoulos)")
    lines.append("")
    lines.append(renderedPanels(style))
    return lines.joined(separator: "\n")
  }
}
