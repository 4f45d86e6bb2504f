import Foundation

/// The result of a portmanteau (Ljung–Box or Box–Pierce) test of no autocorrelation.
public struct PortmanteauResult: Sendable, Equatable {
  /// The test statistic Q.
  public let statistic: Double
  /// P(χ²_df > Q).
  public let pValue: Double
  /// The number of autocorrelations summed.
  public let lags: Int
  /// Degrees of freedom: lags − fitdf.
  public let degreesOfFreedom: Int
}

/// Ljung–Box and Box–Pierce tests, as R's `Box.test` and statsmodels' `acorr_ljungbox`:
/// Q_LB = n(n+2) Σ_{k=1}^{h} r_k²/(n−k), Q_BP = n Σ r_k², compared with χ²(h − fitdf), on the
/// series with NaN dropped first (e.g. model residuals).
public enum Portmanteau {
  /// The Ljung–Box test at `lags` autocorrelations, with `fitdf` degrees of freedom subtracted
  /// (p + q for ARMA residuals).
  public static func ljungBox(_ x: [Double], lags: Int, fitdf: Int = 0) throws -> PortmanteauResult {
    try test(x, lags: lags, fitdf: fitdf, ljungBox: true)
  }

  /// The Box–Pierce test at `lags` autocorrelations.
  public static func boxPierce(_ x: [Double], lags: Int, fitdf: Int = 0) throws -> PortmanteauResult {
    try test(x, lags: lags, fitdf: fitdf, ljungBox: false)
  }

  private static func test(_ x: [Double], lags: Int, fitdf: Int, ljungBox: Bool) throws -> PortmanteauResult {
    guard lags >= 1 else { throw NumericsError.invalidArgument("the portmanteau test needs lags >= 1, got \(lags)") }
    guard fitdf >= 0, fitdf < lags else {
      throw NumericsError.invalidArgument("fitdf must be between 0 and lags - 1 (lags \(lags), fitdf \(fitdf))")
    }
    let values = try TimeSeriesInput.droppingMissing(x, minimum: lags + 1, ljungBox ? "Ljung-Box test" : "Box-Pierce test")
    let r = try Autocorrelation.acf(values, maxLag: lags)
    let n = Double(values.count)
    var q = 0.0
    for k in 1...lags {
      q += ljungBox ? r[k] * r[k] / (n - Double(k)) : r[k] * r[k]
    }
    q *= ljungBox ? n * (n + 2) : n
    let df = lags - fitdf
    return PortmanteauResult(
      statistic: q, pValue: ChiSquareDistribution(degreesOfFreedom: Double(df)).survival(q), lags: lags, degreesOfFreedom: df)
  }
}
