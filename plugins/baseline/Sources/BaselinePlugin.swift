import TrendCastPlugin
import TrendCastValues

/// The benchmark forecasts of R's forecast package — `fit naive`, `fit snaive`, `fit mean`,
/// `fit drift` — so every comparison has an honest yardstick.
public struct BaselinePlugin: Plugin {
  public init() {}
  public var name: String { "baseline" }
  public var summary: String { "benchmark forecasts: naive, seasonal naive, mean, drift" }

  public var commands: [Command] {
    [
      Command(Self.signature("naive", summary: "naive forecasts: every forecast is the last value",
        discussion: """
          R's naive() (rwf without drift): fitted values are the previous value, forecasts repeat \
          the last one; the h-step interval is ±z·σ·√h with σ² the mean squared one-step residual. \
          A missing value is carried forward from the one before it.
          """, example: "m = fit naive units"), run: { try FitBaseline.run($0, method: .naive) }),
      Command(Self.signature("snaive", summary: "seasonal naive forecasts: each forecast is the value one season earlier",
        discussion: """
          R's snaive(): fitted values are the value one season (period) earlier, forecasts repeat \
          the last season; the h-step interval is ±z·σ·√k with k the number of whole seasons ahead \
          (⌈h/period⌉). A missing value is carried from one season earlier. The period is the \
          series' seasonal period unless period= says otherwise.
          """,
        options: [OptionSpec("period", .integer, defaultDescription: "the series' seasonal period", help: "the season length in periods")],
        example: "m = fit snaive units period=7"), run: FitBaseline.runSeasonal),
      Command(Self.signature("mean", summary: "mean forecasts: every forecast is the average of the data",
        discussion: """
          R's meanf(): forecasts are the mean of the observed values; the interval is \
          ±t(n−1)·s·√(1 + 1/n) with s their standard deviation and n the number of observed \
          values (R counts missing ones in n too).
          """, example: "m = fit mean units"), run: { try FitBaseline.run($0, method: .mean) }),
      Command(Self.signature("drift", summary: "random walk with drift: the line from the first to the last value, extended",
        discussion: """
          R's rwf(drift=TRUE): the drift is the mean change per period (with its standard error); \
          forecasts are the last value plus h drifts; the interval is ±z·√(σ²h + (h·se)²) with σ² \
          the variance of the changes.
          """, example: "m = fit drift units"), run: { try FitBaseline.run($0, method: .drift) }),
    ]
  }

  static func signature(_ word: String, summary: String, discussion: String, options: [OptionSpec] = [], example: String) -> CommandSignature {
    CommandSignature(["fit", word], summary: summary, discussion: discussion,
      inputs: [InputSpec("X", .value([.series, .table]), help: "the series to model (or a panel of them)")],
      options: options, examples: [example, "fit \(word) units |> forecast h=14"], result: .model)
  }
}

enum FitBaseline {
  static func run(_ invocation: Invocation, method: BaselineMethod) throws -> any Value {
    let series = try invocation.series(0)
    return try BaselineModel.fitting(method, to: series)
  }

  @Sendable static func runSeasonal(_ invocation: Invocation) throws -> any Value {
    let series = try invocation.series(0)
    let period = try invocation.integer("period") ?? series.index.seasonalPeriod
    guard period >= 1 else {
      throw invocation.optionError("period", "period must be at least 1, not \(period)")
    }
    if period == 1 {
      invocation.report("\(series.name) has no seasonal period (\(series.frequency.name) data), so the seasonal naive method is the naive method; give period=N for another season length")
    }
    return try BaselineModel.fitting(.seasonalNaive(period: period), to: series)
  }
}
