/// Point forecasts with prediction intervals, on the scale of the original data.
public struct Forecast: CSVExportable {
  /// The model that made it ("ARIMA(0,1,1)(0,1,1)[12]").
  public var modelName: String
  /// The series the model was fitted to (drawn before the forecast in charts).
  public var history: Series
  /// The forecast periods.
  public var index: TimeIndex
  public var mean: [Double]
  /// One interval per requested level, in the order requested.
  public var intervals: [PredictionInterval]

  public init(modelName: String, history: Series, index: TimeIndex, mean: [Double], intervals: [PredictionInterval]) {
    self.modelName = modelName
    self.history = history
    self.index = index
    self.mean = mean
    self.intervals = intervals
  }

  public var kind: ValueKind { .forecast }
  public var horizon: Int { mean.count }
  public var summary: String {
    "\(modelName), h=\(horizon)" + (horizon > 0 ? " (\(index.label(at: 0)) … \(index.label(at: horizon - 1)))" : "")
  }

  /// Column names: mean, lo80, hi80, lo95, hi95 …
  public var columnNames: [String] {
    ["mean"] + intervals.flatMap { ["lo\($0.levelLabel)", "hi\($0.levelLabel)"] }
  }

  public var memberNames: [String] { columnNames }

  /// `f.mean`, `f.lo95`: a part of the forecast as a series on the forecast periods.
  public func member(_ name: String) throws -> any Value {
    guard let values = column(named: name) else {
      throw RuntimeError("a forecast has no part '\(name)'", hint: "parts: \(columnNames.joined(separator: ", "))")
    }
    return Series(name: name, index: index, values: values, scaling: nil)
  }

  public func column(named name: String) -> [Double]? {
    if name == "mean" { return mean }
    for interval in intervals {
      if name == "lo\(interval.levelLabel)" { return interval.lower }
      if name == "hi\(interval.levelLabel)" { return interval.upper }
    }
    return nil
  }

  /// `date,mean,lo80,hi80,lo95,hi95` (LANGUAGE.md §7).
  public var csvDocument: CSVDocument {
    let columns = [mean] + intervals.flatMap { [$0.lower, $0.upper] }
    return CSVDocument(header: ["date"] + columnNames,
      rows: (0..<horizon).map { h in [index.label(at: h)] + columns.map { NumberFormatting.exact($0[h]) } })
  }

  public func render(_ style: RenderStyle) -> String {
    let columns = [mean] + intervals.flatMap { [$0.lower, $0.upper] }
    let decimals = NumberFormatting.decimalsForColumn(columns.flatMap { $0 }, significant: 6, maxDecimals: 4)
    let visible = TextTable.visibleRows(count: horizon, head: max(style.headRows, 24), tail: style.tailRows)
    let positions = Array(visible.head) + Array(visible.tail ?? 0..<0)
    var rows = positions.map { h in [index.label(at: h)] + columns.map { NumberFormatting.fixed($0[h], decimals: decimals) } }
    if visible.tail != nil { rows.insert([style.asciiOnly ? "..." : "…"] + columns.map { _ in "" }, at: visible.head.count) }
    let title = "Forecast from \(modelName), \(horizon) \(index.frequency == .unspecified ? "step" : periodWord)\(horizon == 1 ? "" : "s") ahead"
    return TextTable(headers: ["date"] + columnNames, alignments: [.left] + columnNames.map { _ in .right }, rows: rows, title: title)
      .render(ascii: style.asciiOnly)
  }

  private var periodWord: String {
    switch index.frequency {
    case .hourly: return "hour"
    case .daily: return "day"
    case .weekly: return "week"
    case .monthly: return "month"
    case .quarterly: return "quarter"
    case .yearly: return "year"
    case .unspecified: return "step"
    }
  }
}

/// A central prediction interval at `level` percent.
public struct PredictionInterval: Sendable {
  public var level: Double
  public var lower: [Double]
  public var upper: [Double]
  public init(level: Double, lower: [Double], upper: [Double]) {
    self.level = level
    self.lower = lower
    self.upper = upper
  }
  /// "80", "97.5".
  public var levelLabel: String { NumberFormatting.display(level) }
}

/// A fitted forecasting model. Every `fit` command returns one, so `forecast`, `accuracy`,
/// `backtest`, `compare` and `test ljungbox` work with any of them.
public protocol ForecastModel: Value {
  /// The model as R prints its name: "ARIMA(0,1,1)(0,1,1)[12]", "ETS(M,Ad,M)".
  var modelName: String { get }
  /// The data the model was fitted to, on the original scale.
  var trainingSeries: Series { get }
  /// One-step-ahead fitted values on the original scale (NaN where undefined).
  var fittedValues: [Double] { get }
  /// Innovation residuals on the model's own scale (NaN where undefined).
  var residuals: [Double] { get }
  /// Estimated parameters, for Ljung–Box degrees of freedom.
  var parameterCount: Int { get }
  /// Forecasts `horizon` periods ahead with intervals at `levels` (percent).
  func forecast(horizon: Int, levels: [Double], regressors: (any Value)?) throws -> Forecast
  /// The same specification re-estimated on another series (a backtest's training window).
  func refit(to series: Series) throws -> any ForecastModel
  /// A point forecast `horizon` periods past the training data, to score against held-out
  /// values (`backtest` windows, `accuracy M ACTUAL`): a model with regressors takes their
  /// values from the ones it was fitted with, which must reach that far.
  func evaluationForecast(horizon: Int) throws -> Forecast
}

extension ForecastModel {
  public func evaluationForecast(horizon: Int) throws -> Forecast {
    try forecast(horizon: horizon, levels: [], regressors: nil)
  }

  public var kind: ValueKind { .model }
  public var summary: String { modelName }
}
