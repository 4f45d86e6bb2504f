import Foundation
import TrendCastValues

/// A fitted Holt-Winters model as a TrendCast value.
///
/// Point forecasts are statsmodels'; prediction intervals come from the ETS state-space model
/// with the same recursion (`HoltWintersSpecification.intervalSpec`): ETS(A,·,A|N) class-1
/// variances for additive models, ETS(M,·,M) class-3 variances for a multiplicative season,
/// seeded simulation for a multiplicative trend, each centred on the point forecasts.
public struct HoltWintersModel: ForecastModel, JSONExportable {
  public var fit: HoltWintersFit
  public var trainingSeries: Series

  public init(fit: HoltWintersFit, trainingSeries: Series) {
    self.fit = fit
    self.trainingSeries = trainingSeries
  }

  /// "Holt-Winters(A,M)[12]", "Holt-Winters(Ad,N)".
  public var modelName: String {
    let spec = fit.spec
    return "Holt-Winters(\(spec.trend.rawValue)\(spec.damped ? "d" : ""),\(spec.season.rawValue))" + (spec.hasSeason ? "[\(spec.period)]" : "")
  }

  public var fittedValues: [Double] { fit.fitted }
  public var residuals: [Double] { fit.residuals }
  public var parameterCount: Int { fit.estimatedParameterCount }

  public func forecast(horizon: Int, levels: [Double], regressors: (any Value)?) throws -> Forecast {
    if regressors != nil {
      throw RuntimeError("a Holt-Winters model takes no regressors, so xreg= has nothing to do", hint: "drop xreg=, or fit arima … xreg= for regressors")
    }
    let result = ETSForecasting.forecast(
      spec: fit.spec.intervalSpec, parameters: fit.etsParameters, state: fit.finalState, sigma2: fit.intervalSigma2,
      horizon: horizon, levels: levels, centredOnPointForecasts: true)
    return try ETSModel.makeForecast(result, modelName: modelName, history: trainingSeries, horizon: horizon)
  }

  public func refit(to series: Series) throws -> any ForecastModel {
    try ETSFitting.fitHoltWinters(series, spec: fit.spec)
  }

  public var memberNames: [String] { ["fitted", "residuals"] }

  public func member(_ name: String) throws -> any Value {
    switch name {
    case "fitted": return Series(name: "fitted", index: trainingSeries.index, values: fittedValues, scaling: trainingSeries.scaling)
    case "residuals": return Series(name: "residuals", index: trainingSeries.index, values: residuals)
    default:
      throw RuntimeError("a Holt-Winters model has no part '\(name)'", hint: "parts: \(memberNames.joined(separator: ", "))")
    }
  }

  var smoothingParameters: [(String, Double)] {
    var result = [("alpha", fit.alpha)]
    if fit.spec.hasTrend { result.append(("beta", fit.beta)) }
    if fit.spec.hasSeason { result.append(("gamma", fit.gamma)) }
    if fit.spec.damped { result.append(("phi", fit.phi)) }
    return result
  }

  /// l, b, s1 … sm in R's order (s1 the state of the last period of the first cycle).
  var initialState: [Double] {
    var state = [fit.initialLevel]
    if fit.spec.hasTrend { state.append(fit.initialTrend) }
    return state + fit.initialSeasons.reversed()
  }

  /// LANGUAGE.md §7 with statsmodels' parameters (beta in Holt's form), the initial states,
  /// the SSE, and statsmodels' AIC, AICc and BIC; loglik is the Gaussian log-likelihood at
  /// σ² = SSE/n, sigma2 the variance of the interval model's errors.
  public var jsonDocument: JSON {
    let names = ETSDisplay.stateNames(fit.spec.recursionSpec)
    return .object([
      ("model", .string(modelName)),
      ("params", .object(smoothingParameters.map { ($0.0, .number($0.1)) })),
      ("initial_states", .object(zip(names, initialState).map { ($0.0, .number($0.1)) })),
      ("sse", .number(fit.sse)),
      ("sigma2", .number(fit.intervalSigma2)),
      ("loglik", .number(fit.logLikelihood)),
      ("aic", .number(fit.aic)),
      ("aicc", .number(fit.aicc)),
      ("bic", .number(fit.bic)),
      ("nobs", .number(Double(fit.observationCount))),
    ])
  }

  public func render(_ style: RenderStyle) -> String {
    var lines = ["\(fit.spec) fitted to \(trainingSeries.name) (\(fit.observationCount) \(ETSDisplay.periodWord(trainingSeries.frequency)))", ""]
    lines += ETSDisplay.parameterLines(smoothingParameters)
    lines.append("")
    lines += ETSDisplay.stateLines(initialState, spec: fit.spec.recursionSpec)
    lines.append("")
    lines.append("  SSE:    \(NumberFormatting.display(fit.sse, significant: 8))")
    lines.append("  intervals from \(fit.spec.intervalSpec), sigma \(ETSDisplay.rounded(fit.intervalSigma2.squareRoot()))")
    lines.append("")
    lines.append(TextTable(headers: ["AIC", "AICc", "BIC"],
      rows: [[fit.aic, fit.aicc, fit.bic].map { NumberFormatting.fixed($0, decimals: 3) }]).render(ascii: style.asciiOnly))
    return lines.joined(separator: "\n")
  }
}
