import Foundation

/// Settings of `minimizeNelderMead`, named and defaulted as in R's `optim` default method.
public struct NelderMeadOptions: Sendable {
  /// Maximum number of objective evaluations (R's `maxit`, default 500).
  public var maxEvaluations = 500
  /// Relative convergence tolerance (R's `reltol`, default sqrt(ε) ≈ 1.49e-8): stop when the
  /// simplex's highest and lowest values differ by at most reltol·(|f(start)| + reltol).
  public var relativeTolerance = Double.ulpOfOne.squareRoot()
  /// Stop once the lowest value falls below this (R's `abstol`, default −∞).
  public var absoluteTolerance = -Double.infinity
  /// Reflection factor (R's `alpha`, 1).
  public var reflection = 1.0
  /// Contraction factor (R's `beta`, 0.5).
  public var contraction = 0.5
  /// Expansion factor (R's `gamma`, 2).
  public var expansion = 2.0
  /// Parameter scaling (R's `parscale`): the method works on x / scale.
  public var parameterScale: [Double]? = nil

  public init() {}
}

/// Minimises `f` from `start` by the Nelder–Mead simplex method as R's `optim` implements it
/// (Nash 1990, Algorithm 19): the initial simplex steps every coordinate by 10 % of the largest
/// |start_i| (0.1 when all are zero); reflection, expansion, contraction and shrink toward the
/// best vertex; stop when the spread of values is within the tolerance fixed at the start, or
/// when a shrink fails to reduce the simplex.
///
/// Non-finite objective values are treated as a very large number (R uses 1e35), so the
/// simplex moves away from them.
public func minimizeNelderMead(
  _ f: @escaping ([Double]) -> Double, from start: [Double], options: NelderMeadOptions = NelderMeadOptions()
) -> OptimizationResult {
  let n = start.count
  let scale = options.parameterScale ?? Array(repeating: 1, count: n)
  precondition(scale.count == n && scale.allSatisfy { $0 > 0 }, "parameterScale needs one positive entry per parameter")
  let big = 1.0e35
  var evaluations = 0
  func evaluate(_ b: [Double]) -> Double {
    evaluations += 1
    let value = f(zip(b, scale).map { $0 * $1 })
    return value.isFinite ? value : big
  }
  func unscaled(_ b: [Double]) -> [Double] { zip(b, scale).map { $0 * $1 } }

  let origin = zip(start, scale).map { $0 / $1 }
  let f0 = evaluate(origin)
  guard f0 < big else {
    return OptimizationResult(
      x: start, value: .infinity, iterations: 0, evaluations: evaluations, converged: false,
      message: "objective not finite at the starting point")
  }
  guard n > 0, options.maxEvaluations > 0 else {
    return OptimizationResult(x: start, value: f0, iterations: 0, evaluations: evaluations, converged: true, message: "nothing to do")
  }
  let convergenceTolerance = options.relativeTolerance * (abs(f0) + options.relativeTolerance)

  // Vertices and their values; vertex 0 is the start.
  var vertices = [origin]
  var values = [f0]
  var step = origin.map { 0.1 * abs($0) }.max() ?? 0
  if step == 0 { step = 0.1 }
  var size = 0.0
  for j in 0..<n {
    var vertex = origin
    var trial = step
    // Grow the step until it actually changes the coordinate (large |x| swallows small steps).
    while vertex[j] == origin[j] {
      vertex[j] = origin[j] + trial
      trial *= 10
    }
    size += trial
    vertices.append(vertex)
    values.append(.nan)
  }
  var oldSize = size
  var recomputeValues = true
  var lowest = 0
  var iterations = 0
  var converged = false
  var message = "evaluation limit reached"

  repeat {
    if recomputeValues {
      for j in 0...n where j != lowest { values[j] = evaluate(vertices[j]) }
      recomputeValues = false
    }
    var low = values[lowest]
    var highValue = low
    var highest = lowest
    for j in 0...n where j != lowest {
      if values[j] < low {
        lowest = j
        low = values[j]
      }
      if values[j] > highValue {
        highest = j
        highValue = values[j]
      }
    }
    if highValue <= low + convergenceTolerance || low <= options.absoluteTolerance {
      converged = true
      message = low <= options.absoluteTolerance ? "value below abstol" : "simplex values within reltol"
      break
    }
    iterations += 1

    var centroid = Array(repeating: 0.0, count: n)
    for j in 0...n where j != highest {
      for i in 0..<n { centroid[i] += vertices[j][i] }
    }
    for i in 0..<n { centroid[i] /= Double(n) }
    let reflected = (0..<n).map { (1 + options.reflection) * centroid[$0] - options.reflection * vertices[highest][$0] }
    let reflectedValue = evaluate(reflected)
    if reflectedValue < low {
      let expanded = (0..<n).map { options.expansion * reflected[$0] + (1 - options.expansion) * centroid[$0] }
      let expandedValue = evaluate(expanded)
      if expandedValue < reflectedValue {
        vertices[highest] = expanded
        values[highest] = expandedValue
      } else {
        vertices[highest] = reflected
        values[highest] = reflectedValue
      }
    } else {
      if reflectedValue < highValue {
        vertices[highest] = reflected
        values[highest] = reflectedValue
      }
      let contracted = (0..<n).map {
        (1 - options.contraction) * vertices[highest][$0] + options.contraction * centroid[$0]
      }
      let contractedValue = evaluate(contracted)
      if contractedValue < values[highest] {
        vertices[highest] = contracted
        values[highest] = contractedValue
      } else if reflectedValue >= highValue {
        // Shrink every vertex toward the best one.
        recomputeValues = true
        size = 0
        for j in 0...n where j != lowest {
          for i in 0..<n {
            vertices[j][i] = options.contraction * (vertices[j][i] - vertices[lowest][i]) + vertices[lowest][i]
            size += abs(vertices[j][i] - vertices[lowest][i])
          }
        }
        if size < oldSize {
          oldSize = size
        } else {
          message = "simplex did not shrink"
          break
        }
      }
    }
  } while evaluations <= options.maxEvaluations

  // After a failed shrink the other vertices' values are stale; the best vertex is not.
  let best = recomputeValues ? lowest : (values.indices.min { values[$0] < values[$1] } ?? lowest)
  let bestValue = values[best]
  return OptimizationResult(
    x: unscaled(vertices[best]), value: bestValue < big ? bestValue : .infinity, iterations: iterations,
    evaluations: evaluations, converged: converged, message: message)
}
