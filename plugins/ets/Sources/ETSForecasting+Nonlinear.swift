import Foundation
import TrendCastNumerics

extension ETSForecasting {
  /// Class 3 (multiplicative errors and season, linear level and trend), R's `class3`: the
  /// level-trend part and the seasonal part are tracked as the outer product M_h of their
  /// expected states, with the covariance V_h of vec(M_h) propagated through Kronecker
  /// products. The mean includes the σ² terms, so it is slightly above the plain point
  /// forecast.
  static func classThree(spec: ETSSpecification, parameters: ETSParameters, state: [Double], sigma2: Double, horizon: Int)
    -> (mean: [Double], variance: [Double])
  {
    let m = spec.period
    let r = spec.hasTrend ? 2 : 1
    let alpha = parameters.alpha, beta = parameters.beta, gamma = parameters.gamma
    // R builds F1 = [1 1; 0 φ] and H1 = [1 1] for damped trends too; kept so the means and
    // variances are R's.
    let h1 = Matrix(rows: 1, columns: r, repeating: 1)
    var h2 = Matrix(rows: 1, columns: m)
    h2.elements[m - 1] = 1
    let f1 = spec.hasTrend ? Matrix([[1, 1], [0, spec.damped ? parameters.phi : 1]]) : Matrix([[1]])
    let g1 = spec.hasTrend ? Matrix([[alpha, alpha], [beta, beta]]) : Matrix([[alpha]])
    var f2 = Matrix(rows: m, columns: m)
    f2.elements[m - 1] = 1
    for i in 1..<m { f2.elements[i * m + i - 1] = 1 }
    var g2 = Matrix(rows: m, columns: m)
    g2.elements[m - 1] = gamma
    var mh = Matrix(rows: r, columns: m)
    for i in 0..<r {
      for j in 0..<m { mh.elements[i * m + j] = state[i] * state[r + j] }
    }
    let size = r * m
    var vh = Matrix(rows: size, columns: size)
    let h21 = kronecker(h2, h1)
    let f21 = kronecker(f2, f1)
    let g21 = kronecker(g2, g1)
    let k = kronecker(g2, f1) + kronecker(f2, g1)
    let f21t = f21.transposed, g21t = g21.transposed, kt = k.transposed, h21t = h21.transposed
    let f2t = f2.transposed, g2t = g2.transposed
    var mean: [Double] = []
    var variance: [Double] = []
    for _ in 0..<horizon {
      let mu = (h1 * mh * h2.transposed)[0, 0]
      mean.append(mu)
      variance.append((1 + sigma2) * (h21 * vh * h21t)[0, 0] + sigma2 * mu * mu)
      // vec(M_h), column-major as R's c().
      var vec = Matrix(rows: size, columns: 1)
      for j in 0..<m {
        for i in 0..<r { vec.elements[j * r + i] = mh.elements[i * m + j] }
      }
      let outer = vec * vec.transposed
      let spread = f21 * vh * g21t + g21 * vh * f21t + k * (vh + outer) * kt + sigma2 * (g21 * (3 * vh + 2 * outer) * g21t)
      vh = f21 * vh * f21t + sigma2 * spread
      mh = f1 * mh * f2t + sigma2 * (g1 * mh * g2t)
    }
    return (mean, variance)
  }

  static func kronecker(_ a: Matrix, _ b: Matrix) -> Matrix {
    var result = Matrix(rows: a.rows * b.rows, columns: a.columns * b.columns)
    for i in 0..<a.rows {
      for j in 0..<a.columns {
        let factor = a[i, j]
        if factor == 0 { continue }
        for p in 0..<b.rows {
          for q in 0..<b.columns {
            result.elements[(i * b.rows + p) * result.columns + j * b.columns + q] = factor * b[p, q]
          }
        }
      }
    }
    return result
  }

  /// Models without analytic variances (multiplicative trends; R's `pegelsfcast.C`): point
  /// forecasts from the state recursion, intervals from quantiles (R's type 8) of
  /// `simulationPaths` simulated futures with Gaussian innovations N(0, σ²) (truncated at −1
  /// for multiplicative errors), drawn from a fixed-seed generator so results are
  /// reproducible.
  static func simulated(
    spec: ETSSpecification, parameters: ETSParameters, state: [Double], sigma2: Double, horizon: Int, levels: [Double]
  ) -> Result {
    let mean = ETSRecursion.pointForecasts(state: state, spec: spec, phi: parameters.phi, horizon: horizon)
    var generator = SeededNormalGenerator(seed: simulationSeed)
    let sigma = max(sigma2, 0).squareRoot()
    var paths = Array(repeating: [Double](), count: horizon)
    for h in 0..<horizon { paths[h].reserveCapacity(simulationPaths) }
    for _ in 0..<simulationPaths {
      var stepper = ETSStepper(spec: spec, parameters: parameters, state: state)
      for h in 0..<horizon {
        let forecast = stepper.forecast()
        var e = sigma * generator.next()
        let y: Double
        if spec.error == .multiplicative {
          e = max(-1, e)
          y = forecast * (1 + e)
        } else {
          y = forecast + e
        }
        paths[h].append(y)
        stepper.update(y, forecast: forecast)
      }
    }
    let intervals = levels.map { level -> (level: Double, lower: [Double], upper: [Double]) in
      let lower = paths.map { Descriptive.quantile($0.filter(\.isFinite), 0.5 - level / 200, type: 8) }
      let upper = paths.map { Descriptive.quantile($0.filter(\.isFinite), 0.5 + level / 200, type: 8) }
      return (level, lower, upper)
    }
    return Result(mean: mean, intervals: intervals)
  }
}

/// One step at a time of the ETS recursion (the same update as `ETSRecursion`), for
/// simulating future paths.
struct ETSStepper {
  let spec: ETSSpecification
  let parameters: ETSParameters
  var level: Double
  var slope: Double
  /// s1 (newest) … sm (oldest).
  var seasons: [Double]

  init(spec: ETSSpecification, parameters: ETSParameters, state: [Double]) {
    self.spec = spec
    self.parameters = parameters
    level = state[0]
    slope = spec.hasTrend ? state[1] : 0
    seasons = spec.hasSeason ? Array(state[(spec.hasTrend ? 2 : 1)...]) : []
  }

  private var trended: Double {
    switch spec.trend {
    case .none: return level
    case .additive: return level + parameters.phi * slope
    case .multiplicative: return slope < 0 ? .nan : level * pow(slope, parameters.phi)
    }
  }

  func forecast() -> Double {
    let base = trended
    guard let oldest = seasons.last else { return base }
    return spec.season == .additive ? base + oldest : base * oldest
  }

  mutating func update(_ y: Double, forecast: Double) {
    let p = parameters
    let base = trended
    let damping = spec.trend == .additive ? p.phi * slope : (spec.trend == .multiplicative ? pow(slope, p.phi) : 0)
    let oldest = seasons.last ?? 0
    let adjusted: Double
    switch spec.season {
    case .none: adjusted = y
    case .additive: adjusted = y - oldest
    case .multiplicative: adjusted = abs(oldest) < ETSRecursion.tolerance ? ETSRecursion.huge : y / oldest
    }
    let oldLevel = level
    level = base + p.alpha * (adjusted - base)
    switch spec.trend {
    case .none: break
    case .additive: slope = damping + p.beta / p.alpha * (level - oldLevel - damping)
    case .multiplicative:
      let ratio = abs(oldLevel) < ETSRecursion.tolerance ? ETSRecursion.huge : level / oldLevel
      slope = damping + p.beta / p.alpha * (ratio - damping)
    }
    if spec.hasSeason {
      let target = spec.season == .additive ? y - base : (abs(base) < ETSRecursion.tolerance ? ETSRecursion.huge : y / base)
      let newest = oldest + p.gamma * (target - oldest)
      seasons.removeLast()
      seasons.insert(newest, at: 0)
    }
  }
}

/// Standard normal draws from a fixed seed: SplitMix64 uniforms through the inverse normal
/// CDF. Not R's generator, so simulated intervals agree with R's only up to simulation noise.
struct SeededNormalGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  private mutating func nextBits() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform draw in (0, 1).
  mutating func nextUniform() -> Double {
    (Double(nextBits() >> 11) + 0.5) / 9_007_199_254_740_992
  }

  mutating func next() -> Double {
    NormalDistribution.standardQuantile(nextUniform())
  }
}
