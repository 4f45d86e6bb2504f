/// Which parameter values an ETS fit may take: R's `ets()` defaults `lower = (1e-4, 1e-4,
/// 1e-4, 0.8)`, `upper = (0.9999, 0.9999, 0.9999, 0.98)` and `bounds = "both"`: the usual
/// region (0 < β ≤ α, 0 < γ ≤ 1 − α) intersected with the admissible (forecastable) region
/// of Hyndman, Akram & Archibald (2008).
public struct ETSParameterSpace: Sendable, Hashable {
  public enum Bounds: String, Sendable, Hashable {
    case usual, admissible, both
  }

  public var lower: [Double] = [1e-4, 1e-4, 1e-4, 0.8]
  public var upper: [Double] = [0.9999, 0.9999, 0.9999, 0.98]
  public var bounds: Bounds = .both

  public init() {}

  /// R's `check.param` as the C++ target function applies it to the optimised parameters.
  func allows(_ p: ETSParameters, spec: ETSSpecification) -> Bool {
    if bounds != .admissible {
      if p.alpha < lower[0] || p.alpha > upper[0] { return false }
      if spec.hasTrend, p.beta < lower[1] || p.beta > p.alpha || p.beta > upper[1] { return false }
      if spec.damped, p.phi < lower[3] || p.phi > upper[3] { return false }
      if spec.hasSeason, p.gamma < lower[2] || p.gamma > 1 - p.alpha || p.gamma > upper[2] { return false }
    }
    if bounds != .usual, !Self.isAdmissible(p, spec: spec) { return false }
    return true
  }

  /// The admissible region: the model's forecasts stay stable (R's `admissible`).
  static func isAdmissible(_ p: ETSParameters, spec: ETSSpecification) -> Bool {
    let phi = p.phi, alpha = p.alpha, beta = p.beta, gamma = p.gamma
    if phi < 0 || phi > 1 + 1e-8 { return false }
    if !spec.hasSeason {
      if alpha < 1 - 1 / phi || alpha > 1 + 1 / phi { return false }
      if spec.hasTrend, beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha) { return false }
      return true
    }
    let m = Double(spec.period)
    if gamma < max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha { return false }
    if alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m) { return false }
    if beta < -(1 - phi) * (gamma / m + alpha) { return false }
    return characteristicRootsWithinUnitCircle(p, period: spec.period)
  }

  /// Whether every root of the characteristic polynomial
  /// z^(m+1) + (α+β−φ) z^m + (α+β−αφ) (z^(m−1) + … + z²) + (α+β−αφ+γ−1) z + φ(1−α−γ)
  /// has modulus at most 1 + 1e-10 (R's tolerance).
  ///
  /// R finds the roots (Jenkins–Traub); this asks the same question with the Schur–Cohn
  /// step-down recursion on the polynomial scaled by that radius, which costs O(m²) and
  /// allocates only the coefficient vector.
  static func characteristicRootsWithinUnitCircle(_ p: ETSParameters, period m: Int) -> Bool {
    let phi = p.phi, alpha = p.alpha, beta = p.beta, gamma = p.gamma
    let degree = m + 1
    // Coefficients a[1…d] of z^d + a1 z^(d−1) + … + ad.
    var a = Array(repeating: alpha + beta - alpha * phi, count: degree + 1)
    a[0] = 1
    a[1] = alpha + beta - phi
    a[degree - 1] = alpha + beta - alpha * phi + gamma - 1
    a[degree] = phi * (1 - alpha - gamma)
    // Roots within radius r ⇔ roots of z ↦ p(r z) / r^d within the unit circle.
    let radius = 1 + 1e-10
    var scale = 1.0
    for k in 1...degree {
      scale /= radius
      a[k] *= scale
    }
    return stepDownIsStable(&a, degree: degree)
  }

  /// Schur–Cohn: the roots of z^d + a1 z^(d−1) + … + ad lie strictly inside the unit circle
  /// exactly when every reflection coefficient of the step-down recursion is below 1 in
  /// modulus (the polynomial 1 + a1 x + … + ad x^d then has all roots outside it).
  static func stepDownIsStable(_ a: inout [Double], degree: Int) -> Bool {
    var j = degree
    while j >= 1 {
      let k = a[j]
      if !(abs(k) < 1) { return false }
      let denominator = 1 - k * k
      if j > 1 {
        var lo = 1, hi = j - 1
        while lo <= hi {
          let left = a[lo], right = a[hi]
          a[lo] = (left - k * right) / denominator
          if lo != hi { a[hi] = (right - k * left) / denominator }
          lo += 1
          hi -= 1
        }
      }
      j -= 1
    }
    return true
  }
}
