import Foundation

/// MacKinnon's response surfaces for the Dickey–Fuller τ statistic (one I(1) series):
/// approximate p-values (MacKinnon 1994) and finite-sample critical values (MacKinnon 2010),
/// the coefficients statsmodels' `mackinnonp` and `mackinnoncrit` use (N = 1).
public enum MacKinnon {
  /// Approximate p-value of τ for the given deterministic terms: Φ(polynomial(τ)), with the
  /// small-p polynomial at or below τ*, the large-p one above; 0 below τ_min and 1 above τ_max.
  public static func pValue(_ tau: Double, regression: DeterministicTerms) -> Double {
    let surface = surfaces(regression)
    if tau > surface.maximum { return 1 }
    if tau < surface.minimum { return 0 }
    let coefficients = tau <= surface.star ? surface.smallP : surface.largeP
    let polynomial = coefficients.reversed().reduce(0) { $0 * tau + $1 }
    return NormalDistribution.standardCDF(polynomial)
  }

  /// Critical values at 1 %, 5 % and 10 % for a regression on `observations` observations
  /// (β∞ + β₁/T + β₂/T² + β₃/T³); pass nil for the asymptotic values.
  public static func criticalValues(regression: DeterministicTerms, observations: Int?) -> CriticalValues {
    let rows = criticalSurfaces(regression)
    let values = rows.map { row -> Double in
      guard let observations, observations > 0 else { return row[0] }
      let inverse = 1 / Double(observations)
      return row.reversed().reduce(0) { $0 * inverse + $1 }
    }
    return CriticalValues(onePercent: values[0], fivePercent: values[1], tenPercent: values[2])
  }

  private struct Surface {
    let star: Double
    let minimum: Double
    let maximum: Double
    /// Constant term first.
    let smallP: [Double]
    let largeP: [Double]
  }

  // MacKinnon (1994), Table 3 and 4 entries for N = 1, already scaled (small-p: ×[1, 1, 1e-2];
  // large-p: ×[1, 1e-1, 1e-1, 1e-2]).
  private static func surfaces(_ regression: DeterministicTerms) -> Surface {
    switch regression {
    case .none:
      return Surface(
        star: -1.04, minimum: -19.04, maximum: .infinity,
        smallP: [0.6344, 1.2378, 3.2496e-2], largeP: [0.4797, 9.3557e-1, -0.6999e-1, 3.3066e-2])
    case .constant:
      return Surface(
        star: -1.61, minimum: -18.83, maximum: 2.74,
        smallP: [2.1659, 1.4412, 3.8269e-2], largeP: [1.7339, 9.3202e-1, -1.2745e-1, -1.0368e-2])
    case .constantAndTrend:
      return Surface(
        star: -2.89, minimum: -16.18, maximum: 0.7,
        smallP: [3.2512, 1.6047, 4.9588e-2], largeP: [2.5261, 6.1654e-1, -3.7956e-1, -6.0285e-2])
    }
  }

  // MacKinnon (2010), Table 2, N = 1: rows 1 %, 5 %, 10 %; columns β∞, β₁, β₂, β₃.
  private static func criticalSurfaces(_ regression: DeterministicTerms) -> [[Double]] {
    switch regression {
    case .none:
      return [[-2.56574, -2.2358, -3.627, 0], [-1.94100, -0.2686, -3.365, 31.223], [-1.61682, 0.2656, -2.714, 25.364]]
    case .constant:
      return [[-3.43035, -6.5393, -16.786, -79.433], [-2.86154, -2.8903, -4.234, -40.040], [-2.56677, -1.5384, -2.809, 0]]
    case .constantAndTrend:
      return [[-3.95877, -9.0531, -28.428, -134.155], [-3.41049, -4.3904, -9.036, -45.374], [-3.12705, -2.5856, -3.925, -22.380]]
    }
  }
}

/// The deterministic terms of a unit-root regression: statsmodels' 'n', 'c', 'ct'.
public enum DeterministicTerms: String, Sendable, CaseIterable {
  /// No constant, no trend ('n').
  case none = "n"
  /// A constant ('c', the level).
  case constant = "c"
  /// A constant and a linear trend ('ct').
  case constantAndTrend = "ct"

  /// The number of deterministic regressors.
  public var count: Int {
    switch self {
    case .none: 0
    case .constant: 1
    case .constantAndTrend: 2
    }
  }
}

/// Critical values of a test at the usual levels.
public struct CriticalValues: Sendable, Equatable {
  public let onePercent: Double
  public let fivePercent: Double
  public let tenPercent: Double
}
