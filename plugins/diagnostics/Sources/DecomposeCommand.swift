import TrendCastNumerics
import TrendCastPlugin
import TrendCastValues

/// `decompose X [period=N] [method=stl|classical] [type=additive|multiplicative]
/// [swindow=N] [periodic] [robust]`: STL as R's mstl does it for one season (seasonal window
/// 11, missing values filled by na.interp first and left out of the remainder), or classical
/// moving averages as R's decompose.
enum DecomposeCommand {
  /// mstl's seasonal window for a single seasonal period.
  static let defaultSeasonalWindow = 11

  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let series = try invocation.series(0)
    let method = Decomposition.Method(rawValue: try invocation.keyword("method") ?? "stl") ?? .stl
    let multiplicative = try invocation.keyword("type") == "multiplicative"
    let period = try invocation.integer("period") ?? series.index.seasonalPeriod
    guard period >= 2 else {
      if invocation.isGiven("period") { throw invocation.optionError("period", "period must be at least 2 to have a season, not \(period)") }
      throw RuntimeError("decompose needs a seasonal period, but \(series.name) is \(series.frequency.name) data (period 1)",
        hint: "give the season length with period=N").focused(on: .input(0))
    }
    let observed = series.count - series.missingCount
    guard observed > 0 else {
      throw RuntimeError("decompose: every value of \(series.name) is missing", hint: "check the data").focused(on: .input(0))
    }
    switch method {
    case .stl: return try stl(series, period: period, multiplicative: multiplicative, invocation)
    case .classical: return try classical(series, period: period, multiplicative: multiplicative, invocation)
    }
  }

  static func stl(_ series: Series, period: Int, multiplicative: Bool, _ invocation: Invocation) throws -> Decomposition {
    if multiplicative {
      throw invocation.optionError("type", "STL decomposes additively only",
        hint: "use method=classical type=multiplicative, or decompose the logarithm of the series")
    }
    guard series.count > 2 * period else {
      throw RuntimeError("decompose (stl) with period \(period) needs more than two full seasons: at least \(2 * period + 1) values, but \(series.name) has \(series.count)",
        hint: "use a longer series, or a shorter period=").focused(on: .input(0))
    }
    let periodic = invocation.has(flag: "periodic")
    let window = try invocation.integer("swindow") ?? defaultSeasonalWindow
    guard window >= 3 else { throw invocation.optionError("swindow", "swindow must be at least 3, not \(window)") }
    if periodic && invocation.isGiven("swindow") {
      throw invocation.optionError("swindow", "give swindow=N or periodic, not both", hint: "periodic means the same seasonal pattern every cycle")
    }
    var values = series.values
    let missing = series.missingCount
    do {
      if missing > 0 {
        values = try MissingValues.interpolateSeasonally(values, period: period)
        invocation.report("\(missing) missing value\(missing == 1 ? "" : "s") of \(series.name) filled by seasonal interpolation for STL (as R's mstl); the remainder is left missing there")
      }
      let robust = invocation.has(flag: "robust")
      let result = try STL.decompose(values, period: period, options: STLOptions(seasonalWindow: periodic ? .periodic : .span(window), robust: robust))
      let remainder = series.values.indices.map { series.values[$0].isNaN ? Double.nan : result.remainder[$0] }
      let settings = (periodic ? "periodic season" : "seasonal window \(result.seasonalWindow)") + ", trend window \(result.trendWindow)" + (robust ? ", robust" : "")
      return Decomposition(series: series, method: .stl, multiplicative: false, period: period,
        trend: result.trend, season: result.seasonal, remainder: remainder, settings: settings)
    } catch let error as NumericsError {
      throw RuntimeError("decompose (stl) on \(series.name): \(error.message)", hint: "check the data for infinite values").focused(on: .input(0))
    }
  }

  static func classical(_ series: Series, period: Int, multiplicative: Bool, _ invocation: Invocation) throws -> Decomposition {
    if invocation.isGiven("swindow") || invocation.has(flag: "periodic") || invocation.has(flag: "robust") {
      throw RuntimeError("swindow=, periodic and robust apply to method=stl only", hint: "leave them out for method=classical")
    }
    let observed = series.count - series.missingCount
    guard observed >= 2 * period else {
      throw RuntimeError("decompose (classical) with period \(period) needs two full seasons: at least \(2 * period) observed values, but \(series.name) has \(observed)",
        hint: "use a longer series, or a shorter period=").focused(on: .input(0))
    }
    if multiplicative, let position = series.values.firstIndex(where: { $0 <= 0 }) {
      throw RuntimeError("a multiplicative decomposition needs positive values, but \(series.name) is \(NumberFormatting.display(series.values[position])) at \(series.index.label(at: position))",
        hint: "use type=additive").focused(on: .option("type"))
    }
    do {
      let result = try ClassicalDecomposition.decompose(series.values, period: period, kind: multiplicative ? .multiplicative : .additive)
      let half = period / 2
      return Decomposition(series: series, method: .classical, multiplicative: multiplicative, period: period,
        trend: result.trend, season: result.seasonal, remainder: result.remainder,
        settings: "moving average of \(period % 2 == 0 ? "2×\(period)" : String(period)) (trend missing for the first and last \(half) periods)")
    } catch let error as NumericsError {
      throw RuntimeError("decompose (classical) on \(series.name): \(error.message)").focused(on: .input(0))
    }
  }
}
