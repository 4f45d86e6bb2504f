import TrendCastCharts
import TrendCastNumerics
import TrendCastValues

/// A fitted baseline (naive, seasonal naive, mean, drift) as a TrendCast model: it forecasts
/// with R's intervals, re-fits itself for backtests, and saves as LANGUAGE.md §7's model JSON.
public struct BaselineModel: ForecastModel, JSONExportable, Plottable {
  public let fit: BaselineFit
  public let trainingSeries: Series

  public init(_ method: BaselineMethod, series: Series) throws {
    fit = try BaselineFit(method, to: series.values)
    trainingSeries = series
  }

  public var method: BaselineMethod { fit.method }
  public var modelName: String { method.name }
  public var fittedValues: [Double] { fit.fitted }
  public var residuals: [Double] { fit.residuals }
  public var parameterCount: Int { method.parameterCount }

  public func forecast(horizon: Int, levels: [Double], regressors: (any Value)?) throws -> Forecast {
    if regressors != nil {
      throw RuntimeError("the \(method.word) method has no regressors, so xreg= does not apply", hint: "leave out xreg=")
    }
    let (mean, errors) = fit.forecast(horizon: horizon)
    let intervals = levels.map { level in
      let multiplier = fit.intervalMultiplier(level: level)
      return PredictionInterval(level: level, lower: zip(mean, errors).map { $0 - multiplier * $1 },
        upper: zip(mean, errors).map { $0 + multiplier * $1 })
    }
    return Forecast(modelName: modelName, history: trainingSeries, index: trainingSeries.index.following(horizon), mean: mean, intervals: intervals)
  }

  public func refit(to series: Series) throws -> any ForecastModel {
    try BaselineModel.fitting(method, to: series)
  }

  /// Fits with the errors a user sees: the method and the limit it needs, in words.
  static func fitting(_ method: BaselineMethod, to series: Series) throws -> BaselineModel {
    do {
      return try BaselineModel(method, series: series)
    } catch let error as NumericsError {
      let minimum = method.minimumObservations
      switch error.kind {
      case .tooShort:
        let observed = series.count - series.missingCount
        throw RuntimeError("fit \(method.word) needs at least \(minimum.count) observed values (\(minimum.reason)), but \(series.name) has \(observed)",
          hint: "use a longer series\(method.lag ?? 1 > 1 ? ", or a shorter period=" : "")")
      case .allMissing:
        throw RuntimeError("\(method.name): \(series.name) has no observed value in its last \(method.lag == 1 ? "periods" : "season") to forecast from",
          hint: "fill missing values first, e.g. clean \(series.name) fill=linear")
      default:
        throw RuntimeError("\(method.name) cannot be fitted to \(series.name): \(error.message)", hint: "check the data for infinite values")
      }
    }
  }

  // MARK: Parameters, JSON and display

  /// The parameters R reports: drift for the drift method, mu for the mean.
  public var parameters: [(name: String, value: Double, standardError: Double)] {
    switch method {
    case .drift: return [("drift", fit.drift, fit.driftStandardError)]
    case .mean: return [("mu", fit.mu, fit.standardDeviation / Double(fit.observations).squareRoot())]
    case .naive, .seasonalNaive: return []
    }
  }

  /// LANGUAGE.md §7: model, params, sigma2, nobs; then the method's own settings.
  public var jsonDocument: JSON {
    var members: [(String, JSON)] = [
      ("model", .string(modelName)),
      ("params", .object(parameters.map { ($0.name, JSON.number($0.value)) })),
      ("sigma2", .number(fit.sigma2)),
      ("nobs", .number(Double(fit.observations))),
    ]
    switch method {
    case .drift: members.append(("drift_se", .number(fit.driftStandardError)))
    case .mean: members.append(("sd", .number(fit.standardDeviation)))
    case .seasonalNaive(let period): members.append(("period", .number(Double(period))))
    case .naive: break
    }
    return .object(members)
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

  /// What the forecasts repeat, in words.
  var ruleDescription: String {
    switch method {
    case .naive: return "forecasts repeat the last value, \(NumberFormatting.display(fit.future.last ?? .nan))"
    case .seasonalNaive(let period): return "forecasts repeat the last season (period \(period))"
    case .mean: return "forecasts are the mean of the \(fit.observations) observed values"
    case .drift: return "forecasts extend the line from the first to the last value"
    }
  }

  public func render(_ style: RenderStyle) -> String {
    var lines = ["\(modelName) fitted to \(trainingSeries.name): \(trainingSeries.index.summary)", ruleDescription]
    if !parameters.isEmpty {
      let names = parameters.map(\.name)
      let rows = [[""] + parameters.map { NumberFormatting.fixed($0.value, decimals: 4) },
                  ["s.e."] + parameters.map { NumberFormatting.fixed($0.standardError, decimals: 4) }]
      lines += ["", "Coefficients:",
                TextTable(headers: [""] + names, alignments: [.left] + names.map { _ in .right }, rows: rows).render(ascii: style.asciiOnly)]
    }
    lines += ["", "sigma^2 = \(NumberFormatting.display(fit.sigma2, significant: 5))   residual s.d. = \(NumberFormatting.display(fit.sigma2.squareRoot(), significant: 5))"]
    return lines.joined(separator: "\n")
  }

  /// The training series with the fitted values over it (for `plot`).
  public var chart: Chart {
    Chart.line(x: trainingSeries.index.chartX, series: [(trainingSeries.name, trainingSeries.values), ("fitted", fittedValues)],
      xScale: trainingSeries.index.chartScale, title: "\(modelName) fitted to \(trainingSeries.name)")
  }
}
