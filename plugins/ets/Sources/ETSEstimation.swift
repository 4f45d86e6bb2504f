import Foundation
import TrendCastNumerics

/// Maximum-likelihood estimation of one ETS model, as R's `etsmodel`: smoothing parameters and
/// initial states together by Nelder–Mead (R's `optim` defaults, at most 2000 evaluations)
/// from R's starting values, the parameters kept inside `space`.
public enum ETSEstimation {
  /// Fits `spec` to `y` (no missing values; strictly positive when the model is
  /// multiplicative). Throws when there are not enough observations for the parameters or
  /// when no finite likelihood is found.
  public static func fit(_ y: [Double], spec: ETSSpecification, space: ETSParameterSpace = ETSParameterSpace()) throws -> ETSFit {
    let n = y.count
    let startParameters = ETSInitialization.parameters(spec: spec, space: space)
    guard space.allows(startParameters, spec: spec) else {
      throw ETSError("the starting parameters of \(spec) are outside the parameter bounds")
    }
    let startStates = try ETSInitialization.states(y: y, spec: spec)
    let start = packed(startParameters, spec: spec) + startStates
    let parameterCount = start.count
    guard parameterCount < n - 1 else {
      throw ETSError.tooShort(needed: parameterCount + 2, got: n, what: "\(spec) (\(parameterCount) parameters and initial states)")
    }

    let objective = ETSObjective(y: y, spec: spec, space: space)
    var options = NelderMeadOptions()
    options.maxEvaluations = 2000
    let result = minimizeNelderMead({ objective.value(at: $0) }, from: start, options: options)
    guard result.value.isFinite else {
      throw ETSError("no parameters of \(spec) give a finite likelihood for this series",
        hint: "try another model, e.g. model=\"ANN\"")
    }
    let parameters = unpacked(result.x, spec: spec)
    let initialState = completedState(Array(result.x[spec.smoothingParameterCount...]), spec: spec)
    let (lik, trace) = ETSRecursion.trace(y: y, spec: spec, parameters: parameters, initialState: initialState)
    guard lik.isFinite, trace.finalState.allSatisfy(\.isFinite) else {
      throw ETSError("the fitted \(spec) has no finite likelihood for this series", hint: "try another model, e.g. model=\"ANN\"")
    }
    let k = Double(parameterCount + 1)
    let nd = Double(n)
    let aic = lik + 2 * k
    let sumSquares = trace.errors.reduce(0) { $0 + $1 * $1 }
    let mse = zip(y, trace.fitted).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / nd
    return ETSFit(
      spec: spec, parameters: parameters, initialState: initialState, finalState: trace.finalState,
      fitted: trace.fitted, residuals: trace.errors, sigma2: sumSquares / Double(n - parameterCount),
      logLikelihood: -0.5 * lik, aic: aic, aicc: aic + 2 * k * (k + 1) / (nd - k - 1), bic: lik + log(nd) * k,
      mse: mse, observationCount: n, estimatedParameterCount: parameterCount, evaluations: result.evaluations)
  }

  /// [alpha, beta?, gamma?, phi?]: the optimised smoothing parameters in R's order.
  static func packed(_ p: ETSParameters, spec: ETSSpecification) -> [Double] {
    var result = [p.alpha]
    if spec.hasTrend { result.append(p.beta) }
    if spec.hasSeason { result.append(p.gamma) }
    if spec.damped { result.append(p.phi) }
    return result
  }

  static func unpacked(_ x: [Double], spec: ETSSpecification) -> ETSParameters {
    var index = 0
    func next() -> Double {
      defer { index += 1 }
      return x[index]
    }
    var p = ETSParameters(alpha: next())
    if spec.hasTrend { p.beta = next() }
    if spec.hasSeason { p.gamma = next() }
    if spec.damped { p.phi = next() }
    return p
  }

  /// The estimated states [l, b, s0 … s(m−2)] with the last seasonal state appended so the
  /// seasonal states sum to 0 (additive) or m (multiplicative).
  static func completedState(_ estimated: [Double], spec: ETSSpecification) -> [Double] {
    guard spec.hasSeason else { return estimated }
    let first = spec.hasTrend ? 2 : 1
    let sum = estimated[first...].reduce(0, +)
    return estimated + [(spec.season == .multiplicative ? Double(spec.period) : 0) - sum]
  }
}

/// The function Nelder–Mead minimises: R's C++ `EtsTargetFunction::eval`. Parameters outside
/// the bounds, negative multiplicative seasonal states and undefined forecasts score +∞.
/// Buffers are allocated once per fit, not per evaluation.
final class ETSObjective {
  private let y: [Double]
  private let spec: ETSSpecification
  private let space: ETSParameterSpace
  private var state: [Double]
  private var ring: [Double]

  init(y: [Double], spec: ETSSpecification, space: ETSParameterSpace) {
    self.y = y
    self.spec = spec
    self.space = space
    self.state = Array(repeating: 0, count: spec.stateCount)
    self.ring = Array(repeating: 0, count: max(spec.period, 1))
  }

  func value(at x: [Double]) -> Double {
    let spec = self.spec
    let parameters = ETSEstimation.unpacked(x, spec: spec)
    guard space.allows(parameters, spec: spec) else { return .infinity }
    let offset = spec.smoothingParameterCount
    let estimated = spec.estimatedStateCount
    for i in 0..<estimated { state[i] = x[offset + i] }
    if spec.hasSeason {
      let first = spec.hasTrend ? 2 : 1
      var sum = 0.0
      for i in first..<estimated { sum += state[i] }
      state[estimated] = (spec.season == .multiplicative ? Double(spec.period) : 0) - sum
      if spec.season == .multiplicative {
        for i in first...estimated where state[i] < 0 { return .infinity }
      }
    }
    var lik = y.withUnsafeBufferPointer { yBuffer in
      state.withUnsafeBufferPointer { stateBuffer in
        ring.withUnsafeMutableBufferPointer { ringBuffer in
          ETSRecursion.criterion(y: yBuffer, spec: spec, parameters: parameters, initialState: stateBuffer, ring: ringBuffer)
        }
      }
    }
    if lik < -1e10 { lik = -1e10 }  // a perfect fit
    return lik.isNaN ? .infinity : lik
  }
}
