import Foundation

/// The result of the Osborn–Chui–Smith–Birchenhall seasonal unit-root test.
public struct OCSBResult: Sendable {
  /// The t value of the Z5 term (the seasonal unit-root regressor).
  public let statistic: Double
  /// The 5 % critical value for this period (forecast's simulated response surface).
  public let criticalValue: Double
  /// The AR lag order used.
  public let lag: Int
}

/// The OCSB test as forecast's `ocsb.test(x, maxlag, lag.method = "AIC")` computes it: an AR
/// fit of ΔΔ_m x, whose filter is applied to Δ_m x (Z4) and Δx (Z5); the t value of Z5_{t−m}
/// in the regression of ΔΔ_m x_t on its lags, Z4_{t−1} and Z5_{t−m} is compared with the
/// critical value; a statistic above it means a seasonal difference is needed.
///
/// The lag search reproduces forecast: candidate lags 1…maxLag are fitted on a common sample,
/// and if candidate i has the lowest AIC the final lag is i − 1.
public enum OCSB {
  /// forecast's `calcOCSBCritVal`: the 5 % critical value for seasonal period m.
  public static func criticalValue(period m: Int) -> Double {
    let logM = log(Double(m))
    let u = logM - 0.7656451
    return -0.2937411 * exp(-0.2850853 * u - 0.05983644 * u * u) - 1.652202
  }

  /// Runs the test on a complete series (NaN are not allowed: fill them first).
  ///
  /// - Throws: `tooShort` when the regression has no residual degrees of freedom,
  ///   `singular` when it is degenerate, `nonFinite` for NaN input.
  public static func test(_ x: [Double], period m: Int, maxLag: Int = 3, selectLagByAIC: Bool = true) throws -> OCSBResult {
    guard m >= 2 else { throw NumericsError.invalidArgument("OCSB needs a seasonal period of at least 2, got \(m)") }
    guard x.allSatisfy(\.isFinite) else { throw NumericsError.nonFinite("OCSB test (fill missing values first)") }
    var lag = maxLag
    if maxLag > 0 && selectLagByAIC {
      var best = (aic: Double.infinity, index: 1)
      for candidate in 1...maxLag {
        guard let fit = try? regression(x, period: m, lag: candidate, trim: maxLag) else { continue }
        let aic = rStyleAIC(fit)
        if aic < best.aic { best = (aic, candidate) }
      }
      lag = best.index - 1
    }
    let fit = try regression(x, period: m, lag: lag, trim: lag)
    let statistic = fit.tStatistics[fit.tStatistics.count - 1]
    guard statistic.isFinite else { throw NumericsError.singular("OCSB regression") }
    return OCSBResult(statistic: statistic, criticalValue: criticalValue(period: m), lag: lag)
  }

  /// R's AIC of an `lm` fit: −2 logLik + 2(k + 1).
  private static func rStyleAIC(_ fit: OLSResult) -> Double {
    let n = Double(fit.observationCount)
    let logLikelihood = -0.5 * n * (log(2 * Double.pi) + 1 - log(n) + log(fit.residualSumOfSquares))
    return -2 * logLikelihood + 2 * Double(fit.parameterCount + 1)
  }

  /// The OCSB regression with AR order `lag`, on observations that also have `trim` lags.
  private static func regression(_ x: [Double], period m: Int, lag: Int, trim: Int) throws -> OLSResult {
    let n = x.count
    let nan = Double.nan
    // Series indexed by time 0..<n, NaN where undefined.
    let seasonalDiff = (0..<n).map { $0 >= m ? x[$0] - x[$0 - m] : nan }
    let firstDiff = (0..<n).map { $0 >= 1 ? x[$0] - x[$0 - 1] : nan }
    let y = (0..<n).map { $0 >= m + 1 ? seasonalDiff[$0] - seasonalDiff[$0 - 1] : nan }
    let start = m + 1 + Swift.max(trim, lag)
    guard start < n else { throw NumericsError.tooShort("OCSB test", needed: start + 1, got: n) }
    let rows = Array(start..<n)

    var phi: [Double] = []
    if lag > 0 {
      let arRows = Array((m + 1 + Swift.max(trim, lag))..<n)
      let design = Matrix(columns: (1...lag).map { k in arRows.map { y[$0 - k] } })
      phi = try leastSquares(design, arRows.map { y[$0] })
    }
    func filtered(_ series: [Double], _ t: Int) -> Double {
      var value = series[t]
      for (k, coefficient) in phi.enumerated() { value -= coefficient * series[t - k - 1] }
      return value
    }
    var columns: [[Double]] = (0..<lag).map { k in rows.map { y[$0 - k - 1] } }
    columns.append(rows.map { filtered(seasonalDiff, $0 - 1) })  // Z4_{t−1}
    columns.append(rows.map { filtered(firstDiff, $0 - m) })  // Z5_{t−m}
    return try ordinaryLeastSquares(Matrix(columns: columns), rows.map { y[$0] })
  }
}
