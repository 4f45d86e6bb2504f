import Foundation

/// A fitted ETS model: the specification, estimated parameters and initial states, the
/// one-step fit and the information criteria as R's `ets()` reports them.
public struct ETSFit: Sendable {
  public var spec: ETSSpecification
  public var parameters: ETSParameters
  /// [l, b, s1 … sm] at time 0 (R's `initstate`, including the seasonal state implied by the
  /// normalisation).
  public var initialState: [Double]
  /// [l, b, s1 … sm] after the last observation: where forecasts start.
  public var finalState: [Double]
  /// One-step-ahead forecasts of each observation.
  public var fitted: [Double]
  /// Innovations: y − ŷ for additive errors, (y − ŷ)/ŷ for multiplicative errors.
  public var residuals: [Double]
  /// Residual variance Σe² / (n − k), k the number of estimated parameters and states.
  public var sigma2: Double
  /// R's loglik = −lik/2, lik = n·log(Σe²) + 2·Σ log|ŷ| (no constant terms).
  public var logLikelihood: Double
  public var aic: Double
  public var aicc: Double
  public var bic: Double
  /// Mean squared one-step error on the data scale (R's `mse`).
  public var mse: Double
  public var observationCount: Int
  /// Smoothing parameters plus estimated initial states (R's `length(par)`).
  public var estimatedParameterCount: Int
  /// Objective evaluations the optimiser spent.
  public var evaluations: Int

  /// Point forecasts from the final state (no bias correction), as R's `etsforecast`.
  public func pointForecasts(horizon: Int) -> [Double] {
    ETSRecursion.pointForecasts(state: finalState, spec: spec, phi: parameters.phi, horizon: horizon)
  }
}
