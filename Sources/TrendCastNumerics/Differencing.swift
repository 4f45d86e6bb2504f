import Foundation

/// Differencing and the automatic choice of differencing orders as R's forecast 8.20 makes
/// them for `auto.arima`: `ndiffs` (repeated KPSS tests) and `nsdiffs` (seasonal strength, or
/// the OCSB test).
public enum Differencing {
  /// The lag-`lag` difference applied `order` times (R's `diff(x, lag, differences)`):
  /// n − lag·order values; NaN propagates.
  public static func difference(_ x: [Double], lag: Int = 1, order: Int = 1) -> [Double] {
    precondition(lag >= 1 && order >= 0, "difference needs lag >= 1 and order >= 0")
    var result = x
    for _ in 0..<order {
      guard result.count > lag else { return [] }
      result = (lag..<result.count).map { result[$0] - result[$0 - lag] }
    }
    return result
  }

  /// The seasonal test `nsdiffs` runs.
  public enum SeasonalTest: String, Sendable {
    /// forecast's default "seas": difference when the STL seasonal strength exceeds 0.64.
    case seasonalStrength = "seas"
    /// The Osborn–Chui–Smith–Birchenhall test (`ocsb.test(maxlag = 3, lag.method = "AIC")`).
    case ocsb
  }

  /// The number of first differences that make `x` level-stationary by the KPSS test
  /// (forecast's `ndiffs` defaults: alpha 0.05 clamped to [0.01, 0.1], urca's KPSS with lag
  /// ⌊3√n/13⌋ and its tabulated p-value, at most `maxD` differences). NaN dropped first; a
  /// constant series needs none; a test that cannot be computed stops the search.
  public static func ndiffs(_ x: [Double], alpha: Double = 0.05, trend: Bool = false, maxD: Int = 2) -> Int {
    let level = Swift.min(Swift.max(alpha, 0.01), 0.1)
    var series = x.filter { !$0.isNaN }
    var d = 0
    if isConstant(series) { return d }
    func needsDifference(_ y: [Double]) -> Bool? {
      guard let result = try? KPSS.test(y, regression: trend ? .constantAndTrend : .constant, lags: .forecastDefault) else {
        return false  // forecast treats a failing test as "no further difference"
      }
      return result.statistic.isNaN ? nil : result.pValue < level
    }
    guard var dodiff = needsDifference(series) else { return d }
    while dodiff && d < maxD {
      d += 1
      series = difference(series)
      if isConstant(series) { return d }
      guard let next = needsDifference(series) else { return d - 1 }
      dodiff = next
    }
    return d
  }

  /// The number of seasonal differences (lag `period`) that `auto.arima` would take:
  /// forecast's `nsdiffs` with `max.D` = `maxD`. A constant series, or one no longer than its
  /// period, needs none; a test that fails counts as "no difference".
  ///
  /// - Throws: `invalidArgument` when period < 2 (forecast: "Non seasonal data").
  public static func nsdiffs(_ x: [Double], period: Int, test: SeasonalTest = .seasonalStrength, maxD: Int = 1) throws -> Int {
    guard period >= 2 else { throw NumericsError.invalidArgument("nsdiffs needs a seasonal period of at least 2, got \(period)") }
    var series = x
    var seasonalDifferences = 0
    if isConstant(series) { return 0 }
    if period >= series.count { return 0 }
    func needsDifference(_ y: [Double]) -> Bool {
      switch test {
      case .seasonalStrength:
        guard let strength = try? seasonalStrength(y, period: period) else { return false }
        return strength > 0.64
      case .ocsb:
        guard let result = try? OCSB.test(y, period: period) else { return false }
        return result.statistic > result.criticalValue
      }
    }
    var dodiff = needsDifference(series)
    while dodiff && seasonalDifferences < maxD {
      seasonalDifferences += 1
      series = difference(series, lag: period)
      if isConstant(series) { return seasonalDifferences }
      dodiff = series.count >= 2 * period && seasonalDifferences < maxD ? needsDifference(series) : false
    }
    return seasonalDifferences
  }

  /// forecast's seasonal-strength heuristic: max(0, min(1, 1 − Var(R)/Var(R + S))) from an STL
  /// with s.window 11 (what `mstl` does for one seasonal period), after seasonal interpolation
  /// of missing values; remainder values at missing positions are left out of the variances.
  ///
  /// - Throws: `tooShort` when n ≤ 2·period (STL cannot run), `allMissing`.
  public static func seasonalStrength(_ x: [Double], period: Int) throws -> Double {
    let filled = x.contains(where: \.isNaN) ? try MissingValues.interpolateSeasonally(x, period: period) : x
    let stl = try STL.decompose(filled, period: period, options: STLOptions(seasonalWindow: .span(11)))
    let remainder = x.indices.map { x[$0].isNaN ? Double.nan : stl.remainder[$0] }
    let withSeason = x.indices.map { remainder[$0] + stl.seasonal[$0] }
    let ratio = Descriptive.variance(remainder) / Descriptive.variance(withSeason)
    return Swift.max(0, Swift.min(1, 1 - ratio))
  }
}

/// The differencing orders of an ARIMA model.
public struct DifferencingOrders: Sendable, Equatable {
  /// Non-seasonal differences d.
  public let d: Int
  /// Seasonal differences D.
  public let seasonalD: Int

  public init(d: Int, seasonalD: Int) {
    self.d = d
    self.seasonalD = seasonalD
  }
}

extension Differencing {
  /// The (d, D) that R's `auto.arima(x)` uses with its defaults: leading missing values
  /// trimmed; D from `nsdiffs` (max 1) only when period > 1 and the series is longer than two
  /// periods; then d from `ndiffs` (max 2, KPSS) on the seasonally differenced series, each
  /// reduced if it would leave nothing but missing values. A constant series gives (0, 0).
  public static func autoArimaOrders(
    _ x: [Double], period: Int, seasonalTest: SeasonalTest = .seasonalStrength, maxD: Int = 2, maxSeasonalD: Int = 1
  ) -> DifferencingOrders {
    guard let firstPresent = x.firstIndex(where: { !$0.isNaN }) else { return DifferencingOrders(d: 0, seasonalD: 0) }
    let series = Array(x[firstPresent...])
    if isConstant(series) { return DifferencingOrders(d: 0, seasonalD: 0) }
    let m = Swift.max(1, period)
    var seasonalD = 0
    if m > 1 && series.count > 2 * m {
      seasonalD = (try? nsdiffs(series, period: m, test: seasonalTest, maxD: maxSeasonalD)) ?? 0
      if seasonalD > 0 && difference(series, lag: m, order: seasonalD).allSatisfy(\.isNaN) { seasonalD -= 1 }
    }
    let seasonallyDifferenced = seasonalD > 0 ? difference(series, lag: m, order: seasonalD) : series
    var d = ndiffs(seasonallyDifferenced, maxD: maxD)
    if d > 0 && difference(seasonallyDifferenced, order: d).allSatisfy(\.isNaN) { d -= 1 }
    return DifferencingOrders(d: d, seasonalD: seasonalD)
  }
}
