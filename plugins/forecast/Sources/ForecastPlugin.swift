import TrendCastPlugin
import TrendCastValues

/// Forecasts from any fitted model, and honest evaluation of them: `forecast` (point forecasts
/// and prediction intervals), and — added by the evaluation work — `accuracy`, `backtest`, `compare`.
public struct ForecastPlugin: Plugin {
  public init() {}
  public var name: String { "forecast" }
  public var summary: String { "forecasts from any model, and their evaluation" }

  public var commands: [Command] {
    [Command(Self.forecastSignature, run: ForecastCommand.run)] + Self.evaluationCommands
  }

  static let forecastSignature = CommandSignature(
    ["forecast"], summary: "point forecasts and prediction intervals from a fitted model",
    discussion: """
      Works with every model a fit command returns. Intervals are central prediction \
      intervals at each level (percent; 0.8 means 80). A model fitted with transform=log or a \
      normalized series forecasts on the original scale. Models with regressors need their \
      future values: xreg= a table or series covering the h forecast periods. Without h, the \
      horizon is two seasonal cycles (10 periods for non-seasonal data), as R's forecast().
      """,
    inputs: [InputSpec("M", .value([.model]), help: "a fitted model (or a panel of them)")],
    options: [
      OptionSpec("h", .integer, defaultDescription: "two seasonal cycles, or 10", help: "how many periods ahead"),
      OptionSpec("level", .list(.number), default: .list([.number(80), .number(95)]), help: "prediction interval levels in percent"),
      OptionSpec("xreg", .reference([.table, .series]), help: "future values of the model's regressors"),
    ],
    examples: ["f = forecast m h=12", "f = forecast m h=28 level=[80,95]", "f = forecast m h=8 xreg=future"],
    result: .forecast)
}

enum ForecastCommand {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let value = try invocation.value(0)
    guard let model = value as? any ForecastModel else {
      throw RuntimeError("forecast needs a fitted model, not \(value.kind.withArticle)",
        hint: "fit one first, e.g. m = fit arima x, then forecast m h=12").focused(on: .input(0))
    }
    let period = model.trainingSeries.index.seasonalPeriod
    let horizon = try invocation.integer("h") ?? (period > 1 ? 2 * period : 10)
    guard (1...100_000).contains(horizon) else {
      throw invocation.optionError("h", "h must be between 1 and 100000, not \(horizon)")
    }
    let levels = try (invocation.numbers("level") ?? [80, 95]).map { level -> Double in
      let percent = level > 0 && level < 1 ? level * 100 : level
      guard percent > 0, percent < 100 else {
        throw invocation.optionError("level", "an interval level must be between 0 and 100 (percent), not \(NumberFormatting.display(level))")
      }
      return percent
    }
    let forecast = try model.forecast(horizon: horizon, levels: levels, regressors: invocation.reference("xreg"))
    return unscaled(forecast, by: model.trainingSeries.scaling)
  }

  /// A model fitted to a normalized series forecasts on the original scale: the affine map of
  /// `clean … normalize=` is undone on the history, the mean and every interval bound.
  static func unscaled(_ forecast: Forecast, by scaling: Scaling?) -> Forecast {
    guard let scaling else { return forecast }
    var result = forecast
    result.history.values = forecast.history.values.map(scaling.original)
    result.history.scaling = nil
    result.mean = forecast.mean.map(scaling.original)
    result.intervals = forecast.intervals.map { interval in
      let lower = interval.lower.map(scaling.original)
      let upper = interval.upper.map(scaling.original)
      // A negative scale would swap the bounds; keep lower ≤ upper.
      return PredictionInterval(level: interval.level, lower: zip(lower, upper).map { min($0, $1) }, upper: zip(lower, upper).map { max($0, $1) })
    }
    return result
  }
}
