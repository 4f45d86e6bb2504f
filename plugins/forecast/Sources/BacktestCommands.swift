import TrendCastPlugin
import TrendCastValues

/// `backtest M h=N windows=K [step=S] [metric…]` and `compare M1, M2, … h=N windows=K
/// [step=S] [by=…]`.
enum BacktestCommands {
  static func model(_ value: any Value, position: Int, command: String) throws -> any ForecastModel {
    guard let model = value as? any ForecastModel else {
      throw RuntimeError("\(command) needs a fitted model, not \(value.kind.withArticle)",
        hint: "fit one first, e.g. m = fit naive x; \(command) re-fits its specification on each window").focused(on: .input(position))
    }
    return model
  }

  static func plan(for series: Series, _ invocation: Invocation) throws -> BacktestPlan {
    let horizon = try invocation.integer("h") ?? 0
    let windows = try invocation.integer("windows") ?? 0
    let step = try invocation.integer("step") ?? 1
    return try BacktestPlan(observations: series.count, horizon: horizon, windows: windows, step: step,
      period: series.index.seasonalPeriod, seriesName: series.name, invocation: invocation)
  }

  @Sendable static func backtest(_ invocation: Invocation) throws -> any Value {
    let model = try model(invocation.value(0), position: 0, command: "backtest")
    let series = model.trainingSeries
    let plan = try plan(for: series, invocation)
    let windows = try BacktestRunner.run(model, plan: plan, context: invocation.context)
    let chosen = AccuracyMetric.allCases.filter { invocation.has(flag: $0.rawValue) }
    return BacktestResult(modelName: model.modelName, series: series, plan: plan, windows: windows, metrics: chosen.isEmpty ? AccuracyMetric.allCases : chosen)
  }

  @Sendable static func compare(_ invocation: Invocation) throws -> any Value {
    let values = try invocation.values(from: 0)
    let models = try values.enumerated().map { try model($0.element, position: $0.offset, command: "compare") }
    guard let first = models.first else {
      throw RuntimeError("compare needs at least one model", hint: "compare m1, m2 h=12 windows=4")
    }
    let series = first.trainingSeries
    for (position, model) in models.enumerated().dropFirst() where !sameData(model.trainingSeries, series) {
      throw RuntimeError("compare needs models fitted to the same series, but model \(position + 1) (\(model.modelName)) was fitted to \(model.trainingSeries.name), \(model.trainingSeries.index.summary), and model 1 to \(series.name), \(series.index.summary)",
        hint: "fit every model to the same data").focused(on: .input(position))
    }
    let metric = AccuracyMetric(rawValue: try invocation.keyword("by") ?? "rmse") ?? .rmse
    let plan = try plan(for: series, invocation)
    var entries: [Comparison.Entry] = []
    var seen: [String: Int] = [:]
    for model in models {
      try invocation.context.checkCancellation()
      let windows = try BacktestRunner.run(model, plan: plan, context: invocation.context)
      let count = (seen[model.modelName] ?? 0) + 1
      seen[model.modelName] = count
      let label = count == 1 ? model.modelName : "\(model.modelName) #\(count)"
      entries.append(Comparison.Entry(label: label, backtest: BacktestResult(modelName: label, series: series, plan: plan, windows: windows, metrics: AccuracyMetric.allCases)))
    }
    return Comparison(entries: Comparison.ranked(entries, by: metric), metric: metric, plan: plan, seriesName: series.name)
  }

  /// The same index and the same values (missing in the same places).
  static func sameData(_ a: Series, _ b: Series) -> Bool {
    a.index == b.index && a.scaling == b.scaling && zip(a.values, b.values).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
  }
}
