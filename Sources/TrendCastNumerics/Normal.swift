import Foundation

/// The normal distribution N(mean, sd²): density, distribution function, survival and quantile.
///
/// The cdf is ½·erfc(−z/√2) (Glibc), accurate to a few ulps in both tails; the quantile is
/// Wichura's algorithm AS 241 (PPND16), accurate to about 1e-16 relative.
public struct NormalDistribution: Sendable, Equatable {
  /// The mean μ.
  public let mean: Double
  /// The standard deviation σ (> 0).
  public let standardDeviation: Double

  /// The standard normal N(0, 1).
  public static let standard = NormalDistribution(mean: 0, standardDeviation: 1)

  public init(mean: Double = 0, standardDeviation: Double = 1) {
    self.mean = mean
    self.standardDeviation = standardDeviation
  }

  /// Density at x.
  public func pdf(_ x: Double) -> Double {
    guard standardDeviation > 0 else { return .nan }
    let z = (x - mean) / standardDeviation
    return exp(-0.5 * z * z) / (standardDeviation * (2 * Double.pi).squareRoot())
  }

  /// P(X ≤ x).
  public func cdf(_ x: Double) -> Double {
    guard standardDeviation > 0 else { return .nan }
    return NormalDistribution.standardCDF((x - mean) / standardDeviation)
  }

  /// P(X > x), without cancellation in the upper tail.
  public func survival(_ x: Double) -> Double {
    guard standardDeviation > 0 else { return .nan }
    return NormalDistribution.standardCDF(-(x - mean) / standardDeviation)
  }

  /// The x with P(X ≤ x) = p; ±∞ at p = 0 or 1, NaN outside [0, 1].
  public func quantile(_ p: Double) -> Double {
    guard standardDeviation > 0 else { return .nan }
    return mean + standardDeviation * NormalDistribution.standardQuantile(p)
  }

  /// Φ(z) for the standard normal.
  public static func standardCDF(_ z: Double) -> Double {
    0.5 * erfc(-z / 2.0.squareRoot())
  }

  /// Φ⁻¹(p) for the standard normal by AS 241.
  public static func standardQuantile(_ p: Double) -> Double {
    guard p >= 0, p <= 1 else { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    let q = p - 0.5
    if abs(q) <= 0.425 {
      let r = 0.180625 - q * q
      return q * horner(r, centralNumerator) / horner(r, centralDenominator)
    }
    var r = q < 0 ? p : 1 - p
    r = (-log(r)).squareRoot()
    let value: Double
    if r <= 5 {
      r -= 1.6
      value = horner(r, intermediateNumerator) / horner(r, intermediateDenominator)
    } else {
      r -= 5
      value = horner(r, tailNumerator) / horner(r, tailDenominator)
    }
    return q < 0 ? -value : value
  }

  /// c₀ + c₁x + … + c_n xⁿ.
  private static func horner(_ x: Double, _ coefficients: [Double]) -> Double {
    coefficients.reversed().reduce(0) { $0 * x + $1 }
  }

  // AS 241 (Wichura 1988) coefficients, constant term first.
  private static let centralNumerator = [
    3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3,
    1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
    3.3430575583588128105e+4, 2.5090809287301226727e+3,
  ]
  private static let centralDenominator = [
    1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
    2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4,
    5.2264952788528545610e+3,
  ]
  private static let intermediateNumerator = [
    1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
    3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
    2.27238449892691845833e-2, 7.74545014278341407640e-4,
  ]
  private static let intermediateDenominator = [
    1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
    1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
    1.05075007164441684324e-9,
  ]
  private static let tailNumerator = [
    6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
    2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
    2.71155556874348757815e-5, 2.01033439929228813265e-7,
  ]
  private static let tailDenominator = [
    1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
    7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
    2.04426310338993978564e-15,
  ]
}
