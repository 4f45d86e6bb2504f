import Foundation

/// Minimises a function of one variable on [lower, upper] by Brent's method (golden-section
/// search with parabolic interpolation), as R's `optimize` does.
///
/// `tolerance` defaults to R's ε^{1/4} ≈ 1.2e-4; the point is located to about
/// sqrt(ε)·|x| + tolerance/3. Non-finite values are treated as +∞. `iterations` counts
/// interpolation steps; the search stops unconverged after `maxIterations`.
public func minimizeBrent(
  _ f: (Double) -> Double, lower: Double, upper: Double,
  tolerance: Double = pow(Double.ulpOfOne, 0.25), maxIterations: Int = 1000
) -> OptimizationResult {
  precondition(lower < upper, "minimizeBrent needs lower < upper")
  var evaluations = 0
  func evaluate(_ x: Double) -> Double {
    evaluations += 1
    let value = f(x)
    return value.isFinite ? value : .infinity
  }
  let golden = (3 - 5.0.squareRoot()) / 2
  let eps = Double.ulpOfOne.squareRoot()
  var a = lower
  var b = upper
  var v = a + golden * (b - a)
  var w = v
  var x = v
  var d = 0.0
  var e = 0.0
  var fx = evaluate(x)
  var fv = fx
  var fw = fx
  let tol3 = tolerance / 3
  var iterations = 0
  var converged = false

  while iterations < maxIterations {
    let midpoint = (a + b) / 2
    let tol1 = eps * abs(x) + tol3
    let t2 = 2 * tol1
    if abs(x - midpoint) <= t2 - (b - a) / 2 {
      converged = true
      break
    }
    iterations += 1
    var p = 0.0
    var q = 0.0
    var r = 0.0
    if abs(e) > tol1 {
      r = (x - w) * (fx - fv)
      q = (x - v) * (fx - fw)
      p = (x - v) * q - (x - w) * r
      q = (q - r) * 2
      if q > 0 { p = -p } else { q = -q }
      r = e
      e = d
    }
    // Parabolic steps only when finite values allow it and the step stays inside and shrinks.
    let parabolicOK = fx.isFinite && fv.isFinite && fw.isFinite
      && abs(p) < abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)
    if !parabolicOK {
      e = x < midpoint ? b - x : a - x
      d = golden * e
    } else {
      d = p / q
      let u = x + d
      if u - a < t2 || b - u < t2 { d = x < midpoint ? tol1 : -tol1 }
    }
    let u: Double
    if abs(d) >= tol1 {
      u = x + d
    } else {
      u = d > 0 ? x + tol1 : x - tol1
    }
    let fu = evaluate(u)
    if fu <= fx {
      if u < x { b = x } else { a = x }
      v = w
      fv = fw
      w = x
      fw = fx
      x = u
      fx = fu
    } else {
      if u < x { a = u } else { b = u }
      if fu <= fw || w == x {
        v = w
        fv = fw
        w = u
        fw = fu
      } else if fu <= fv || v == x || v == w {
        v = u
        fv = fu
      }
    }
  }
  return OptimizationResult(
    x: [x], value: fx, iterations: iterations, evaluations: evaluations, converged: converged,
    message: converged ? "interval within tolerance" : "iteration limit reached")
}
