import Foundation

/// Settings of `minimizeBFGS`, named and defaulted as in R's `optim(method = "BFGS")`.
public struct BFGSOptions: Sendable {
  /// Maximum number of iterations (R's `maxit`, default 100).
  public var maxIterations = 100
  /// Relative convergence tolerance (R's `reltol`, default sqrt(ε) ≈ 1.49e-8): stop when an
  /// accepted step lowers f by less than reltol·(|f| + reltol).
  public var relativeTolerance = Double.ulpOfOne.squareRoot()
  /// Stop once f falls below this (R's `abstol`, default −∞).
  public var absoluteTolerance = -Double.infinity
  /// Finite-difference steps on the scaled parameters (R's `ndeps`, default 1e-3 each); used
  /// only without an analytic gradient.
  public var finiteDifferenceSteps: [Double]? = nil
  /// Parameter scaling (R's `parscale`): the method works on x / scale.
  public var parameterScale: [Double]? = nil
  /// R's `optim` stops with an error when the objective is not finite at the start or a
  /// finite-difference gradient component is not finite; false (the default) goes on with a
  /// one-sided difference instead. True stops there with `stoppedWithRError` set, for callers
  /// that must fail exactly where R fails (auto.arima scores such a fit Inf).
  public var stopsWhereRStops = false

  public init() {}
}

/// Minimises `f` from `start` by the variable-metric (BFGS) method of R's `optim`
/// (Nash 1990, Algorithm 21): an inverse-Hessian approximation updated by BFGS, a backtracking
/// line search accepting the first step with f ≤ f₀ + 1e-4·t·g'd (t ← 0.2 t), and a reset to the
/// identity whenever the search direction is not downhill or the update would lose positive
/// definiteness.
///
/// Without `gradient`, the gradient is R's central difference with steps `ndeps`. Non-finite
/// objective values are treated as +∞ (the line search backs off from them).
public func minimizeBFGS(
  _ f: @escaping ([Double]) -> Double, from start: [Double],
  gradient: (([Double]) -> [Double])? = nil, options: BFGSOptions = BFGSOptions()
) -> OptimizationResult {
  let n = start.count
  let scale = options.parameterScale ?? Array(repeating: 1, count: n)
  precondition(scale.count == n && scale.allSatisfy { $0 > 0 }, "parameterScale needs one positive entry per parameter")
  let steps = options.finiteDifferenceSteps ?? Array(repeating: 1e-3, count: n)
  precondition(steps.count == n, "finiteDifferenceSteps needs one entry per parameter")

  var objective = CountedObjective { scaled in f(zip(scaled, scale).map { $0 * $1 }) }
  // Set by the gradient when R's optim would stop with an error.
  var nonFiniteDifference = false
  // The gradient on the scaled parameters.
  func scaledGradient(_ b: [Double], _ fb: Double, _ objective: inout CountedObjective) -> [Double] {
    if let gradient {
      return zip(gradient(zip(b, scale).map { $0 * $1 }), scale).map { $0 * $1 }
    }
    var g = Array(repeating: 0.0, count: n)
    var point = b
    for i in 0..<n {
      point[i] = b[i] + steps[i]
      let up = objective(point)
      point[i] = b[i] - steps[i]
      let down = objective(point)
      point[i] = b[i]
      if options.stopsWhereRStops && !((up - down) / (2 * steps[i])).isFinite { nonFiniteDifference = true }
      g[i] = NumericalDerivatives.difference(up: up, down: down, center: fb, step: steps[i])
    }
    return g
  }
  func unscaled(_ b: [Double]) -> [Double] { zip(b, scale).map { $0 * $1 } }

  var b = zip(start, scale).map { $0 / $1 }
  var fmin = objective(b)
  guard fmin.isFinite else {
    var result = OptimizationResult(
      x: start, value: fmin, iterations: 0, evaluations: objective.count, converged: false,
      message: "objective not finite at the starting point")
    result.stoppedWithRError = options.stopsWhereRStops
    return result
  }
  guard options.maxIterations > 0, n > 0 else {
    return OptimizationResult(x: start, value: fmin, iterations: 0, evaluations: objective.count, converged: true, message: "nothing to do")
  }

  let acceptanceTolerance = 1e-4
  let stepReduction = 0.2
  let relativeTest = 10.0  // a coordinate "has not moved" when 10 + old == 10 + new
  var g = scaledGradient(b, fmin, &objective)
  func stoppedAsR(at point: [Double], value: Double, iterations: Int, gradients: Int) -> OptimizationResult {
    var result = OptimizationResult(
      x: unscaled(point), value: value, iterations: iterations, evaluations: objective.count,
      gradientEvaluations: gradients, converged: false, message: "non-finite finite-difference value")
    result.stoppedWithRError = true
    return result
  }
  if nonFiniteDifference { return stoppedAsR(at: b, value: fmin, iterations: 1, gradients: 1) }
  var gradientCount = 1
  var iterations = 1
  var lastReset = gradientCount
  var hessianInverse = Matrix.identity(n)
  var f = fmin
  var keepGoing = true
  var converged = true
  var message = "relative reduction below reltol"

  while keepGoing {
    if lastReset == gradientCount { hessianInverse = Matrix.identity(n) }
    guard g.allSatisfy(\.isFinite) else {
      converged = false
      message = "gradient not finite"
      break
    }
    let x0 = b
    let g0 = g
    let direction = (hessianInverse * g).map { -$0 }
    let slope = dot(direction, g)
    var unchanged = 0

    if slope < 0 {
      var step = 1.0
      var accepted = false
      repeat {
        unchanged = 0
        for i in 0..<n {
          b[i] = x0[i] + step * direction[i]
          if relativeTest + x0[i] == relativeTest + b[i] { unchanged += 1 }
        }
        if unchanged < n {
          f = objective(b)
          accepted = f.isFinite && f <= fmin + slope * step * acceptanceTolerance
          if !accepted { step *= stepReduction }
        }
      } while !(unchanged == n || accepted)
      // As R's vmmin: a search that ends without an accepted step leaves b where the last
      // (numerically unchanged) trial put it, and a too-small change still records its f.
      let enough = f > options.absoluteTolerance
        && abs(f - fmin) > options.relativeTolerance * (abs(fmin) + options.relativeTolerance)
      if !enough {
        unchanged = n
        fmin = f
        if !(f > options.absoluteTolerance) { message = "value below abstol" }
      }
      if unchanged < n {
        fmin = f
        g = scaledGradient(b, f, &objective)
        gradientCount += 1
        iterations += 1
        if nonFiniteDifference { return stoppedAsR(at: b, value: fmin, iterations: iterations, gradients: gradientCount) }
        let s = direction.map { $0 * step }
        let y = zip(g, g0).map { $0 - $1 }
        let sy = dot(s, y)
        if sy > 0 {
          let hy = hessianInverse * y
          let factor = 1 + dot(hy, y) / sy
          // R updates the lower triangle only and reads it for both halves; computing (j, i)
          // separately would round differently, and over a long, ill-conditioned search those
          // last bits send the path elsewhere (a different optimum than R's, or none).
          for i in 0..<n {
            for j in 0...i {
              hessianInverse[i, j] += (factor * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]) / sy
              hessianInverse[j, i] = hessianInverse[i, j]
            }
          }
        } else {
          lastReset = gradientCount
        }
      } else {
        // No progress along this direction: retry once from the identity before stopping.
        if lastReset < gradientCount {
          unchanged = 0
          lastReset = gradientCount
        }
      }
    } else {
      // Uphill direction: reset, unless the metric has just been reset (then give up).
      unchanged = 0
      if lastReset == gradientCount {
        unchanged = n
        message = "no downhill direction"
      } else {
        lastReset = gradientCount
      }
    }
    if iterations >= options.maxIterations {
      converged = false
      message = "iteration limit reached"
      break
    }
    if gradientCount - lastReset > 2 * n { lastReset = gradientCount }  // periodic restart
    keepGoing = unchanged != n || lastReset != gradientCount
  }
  return OptimizationResult(
    x: unscaled(b), value: fmin, iterations: iterations, evaluations: objective.count,
    gradientEvaluations: gradientCount, converged: converged, message: message)
}
