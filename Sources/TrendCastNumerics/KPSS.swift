import Foundation

/// How the KPSS test chooses the truncation lag of its Bartlett long-run variance.
public enum KPSSLagRule: Sendable, Equatable {
  /// statsmodels `nlags='auto'`: the data-dependent rule of Hobijn, Franses & Ooms (1998).
  case auto
  /// statsmodels `nlags='legacy'`: ⌈12·(n/100)^{1/4}⌉ (its code rounds up), capped at n − 1.
  case legacy
  /// urca's `lags='short'`: ⌊4·(n/100)^{1/4}⌋.
  case short
  /// urca's `lags='long'`: ⌊12·(n/100)^{1/4}⌋.
  case long
  /// forecast's `ndiffs`: ⌊3√n / 13⌋.
  case forecastDefault
  /// Exactly this many lags.
  case fixed(Int)
}

/// The result of a KPSS stationarity test.
public struct KPSSResult: Sendable {
  /// η / σ̂²_LR, the KPSS statistic.
  public let statistic: Double
  /// p-value interpolated linearly in the KPSS (1992) table (0.10, 0.05, 0.025, 0.01) and
  /// clamped to [0.01, 0.10].
  public let pValue: Double
  /// True when the statistic lies outside the table, so the p-value is only a bound
  /// (the true p-value is smaller than 0.01 or greater than 0.10).
  public let pValueOutsideTable: Bool
  /// The truncation lag used.
  public let lags: Int
  /// The table's critical values for 10 %, 5 %, 2.5 % and 1 %.
  public let criticalValues: [Double]
  /// Level ('c') or trend ('ct') stationarity.
  public let regression: DeterministicTerms
}

/// The KPSS test of (level or trend) stationarity, as statsmodels' `kpss` and urca's
/// `ur.kpss` compute it: residuals from the mean (or a linear trend), η = Σ S_t² / n² with
/// S the partial sums, over the Bartlett-weighted long-run variance. Missing values are
/// dropped first.
public enum KPSS {
  /// Significance levels of the KPSS table.
  public static let tableLevels = [0.10, 0.05, 0.025, 0.01]

  /// Critical values of the KPSS table for `regression` (.constant or .constantAndTrend).
  public static func tableCriticalValues(_ regression: DeterministicTerms) -> [Double] {
    regression == .constantAndTrend ? [0.119, 0.146, 0.176, 0.216] : [0.347, 0.463, 0.574, 0.739]
  }

  /// Runs the test. `regression` must be `.constant` or `.constantAndTrend`.
  ///
  /// - Throws: `tooShort` (fewer than 3 values), `constant`, `invalidArgument` for
  ///   `.none` or a fixed lag ≥ n.
  public static func test(
    _ x: [Double], regression: DeterministicTerms = .constant, lags rule: KPSSLagRule = .auto
  ) throws -> KPSSResult {
    guard regression != .none else { throw NumericsError.invalidArgument("KPSS needs regression 'c' or 'ct'") }
    let y = try TimeSeriesInput.droppingMissing(x, minimum: 3, "KPSS test")
    try TimeSeriesInput.requireVarying(y, "KPSS test")
    let n = y.count
    let residuals: [Double]
    if regression == .constantAndTrend {
      let design = Matrix(columns: [Array(repeating: 1, count: n), (1...n).map(Double.init)])
      residuals = try ordinaryLeastSquares(design, y).residuals
    } else {
      let mean = y.reduce(0, +) / Double(n)
      residuals = y.map { $0 - mean }
    }
    let lags = try lagCount(rule, residuals: residuals)
    var partialSum = 0.0
    var eta = 0.0
    for r in residuals {
      partialSum += r
      eta += partialSum * partialSum
    }
    eta /= Double(n) * Double(n)
    let longRunVariance = bartlettLongRunVariance(residuals, lags: lags)
    guard longRunVariance > 0 else { throw NumericsError.constant("KPSS test") }
    let statistic = eta / longRunVariance
    let critical = tableCriticalValues(regression)
    let (p, outside) = interpolatePValue(statistic, critical: critical, levels: tableLevels)
    return KPSSResult(
      statistic: statistic, pValue: p, pValueOutsideTable: outside, lags: lags, criticalValues: critical,
      regression: regression)
  }

  /// The truncation lag a rule gives for these residuals.
  public static func lagCount(_ rule: KPSSLagRule, residuals: [Double]) throws -> Int {
    let n = residuals.count
    let quarterRoot = pow(Double(n) / 100, 0.25)
    switch rule {
    case .auto: return Swift.min(hobijnLag(residuals), n - 1)
    case .legacy: return Swift.min(Int(ceil(12 * quarterRoot)), n - 1)
    case .short: return Swift.min(Int(4 * quarterRoot), n - 1)
    case .long: return Swift.min(Int(12 * quarterRoot), n - 1)
    case .forecastDefault: return Swift.min(Int(3 * Double(n).squareRoot() / 13), n - 1)
    case .fixed(let lags):
      guard lags >= 0, lags < n else { throw NumericsError.invalidArgument("KPSS lags must be between 0 and \(n - 1), got \(lags)") }
      return lags
    }
  }

  /// Hobijn et al. (1998): γ̂ = 1.1447 (ŝ²)^{1/3}, lag = ⌊γ̂ n^{1/3}⌋, with ŝ from
  /// ⌊n^{2/9}⌋ autocovariances (statsmodels' `_kpss_autolag`).
  static func hobijnLag(_ residuals: [Double]) -> Int {
    let n = residuals.count
    let covarianceLags = Int(pow(Double(n), 2.0 / 9.0))
    var s0 = residuals.reduce(0) { $0 + $1 * $1 } / Double(n)
    var s1 = 0.0
    for i in stride(from: 1, through: covarianceLags, by: 1) {
      var product = 0.0
      for t in i..<n { product += residuals[t] * residuals[t - i] }
      product /= Double(n) / 2
      s0 += product
      s1 += Double(i) * product
    }
    let sHat = s1 / s0
    let gamma = 1.1447 * pow(sHat * sHat, 1.0 / 3.0)
    let lag = gamma * pow(Double(n), 1.0 / 3.0)
    return lag.isFinite ? Swift.max(0, Int(lag)) : 0
  }

  /// σ̂² = (1/n)[Σ e_t² + 2 Σ_{i=1}^{L} (1 − i/(L+1)) Σ_t e_t e_{t−i}].
  public static func bartlettLongRunVariance(_ residuals: [Double], lags: Int) -> Double {
    let n = residuals.count
    var s = residuals.reduce(0) { $0 + $1 * $1 }
    for i in stride(from: 1, through: lags, by: 1) {
      var product = 0.0
      for t in i..<n { product += residuals[t] * residuals[t - i] }
      s += 2 * product * (1 - Double(i) / (Double(lags) + 1))
    }
    return s / Double(n)
  }

  /// Linear interpolation of p in (critical → level), clamped at the table's ends
  /// (numpy's `interp`, R's `approx(rule = 2)`).
  static func interpolatePValue(_ statistic: Double, critical: [Double], levels: [Double]) -> (Double, Bool) {
    guard let first = critical.first, let last = critical.last else { return (.nan, true) }
    if statistic <= first { return (levels[0], statistic < first) }
    if statistic >= last { return (levels[levels.count - 1], statistic > last) }
    for k in 1..<critical.count where statistic <= critical[k] {
      let fraction = (statistic - critical[k - 1]) / (critical[k] - critical[k - 1])
      return (levels[k - 1] + fraction * (levels[k] - levels[k - 1]), false)
    }
    return (levels[levels.count - 1], true)
  }
}
