import Foundation

/// Special functions behind the distributions: log-gamma, the regularised incomplete gamma
/// functions P and Q, and the regularised incomplete beta function I_x(a, b).
///
/// Series and continued fractions (Lentz's method) evaluated with their prefactor in log space,
/// so tail values far below the smallest double's reciprocal (1e-300) keep their relative
/// accuracy (about 1e-13 for moderate arguments). Arguments outside the domain give NaN.
public enum SpecialFunctions {
  /// log Γ(x) for x > 0 (Glibc `lgamma`).
  public static func logGamma(_ x: Double) -> Double {
    lgamma(x)
  }

  /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b).
  public static func logBeta(_ a: Double, _ b: Double) -> Double {
    lgamma(a) + lgamma(b) - lgamma(a + b)
  }

  /// The regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a).
  public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
    guard a > 0, x >= 0, !a.isNaN, !x.isNaN else { return .nan }
    if x == 0 { return 0 }
    if x.isInfinite { return 1 }
    if x < a + 1 { return gammaSeries(a, x) }
    return 1 - gammaContinuedFraction(a, x)
  }

  /// The regularised upper incomplete gamma function Q(a, x) = 1 − P(a, x), computed directly
  /// in the upper tail so tiny values keep their precision.
  public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
    guard a > 0, x >= 0, !a.isNaN, !x.isNaN else { return .nan }
    if x == 0 { return 1 }
    if x.isInfinite { return 0 }
    if x < a + 1 { return 1 - gammaSeries(a, x) }
    return gammaContinuedFraction(a, x)
  }

  /// exp(a log x − x − log Γ(a)), the common factor of both expansions.
  private static func gammaPrefactor(_ a: Double, _ x: Double) -> Double {
    exp(a * log(x) - x - lgamma(a))
  }

  /// P(a, x) by the series Σ x^n / (a (a+1) … (a+n)); converges fast for x < a + 1.
  private static func gammaSeries(_ a: Double, _ x: Double) -> Double {
    var term = 1 / a
    var sum = term
    var denominator = a
    for _ in 0..<100_000 {
      denominator += 1
      term *= x / denominator
      sum += term
      if abs(term) < abs(sum) * 1e-17 { break }
    }
    return Swift.min(1, sum * gammaPrefactor(a, x))
  }

  /// Q(a, x) by its continued fraction (modified Lentz); converges fast for x > a + 1.
  private static func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1...100_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return Swift.min(1, gammaPrefactor(a, x) * h)
  }

  /// The regularised incomplete beta function I_x(a, b) for 0 ≤ x ≤ 1, a, b > 0.
  public static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    regularizedBeta(x, oneMinusX: 1 - x, a, b)
  }

  /// I_x(a, b) with 1 − x supplied separately, for callers that know it more precisely than
  /// `1 - x` would give (e.g. t²/(ν + t²) in the Student t tails).
  public static func regularizedBeta(_ x: Double, oneMinusX: Double, _ a: Double, _ b: Double) -> Double {
    guard a > 0, b > 0, x >= 0, x <= 1, !x.isNaN, !a.isNaN, !b.isNaN else { return .nan }
    if x == 0 { return 0 }
    if x == 1 || oneMinusX == 0 { return 1 }
    // The continued fraction converges quickly for x < (a + 1)/(a + b + 2); use the symmetry
    // I_x(a, b) = 1 − I_{1−x}(b, a) on the other side.
    if x < (a + 1) / (a + b + 2) {
      return betaPrefactor(x, oneMinusX, a, b) * betaContinuedFraction(x, oneMinusX, a, b) / a
    }
    return 1 - betaPrefactor(oneMinusX, x, b, a) * betaContinuedFraction(oneMinusX, x, b, a) / b
  }

  /// The upper tail 1 − I_x(a, b) = I_{1−x}(b, a), computed without cancellation.
  public static func regularizedBetaComplement(_ x: Double, oneMinusX: Double, _ a: Double, _ b: Double) -> Double {
    regularizedBeta(oneMinusX, oneMinusX: x, b, a)
  }

  /// x^a (1 − x)^b / B(a, b), in log space.
  private static func betaPrefactor(_ x: Double, _ oneMinusX: Double, _ a: Double, _ b: Double) -> Double {
    exp(a * log(x) + b * log(oneMinusX) - logBeta(a, b))
  }

  /// The continued fraction for I_x(a, b) (modified Lentz).
  private static func betaContinuedFraction(_ x: Double, _ oneMinusX: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    let qab = a + b
    let qap = a + 1
    let qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...100_000 {
      let m2 = 2 * Double(m)
      let md = Double(m)
      // Even step.
      var aa = md * (b - md) * x / ((qam + m2) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      // Odd step.
      aa = -(a + md) * (qab + md) * x / ((a + m2) * (qap + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return h
  }
}

/// Finds x with cdf(x) = p for an increasing `cdf` by bracketing and bisection-safeguarded
/// secant steps, starting from `guess`. Used by the quantile functions.
func invertMonotone(
  _ cdf: (Double) -> Double, probability p: Double, guess: Double,
  lowerLimit: Double = -.infinity, upperLimit: Double = .infinity
) -> Double {
  // Bracket the root by stepping outwards geometrically from the guess.
  var lo = guess
  var hi = guess
  var step = Swift.max(abs(guess), 1) * 0.1
  var flo = cdf(lo) - p
  var fhi = flo
  var attempts = 0
  while flo > 0 && attempts < 2000 {
    hi = lo
    fhi = flo
    lo = lowerLimit.isFinite ? Swift.max(lo - step, lowerLimit + (lo - lowerLimit) / 2) : lo - step
    if lowerLimit.isFinite && lo - lowerLimit < 1e-300 { lo = lowerLimit }
    step *= 2
    flo = cdf(lo) - p
    attempts += 1
    if lo == lowerLimit { break }
  }
  step = Swift.max(abs(guess), 1) * 0.1
  while fhi < 0 && attempts < 4000 {
    lo = hi
    flo = fhi
    hi = upperLimit.isFinite ? Swift.min(hi + step, upperLimit) : hi + step
    step *= 2
    fhi = cdf(hi) - p
    attempts += 1
    if hi == upperLimit { break }
  }
  if flo == 0 { return lo }
  if fhi == 0 { return hi }
  guard flo < 0, fhi > 0 else { return flo <= 0 ? lo : hi }
  // Illinois-style regula falsi with bisection fallback.
  for _ in 0..<300 {
    var mid = hi - fhi * (hi - lo) / (fhi - flo)
    if !(mid > lo && mid < hi) || !mid.isFinite { mid = 0.5 * (lo + hi) }
    let fmid = cdf(mid) - p
    if fmid == 0 { return mid }
    if fmid < 0 {
      lo = mid
      flo = fmid
      fhi *= 0.5
    } else {
      hi = mid
      fhi = fmid
      flo *= 0.5
    }
    if hi - lo <= 4 * Double.ulpOfOne * Swift.max(abs(lo), abs(hi)) { break }
  }
  return 0.5 * (lo + hi)
}
