import Foundation

/// A Holt-Winters model: level, optional (damped) additive or multiplicative trend, optional
/// additive or multiplicative season, fitted by least squares.
public struct HoltWintersSpecification: Sendable, Hashable, CustomStringConvertible {
  public var trend: ETSComponent
  public var damped: Bool
  public var season: ETSComponent
  public var period: Int

  public init(trend: ETSComponent, damped: Bool = false, season: ETSComponent, period: Int) {
    precondition(!damped || trend != .none, "only a trend can be damped")
    precondition(season == .none || period > 1, "a seasonal model needs a period above 1")
    self.trend = trend
    self.damped = damped
    self.season = season
    self.period = season == .none ? 1 : period
  }

  public var hasTrend: Bool { trend != .none }
  public var hasSeason: Bool { season != .none }

  /// The ETS model with the same state recursion and additive errors (the SSE objective).
  var recursionSpec: ETSSpecification {
    ETSSpecification(error: .additive, trend: trend, damped: damped, season: season, period: period)
  }

  /// The ETS model whose error structure gives the prediction intervals: additive errors for
  /// additive components (class 1), multiplicative errors when the trend or season is
  /// multiplicative (class 3, or simulation for a multiplicative trend).
  var intervalSpec: ETSSpecification {
    let multiplicative = trend == .multiplicative || season == .multiplicative
    return ETSSpecification(error: multiplicative ? .multiplicative : .additive, trend: trend, damped: damped, season: season, period: period)
  }

  /// "Holt-Winters (additive trend, multiplicative season, period 12)".
  public var description: String {
    func word(_ component: ETSComponent) -> String {
      switch component {
      case .none: return "no"
      case .additive: return "additive"
      case .multiplicative: return "multiplicative"
      }
    }
    var parts = ["\(damped ? "damped " : "")\(word(trend)) trend", "\(word(season)) season"]
    if hasSeason { parts.append("period \(period)") }
    return "Holt-Winters (\(parts.joined(separator: ", ")))"
  }
}

/// A fitted Holt-Winters model, with statsmodels' parameter conventions.
public struct HoltWintersFit: Sendable {
  public var spec: HoltWintersSpecification
  /// Level smoothing.
  public var alpha: Double
  /// Trend smoothing in Holt's form b_t = β(l_t − l_(t−1)) + (1 − β)φb_(t−1) (statsmodels'
  /// `smoothing_trend`; R's ETS β is α·β).
  public var beta: Double
  /// Seasonal smoothing (statsmodels' `smoothing_seasonal`, the same as ETS γ).
  public var gamma: Double
  /// Damping (1 when undamped).
  public var phi: Double
  public var initialLevel: Double
  public var initialTrend: Double
  /// s_(1−m) … s_0: the seasonal states used for the first m observations, in that order.
  public var initialSeasons: [Double]
  /// [l, b, s1 … sm] after the last observation (R's order, s1 the newest).
  public var finalState: [Double]
  public var fitted: [Double]
  /// y − ŷ.
  public var residuals: [Double]
  public var sse: Double
  public var observationCount: Int
  /// Smoothing parameters and initial states estimated.
  public var estimatedParameterCount: Int
  /// Objective evaluations spent (grid and local search).
  public var evaluations: Int

  /// The same smoothing in R's ETS parameterisation (β_ETS = α·β).
  public var etsParameters: ETSParameters {
    ETSParameters(alpha: alpha, beta: spec.hasTrend ? alpha * beta : 0, gamma: spec.hasSeason ? gamma : 0, phi: spec.damped ? phi : 1)
  }

  /// statsmodels' information criteria: k = m·season + 2·trend + 2 + damped,
  /// AIC = n·log(SSE/n) + 2k, AICc adds 2(k+2)(k+3)/(n−k−3), BIC = n·log(SSE/n) + k·log n.
  public var statsmodelsK: Int { (spec.hasSeason ? spec.period : 0) + (spec.hasTrend ? 2 : 0) + 2 + (spec.damped ? 1 : 0) }
  public var aic: Double { Double(observationCount) * log(sse / Double(observationCount)) + 2 * Double(statsmodelsK) }
  public var aicc: Double {
    let k = Double(statsmodelsK)
    let dof = Double(observationCount) - k - 3
    return dof > 0 ? aic + 2 * (k + 2) * (k + 3) / dof : .infinity
  }
  public var bic: Double {
    let n = Double(observationCount)
    return n * log(sse / n) + Double(statsmodelsK) * log(n)
  }
  /// Gaussian log-likelihood with the variance at its maximum, SSE/n.
  public var logLikelihood: Double {
    let n = Double(observationCount)
    return -n / 2 * (log(2 * Double.pi * sse / n) + 1)
  }

  /// Innovation variance of the ETS model the intervals come from: Σe²/(n − k) with e the
  /// additive or relative one-step errors.
  public var intervalSigma2: Double {
    let dof = Double(max(observationCount - estimatedParameterCount, 1))
    if spec.intervalSpec.error == .additive { return sse / dof }
    var sum = 0.0
    for (e, f) in zip(residuals, fitted) { sum += (e / f) * (e / f) }
    return sum / dof
  }

  /// Point forecasts as statsmodels' `forecast`.
  public func pointForecasts(horizon: Int) -> [Double] {
    ETSRecursion.pointForecasts(state: finalState, spec: spec.recursionSpec, phi: etsParameters.phi, horizon: horizon)
  }
}
