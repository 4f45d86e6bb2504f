import Foundation
import TrendCastValues

/// What `fit ets` was asked for, kept so `refit(to:)` (backtests) repeats the same search.
public struct ETSRequest: Sendable, Hashable {
  public var pattern: ETSModelPattern
  /// The seasonal period (from the series' frequency or `period=`).
  public var period: Int
  public var space: ETSParameterSpace

  public init(pattern: ETSModelPattern, period: Int, space: ETSParameterSpace = ETSParameterSpace()) {
    self.pattern = pattern
    self.period = period
    self.space = space
  }
}

/// A fitted ETS model as a TrendCast value: forecasts, residuals, R-style display and the
/// model JSON of LANGUAGE.md §7.
public struct ETSModel: ForecastModel, JSONExportable {
  public var fit: ETSFit
  public var request: ETSRequest
  /// The observations the model was fitted to (the longest stretch without missing values).
  public var trainingSeries: Series
  /// Every model tried when the request left letters free (nil for a single model).
  public var candidates: [ETSSelection.Candidate]?
  /// How the data shaped the search (season dropped, error type restricted).
  public var notes: [String]

  public init(fit: ETSFit, request: ETSRequest, trainingSeries: Series, candidates: [ETSSelection.Candidate]? = nil, notes: [String] = []) {
    self.fit = fit
    self.request = request
    self.trainingSeries = trainingSeries
    self.candidates = candidates
    self.notes = notes
  }

  public var modelName: String { fit.spec.description }
  public var fittedValues: [Double] { fit.fitted }
  public var residuals: [Double] { fit.residuals }
  public var parameterCount: Int { fit.estimatedParameterCount }

  public func forecast(horizon: Int, levels: [Double], regressors: (any Value)?) throws -> Forecast {
    if regressors != nil {
      throw RuntimeError("an ETS model takes no regressors, so xreg= has nothing to do", hint: "drop xreg=, or fit arima … xreg= for regressors")
    }
    let result = ETSForecasting.forecast(
      spec: fit.spec, parameters: fit.parameters, state: fit.finalState, sigma2: fit.sigma2, horizon: horizon, levels: levels)
    return try ETSModel.makeForecast(result, modelName: modelName, history: trainingSeries, horizon: horizon)
  }

  /// Wraps forecast numbers as a `Forecast`, refusing non-finite values.
  static func makeForecast(_ result: ETSForecasting.Result, modelName: String, history: Series, horizon: Int) throws -> Forecast {
    let all = result.mean + result.intervals.flatMap { $0.lower + $0.upper }
    if let bad = all.firstIndex(where: { !$0.isFinite }) {
      let step = bad % max(horizon, 1) + 1
      throw RuntimeError("the forecasts of \(modelName) are not finite from \(step) step\(step == 1 ? "" : "s") ahead (the multiplicative trend explodes)",
        hint: "use a shorter horizon h=, or a damped or additive trend")
    }
    return Forecast(
      modelName: modelName, history: history, index: history.index.following(horizon), mean: result.mean,
      intervals: result.intervals.map { PredictionInterval(level: $0.level, lower: $0.lower, upper: $0.upper) })
  }

  public func refit(to series: Series) throws -> any ForecastModel {
    try ETSFitting.fitETS(series, request: request)
  }

  public var memberNames: [String] { ["fitted", "residuals"] }

  public func member(_ name: String) throws -> any Value {
    switch name {
    case "fitted": return Series(name: "fitted", index: trainingSeries.index, values: fittedValues, scaling: trainingSeries.scaling)
    case "residuals": return Series(name: "residuals", index: trainingSeries.index, values: residuals)
    default:
      throw RuntimeError("an ETS model has no part '\(name)'", hint: "parts: \(memberNames.joined(separator: ", "))")
    }
  }

  // MARK: Export

  /// LANGUAGE.md §7: model, params (alpha, beta, gamma, phi as the model has them),
  /// initial_states (l, b, s1 … sm as R names them), sigma2, loglik, aic, aicc, bic, nobs.
  public var jsonDocument: JSON {
    .object([
      ("model", .string(modelName)),
      ("params", .object(ETSDisplay.smoothingParameters(fit.parameters, spec: fit.spec).map { ($0.0, .number($0.1)) })),
      ("initial_states", .object(ETSDisplay.stateNames(fit.spec).enumerated().map { ($0.element, .number(fit.initialState[$0.offset])) })),
      ("sigma2", .number(fit.sigma2)),
      ("loglik", .number(fit.logLikelihood)),
      ("aic", .number(fit.aic)),
      ("aicc", .number(fit.aicc)),
      ("bic", .number(fit.bic)),
      ("nobs", .number(Double(fit.observationCount))),
    ])
  }

  // MARK: Display

  /// R's `print(ets)`: smoothing parameters, initial states, sigma and AIC/AICc/BIC; after a
  /// search, the candidates ranked by AICc and why the winner won.
  public func render(_ style: RenderStyle) -> String {
    var lines = ["\(modelName) fitted to \(trainingSeries.name) (\(fit.observationCount) \(ETSDisplay.periodWord(trainingSeries.frequency)))", ""]
    lines += ETSDisplay.parameterLines(ETSDisplay.smoothingParameters(fit.parameters, spec: fit.spec))
    lines.append("")
    lines += ETSDisplay.stateLines(fit.initialState, spec: fit.spec)
    lines.append("")
    let sigma = fit.spec.error == .multiplicative ? "(relative errors)" : ""
    lines.append("  sigma:  \(ETSDisplay.rounded(fit.sigma2.squareRoot())) \(sigma)".trimmingTrailingSpaces())
    lines.append("")
    lines.append(TextTable(headers: ["log-lik", "AIC", "AICc", "BIC"],
      rows: [[fit.logLikelihood, fit.aic, fit.aicc, fit.bic].map { NumberFormatting.fixed($0, decimals: 3) }]).render(ascii: style.asciiOnly))
    if let candidates, candidates.count > 1 {
      lines.append("")
      lines += ETSDisplay.selectionLines(candidates, winner: fit, notes: notes, ascii: style.asciiOnly)
    } else if !notes.isEmpty {
      lines.append("")
      lines += notes.map { "note: \($0)" }
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }
}
