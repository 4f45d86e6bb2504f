import Foundation

/// The smoothing parameters of an ETS model. Absent components take neutral values, as R's
/// `pegelsresid.C` passes them: beta = 0 without trend, gamma = 0 without season, phi = 1
/// without damping.
public struct ETSParameters: Sendable, Hashable {
  public var alpha: Double
  public var beta: Double
  public var gamma: Double
  public var phi: Double

  public init(alpha: Double, beta: Double = 0, gamma: Double = 0, phi: Double = 1) {
    self.alpha = alpha
    self.beta = beta
    self.gamma = gamma
    self.phi = phi
  }
}

/// What a full pass of the recursion records besides the criterion: one-step forecasts,
/// innovations (y − ŷ, or (y − ŷ)/ŷ for multiplicative errors) and the final state.
struct ETSTrace {
  var fitted: [Double]
  var errors: [Double]
  /// [l, b, s1 … sm] after the last observation, s1 the newest seasonal state (R's order).
  var finalState: [Double]
}

/// The ETS state recursion and its likelihood criterion, as R's `etscalc` computes them.
///
/// The criterion is lik = n·log(Σ e²) + 2·Σ log|ŷ| (the last sum for multiplicative errors
/// only): −2 log-likelihood up to a constant, with σ² concentrated out. R reports
/// loglik = −lik/2, AIC = lik + 2k.
///
/// This is the hot path of every fit: seasonal states live in a ring buffer supplied by the
/// caller, so a pass allocates nothing.
enum ETSRecursion {
  /// Below this a divisor counts as zero (R's TOL), replaced by `huge` (R's HUGEN).
  static let tolerance = 1.0e-10
  static let huge = 1.0e10

  /// Runs the recursion over `y` from `initialState` ([l, b, s1 … sm] in R's order) and
  /// returns the criterion, or NaN when a forecast is undefined (a negative multiplicative
  /// trend). `ring` must hold at least `spec.period` elements. When `trace` is given, it is
  /// filled with the fitted values, innovations and final state. With `sumOfSquaresOnly` it
  /// returns Σe² instead (the Holt-Winters objective).
  static func criterion(
    y: UnsafeBufferPointer<Double>, spec: ETSSpecification, parameters p: ETSParameters,
    initialState: UnsafeBufferPointer<Double>, ring: UnsafeMutableBufferPointer<Double>,
    trace: UnsafeMutablePointer<ETSTrace>? = nil, sumOfSquaresOnly: Bool = false
  ) -> Double {
    let n = y.count
    let m = spec.period
    let trend = spec.trend
    let season = spec.season
    let multiplicativeError = spec.error == .multiplicative
    let alpha = p.alpha, beta = p.beta, gamma = p.gamma, phi = p.phi
    let betaOverAlpha = beta / alpha
    let phiIsOne = abs(phi - 1) < tolerance
    var level = initialState[0]
    var slope = trend == .none ? 0 : initialState[1]
    let seasonOffset = trend == .none ? 1 : 2
    if season != .none {
      // ring[k] is the seasonal state used at step k (mod m): the oldest state first.
      for k in 0..<m { ring[k] = initialState[seasonOffset + m - 1 - k] }
    }
    var sumSquares = 0.0
    var sumLogForecast = 0.0
    var forecastProduct = 1.0
    var position = 0
    for t in 0..<n {
      // One-step forecast and the pieces the update reuses.
      let damping: Double  // phi·b, or b^phi for a multiplicative trend
      let trended: Double  // l + phi·b, or l·b^phi
      switch trend {
      case .none:
        damping = 0
        trended = level
      case .additive:
        damping = phi * slope
        trended = level + damping
      case .multiplicative:
        if slope < 0 { return .nan }
        damping = phiIsOne ? slope : pow(slope, phi)
        trended = level * damping
      }
      let oldSeason = season == .none ? 0 : ring[position]
      let forecast: Double
      switch season {
      case .none: forecast = trended
      case .additive: forecast = trended + oldSeason
      case .multiplicative: forecast = trended * oldSeason
      }
      let observation = y[t]
      let error = multiplicativeError ? (observation - forecast) / forecast : observation - forecast
      sumSquares += error * error
      if multiplicativeError {
        // Σ log|ŷ| as the log of a running product, renormalised before it can over- or
        // underflow: one log every few dozen steps instead of one a step.
        let magnitude = abs(forecast)
        if magnitude > 1e100 || magnitude < 1e-100 {
          sumLogForecast += log(magnitude)
        } else {
          forecastProduct *= magnitude
          if forecastProduct > 1e100 || forecastProduct < 1e-100 {
            sumLogForecast += log(forecastProduct)
            forecastProduct = 1
          }
        }
      }
      if let trace {
        trace.pointee.fitted[t] = forecast
        trace.pointee.errors[t] = error
      }

      // State update (error-correction form of R's `update`).
      let adjusted: Double
      switch season {
      case .none: adjusted = observation
      case .additive: adjusted = observation - oldSeason
      case .multiplicative: adjusted = abs(oldSeason) < tolerance ? huge : observation / oldSeason
      }
      let oldLevel = level
      level = trended + alpha * (adjusted - trended)
      switch trend {
      case .none: break
      case .additive: slope = damping + betaOverAlpha * (level - oldLevel - damping)
      case .multiplicative:
        let ratio = abs(oldLevel) < tolerance ? huge : level / oldLevel
        slope = damping + betaOverAlpha * (ratio - damping)
      }
      if season != .none {
        let target: Double
        if season == .additive {
          target = observation - trended
        } else {
          target = abs(trended) < tolerance ? huge : observation / trended
        }
        ring[position] = oldSeason + gamma * (target - oldSeason)
        position += 1
        if position == m { position = 0 }
      }
    }
    if let trace {
      var state = [level]
      if trend != .none { state.append(slope) }
      if season != .none {
        // The newest state was written at step n−1: position − 1 (mod m).
        for j in 0..<m { state.append(ring[((position - 1 - j) % m + m) % m]) }
      }
      trace.pointee.finalState = state
    }
    if sumOfSquaresOnly { return sumSquares }
    var lik = Double(n) * log(sumSquares)
    if multiplicativeError { lik += 2 * (sumLogForecast + log(forecastProduct)) }
    return lik
  }

  /// Runs a full pass on ordinary arrays and returns the criterion and the trace.
  static func trace(y: [Double], spec: ETSSpecification, parameters: ETSParameters, initialState: [Double]) -> (lik: Double, trace: ETSTrace) {
    var trace = ETSTrace(fitted: Array(repeating: .nan, count: y.count), errors: Array(repeating: .nan, count: y.count), finalState: initialState)
    var ring = Array(repeating: 0.0, count: max(spec.period, 1))
    let lik = y.withUnsafeBufferPointer { yBuffer in
      initialState.withUnsafeBufferPointer { stateBuffer in
        ring.withUnsafeMutableBufferPointer { ringBuffer in
          criterion(y: yBuffer, spec: spec, parameters: parameters, initialState: stateBuffer, ring: ringBuffer, trace: &trace)
        }
      }
    }
    return (lik, trace)
  }

  /// Point forecasts h = 1 … horizon from a final state, as R's `etsforecast` (no error
  /// terms): l + φ_h·b, l·b^φ_h, with the matching seasonal state added or multiplied.
  static func pointForecasts(state: [Double], spec: ETSSpecification, phi: Double, horizon: Int) -> [Double] {
    let m = spec.period
    let level = state[0]
    let slope = spec.hasTrend ? state[1] : 0
    let seasonOffset = spec.hasTrend ? 2 : 1
    var result: [Double] = []
    result.reserveCapacity(horizon)
    var phiSum = phi
    for i in 0..<horizon {
      var value: Double
      switch spec.trend {
      case .none: value = level
      case .additive: value = level + phiSum * slope
      case .multiplicative: value = slope < 0 ? .nan : level * pow(slope, phiSum)
      }
      if spec.hasSeason {
        // State s_j (j = 1 newest … m oldest) is used at horizon h with h ≡ m − j + 1 (mod m).
        let j = (m - 1 - i % m)
        let seasonal = state[seasonOffset + j]
        value = spec.season == .additive ? value + seasonal : value * seasonal
      }
      result.append(value)
      phiSum += abs(phi - 1) < tolerance ? 1 : pow(phi, Double(i + 1))
    }
    return result
  }
}
