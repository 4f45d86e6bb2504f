import Foundation
import TrendCastNumerics

/// Starting values of an ETS fit, as R's `ets()` makes them (`initstate` and `initparam`).
enum ETSInitialization {
  /// R's `initstate`: seasonal states from a classical decomposition (a linear trend plus
  /// one Fourier pair when there are fewer than three cycles), then level and slope from a
  /// straight line through the first max(10, 2m) seasonally adjusted values.
  ///
  /// Returns [l, b, s0 … s(m−2)]: the states the optimiser estimates (the last seasonal state
  /// follows from the normalisation).
  static func states(y: [Double], spec: ETSSpecification) throws -> [Double] {
    let n = y.count
    var seasonal: [Double] = []
    var adjusted = y
    if spec.hasSeason {
      let m = spec.period
      guard n >= 4 else { throw ETSError.tooShort(needed: 4, got: n, what: "a seasonal model") }
      let detrended: [Double]
      if n < 3 * m {
        detrended = try fourierDetrended(y: y, period: m, multiplicative: spec.season == .multiplicative)
      } else {
        let kind: ClassicalDecomposition.Kind = spec.season == .additive ? .additive : .multiplicative
        let figure = try ClassicalDecomposition.decompose(y, period: m, kind: kind).figure
        detrended = (0..<n).map { figure[$0 % m] }
      }
      // rev(seasonal[2:m]): positions m … 2 of the first cycle (1-based).
      seasonal = (1..<m).reversed().map { detrended[$0] }
      if spec.season == .additive {
        adjusted = (0..<n).map { y[$0] - detrended[$0] }
      } else {
        seasonal = seasonal.map { max($0, 0.01) }
        let total = seasonal.reduce(0, +)
        if total > Double(m) {
          let denominator = seasonal.reduce(0) { $0 + $1 + 0.01 }
          seasonal = seasonal.map { $0 / denominator }
        }
        adjusted = (0..<n).map { y[$0] / max(detrended[$0], 0.01) }
      }
    }
    let maxn = min(max(10, 2 * spec.period), n)
    let head = Array(adjusted.prefix(maxn))
    var states: [Double]
    switch spec.trend {
    case .none:
      states = [head.reduce(0, +) / Double(maxn)]
    case .additive:
      let (intercept, slope) = try straightLine(head)
      var level = intercept, growth = slope
      if abs(level + growth) < 1e-8 {
        level *= 1 + 0.001
        growth *= 1 - 0.001
      }
      states = [level, growth]
    case .multiplicative:
      let (intercept, slope) = try straightLine(head)
      var level = intercept + slope
      if abs(level) < 1e-8 { level = 1e-7 }
      var growth = (intercept + 2 * slope) / level
      level /= growth
      if abs(growth) > 1e10 { growth = growth < 0 ? -1e10 : 1e10 }
      if level < 1e-8 || growth < 1e-8 {
        level = max(head[0], 1e-3)
        growth = max((head.count > 1 ? head[1] : head[0]) / head[0], 1e-3)
      }
      states = [level, growth]
    }
    return states + seasonal
  }

  /// y minus (or over) a least-squares line fitted together with one Fourier pair (R's
  /// `tslm(y ~ trend + fourier(y, 1))` in `initstate`).
  private static func fourierDetrended(y: [Double], period m: Int, multiplicative: Bool) throws -> [Double] {
    let n = y.count
    var columns: [[Double]] = [Array(repeating: 1, count: n), (1...n).map(Double.init)]
    let angles = (1...n).map { 2 * Double.pi * Double($0) / Double(m) }
    // R's fourier() drops a sine column that is zero everywhere (m = 2).
    let sines = angles.map { sin($0) }
    if m != 2 { columns.append(sines) }
    columns.append(angles.map { cos($0) })
    let fit = try ordinaryLeastSquares(Matrix(columns: columns), y)
    let a = fit.coefficients[0], b = fit.coefficients[1]
    return (0..<n).map { t in
      let line = a + b * Double(t + 1)
      return multiplicative ? y[t] / line : y[t] - line
    }
  }

  /// Intercept and slope of the least-squares line through (1, y1) … (k, yk) (R's `lsfit`).
  private static func straightLine(_ y: [Double]) throws -> (Double, Double) {
    let k = y.count
    guard k >= 2 else { throw ETSError.tooShort(needed: 2, got: k, what: "a trend") }
    let meanX = Double(k + 1) / 2
    let meanY = y.reduce(0, +) / Double(k)
    var sxy = 0.0, sxx = 0.0
    for (i, value) in y.enumerated() {
      let dx = Double(i + 1) - meanX
      sxy += dx * (value - meanY)
      sxx += dx * dx
    }
    let slope = sxy / sxx
    return (meanY - slope * meanX, slope)
  }

  /// R's `initparam`: where the optimiser starts alpha, beta, gamma and phi.
  static func parameters(spec: ETSSpecification, space: ETSParameterSpace) -> ETSParameters {
    var lower = space.lower, upper = space.upper
    if space.bounds == .admissible {
      for i in 0..<3 {
        lower[i] = 0
        upper[i] = 0.001
      }
    }
    let m = Double(spec.period)
    var alpha = lower[0] + 0.2 * (upper[0] - lower[0]) / m
    if alpha > 1 || alpha < 0 { alpha = lower[0] + 0.002 }
    var result = ETSParameters(alpha: alpha)
    if spec.hasTrend {
      upper[1] = min(upper[1], alpha)
      var beta = lower[1] + 0.1 * (upper[1] - lower[1])
      if beta < 0 || beta > alpha { beta = alpha - 0.001 }
      result.beta = beta
    }
    if spec.hasSeason {
      upper[2] = min(upper[2], 1 - alpha)
      var gamma = lower[2] + 0.05 * (upper[2] - lower[2])
      if gamma < 0 || gamma > 1 - alpha { gamma = 1 - alpha - 0.001 }
      result.gamma = gamma
    }
    if spec.damped {
      var phi = lower[3] + 0.99 * (upper[3] - lower[3])
      if phi < 0 || phi > 1 { phi = upper[3] - 0.001 }
      result.phi = phi
    }
    return result
  }
}
