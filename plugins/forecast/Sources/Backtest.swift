import Dispatch
import Synchronization
import TrendCastPlugin
import TrendCastValues

/// Rolling-origin evaluation with an expanding window: window i of K trains on the first
/// n − h − (K − i)·step observations (re-estimating the model's specification with `refit`),
/// forecasts h periods and is scored against the actuals that follow; the last window's
/// forecasts end at the end of the data.
public struct BacktestPlan: Sendable, Equatable {
  public let observations: Int
  public let horizon: Int
  public let windows: Int
  public let step: Int
  /// The fewest observations a training window may have (one season and one more, so the
  /// MASE scale exists; at least 2).
  public let minimumTraining: Int

  /// The training sizes, first window first.
  public var trainingSizes: [Int] { (1...windows).map { observations - horizon - (windows - $0) * step } }

  /// The largest horizon the data allow.
  public var maximumHorizon: Int { observations - minimumTraining }
  /// The most windows the data allow at this horizon and step.
  public var maximumWindows: Int { (observations - horizon - minimumTraining) / step + 1 }

  /// Checks the plan against the data, throwing errors that name the limit and the value.
  public init(observations: Int, horizon: Int, windows: Int, step: Int, period: Int, seriesName: String, invocation: Invocation) throws {
    guard horizon >= 1 else { throw invocation.optionError("h", "h must be at least 1, not \(horizon)") }
    guard windows >= 1 else { throw invocation.optionError("windows", "windows must be at least 1, not \(windows)") }
    guard step >= 1 else { throw invocation.optionError("step", "step must be at least 1, not \(step)") }
    self.observations = observations
    self.horizon = horizon
    self.windows = windows
    self.step = step
    minimumTraining = max(period, 1) + 1
    guard horizon <= maximumHorizon else {
      throw invocation.optionError("h", "h=\(horizon) is longer than the backtest allows: \(seriesName) has \(observations) observations and each window keeps at least \(minimumTraining) to train on, so h can be at most \(max(maximumHorizon, 0))",
        hint: maximumHorizon >= 1 ? "use h=\(maximumHorizon) or less" : "the series is too short to backtest")
    }
    guard windows <= maximumWindows else {
      throw invocation.optionError("windows", "windows=\(windows) is more than the backtest allows: with h=\(horizon) and step \(step), the \(observations) observations of \(seriesName) leave room for at most \(maximumWindows) window\(maximumWindows == 1 ? "" : "s") that keep \(minimumTraining) observations to train on",
        hint: "use windows=\(maximumWindows) or fewer, a smaller step= or a shorter h=")
    }
  }
}

/// One window of a backtest: where it starts forecasting, what it forecast, how well.
public struct BacktestWindow: Sendable {
  public let trainingSize: Int
  public let forecast: [Double]
  public let actual: [Double]
  public let errors: ForecastErrors
}

enum BacktestRunner {
  /// Runs every window of `plan` for `model` (in parallel; results in window order). Values
  /// are on the original scale (normalized series are mapped back).
  static func run(_ model: any ForecastModel, plan: BacktestPlan, context: RunContext) throws -> [BacktestWindow] {
    let series = model.trainingSeries
    let original = AccuracyCommand.unscaled(series)
    let sizes = plan.trainingSizes
    let period = series.index.seasonalPeriod
    let outcomes = Mutex<[Int: Result<BacktestWindow, any Error>]>([:])
    let workers = min(max(context.parallelism, 1), sizes.count)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for index in stride(from: worker, to: sizes.count, by: workers) {
        let outcome = Result { () throws -> BacktestWindow in
          try context.checkCancellation()
          let size = sizes[index]
          let training = series.prefix(size)
          let refitted: any ForecastModel
          do {
            refitted = try model.refit(to: training)
          } catch let error as any UserFacingError {
            throw RuntimeError("backtest window \(index + 1) of \(sizes.count) (training on \(size) observations, to \(series.index.label(at: size - 1))): \(error.message)",
              hint: error.hint ?? "use fewer windows= or a shorter h=, so every window trains on more data")
          }
          let forecast = ForecastCommand.unscaled(try refitted.evaluationForecast(horizon: plan.horizon), by: series.scaling)
          let actual = Array(original[size..<(size + plan.horizon)])
          var errors = ForecastErrors()
          errors.add(actual: actual, forecast: forecast.mean, scale: ForecastErrors.scale(of: Array(original[0..<size]), period: period))
          return BacktestWindow(trainingSize: size, forecast: forecast.mean, actual: actual, errors: errors)
        }
        outcomes.withLock { $0[index] = outcome }
      }
    }
    let collected = outcomes.withLock { $0 }
    return try sizes.indices.map { index in
      guard let outcome = collected[index] else { throw CancellationError() }
      return try outcome.get()
    }
  }
}

/// The result of `backtest`: per-window and overall measures of one model.
public struct BacktestResult: CSVExportable {
  public let modelName: String
  public let series: Series
  public let plan: BacktestPlan
  public let windows: [BacktestWindow]
  /// The measures the display shows (all unless the command named some).
  public let metrics: [AccuracyMetric]

  public var kind: ValueKind { .result }
  public var summary: String { "backtest of \(modelName): \(plan.windows) windows, h=\(plan.horizon)" }

  /// All windows' errors together (each scaled by its own training window for MASE).
  public var pooledErrors: ForecastErrors {
    windows.reduce(into: ForecastErrors()) { $0.add($1.errors) }
  }
  public var overall: AccuracyMeasures? { pooledErrors.measures }

  /// The date of the last training observation of each window.
  public func originLabel(_ window: BacktestWindow) -> String { series.index.label(at: window.trainingSize - 1) }

  public var csvDocument: CSVDocument {
    let rows = windows.enumerated().map { index, window in
      [String(index + 1), originLabel(window), String(window.trainingSize)] + Self.fields(window.errors.measures)
    }
    return CSVDocument(header: ["window", "origin", "train"] + AccuracyMetric.allCases.map(\.heading),
      rows: rows + [["all", "", ""] + Self.fields(overall)])
  }

  static func fields(_ measures: AccuracyMeasures?) -> [String] {
    AccuracyMetric.allCases.map { NumberFormatting.exact(measures?.value(of: $0) ?? .nan) }
  }

  public var memberNames: [String] { AccuracyMetric.allCases.map(\.rawValue) }

  /// `b.rmse` …: an overall measure.
  public func member(_ name: String) throws -> any Value {
    guard let metric = AccuracyMetric(rawValue: name.lowercased()) else {
      throw RuntimeError("a backtest has no part '\(name)'", hint: "parts: \(memberNames.joined(separator: ", "))")
    }
    guard let value = overall?.value(of: metric) else { throw RuntimeError("\(metric.heading) is not available for this backtest") }
    return NumberValue(value)
  }

  public func render(_ style: RenderStyle) -> String {
    let first = windows.first.map(originLabel) ?? ""
    let last = windows.last.map(originLabel) ?? ""
    let title = "Backtest of \(modelName) on \(series.name): \(plan.windows) window\(plan.windows == 1 ? "" : "s"), h=\(plan.horizon), step \(plan.step) (expanding window; origins \(first) … \(last))"
    let labels = windows.indices.map { String($0 + 1) } + ["all"]
    let table = MeasureTable.render(
      leading: [("window", .left, labels), ("origin", .left, windows.map(originLabel) + [""]), ("train", .right, windows.map { String($0.trainingSize) } + [""])],
      measures: windows.map(\.errors.measures) + [overall], metrics: metrics, ascii: style.asciiOnly)
    var lines = [style.asciiOnly ? title.replacingOccurrences(of: "…", with: "...") : title, table]
    if let overall { lines += MeasureTable.notes(for: overall, missing: pooledErrors.missing, scaleNote: "MASE is not available: a training window has no in-sample variation to scale by") }
    lines.append("")
    lines.append(chart.render(style.chartStyle))
    return lines.joined(separator: "\n")
  }
}
