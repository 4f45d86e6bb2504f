import Foundation

/// An estimated (S)ARIMA model with regression terms: coefficients, their covariance, the
/// innovation variance and the likelihood figures R's `Arima` reports.
public struct ARIMAFit: Sendable {
  public enum Method: String, Sendable {
    /// Exact maximum likelihood started from conditional-sum-of-squares estimates (R's default).
    case cssML = "CSS-ML"
    /// Conditional sum of squares only: the fast approximation of auto.arima's search.
    case css = "CSS"
  }

  public var order: ARIMAOrder
  public var method: Method
  public var arma: ARMACoefficients
  /// Names of the regression terms: intercept, drift, then the xreg columns.
  public var regressionNames: [String]
  public var beta: [Double]
  /// Innovation variance: the ML estimate (the CSS residual variance for `.css`).
  public var sigma2: Double
  /// The exact log-likelihood (nil for `.css`).
  public var logLikelihood: Double?
  /// Observations used: present values less the d + D·s lost to differencing (R's n.used).
  public var nobs: Int
  /// Covariance of `parameters` from the numerical Hessian; nil when it is not positive definite.
  public var covariance: [[Double]]?
  public var converged: Bool
  public var iterations: Int
  /// Objective evaluations of the exact-likelihood step (and CSS when that is the method).
  public var evaluations: Int = 0
  public var optimizerMessage: String

  public var parameterNames: [String] { order.armaParameterNames + regressionNames }
  public var parameters: [Double] { arma.flattened + beta }
  /// Coefficients plus σ², as R's `npar` counts for AIC.
  public var informationParameterCount: Int { parameters.count + 1 }

  public var standardErrors: [Double]? {
    covariance.map { matrix in matrix.indices.map { matrix[$0][$0].squareRoot() } }
  }

  /// AIC = −2 log L + 2 (k + 1).
  public var aic: Double? { logLikelihood.map { -2 * $0 + 2 * Double(informationParameterCount) } }
  /// AICc as R's forecast package: AIC + 2 k (k + 1) / (n* − k − 1), n* = nobs.
  public var aicc: Double? {
    guard let aic else { return nil }
    return Self.corrected(aic: aic, parameters: informationParameterCount, nobs: nobs)
  }
  /// BIC = AIC + k (log n* − 2).
  public var bic: Double? { aic.map { $0 + Double(informationParameterCount) * (log(Double(nobs)) - 2) } }

  static func corrected(aic: Double, parameters k: Int, nobs: Int) -> Double? {
    let denominator = Double(nobs - k - 1)
    guard denominator > 0 else { return nil }
    return aic + 2 * Double(k) * Double(k + 1) / denominator
  }

  /// The expanded AR and MA polynomials (with seasonal factors multiplied out).
  public var expandedAR: [Double] { arma.expandedAR(period: order.period) }
  public var expandedMA: [Double] { arma.expandedMA(period: order.period) }

  /// forecast's `myarima` screen: roots of the AR and MA polynomials at least 1.01 from the
  /// origin and a covariance with no negative variance.
  public var passesRootAndVarianceChecks: Bool {
    Polynomial.isStationary(expandedAR, radius: 1.01) && Polynomial.isInvertible(expandedMA, radius: 1.01) && covariance != nil
  }
}
