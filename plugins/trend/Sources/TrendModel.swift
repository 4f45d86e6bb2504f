import TrendCastCharts
import TrendCastNumerics
import TrendCastValues

/// A fitted trend regression (`fit trend`) as a TrendCast model: forecasts with t-based
/// prediction intervals, refits for backtests, displays like R's summary.lm and saves as
/// LANGUAGE.md §7's model JSON with parameters a0, a1, b1, c1, ….
public struct TrendModel: ForecastModel, JSONExportable, Plottable {
  public let regression: TrendRegression
  public let trainingSeries: Series

  public init(series: Series, specification: TrendSpecification) throws {
    regression = try TrendRegression(series.values, specification: specification)
    trainingSeries = series
  }

  public var specification: TrendSpecification { regression.specification }

  /// "Linear trend", or "Linear trend + 2 harmonics [12]".
  public var modelName: String {
    let k = specification.harmonics
    return k == 0 ? "Linear trend" : "Linear trend + \(k) harmonic\(k == 1 ? "" : "s") [\(specification.period)]"
  }

  public var fittedValues: [Double] { regression.fitted }
  public var residuals: [Double] { regression.residuals }
  /// The coefficients (R's modeldf for lm), for Ljung–Box degrees of freedom.
  public var parameterCount: Int { specification.coefficientCount }

  public func forecast(horizon: Int, levels: [Double], regressors: (any Value)?) throws -> Forecast {
    if regressors != nil {
      throw RuntimeError("a trend regression has no regressors besides time and season, so xreg= does not apply", hint: "leave out xreg=")
    }
    let (mean, errors) = regression.forecast(horizon: horizon)
    let intervals = levels.map { level in
      let multiplier = regression.intervalMultiplier(level: level)
      return PredictionInterval(level: level, lower: zip(mean, errors).map { $0 - multiplier * $1 },
        upper: zip(mean, errors).map { $0 + multiplier * $1 })
    }
    return Forecast(modelName: modelName, history: trainingSeries, index: trainingSeries.index.following(horizon), mean: mean, intervals: intervals)
  }

  public func refit(to series: Series) throws -> any ForecastModel {
    try TrendModel.fitting(series, specification: specification)
  }

  /// Fits with the errors a user sees: the limit that was not met, and the value.
  static func fitting(_ series: Series, specification: TrendSpecification) throws -> TrendModel {
    let observed = series.count - series.missingCount
    let period = specification.period
    if specification.harmonics > 0, observed < period {
      throw RuntimeError("fit trend with period \(period) needs at least one full season (\(period) observed values), but \(series.name) has \(observed)",
        hint: "use a longer series, or a shorter period=")
    }
    let coefficients = specification.coefficientCount
    guard observed > coefficients else {
      throw RuntimeError("fit trend with \(specification.harmonics) harmonic\(specification.harmonics == 1 ? "" : "s") estimates \(coefficients) coefficients, so it needs at least \(coefficients + 1) observed values, but \(series.name) has \(observed)",
        hint: "use fewer harmonics= or a longer series")
    }
    do {
      return try TrendModel(series: series, specification: specification)
    } catch let error as NumericsError {
      switch error.kind {
      case .singular:
        throw RuntimeError("the trend regression on \(series.name) is singular: its time and season columns are collinear on the observed values",
          hint: "use fewer harmonics=, or fill the gaps in the data")
      default:
        throw RuntimeError("fit trend cannot be fitted to \(series.name): \(error.message)", hint: "check the data for infinite values")
      }
    }
  }

  // MARK: JSON, parts and chart

  /// LANGUAGE.md §7: model, params, sigma2, loglik, aic, aicc, bic, nobs; then standard
  /// errors, R², the period and the number of harmonics.
  public var jsonDocument: JSON {
    let names = specification.parameterNames
    let ols = regression.ols
    return .object([
      ("model", .string(modelName)),
      ("params", .object(zip(names, regression.coefficients).map { ($0, JSON.number($1)) })),
      ("sigma2", .number(ols.sigma2)),
      ("loglik", .number(regression.logLikelihood)),
      ("aic", .number(regression.aic)),
      ("aicc", regression.aicc.map(JSON.number) ?? .null),
      ("bic", .number(regression.bic)),
      ("nobs", .number(Double(ols.observationCount))),
      ("se", .object(zip(names, regression.standardErrors).map { ($0, JSON.number($1)) })),
      ("r_squared", .number(ols.rSquared)),
      ("adj_r_squared", .number(ols.adjustedRSquared)),
      ("period", .number(Double(specification.period))),
      ("harmonics", .number(Double(specification.harmonics))),
    ])
  }

  public var memberNames: [String] { ["residuals", "fitted"] }

  /// `m.residuals`, `m.fitted` as series on the training index.
  public func member(_ name: String) throws -> any Value {
    switch name {
    case "residuals": return Series(name: "residuals", index: trainingSeries.index, values: residuals)
    case "fitted": return Series(name: "fitted", index: trainingSeries.index, values: fittedValues)
    default: throw RuntimeError("a model has no part '\(name)'", hint: "parts: \(memberNames.joined(separator: ", "))")
    }
  }

  /// The training series with the fitted trend and season over it (for `plot`).
  public var chart: Chart {
    Chart.line(x: trainingSeries.index.chartX, series: [(trainingSeries.name, trainingSeries.values), ("fitted", fittedValues)],
      xScale: trainingSeries.index.chartScale, title: "\(modelName) fitted to \(trainingSeries.name)")
  }
}
