import TrendCastPlugin
import TrendCastValues

/// `accuracy F ACTUAL` (a forecast against held-out actuals, matched by date), `accuracy M`
/// (a model's training-set measures, as R's accuracy(model)) and `accuracy M ACTUAL` (both:
/// the model is forecast over the actuals' dates).
enum AccuracyCommand {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let first = try invocation.value(0)
    let actual = invocation.inputs.count > 1 ? try invocation.series(1) : nil
    if let forecast = first as? Forecast {
      guard let actual else {
        throw RuntimeError("accuracy of a forecast needs the actual values to compare with",
          hint: "give them as the second input: accuracy f test").focused(on: .input(0))
      }
      let (row, notes) = try testRow(forecast, actual: actual)
      return AccuracyTable(title: "Accuracy of \(forecast.modelName) against \(actual.name) (\(row.measures.count) periods)", rows: [row], notes: notes)
    }
    guard let model = first as? any ForecastModel else {
      throw RuntimeError("accuracy needs a forecast or a fitted model, not \(first.kind.withArticle)",
        hint: "e.g. f = forecast m h=12, then accuracy f test; or accuracy m for the training set").focused(on: .input(0))
    }
    let (training, trainingNotes) = try trainingRow(model)
    guard let actual else {
      return AccuracyTable(title: "Training-set accuracy of \(model.modelName) on \(model.trainingSeries.name) (\(training.measures.count) fitted values)",
        rows: [training], notes: trainingNotes)
    }
    let forecast = try forecastCovering(actual, model: model, invocation)
    let (test, testNotes) = try testRow(forecast, actual: actual)
    return AccuracyTable(title: "Accuracy of \(model.modelName): training set, and test set against \(actual.name) (\(test.measures.count) periods)",
      rows: [training, test], notes: trainingNotes.map { "training: " + $0 } + testNotes.map { "test: " + $0 })
  }

  /// The MASE scale of a training series, and the sentence to show when there is none.
  static func scale(of series: Series) -> (value: Double?, note: String) {
    let period = series.index.seasonalPeriod
    let values = unscaled(series)
    let scale = ForecastErrors.scale(of: values, period: period)
    let method = period > 1 ? "seasonal naive (lag \(period))" : "naive"
    if scale == nil {
      return (nil, "MASE is not available: the training data are too short for the in-sample MAE of the \(method) method")
    }
    return (scale, "MASE is not available: the \(method) method fits the training data exactly (in-sample MAE 0)")
  }

  /// The values of a series on its original scale (undoing `clean … normalize=`).
  static func unscaled(_ series: Series) -> [Double] {
    guard let scaling = series.scaling else { return series.values }
    return series.values.map(scaling.original)
  }

  static func testRow(_ forecast: Forecast, actual: Series) throws -> (AccuracyTable.Row, [String]) {
    let ordinals: [Int]
    do {
      ordinals = try DateAlignment.ordinals(of: actual.index, on: forecast.index, names: (other: "the actual series \(actual.name)", grid: "the forecast"))
    } catch let error as RuntimeError {
      throw error.focused(on: .input(1))
    }
    let actualValues = unscaled(actual)
    var matchedActual: [Double] = []
    var matchedForecast: [Double] = []
    for (position, ordinal) in ordinals.enumerated() {
      let h = ordinal - forecast.index.start
      guard h >= 0, h < forecast.horizon else { continue }
      matchedActual.append(actualValues[position])
      matchedForecast.append(forecast.mean[h])
    }
    guard !matchedActual.isEmpty else {
      throw RuntimeError("the actual series \(actual.name) (\(actual.index.summary)) does not overlap the forecast (\(forecast.summary))",
        hint: "compare with the held-out periods that follow the training data, e.g. test = window x last=\(forecast.horizon)").focused(on: .input(1))
    }
    let (scale, scaleNote) = scale(of: forecast.history)
    var errors = ForecastErrors()
    errors.add(actual: matchedActual, forecast: matchedForecast, scale: scale)
    guard let measures = errors.measures else {
      throw RuntimeError("the actual series \(actual.name) has no value in the \(matchedActual.count) forecast period\(matchedActual.count == 1 ? "" : "s") it overlaps",
        hint: "fill or choose held-out data with observed values").focused(on: .input(1))
    }
    return (AccuracyTable.Row(model: forecast.modelName, set: "test", measures: measures),
      MeasureTable.notes(for: measures, missing: errors.missing, scaleNote: scaleNote))
  }

  static func trainingRow(_ model: any ForecastModel) throws -> (AccuracyTable.Row, [String]) {
    let series = model.trainingSeries
    var fitted = model.fittedValues
    if let scaling = series.scaling { fitted = fitted.map(scaling.original) }
    let (scale, scaleNote) = scale(of: series)
    var errors = ForecastErrors()
    errors.add(actual: unscaled(series), forecast: fitted, scale: scale)
    guard let measures = errors.measures else {
      throw RuntimeError("\(model.modelName) has no fitted values to measure", hint: "fit it to a longer series")
    }
    // Periods without a fitted value (the first season of a seasonal naive, say) are expected.
    return (AccuracyTable.Row(model: model.modelName, set: "training", measures: measures),
      MeasureTable.notes(for: measures, missing: 0, scaleNote: scaleNote))
  }

  /// The model's forecast from the end of its training data through the actuals' last date.
  static func forecastCovering(_ actual: Series, model: any ForecastModel, _ invocation: Invocation) throws -> Forecast {
    let training = model.trainingSeries.index
    let ordinals: [Int]
    do {
      ordinals = try DateAlignment.ordinals(of: actual.index, on: training, names: (other: "the actual series \(actual.name)", grid: "the training data"))
    } catch let error as RuntimeError {
      throw error.focused(on: .input(1))
    }
    let end = training.start + training.count
    guard let last = ordinals.max(), last >= end else {
      throw RuntimeError("the actual series \(actual.name) (\(actual.index.summary)) ends before the model's training data do (\(training.summary)), so there is nothing to forecast",
        hint: "give held-out values after the training data, or use accuracy m alone for the training set").focused(on: .input(1))
    }
    let horizon = last - end + 1
    guard horizon <= 100_000 else {
      throw RuntimeError("the actual series reaches \(horizon) periods past the training data; at most 100000 can be forecast").focused(on: .input(1))
    }
    let forecast = try model.evaluationForecast(horizon: horizon)
    return ForecastCommand.unscaled(forecast, by: model.trainingSeries.scaling)
  }
}
