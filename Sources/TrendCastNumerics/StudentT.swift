import Foundation

/// Student's t distribution with ν degrees of freedom (ν > 0, not necessarily an integer).
///
/// The cdf uses the regularised incomplete beta function, with both x = ν/(ν + t²) and
/// 1 − x = t²/(ν + t²) formed directly so neither tail loses precision. The quantile is exact
/// for ν = 1 and 2 and otherwise inverts the cdf from a normal-based starting point.
public struct StudentTDistribution: Sendable, Equatable {
  /// Degrees of freedom ν.
  public let degreesOfFreedom: Double

  public init(degreesOfFreedom: Double) {
    self.degreesOfFreedom = degreesOfFreedom
  }

  /// Density at t.
  public func pdf(_ t: Double) -> Double {
    let nu = degreesOfFreedom
    guard nu > 0 else { return .nan }
    let logNormalizer: Double = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
    let logKernel: Double = -(nu + 1) / 2 * log1p(t * t / nu)
    return exp(logNormalizer + logKernel)
  }

  /// P(T ≤ t).
  public func cdf(_ t: Double) -> Double {
    let nu = degreesOfFreedom
    guard nu > 0, !t.isNaN else { return .nan }
    if t.isInfinite { return t > 0 ? 1 : 0 }
    let lowerTail = tailProbability(abs(t))
    return t > 0 ? 1 - lowerTail : lowerTail
  }

  /// P(T > t), without cancellation in the upper tail.
  public func survival(_ t: Double) -> Double {
    cdf(-t)
  }

  /// P(T > |t|) = ½ I_{ν/(ν+t²)}(ν/2, ½).
  private func tailProbability(_ absT: Double) -> Double {
    let nu = degreesOfFreedom
    let t2 = absT * absT
    let x: Double
    let oneMinusX: Double
    if t2 < nu {
      x = nu / (nu + t2)
      oneMinusX = t2 / (nu + t2)
    } else {
      // For huge t, ν/(ν + t²) = (ν/t²)/(1 + ν/t²) avoids overflow of t².
      let ratio = nu / t2
      x = ratio / (1 + ratio)
      oneMinusX = 1 / (1 + ratio)
    }
    return 0.5 * SpecialFunctions.regularizedBeta(x, oneMinusX: oneMinusX, nu / 2, 0.5)
  }

  /// The t with P(T ≤ t) = p.
  public func quantile(_ p: Double) -> Double {
    let nu = degreesOfFreedom
    guard nu > 0, p >= 0, p <= 1 else { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p == 0.5 { return 0 }
    // Cauchy: −cot(πp) keeps tail precision that tan(π(p − ½)) would lose.
    if nu == 1 { return p < 0.5 ? -1 / tan(Double.pi * p) : 1 / tan(Double.pi * (1 - p)) }
    if nu == 2 { return (2 * p - 1) / (2 * p * (1 - p)).squareRoot() }
    // Solve in the lower tail for accuracy, then reflect.
    let lower = Swift.min(p, 1 - p)
    let z = NormalDistribution.standardQuantile(lower)
    // Cornish–Fisher start: z + (z³ + z)/(4ν).
    let guess = z + (z * z * z + z) / (4 * nu)
    let t = invertMonotone({ cdf($0) }, probability: lower, guess: Swift.min(guess, -1e-8), upperLimit: 0)
    return p < 0.5 ? t : -t
  }
}
