import Foundation
import TrendCastNumerics

/// The regressors of a linear trend with Fourier seasonality,
/// S_t = a0 + a1·t + Σ_{k=1}^{K} (b_k sin(kωt) + c_k cos(kωt)), ω = 2π/period, t = 1, 2, …
/// — the columns of R's `tslm(y ~ trend + fourier(y, K))`. When 2K = period the last sine is
/// zero at every whole t, so it is left out (as `fourier` does).
public struct TrendSpecification: Sendable, Equatable {
  /// The season length in periods (1: no season).
  public let period: Int
  /// The number of sine/cosine pairs K (2K ≤ period).
  public let harmonics: Int

  public init(period: Int, harmonics: Int) {
    precondition(period >= 1 && harmonics >= 0 && 2 * harmonics <= period, "harmonics must satisfy 2K ≤ period")
    self.period = period
    self.harmonics = harmonics
  }

  /// Whether the sine of harmonic k is a column (not identically zero).
  func hasSine(_ k: Int) -> Bool { 2 * k != period }

  /// Coefficient names in column order: a0, a1, b1, c1, b2, c2, …
  public var parameterNames: [String] {
    var names = ["a0", "a1"]
    for k in stride(from: 1, through: harmonics, by: 1) {
      if hasSine(k) { names.append("b\(k)") }
      names.append("c\(k)")
    }
    return names
  }

  public var coefficientCount: Int { parameterNames.count }

  /// The regressor row at time t (t = 1 is the first observation). The angle is reduced
  /// modulo the period first, so far-off times keep full precision.
  public func row(at t: Int) -> [Double] {
    var row = [1, Double(t)]
    for k in stride(from: 1, through: harmonics, by: 1) {
      let phase = ((k * t) % period + period) % period
      let angle = 2 * Double.pi * Double(phase) / Double(period)
      if hasSine(k) { row.append(sin(angle)) }
      row.append(cos(angle))
    }
    return row
  }
}

/// A trend regression fitted by ordinary least squares to the observed values of a series.
public struct TrendRegression: Sendable {
  public let specification: TrendSpecification
  public let ols: OLSResult
  /// The length of the fitted series (missing values included); forecasts start at t = length + 1.
  public let length: Int
  /// Fitted values at every position (NaN where the value is missing, as R's na.exclude).
  public let fitted: [Double]
  public let residuals: [Double]

  /// Fits to `y`, leaving out missing values.
  ///
  /// - Throws: `tooShort` when there are not more observed values than coefficients,
  ///   `singular` when the columns are collinear, `nonFinite` for infinite values.
  public init(_ y: [Double], specification: TrendSpecification) throws {
    self.specification = specification
    length = y.count
    let rows = y.indices.filter { !y[$0].isNaN }
    guard rows.count > specification.coefficientCount else {
      throw NumericsError.tooShort("trend regression", needed: specification.coefficientCount + 1, got: rows.count)
    }
    let design = Matrix(rows.map { specification.row(at: $0 + 1) })
    let fit = try ordinaryLeastSquares(design, rows.map { y[$0] })
    ols = fit
    var fitted = Array(repeating: Double.nan, count: y.count)
    for (i, position) in rows.enumerated() { fitted[position] = fit.fitted[i] }
    self.fitted = fitted
    residuals = y.indices.map { y[$0] - fitted[$0] }
  }

  public var coefficients: [Double] { ols.coefficients }
  public var standardErrors: [Double] { ols.standardErrors }

  /// Two-sided p-values of the t statistics (R's Pr(>|t|)).
  public var pValues: [Double] {
    let t = StudentTDistribution(degreesOfFreedom: Double(ols.residualDegreesOfFreedom))
    return ols.tStatistics.map { 2 * t.survival(abs($0)) }
  }

  /// The F statistic of all regressors but the constant, with its degrees of freedom and
  /// p-value (R's summary.lm last line).
  public var fStatistic: (value: Double, numerator: Int, denominator: Int, pValue: Double) {
    let numerator = specification.coefficientCount - 1
    let denominator = ols.residualDegreesOfFreedom
    let r2 = ols.rSquared
    let value = r2 < 1 ? (r2 / Double(numerator)) / ((1 - r2) / Double(denominator)) : .infinity
    let p = value.isFinite ? FDistribution(numeratorDegreesOfFreedom: Double(numerator), denominatorDegreesOfFreedom: Double(denominator)).survival(value) : 0
    return (value, numerator, denominator, p)
  }

  /// Estimated parameters as R's AIC counts them for lm: the coefficients and σ.
  var informationParameterCount: Int { specification.coefficientCount + 1 }

  /// R's logLik(lm), AIC, BIC, and AICc = AIC + 2p(p+1)/(n−p−1) (the correction of forecast's CV()).
  public var logLikelihood: Double { ols.logLikelihood }
  public var aic: Double { -2 * ols.logLikelihood + 2 * Double(informationParameterCount) }
  public var bic: Double { -2 * ols.logLikelihood + log(Double(ols.observationCount)) * Double(informationParameterCount) }
  public var aicc: Double? {
    let p = Double(informationParameterCount)
    let n = Double(ols.observationCount)
    return n - p - 1 > 0 ? aic + 2 * p * (p + 1) / (n - p - 1) : nil
  }

  /// Point forecasts and prediction standard errors σ√(1 + x₀'(X'X)⁻¹x₀) for `horizon` periods.
  public func forecast(horizon: Int) -> (mean: [Double], standardErrors: [Double]) {
    var mean: [Double] = []
    var errors: [Double] = []
    for step in stride(from: 1, through: horizon, by: 1) {
      let x0 = specification.row(at: length + step)
      mean.append(dot(x0, ols.coefficients))
      errors.append(max(ols.predictionVariance(at: x0), 0).squareRoot())
    }
    return (mean, errors)
  }

  /// The multiplier of the standard error for a central interval at `level` percent: the t
  /// quantile with the residual degrees of freedom, as R's predict.lm.
  public func intervalMultiplier(level: Double) -> Double {
    StudentTDistribution(degreesOfFreedom: Double(ols.residualDegreesOfFreedom)).quantile(0.5 + level / 200)
  }
}
