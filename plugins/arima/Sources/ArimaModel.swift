import Foundation
import TrendCastNumerics
import TrendCastValues

/// A fitted (S)ARIMA model as a TrendCast value: `forecast`, `test ljungbox`, `accuracy` and
/// `backtest` work with it, it displays like R's `print(Arima)` and saves as LANGUAGE.md §7's
/// JSON.
public struct ArimaModel: ForecastModel, JSONExportable {
  public var fit: ARIMAFit
  public var specification: ArimaSpecification
  public var trainingSeries: Series
  /// Leading missing values left out of the fit.
  var leadingMissing: Int
  var includeMean: Bool
  var includeDrift: Bool
  var xreg: [Regressor]
  /// The model-scale series that was fitted (after the log, without the leading gap).
  var modelSeries: [Double]
  var filtered: ARIMAStateSpace.Filtered
  public var searchReport: AutoARIMA.Report?

  /// R's `arima.string`: the order, then "with drift", "with non-zero mean", "with zero mean",
  /// or "Regression with … errors".
  /// Fourier terms (`fourier=K`) are named after it, as `fit trend` names its harmonics:
  /// "ARIMA(2,1,0) with drift + 4 Fourier pairs [52]".
  public var modelName: String {
    let fourier = specification.fourier.map { " + \($0.pairs) Fourier pair\($0.pairs == 1 ? "" : "s") [\($0.period)]" } ?? ""
    let base = fit.order.description
    if !xreg.isEmpty { return "Regression with \(base) errors" + fourier }
    if includeDrift { return "\(base) with drift" + fourier }
    if includeMean { return "\(base) with non-zero mean" + fourier }
    if fit.order.differenceCount == 0 { return "\(base) with zero mean" + fourier }
    return base + fourier
  }

  /// Standardized innovations (as R's `residuals(Arima)`) on the model's scale, aligned with
  /// the training series; NaN before the fit starts, at the d + D·s diffuse steps and where
  /// data are missing.
  public var residuals: [Double] {
    Array(repeating: .nan, count: leadingMissing) + filtered.residuals
  }

  /// y − residual on the model's scale (R's `fitted.Arima`), mapped back through exp for
  /// transform=log.
  public var fittedValues: [Double] {
    let fitted = zip(modelSeries, filtered.residuals).map { $0 - $1 }
    let original = specification.logTransform ? fitted.map { exp($0) } : fitted
    return Array(repeating: .nan, count: leadingMissing) + original
  }

  /// The ARMA coefficients p + q + P + Q (the Ljung–Box degrees of freedom to subtract).
  public var parameterCount: Int { fit.order.armaParameterCount }

  public func forecast(horizon: Int, levels: [Double], regressors: (any Value)?) throws -> Forecast {
    guard !xreg.isEmpty else { return try forecast(horizon: horizon, levels: levels, future: []) }
    guard let regressors else {
      throw RuntimeError("this model has regressors (\(xreg.map(\.name).joined(separator: ", "))), so forecast needs their future values",
        hint: "give them with xreg= (a table with those columns, or a series), covering the \(horizon) forecast periods")
    }
    return try forecast(horizon: horizon, levels: levels, future: try Self.futureRegressors(regressors, names: xreg.map(\.name)))
  }

  /// A forecast for scoring: the regressors the model was fitted with cover the periods after
  /// a backtest window (a refitted model keeps the full regressors, see `refit(to:)`).
  public func evaluationForecast(horizon: Int) throws -> Forecast {
    try forecast(horizon: horizon, levels: [], future: xreg)
  }

  /// Forecasts with the regressors' values taken from `given` over the forecast periods.
  private func forecast(horizon: Int, levels: [Double], future given: [Regressor]) throws -> Forecast {
    let index = trainingSeries.index.following(horizon)
    let future = try given.map { try $0.values(on: index, purpose: "the forecast periods") }
    if let row = (0..<horizon).first(where: { t in future.contains { $0[t].isNaN } }) {
      throw RuntimeError("the future regressor values are missing at \(index.label(at: row))", hint: "fill them before forecasting")
    }
    let fittedLength = modelSeries.count
    let fourier = specification.fourier?.columns(first: fittedLength + 1, count: horizon) ?? []
    let columns = ArimaSpecification.regressionColumns(
      mean: includeMean, drift: includeDrift, first: fittedLength + 1, count: horizon, xreg: fourier + future)
    let model = ARIMAStateSpace(phi: fit.expandedAR, theta: fit.expandedMA, delta: fit.order.differencingCoefficients)
    let path = model.forecast(from: filtered, horizon: horizon)
    var mean = path.mean
    for (j, column) in columns.enumerated() {
      for t in 0..<horizon { mean[t] += fit.beta[j] * column[t] }
    }
    let sd = path.variance.map { (max($0, 0) * fit.sigma2).squareRoot() }
    let transform: (Double) -> Double = specification.logTransform ? { exp($0) } : { $0 }
    let intervals = levels.map { level -> PredictionInterval in
      let z = NormalDistribution.standardQuantile(0.5 + level / 200)
      return PredictionInterval(level: level, lower: (0..<horizon).map { transform(mean[$0] - z * sd[$0]) },
        upper: (0..<horizon).map { transform(mean[$0] + z * sd[$0]) })
    }
    let point = mean.map(transform)
    guard point.allSatisfy(\.isFinite), intervals.allSatisfy({ $0.lower.allSatisfy(\.isFinite) && $0.upper.allSatisfy(\.isFinite) }) else {
      throw RuntimeError("the forecasts of \(modelName) overflow (they are not finite numbers)",
        hint: specification.logTransform ? "the log-scale forecasts are too large to exponentiate; try a shorter horizon" : "try a shorter horizon or a model with fewer differences")
    }
    return Forecast(modelName: modelName, history: trainingSeries, index: index, mean: point, intervals: intervals)
  }

  /// Future regressors from forecast's xreg=: a series (one regressor) or a table.
  static func futureRegressors(_ value: any Value, names: [String]) throws -> [Regressor] {
    if let series = value as? Series {
      guard names.count == 1 else {
        throw RuntimeError("this model has \(names.count) regressors (\(names.joined(separator: ", "))), but xreg= gives one series",
          hint: "give a table with columns \(names.joined(separator: ", "))")
      }
      return [Regressor(name: names[0], series: series)]
    }
    guard let table = value as? Table else { throw RuntimeError("xreg= needs a table or a series of future values, not \(value.kind.withArticle)") }
    return try names.map { name in
      guard table.column(named: name) != nil else {
        throw RuntimeError("the xreg table has no column '\(name)'", hint: "columns: \(table.columnNames.joined(separator: ", "))")
      }
      return Regressor(name: name, series: try table.series(column: name, duplicates: table.duplicatePolicy))
    }
  }

  /// A backtest's re-estimation: a fixed order is re-estimated with the same terms; an
  /// automatic model runs the whole search again on the shorter window.
  public func refit(to series: Series) throws -> any ForecastModel {
    try ArimaFitting.fit(series, specification: specification, xreg: xreg, period: searchReport?.period ?? fit.order.period)
  }
}
