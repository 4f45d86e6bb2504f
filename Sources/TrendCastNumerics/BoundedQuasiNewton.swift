import Foundation

/// Settings of `minimizeBounded`, defaulted as scipy's L-BFGS-B.
public struct BoundedQuasiNewtonOptions: Sendable {
  /// Number of correction pairs kept (scipy's `maxcor`, 10).
  public var memory = 10
  /// Maximum number of iterations (scipy's `maxiter`, 15000).
  public var maxIterations = 15000
  /// Stop when the relative reduction (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ this
  /// (scipy's `ftol` = factr·ε, default 1e7·ε ≈ 2.2e-9).
  public var functionTolerance = 1e7 * Double.ulpOfOne
  /// Stop when the largest component of the projected gradient is ≤ this (scipy's `gtol`, 1e-5).
  public var projectedGradientTolerance = 1e-5
  /// Finite-difference steps (absolute); default per coordinate
  /// `NumericalDerivatives.gradientStep(at:)`. Used only without an analytic gradient.
  public var finiteDifferenceSteps: [Double]? = nil

  public init() {}
}

/// Minimises `f` subject to lower[i] ≤ x[i] ≤ upper[i] (use ±∞ for a free side) by a projected
/// limited-memory BFGS method in the spirit of L-BFGS-B (Byrd, Lu, Nocedal & Zhu 1995): each
/// iteration fixes the variables held at a bound by their gradient, takes the L-BFGS direction
/// in the remaining ones, and backtracks along the projected path x(t) = P(x + t d) until the
/// Armijo condition holds. It does not compute the generalised Cauchy point, so iterates can
/// differ from scipy's, but the stationary points it stops at satisfy the same
/// projected-gradient test.
///
/// Without `gradient` the gradient is a central difference that turns one-sided at a bound.
/// Non-finite objective values are treated as +∞.
public func minimizeBounded(
  _ f: @escaping ([Double]) -> Double, from start: [Double], lower: [Double], upper: [Double],
  gradient: (([Double]) -> [Double])? = nil,
  options: BoundedQuasiNewtonOptions = BoundedQuasiNewtonOptions()
) -> OptimizationResult {
  let n = start.count
  precondition(lower.count == n && upper.count == n, "bounds need one entry per parameter")
  precondition(zip(lower, upper).allSatisfy { $0 <= $1 }, "each lower bound must not exceed its upper bound")
  var objective = CountedObjective(f)
  var gradientCount = 0

  func project(_ x: [Double]) -> [Double] {
    (0..<n).map { Swift.min(Swift.max(x[$0], lower[$0]), upper[$0]) }
  }
  func gradientAt(_ x: [Double], _ fx: Double) -> [Double] {
    gradientCount += 1
    if let gradient { return gradient(x) }
    var g = Array(repeating: 0.0, count: n)
    var point = x
    for i in 0..<n {
      let h = options.finiteDifferenceSteps?[i] ?? NumericalDerivatives.gradientStep(at: x[i])
      let canGoUp = x[i] + h <= upper[i]
      let canGoDown = x[i] - h >= lower[i]
      var up = Double.infinity
      var down = Double.infinity
      if canGoUp {
        point[i] = x[i] + h
        up = objective(point)
      }
      if canGoDown {
        point[i] = x[i] - h
        down = objective(point)
      }
      point[i] = x[i]
      g[i] = NumericalDerivatives.difference(up: up, down: down, center: fx, step: h)
      if g[i].isNaN { g[i] = 0 }
    }
    return g
  }
  /// The projected gradient P(x − g) − x, whose zero marks a stationary point.
  func projectedGradientNorm(_ x: [Double], _ g: [Double]) -> Double {
    (0..<n).reduce(0) { Swift.max($0, abs(Swift.min(Swift.max(x[$1] - g[$1], lower[$1]), upper[$1]) - x[$1])) }
  }

  var x = project(start)
  var fx = objective(x)
  guard fx.isFinite else {
    return OptimizationResult(
      x: x, value: fx, iterations: 0, evaluations: objective.count, converged: false,
      message: "objective not finite at the starting point")
  }
  var g = gradientAt(x, fx)
  var pairs: [(s: [Double], y: [Double], rho: Double)] = []
  var iterations = 0
  var converged = false
  var message = "iteration limit reached"

  while iterations < options.maxIterations {
    if projectedGradientNorm(x, g) <= options.projectedGradientTolerance {
      converged = true
      message = "projected gradient below tolerance"
      break
    }
    iterations += 1
    // Variables pinned at a bound with the gradient pushing outward stay fixed this iteration.
    let free = (0..<n).map { i in
      !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0))
    }
    var direction = twoLoopDirection(g, pairs: pairs, free: free)
    if dot(direction, g) >= 0 {
      pairs.removeAll()
      direction = (0..<n).map { free[$0] ? -g[$0] : 0 }
    }
    // The first step of steepest descent is scaled so it moves at most about one unit.
    var step = pairs.isEmpty ? Swift.min(1, 1 / Swift.max(direction.map(abs).max() ?? 1, 1e-300)) : 1
    var candidate = x
    var candidateValue = Double.infinity
    var accepted = false
    for _ in 0..<60 {
      candidate = project((0..<n).map { x[$0] + step * direction[$0] })
      let move = (0..<n).map { candidate[$0] - x[$0] }
      if move.allSatisfy({ $0 == 0 }) { break }
      candidateValue = objective(candidate)
      if candidateValue <= fx + 1e-4 * dot(g, move) {
        accepted = true
        break
      }
      step *= 0.5
    }
    if !accepted {
      if !pairs.isEmpty {
        pairs.removeAll()  // retry from steepest descent
        continue
      }
      message = "line search found no lower point"
      converged = projectedGradientNorm(x, g) <= options.projectedGradientTolerance * 100
      break
    }
    let newGradient = gradientAt(candidate, candidateValue)
    let s = (0..<n).map { candidate[$0] - x[$0] }
    let y = (0..<n).map { newGradient[$0] - g[$0] }
    let sy = dot(s, y)
    if sy > Double.ulpOfOne * dot(y, y) {
      pairs.append((s, y, 1 / sy))
      if pairs.count > options.memory { pairs.removeFirst() }
    }
    let reduction = (fx - candidateValue) / Swift.max(abs(fx), abs(candidateValue), 1)
    x = candidate
    fx = candidateValue
    g = newGradient
    if reduction <= options.functionTolerance {
      converged = true
      message = "relative reduction below tolerance"
      break
    }
  }
  return OptimizationResult(
    x: x, value: fx, iterations: iterations, evaluations: objective.count,
    gradientEvaluations: gradientCount, converged: converged, message: message)
}

/// −H g by the L-BFGS two-loop recursion, restricted to the free coordinates.
private func twoLoopDirection(
  _ g: [Double], pairs: [(s: [Double], y: [Double], rho: Double)], free: [Bool]
) -> [Double] {
  let n = g.count
  func freeDot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for i in 0..<n where free[i] { sum += a[i] * b[i] }
    return sum
  }
  var q = (0..<n).map { free[$0] ? g[$0] : 0 }
  var alphas = Array(repeating: 0.0, count: pairs.count)
  for k in stride(from: pairs.count - 1, through: 0, by: -1) {
    let alpha = pairs[k].rho * freeDot(pairs[k].s, q)
    alphas[k] = alpha
    for i in 0..<n where free[i] { q[i] -= alpha * pairs[k].y[i] }
  }
  if let last = pairs.last {
    let yy = freeDot(last.y, last.y)
    let sy = freeDot(last.s, last.y)
    let gamma = yy > 0 && sy > 0 ? sy / yy : 1
    for i in 0..<n { q[i] *= gamma }
  }
  for k in 0..<pairs.count {
    let beta = pairs[k].rho * freeDot(pairs[k].y, q)
    for i in 0..<n where free[i] { q[i] += pairs[k].s[i] * (alphas[k] - beta) }
  }
  return q.map { -$0 }
}
