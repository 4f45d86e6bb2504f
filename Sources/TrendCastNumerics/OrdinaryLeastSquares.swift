import Foundation

/// The result of an ordinary least-squares fit y = X β + ε, with everything the trend,
/// diagnostics and unit-root code need: coefficients and their standard errors, residuals,
/// σ², R², information criteria and the unscaled covariance (X'X)⁻¹ for prediction intervals.
public struct OLSResult: Sendable {
  /// Estimated coefficients β, one per column of X.
  public let coefficients: [Double]
  /// Standard errors sqrt(σ² (X'X)⁻¹_jj).
  public let standardErrors: [Double]
  /// t statistics β_j / se_j.
  public let tStatistics: [Double]
  /// Fitted values X β.
  public let fitted: [Double]
  /// Residuals y − X β.
  public let residuals: [Double]
  /// Residual sum of squares.
  public let residualSumOfSquares: Double
  /// σ² = RSS / (n − k), the unbiased residual variance.
  public let sigma2: Double
  /// R²: centred (about the mean of y) when X contains a constant column, uncentred otherwise,
  /// as R's `summary.lm` and statsmodels do.
  public let rSquared: Double
  /// Adjusted R² = 1 − (1 − R²)(n − c)/(n − k), with c = 1 when X has a constant column, else 0.
  public let adjustedRSquared: Double
  /// Number of observations n.
  public let observationCount: Int
  /// Residual degrees of freedom n − k.
  public let residualDegreesOfFreedom: Int
  /// True when some column of X is constant and non-zero (an intercept).
  public let hasConstant: Bool
  /// (X'X)⁻¹; σ² times this is the coefficient covariance, and x₀'(X'X)⁻¹x₀ scales the
  /// variance of a prediction at x₀.
  public let xtxInverse: Matrix
  /// Gaussian log-likelihood at the ML variance RSS/n: −n/2 (log 2π + log(RSS/n) + 1).
  public let logLikelihood: Double
  /// AIC = −2 logL + 2k (k = number of coefficients, as statsmodels counts for OLS).
  public let aic: Double
  /// BIC = −2 logL + k log n.
  public let bic: Double

  /// Number of coefficients k.
  public var parameterCount: Int { coefficients.count }

  /// The variance of the mean response at the regressor row `x0`: σ² x₀'(X'X)⁻¹x₀.
  public func meanResponseVariance(at x0: [Double]) -> Double {
    sigma2 * dot(x0, xtxInverse * x0)
  }

  /// The variance of a new observation at `x0`: σ² (1 + x₀'(X'X)⁻¹x₀).
  public func predictionVariance(at x0: [Double]) -> Double {
    sigma2 + meanResponseVariance(at: x0)
  }
}

/// Fits y = X β + ε by least squares (Householder QR) and reports the usual statistics.
///
/// Throws `NumericsError.tooShort` when there are not more observations than columns,
/// `NumericsError.singular` when columns are collinear, and `NumericsError.nonFinite` when
/// X or y contain NaN or infinity (drop missing rows first).
public func ordinaryLeastSquares(_ x: Matrix, _ y: [Double]) throws -> OLSResult {
  precondition(x.rows == y.count, "X needs one row per observation")
  let n = x.rows
  let k = x.columns
  guard n > k else { throw NumericsError.tooShort("least-squares regression", needed: k + 1, got: n) }
  guard x.isFinite, y.allSatisfy(\.isFinite) else { throw NumericsError.nonFinite("least-squares regression") }
  let qr = QRDecomposition(x)
  let beta = try qr.solveLeastSquares(y)
  let xtxInverse = try qr.gramInverse()
  let fitted = x * beta
  let residuals = zip(y, fitted).map { $0 - $1 }
  let rss = residuals.reduce(0) { $0 + $1 * $1 }
  let dfResidual = n - k
  let sigma2 = rss / Double(dfResidual)
  let standardErrors = (0..<k).map { (sigma2 * xtxInverse[$0, $0]).squareRoot() }
  let tStatistics = zip(beta, standardErrors).map { $1 > 0 ? $0 / $1 : .nan }

  let hasConstant = (0..<k).contains { j in
    let first = x[0, j]
    return first != 0 && (1..<n).allSatisfy { x[$0, j] == first }
  }
  let total: Double
  if hasConstant {
    let mean = y.reduce(0, +) / Double(n)
    total = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
  } else {
    total = y.reduce(0) { $0 + $1 * $1 }
  }
  let rSquared = total > 0 ? 1 - rss / total : .nan
  let c = hasConstant ? 1.0 : 0.0
  let adjusted = 1 - (1 - rSquared) * (Double(n) - c) / Double(dfResidual)
  let nd = Double(n)
  let logLikelihood = -nd / 2 * (log(2 * Double.pi) + log(rss / nd) + 1)
  return OLSResult(
    coefficients: beta, standardErrors: standardErrors, tStatistics: tStatistics,
    fitted: fitted, residuals: residuals, residualSumOfSquares: rss, sigma2: sigma2,
    rSquared: rSquared, adjustedRSquared: adjusted, observationCount: n,
    residualDegreesOfFreedom: dfResidual, hasConstant: hasConstant, xtxInverse: xtxInverse,
    logLikelihood: logLikelihood, aic: -2 * logLikelihood + 2 * Double(k),
    bic: -2 * logLikelihood + Double(k) * log(nd))
}
