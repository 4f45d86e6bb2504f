import Foundation

/// Finite-difference derivatives of a scalar function of several variables.
///
/// Steps: the gradient uses central differences with step h_i (default ε^{1/3}·max(|x_i|, 1),
/// about 6e-6 at unit scale, balancing O(h²) truncation against O(ε/h) rounding). The
/// Hessian uses central second differences of function values with step
/// h_i = ε^{1/4}·max(|x_i|, 0.1) (about 1.2e-4 at unit scale, the statsmodels `approx_hess`
/// choice, balancing O(h²) truncation against O(ε/h²) rounding). Pass explicit steps to match a
/// reference tool (R's `optim`/`optimHess` use 1e-3 on the scaled parameters: see
/// `optimStyleHessian`).
public enum NumericalDerivatives {
  /// Default central-difference step for the gradient at coordinate value `x`.
  public static func gradientStep(at x: Double) -> Double {
    cbrt(Double.ulpOfOne) * Swift.max(abs(x), 1)
  }

  /// Default step for the Hessian at coordinate value `x`.
  public static func hessianStep(at x: Double) -> Double {
    pow(Double.ulpOfOne, 0.25) * Swift.max(abs(x), 0.1)
  }

  /// The gradient by central differences. Where one side is not finite the one-sided
  /// difference from the other side is used; where both are, the component is NaN.
  public static func gradient(
    of f: ([Double]) -> Double, at x: [Double], steps: [Double]? = nil
  ) -> [Double] {
    var result = Array(repeating: 0.0, count: x.count)
    let center = f(x)
    var point = x
    for i in x.indices {
      let h = steps?[i] ?? gradientStep(at: x[i])
      point[i] = x[i] + h
      let up = f(point)
      point[i] = x[i] - h
      let down = f(point)
      point[i] = x[i]
      result[i] = difference(up: up, down: down, center: center, step: h)
    }
    return result
  }

  /// Central, or one-sided when one side is not finite.
  static func difference(up: Double, down: Double, center: Double, step: Double) -> Double {
    switch (up.isFinite, down.isFinite) {
    case (true, true): return (up - down) / (2 * step)
    case (true, false): return center.isFinite ? (up - center) / step : .nan
    case (false, true): return center.isFinite ? (center - down) / step : .nan
    case (false, false): return .nan
    }
  }

  /// The Hessian by central second differences of function values:
  /// H_ii = (f(x+h_i) − 2f(x) + f(x−h_i)) / h_i², and
  /// H_ij = (f(++) − f(+−) − f(−+) + f(−−)) / (4 h_i h_j). Symmetric by construction.
  public static func hessian(
    of f: ([Double]) -> Double, at x: [Double], steps: [Double]? = nil
  ) -> Matrix {
    let n = x.count
    let h = (0..<n).map { steps?[$0] ?? hessianStep(at: x[$0]) }
    let center = f(x)
    var result = Matrix(rows: n, columns: n)
    var point = x
    for i in 0..<n {
      point[i] = x[i] + h[i]
      let up = f(point)
      point[i] = x[i] - h[i]
      let down = f(point)
      point[i] = x[i]
      result[i, i] = (up - 2 * center + down) / (h[i] * h[i])
      for j in 0..<i {
        point[i] = x[i] + h[i]
        point[j] = x[j] + h[j]
        let pp = f(point)
        point[j] = x[j] - h[j]
        let pm = f(point)
        point[i] = x[i] - h[i]
        let mm = f(point)
        point[j] = x[j] + h[j]
        let mp = f(point)
        point[i] = x[i]
        point[j] = x[j]
        let value = (pp - pm - mp + mm) / (4 * h[i] * h[j])
        result[i, j] = value
        result[j, i] = value
      }
    }
    return result
  }

  /// The Hessian as R's `optimHess` (and `optim(hessian = TRUE)`) computes it: central
  /// differences of the gradient with step `steps[i]·scale[i]` (R's `ndeps`, default 1e-3, times
  /// `parscale`), then symmetrised. Without an analytic gradient, the gradient itself is the
  /// R-style central difference with the same steps.
  public static func optimStyleHessian(
    of f: ([Double]) -> Double, at x: [Double], gradient: (([Double]) -> [Double])? = nil,
    steps: [Double]? = nil, parameterScale: [Double]? = nil
  ) -> Matrix {
    let n = x.count
    let scale = parameterScale ?? Array(repeating: 1, count: n)
    let eps = steps ?? Array(repeating: 1e-3, count: n)
    let absoluteSteps = (0..<n).map { eps[$0] * scale[$0] }
    func grad(_ point: [Double]) -> [Double] {
      if let gradient { return gradient(point) }
      var g = Array(repeating: 0.0, count: n)
      var p = point
      for i in 0..<n {
        p[i] = point[i] + absoluteSteps[i]
        let up = f(p)
        p[i] = point[i] - absoluteSteps[i]
        let down = f(p)
        p[i] = point[i]
        g[i] = (up - down) / (2 * absoluteSteps[i])
      }
      return g
    }
    var result = Matrix(rows: n, columns: n)
    var point = x
    for i in 0..<n {
      point[i] = x[i] + absoluteSteps[i]
      let up = grad(point)
      point[i] = x[i] - absoluteSteps[i]
      let down = grad(point)
      point[i] = x[i]
      for j in 0..<n { result[i, j] = (up[j] - down[j]) / (2 * absoluteSteps[i]) }
    }
    return result.symmetrized
  }
}
