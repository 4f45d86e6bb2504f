import Foundation
import TrendCastNumerics

/// Least-squares Holt-Winters as statsmodels' `ExponentialSmoothing(...,
/// initialization_method="estimated").fit()`: heuristic initial states, a brute-force grid
/// over (α, β, γ) with the states held fixed, then a bounded quasi-Newton search (statsmodels
/// uses scipy's L-BFGS-B) over the smoothing parameters, damping and every initial state,
/// with β ≤ α and γ ≤ 1 − α kept by statsmodels' reparameterisation.
public enum HoltWintersEstimation {
  /// statsmodels' smallest α (sqrt(machine ε)).
  static let lowestAlpha = Double.ulpOfOne.squareRoot()

  public static func fit(_ y: [Double], spec: HoltWintersSpecification) throws -> HoltWintersFit {
    let n = y.count
    let m = spec.period
    if spec.hasSeason, n < 2 * m {
      throw ETSError.tooShort(needed: 2 * m, got: n, what: "Holt-Winters with period \(m) (two full seasonal cycles)",
        hint: "use a shorter period=, or seasonal=none")
    }
    let minimum = spec.hasTrend || spec.hasSeason ? 4 : 2
    guard n >= minimum else { throw ETSError.tooShort(needed: minimum, got: n, what: "Holt-Winters") }
    let initial = HoltWintersInitialization.states(y: y, spec: spec)
    let problem = HoltWintersProblem(y: y, spec: spec)

    // Starting smoothing parameters (statsmodels' defaults), then the best grid point.
    let initialAlpha = 0.5 / Double(max(spec.hasSeason ? m : 0, 1))
    var raw = [initialAlpha, spec.hasTrend ? 0.1 * initialAlpha : 0, spec.hasSeason ? 0.05 * (1 - initialAlpha) : 0]
    var evaluations = 0
    let grid = bruteForceGrid(spec: spec)
    var bestGridValue = Double.infinity
    for point in grid {
      evaluations += 1
      let value = problem.sumOfSquares(alpha: point[0], beta: point[1], gamma: point[2], phi: spec.damped ? 0.99 : 1, states: initial)
      if value < bestGridValue {
        bestGridValue = value
        raw = point
      }
    }
    // Strictly inside [0, 1], then to statsmodels' unrestricted fractions.
    for i in 0..<3 where i == 0 || (i == 1 && spec.hasTrend) || (i == 2 && spec.hasSeason) {
      if raw[i] <= 0 { raw[i] = 1e-4 } else if raw[i] >= 1 { raw[i] = 1 - 1e-4 }
    }
    var start = [(raw[0] - lowestAlpha) / (1 - 2 * lowestAlpha)]
    var lower = [0.0], upper = [1.0]
    if spec.hasTrend {
      start.append(raw[1] / min(raw[0], 1))
      lower.append(0)
      upper.append(1)
    }
    if spec.hasSeason {
      start.append(raw[2] / min(1 - raw[0], 1))
      lower.append(0)
      upper.append(1)
    }
    let positiveStates = spec.trend == .multiplicative || spec.season == .multiplicative
    start.append(initial.level)
    lower.append(positiveStates ? 0 : -.infinity)
    upper.append(.infinity)
    if spec.hasTrend {
      start.append(initial.trend)
      lower.append(spec.trend == .multiplicative ? 0 : -.infinity)
      upper.append(.infinity)
    }
    if spec.damped {
      start.append(0.99)
      lower.append(0.8)
      upper.append(0.995)
    }
    for season in initial.seasons {
      start.append(season)
      lower.append(spec.season == .multiplicative ? 0 : -.infinity)
      upper.append(.infinity)
    }
    for i in start.indices {
      if start[i] <= lower[i] { start[i] = lower[i] + 1e-4 * ((upper[i].isFinite ? upper[i] : 100) - lower[i]) }
      if start[i] >= upper[i] { start[i] = upper[i] - 1e-4 * (upper[i] - (lower[i].isFinite ? lower[i] : -100)) }
    }

    var best = start
    var bestValue = problem.objective(start)
    // scipy's default ftol (2.2e-9) stops this minimiser early in the long, flat valleys
    // that the redundant initial states create; a tighter one lets the gradient test decide.
    var options = BoundedQuasiNewtonOptions()
    options.functionTolerance = 1e-13
    // A quasi-Newton run that stalls against a bound (β = α, γ = 0 are common optima) is
    // restarted from where it stopped with a fresh Hessian approximation, until a restart
    // no longer lowers the SSE by more than a part in 10⁹.
    for _ in 0..<10 {
      let result = minimizeBounded({ problem.objective($0) }, from: best, lower: lower, upper: upper, options: options)
      evaluations += result.evaluations
      guard result.value < bestValue else { break }
      let improvement = (bestValue - result.value) / max(abs(result.value), 1)
      best = result.x
      bestValue = result.value
      if improvement < 1e-9 { break }
    }
    let decoded = problem.decode(best)
    let (_, trace) = ETSRecursion.trace(y: y, spec: spec.recursionSpec, parameters: decoded.parameters, initialState: decoded.etsState)
    let sse = trace.errors.reduce(0) { $0 + $1 * $1 }
    guard sse.isFinite, trace.finalState.allSatisfy(\.isFinite) else {
      throw ETSError("\(spec) has no finite fit to this series", hint: "try additive components (trend=add seasonal=add)")
    }
    return HoltWintersFit(
      spec: spec, alpha: decoded.parameters.alpha, beta: decoded.beta, gamma: decoded.parameters.gamma, phi: decoded.parameters.phi,
      initialLevel: decoded.level, initialTrend: decoded.trend, initialSeasons: decoded.seasons, finalState: trace.finalState,
      fitted: trace.fitted, residuals: trace.errors, sse: sse, observationCount: n, estimatedParameterCount: start.count,
      evaluations: evaluations)
  }

  /// statsmodels' `_setup_brute`: 87 // (number of smoothing parameters) values of α across
  /// [0.005, 0.995], and for each α about ns·√α values of β in [0, α] and ns·√(1−α) of γ in
  /// [0, 1 − α]. Entries of absent components are 0.
  static func bruteForceGrid(spec: HoltWintersSpecification) -> [[Double]] {
    let count = 1 + (spec.hasTrend ? 1 : 0) + (spec.hasSeason ? 1 : 0)
    let ns = 87 / count
    func linspace(_ a: Double, _ b: Double, _ k: Int) -> [Double] {
      k == 1 ? [a] : (0..<k).map { a + (b - a) * Double($0) / Double(k - 1) }
    }
    var points: [[Double]] = []
    for alpha in linspace(0.005, 0.995, ns) {
      let betas = spec.hasTrend ? linspace(0, min(1, alpha), Int((Double(ns) * alpha.squareRoot()).rounded(.up))) : [0]
      let gammas = spec.hasSeason ? linspace(0, min(1, 1 - alpha), Int((Double(ns) * (1 - alpha).squareRoot()).rounded(.up))) : [0]
      // numpy's meshgrid(b, g).reshape(2, -1).T runs β fastest within each γ.
      for gamma in gammas {
        for beta in betas { points.append([alpha, beta, gamma]) }
      }
    }
    return points
  }
}

/// The SSE objective over statsmodels' parameter vector
/// [α', β'?, γ'?, l0, b0?, φ?, s(1−m) … s0], α' β' γ' the unrestricted fractions.
final class HoltWintersProblem {
  struct Decoded {
    var parameters: ETSParameters
    var beta: Double
    var level: Double
    var trend: Double
    var seasons: [Double]
    /// [l, b, s1 … sm] in R's order (s1 = s0, the newest).
    var etsState: [Double] {
      var state = [level]
      if trendPresent { state.append(trend) }
      return state + seasons.reversed()
    }
    var trendPresent: Bool
  }

  let y: [Double]
  let spec: HoltWintersSpecification
  private var state: [Double]
  private var ring: [Double]

  init(y: [Double], spec: HoltWintersSpecification) {
    self.y = y
    self.spec = spec
    state = Array(repeating: 0, count: spec.recursionSpec.stateCount)
    ring = Array(repeating: 0, count: max(spec.period, 1))
  }

  func decode(_ x: [Double]) -> Decoded {
    var index = 0
    func next() -> Double {
      defer { index += 1 }
      return x[index]
    }
    let lowest = HoltWintersEstimation.lowestAlpha
    let alpha = lowest + next() * (1 - 2 * lowest)
    let beta = spec.hasTrend ? next() * min(alpha, 1) : 0
    let gamma = spec.hasSeason ? next() * min(1 - alpha, 1) : 0
    let level = next()
    let trend = spec.hasTrend ? next() : 0
    let phi = spec.damped ? next() : 1
    let seasons = spec.hasSeason ? (0..<spec.period).map { _ in next() } : []
    return Decoded(
      parameters: ETSParameters(alpha: alpha, beta: alpha * beta, gamma: gamma, phi: phi), beta: beta, level: level, trend: trend,
      seasons: seasons, trendPresent: spec.hasTrend)
  }

  func objective(_ x: [Double]) -> Double {
    let decoded = decode(x)
    return sumOfSquares(
      alpha: decoded.parameters.alpha, beta: decoded.beta, gamma: decoded.parameters.gamma, phi: decoded.parameters.phi,
      states: (decoded.level, decoded.trend, decoded.seasons))
  }

  /// SSE for smoothing parameters in statsmodels' form (β of Holt's trend equation) and
  /// initial states (level, trend, s(1−m) … s0).
  func sumOfSquares(alpha: Double, beta: Double, gamma: Double, phi: Double, states: (level: Double, trend: Double, seasons: [Double])) -> Double {
    let spec = self.spec.recursionSpec
    guard alpha > 0 else { return .infinity }
    state[0] = states.level
    var offset = 1
    if spec.hasTrend {
      state[1] = states.trend
      offset = 2
    }
    let m = states.seasons.count
    for j in 0..<m { state[offset + j] = states.seasons[m - 1 - j] }
    let parameters = ETSParameters(alpha: alpha, beta: alpha * beta, gamma: gamma, phi: phi)
    let value = y.withUnsafeBufferPointer { yBuffer in
      state.withUnsafeBufferPointer { stateBuffer in
        ring.withUnsafeMutableBufferPointer { ringBuffer in
          ETSRecursion.criterion(
            y: yBuffer, spec: spec, parameters: parameters, initialState: stateBuffer, ring: ringBuffer, sumOfSquaresOnly: true)
        }
      }
    }
    return value.isNaN ? .infinity : value
  }
}
