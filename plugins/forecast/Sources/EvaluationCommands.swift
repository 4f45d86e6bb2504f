import TrendCastPlugin
import TrendCastValues

/// The evaluation commands of the forecast plugin: `accuracy`, `backtest`, `compare` and
/// `window` (an extension of LANGUAGE.md for holding out test data).
extension ForecastPlugin {
  static var evaluationCommands: [Command] {
    [
      Command(accuracySignature, run: AccuracyCommand.run),
      Command(backtestSignature, run: BacktestCommands.backtest),
      Command(compareSignature, run: BacktestCommands.compare),
      Command(windowSignature, run: WindowCommand.run),
    ]
  }

  static let measuresText = """
    ME, RMSE, MAE, MAPE and MASE as R's accuracy(); sMAPE = 200·mean(|y − f| / (|y| + |f|)). \
    MASE divides by the in-sample MAE of the seasonal naive method on the training data (naive \
    for non-seasonal data). MAPE leaves out periods whose actual is 0 and says so.
    """

  static let accuracySignature = CommandSignature(
    ["accuracy"], summary: "MAE, RMSE, MAPE, sMAPE, MASE of a forecast against actuals, or of a model's fit",
    discussion: """
      accuracy F ACTUAL compares a forecast with held-out actuals, matched by date (not by \
      position); periods without an actual are left out. accuracy M gives the training-set \
      measures of a model's one-step fitted values, as R's accuracy(model); accuracy M ACTUAL \
      adds the test set, forecasting the model over the actuals' dates. \(measuresText)
      """,
    inputs: [
      InputSpec("F", .value([.forecast, .model]), help: "a forecast, or a fitted model"),
      InputSpec("ACTUAL", .value([.series, .table]), arity: .optional, help: "the actual values over the forecast's dates"),
    ],
    examples: ["accuracy f test", "accuracy m", "accuracy m test"], result: .result)

  static let backtestSignature = CommandSignature(
    ["backtest"], summary: "rolling-origin evaluation of a model over K windows",
    discussion: """
      Expanding windows whose origins end at the end of the data: window i of K re-estimates the \
      model's specification on the first n − h − (K − i)·step observations, forecasts h ahead and \
      is scored against what followed. Shows each window and all windows pooled (MASE scales \
      each window by its own training data). Name measures (rmse mase …) to show only those. \
      Each window keeps at least one season and one more observation to train on. \(measuresText)
      """,
    inputs: [InputSpec("M", .value([.model]), help: "a fitted model: its specification is re-fitted on each window")],
    options: [
      OptionSpec("h", .integer, required: true, help: "forecast horizon of each window"),
      OptionSpec("windows", .integer, required: true, help: "how many forecast origins"),
      OptionSpec("step", .integer, default: .integer(1), help: "periods between origins"),
    ],
    flags: AccuracyMetric.allCases.map { FlagSpec($0.rawValue, help: "show \($0.heading)") },
    examples: ["backtest m h=12 windows=5", "backtest m h=28 windows=4 step=28 rmse mase"], result: .result)

  static let compareSignature = CommandSignature(
    ["compare"], summary: "backtest several models on the same windows and rank them",
    discussion: """
      Runs the backtest of each model (all fitted to the same series) on the same origins and \
      ranks them by one pooled measure, smallest first: a table of every measure and a bar chart \
      of the chosen one. Models R would name alike are numbered (#2, #3).
      """,
    inputs: [InputSpec("M", .value([.model]), arity: .oneOrMore, help: "fitted models, separated by commas")],
    options: [
      OptionSpec("h", .integer, required: true, help: "forecast horizon of each window"),
      OptionSpec("windows", .integer, required: true, help: "how many forecast origins"),
      OptionSpec("step", .integer, default: .integer(1), help: "periods between origins"),
      OptionSpec("by", .keyword(AccuracyMetric.rankable.map(\.rawValue)), default: .keyword("rmse"), help: "the measure to rank by"),
    ],
    examples: ["compare m1, m2, m3 h=12 windows=4", "compare naive, trend, auto h=28 windows=4 step=28 by=mase"], result: .result)

  static let windowSignature = CommandSignature(
    ["window"], summary: "keep a time window of a series or dated table (e.g. to hold out a test set)",
    discussion: """
      from= and to= keep the periods dated within them (a month or year given alone covers the \
      whole month or year; plain period numbers for data without dates); then drop=N removes the \
      last N periods, first=N keeps the first N and last=N the last N. A table keeps the rows \
      on the chosen dates. Typical use: train = window units drop=28, test = window units last=28.
      """,
    inputs: [InputSpec("X", .value([.series, .table]), help: "a series or a table with a date column")],
    options: [
      OptionSpec("from", .reference([.text, .number]), help: "first date to keep, e.g. \"2024-03-01\""),
      OptionSpec("to", .reference([.text, .number]), help: "last date to keep"),
      OptionSpec("first", .integer, help: "keep the first N periods"),
      OptionSpec("last", .integer, help: "keep the last N periods"),
      OptionSpec("drop", .integer, help: "drop the last N periods"),
    ],
    examples: ["train = window units drop=28", "test = window units last=28", "w = window sales from=\"2024-03-01\" to=\"2024-05\""], result: .series)
}
