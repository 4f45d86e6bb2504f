import Foundation

/// The chi-square distribution with k degrees of freedom (k > 0): P(k/2, x/2) and Q(k/2, x/2).
public struct ChiSquareDistribution: Sendable, Equatable {
  /// Degrees of freedom k.
  public let degreesOfFreedom: Double

  public init(degreesOfFreedom: Double) {
    self.degreesOfFreedom = degreesOfFreedom
  }

  /// Density at x.
  public func pdf(_ x: Double) -> Double {
    let k = degreesOfFreedom
    guard k > 0 else { return .nan }
    if x < 0 { return 0 }
    if x == 0 { return k < 2 ? .infinity : (k == 2 ? 0.5 : 0) }
    return exp((k / 2 - 1) * log(x) - x / 2 - (k / 2) * log(2) - lgamma(k / 2))
  }

  /// P(X ≤ x).
  public func cdf(_ x: Double) -> Double {
    guard degreesOfFreedom > 0, !x.isNaN else { return .nan }
    if x <= 0 { return 0 }
    return SpecialFunctions.regularizedGammaP(degreesOfFreedom / 2, x / 2)
  }

  /// P(X > x), the p-value of a chi-square statistic, accurate far into the upper tail.
  public func survival(_ x: Double) -> Double {
    guard degreesOfFreedom > 0, !x.isNaN else { return .nan }
    if x <= 0 { return 1 }
    return SpecialFunctions.regularizedGammaQ(degreesOfFreedom / 2, x / 2)
  }

  /// The x with P(X ≤ x) = p.
  public func quantile(_ p: Double) -> Double {
    let k = degreesOfFreedom
    guard k > 0, p >= 0, p <= 1 else { return .nan }
    if p == 0 { return 0 }
    if p == 1 { return .infinity }
    // Wilson–Hilferty start.
    let z = NormalDistribution.standardQuantile(p)
    let c = 2 / (9 * k)
    let guess = Swift.max(k * pow(1 - c + z * c.squareRoot(), 3), 1e-8)
    if p > 0.5 {
      // Invert the survival function so upper quantiles stay accurate.
      let target = 1 - p
      return invertMonotone({ -survival($0) }, probability: -target, guess: guess, lowerLimit: 0)
    }
    return invertMonotone({ cdf($0) }, probability: p, guess: guess, lowerLimit: 0)
  }
}

/// The F distribution with (d1, d2) degrees of freedom.
public struct FDistribution: Sendable, Equatable {
  /// Numerator degrees of freedom d1.
  public let numeratorDegreesOfFreedom: Double
  /// Denominator degrees of freedom d2.
  public let denominatorDegreesOfFreedom: Double

  public init(numeratorDegreesOfFreedom: Double, denominatorDegreesOfFreedom: Double) {
    self.numeratorDegreesOfFreedom = numeratorDegreesOfFreedom
    self.denominatorDegreesOfFreedom = denominatorDegreesOfFreedom
  }

  /// P(F ≤ x) = I_{d1 x/(d1 x + d2)}(d1/2, d2/2).
  public func cdf(_ x: Double) -> Double {
    let d1 = numeratorDegreesOfFreedom
    let d2 = denominatorDegreesOfFreedom
    guard d1 > 0, d2 > 0, !x.isNaN else { return .nan }
    if x <= 0 { return 0 }
    if x.isInfinite { return 1 }
    let numerator = d1 * x
    return SpecialFunctions.regularizedBeta(numerator / (numerator + d2), oneMinusX: d2 / (numerator + d2), d1 / 2, d2 / 2)
  }

  /// P(F > x), accurate in the upper tail.
  public func survival(_ x: Double) -> Double {
    let d1 = numeratorDegreesOfFreedom
    let d2 = denominatorDegreesOfFreedom
    guard d1 > 0, d2 > 0, !x.isNaN else { return .nan }
    if x <= 0 { return 1 }
    if x.isInfinite { return 0 }
    let numerator = d1 * x
    return SpecialFunctions.regularizedBetaComplement(numerator / (numerator + d2), oneMinusX: d2 / (numerator + d2), d1 / 2, d2 / 2)
  }
}
