import Foundation

/// How the augmented Dickey–Fuller test picks its number of lagged differences.
public enum ADFLagSelection: Sendable, Equatable {
  /// Exactly this many lags.
  case fixed(Int)
  /// The lag in 0…maxLag minimising AIC, all candidates fitted on the same sample
  /// (statsmodels `autolag='AIC'`); maxLag nil means 12·(n/100)^{1/4} rounded up, capped at
  /// n/2 − terms − 1.
  case aic(maxLag: Int?)
  /// As `.aic`, minimising BIC.
  case bic(maxLag: Int?)
}

/// The result of an augmented Dickey–Fuller test.
public struct ADFResult: Sendable {
  /// The τ statistic: the t value of the lagged level in the test regression.
  public let statistic: Double
  /// MacKinnon's (1994) approximate p-value.
  public let pValue: Double
  /// The number of lagged differences used.
  public let usedLag: Int
  /// Observations in the final regression.
  public let observations: Int
  /// MacKinnon's (2010) critical values for that many observations.
  public let criticalValues: CriticalValues
  /// The best information criterion during lag search (nil for a fixed lag).
  public let bestInformationCriterion: Double?
  /// The deterministic terms used.
  public let regression: DeterministicTerms
}

/// The augmented Dickey–Fuller unit-root test, as statsmodels' `adfuller`:
/// Δy_t = [c + βt] + γ y_{t−1} + Σ_{i=1}^{p} δ_i Δy_{t−i} + ε_t, H₀: γ = 0 (a unit root).
/// Missing values are dropped first.
public enum ADF {
  /// statsmodels' default maximum lag: ⌈12·(n/100)^{1/4}⌉, capped at n/2 − terms − 1.
  public static func defaultMaxLag(observations n: Int, regression: DeterministicTerms) -> Int {
    let rule = Int(ceil(12 * pow(Double(n) / 100, 0.25)))
    return Swift.min(n / 2 - regression.count - 1, rule)
  }

  /// Runs the test.
  ///
  /// - Throws: `tooShort` when the series cannot support the regression, `constant` for a
  ///   constant series, `invalidArgument` for a negative or too large lag.
  public static func test(
    _ x: [Double], regression: DeterministicTerms = .constant, lags: ADFLagSelection = .aic(maxLag: nil)
  ) throws -> ADFResult {
    let y = try TimeSeriesInput.droppingMissing(x, minimum: 4, "ADF test")
    try TimeSeriesInput.requireVarying(y, "ADF test")
    let n = y.count
    let cap = n / 2 - regression.count - 1
    guard cap >= 0 else { throw NumericsError.tooShort("ADF test with these deterministic terms", needed: 2 * (regression.count + 1), got: n) }

    let usedLag: Int
    var bestCriterion: Double? = nil
    switch lags {
    case .fixed(let p):
      guard p >= 0, p <= cap else { throw NumericsError.invalidArgument("ADF lag must be between 0 and \(cap), got \(p)") }
      usedLag = p
    case .aic(let maxLag), .bic(let maxLag):
      let maximum = maxLag ?? defaultMaxLag(observations: n, regression: regression)
      guard maximum >= 0, maximum <= cap else { throw NumericsError.invalidArgument("ADF maximum lag must be between 0 and \(cap), got \(maximum)") }
      let useAIC: Bool
      if case .aic = lags { useAIC = true } else { useAIC = false }
      // Every candidate uses the sample of the largest lag, so criteria are comparable.
      var best = (criterion: Double.infinity, lag: 0)
      for p in 0...maximum {
        let design = designMatrix(y, lags: p, sampleLags: maximum, regression: regression)
        guard let fit = try? ordinaryLeastSquares(design.x, design.response) else { continue }
        let criterion = useAIC ? fit.aic : fit.bic
        if criterion < best.criterion { best = (criterion, p) }
      }
      guard best.criterion.isFinite else { throw NumericsError.singular("ADF lag search") }
      usedLag = best.lag
      bestCriterion = best.criterion
    }
    let design = designMatrix(y, lags: usedLag, sampleLags: usedLag, regression: regression)
    let fit = try ordinaryLeastSquares(design.x, design.response)
    let tau = fit.tStatistics[design.levelColumn]
    return ADFResult(
      statistic: tau, pValue: MacKinnon.pValue(tau, regression: regression), usedLag: usedLag,
      observations: design.response.count,
      criticalValues: MacKinnon.criticalValues(regression: regression, observations: design.response.count),
      bestInformationCriterion: bestCriterion, regression: regression)
  }

  /// The regression Δy_t on [deterministic terms, y_{t−1}, Δy_{t−1…t−lags}] for the
  /// observations t that have `sampleLags` lagged differences available.
  private static func designMatrix(
    _ y: [Double], lags: Int, sampleLags: Int, regression: DeterministicTerms
  ) -> (x: Matrix, response: [Double], levelColumn: Int) {
    let dy = (1..<y.count).map { y[$0] - y[$0 - 1] }
    // Rows: indices t into dy from sampleLags to dy.count − 1.
    let rows = Array(sampleLags..<dy.count)
    let columns = regression.count + 1 + lags
    var x = Matrix(rows: rows.count, columns: columns)
    for (r, t) in rows.enumerated() {
      var c = 0
      if regression.count >= 1 {
        x[r, c] = 1
        c += 1
      }
      if regression.count >= 2 {
        x[r, c] = Double(r + 1)
        c += 1
      }
      x[r, c] = y[t]  // level y_{t-1} relative to dy[t] = y[t+1] − y[t]
      c += 1
      for i in stride(from: 1, through: lags, by: 1) {
        x[r, c] = dy[t - i]
        c += 1
      }
    }
    return (x, rows.map { dy[$0] }, regression.count)
  }
}
