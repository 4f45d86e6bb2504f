import Foundation
import TrendCastNumerics

/// Point forecasts and prediction intervals of a fitted ETS model, as R's `forecast.ets`:
/// exact forecast means and variances for the three analytic classes of Hyndman et al.
/// (2008, ch. 6) — class 1 (ETS(A,N|A|Ad,N|A)), class 2 (ETS(M,N|A|Ad,N|A)), class 3
/// (ETS(M,N|A|Ad,M)) — and simulated quantiles for the rest (multiplicative trends).
public enum ETSForecasting {
  /// Forecast means and, per level, lower and upper bounds.
  public struct Result: Sendable {
    public var mean: [Double]
    /// One (lower, upper) pair per requested level, in the order requested.
    public var intervals: [(level: Double, lower: [Double], upper: [Double])]
  }

  /// Paths simulated for the models without analytic variances (R's `npaths`).
  public static let simulationPaths = 5000
  /// The fixed seed of those simulations, so the same fit always gives the same intervals.
  public static let simulationSeed: UInt64 = 20_240_607

  /// Forecasts `horizon` steps from `state` ([l, b, s1 … sm]) with innovation variance `sigma2`.
  /// With `centredOnPointForecasts` the means are the plain recursion forecasts (as
  /// statsmodels' Holt-Winters reports them) and analytic intervals are centred on them.
  public static func forecast(
    spec: ETSSpecification, parameters: ETSParameters, state: [Double], sigma2: Double, horizon: Int, levels: [Double],
    centredOnPointForecasts: Bool = false
  ) -> Result {
    var mean: [Double]
    let variance: [Double]?
    switch (spec.error, spec.trend, spec.season) {
    case (.additive, .none, .none), (.additive, .none, .additive), (.additive, .additive, .none), (.additive, .additive, .additive):
      let linear = classOne(spec: spec, parameters: parameters, state: state, sigma2: sigma2, horizon: horizon)
      (mean, variance) = (linear.mean, linear.variance)
    case (.multiplicative, .none, .none), (.multiplicative, .none, .additive), (.multiplicative, .additive, .none), (.multiplicative, .additive, .additive):
      (mean, variance) = classTwo(spec: spec, parameters: parameters, state: state, sigma2: sigma2, horizon: horizon)
    case (.multiplicative, .none, .multiplicative), (.multiplicative, .additive, .multiplicative):
      (mean, variance) = classThree(spec: spec, parameters: parameters, state: state, sigma2: sigma2, horizon: horizon)
    default:
      return simulated(spec: spec, parameters: parameters, state: state, sigma2: sigma2, horizon: horizon, levels: levels)
    }
    if centredOnPointForecasts {
      mean = ETSRecursion.pointForecasts(state: state, spec: spec, phi: parameters.phi, horizon: horizon)
    }
    let intervals = levels.map { level -> (level: Double, lower: [Double], upper: [Double]) in
      let z = abs(NormalDistribution.standardQuantile((100 - level) / 200))
      let margins = (variance ?? []).map { z * max($0, 0).squareRoot() }
      return (level, zip(mean, margins).map { $0 - $1 }, zip(mean, margins).map { $0 + $1 })
    }
    return Result(mean: mean, intervals: intervals)
  }

  /// Class 1 (linear, additive errors): μ_h = H F^(h−1) x, v_h = σ²(1 + Σ_{j<h} c_j²) with
  /// c_j = H F^(j−1) G.
  ///
  /// R's `class1` places gamma on the second seasonal state when the model has no trend
  /// (`G[3, 1]` for a state vector [l, s1 … sm]); here gamma acts on s1, the state the
  /// recursion updates, so ETS(A,N,A) and ETS(M,N,A) intervals differ slightly from R's.
  static func classOne(spec: ETSSpecification, parameters: ETSParameters, state: [Double], sigma2: Double, horizon: Int)
    -> (mean: [Double], variance: [Double], c: [Double])
  {
    let p = state.count
    let m = spec.period
    let phi = spec.damped ? parameters.phi : 1
    let seasonStart = spec.hasTrend ? 2 : 1
    func observe(_ v: [Double]) -> Double {
      var value = v[0]
      if spec.trend == .additive { value += phi * v[1] }
      if spec.season == .additive { value += v[p - 1] }
      return value
    }
    func advance(_ v: [Double]) -> [Double] {
      var next = v
      if spec.trend == .additive {
        next[0] = v[0] + phi * v[1]
        next[1] = phi * v[1]
      }
      if spec.season == .additive {
        next[seasonStart] = v[p - 1]
        for k in 1..<m { next[seasonStart + k] = v[seasonStart + k - 1] }
      }
      return next
    }
    var g = Array(repeating: 0.0, count: p)
    g[0] = parameters.alpha
    if spec.trend == .additive { g[1] = parameters.beta }
    if spec.season == .additive { g[seasonStart] = parameters.gamma }
    var mean: [Double] = []
    var c: [Double] = []
    var x = state
    for h in 0..<horizon {
      mean.append(observe(x))
      if h < horizon - 1 {
        c.append(observe(g))
        x = advance(x)
        g = advance(g)
      }
    }
    var variance = [sigma2]
    var cumulative = 0.0
    for value in c {
      cumulative += value * value
      variance.append(sigma2 * (1 + cumulative))
    }
    return (mean, variance, c)
  }

  /// Class 2 (multiplicative errors, linear states): θ_1 = μ_1², θ_h = μ_h² + σ² Σ c_j² θ_(h−j),
  /// v_h = (1 + σ²) θ_h − μ_h².
  static func classTwo(spec: ETSSpecification, parameters: ETSParameters, state: [Double], sigma2: Double, horizon: Int)
    -> (mean: [Double], variance: [Double])
  {
    let linear = classOne(spec: spec, parameters: parameters, state: state, sigma2: sigma2, horizon: horizon)
    let mu = linear.mean, c = linear.c
    var theta = Array(repeating: 0.0, count: horizon)
    for h in 0..<horizon {
      var sum = 0.0
      for j in 0..<h { sum += c[j] * c[j] * theta[h - 1 - j] }
      theta[h] = mu[h] * mu[h] + sigma2 * sum
    }
    return (mu, (0..<horizon).map { (1 + sigma2) * theta[$0] - mu[$0] * mu[$0] })
  }
}
