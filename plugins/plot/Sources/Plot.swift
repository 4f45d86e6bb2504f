import TrendCastCharts
import TrendCastPlugin
import TrendCastValues

/// The `plot` command: turns its inputs into one drawing, rendered at the display's width
/// (or the width asked for) each time the chart is shown.
enum Plot {
  /// Draws the chart as text for a chart style.
  typealias Drawing = @Sendable (ChartStyle) -> String

  static func run(_ invocation: Invocation) throws -> any Value {
    let options = try PlotOptions(invocation)
    let values = try invocation.values(from: 0)
    let drawing: Drawing
    switch options.kind {
    case "bar": drawing = try PlotKinds.bar(values, options)
    case "hist": drawing = try PlotKinds.histogram(values, options)
    case "scatter": drawing = try PlotKinds.scatter(values, options)
    case "seasonal": drawing = try PlotKinds.seasonal(values, options)
    default: drawing = try lines(values, labels: invocation.inputLabels, options)
    }
    let width = options.width
    let height = options.height
    return ChartValue(title: options.title) { style in drawing(style.chartStyle(width: width, height: height)) }
  }

  /// kind=line: forecasts with actuals, series and tables as overlaid lines, a panel as
  /// lines or small multiples, and any other plottable value as its own chart.
  static func lines(_ values: [any Value], labels: [String], _ options: PlotOptions) throws -> Drawing {
    if values.count == 1, let panel = values.first as? Panel { return try PanelPlot.drawing(panel, options) }
    if options.last != nil, let other = values.first(where: { !($0 is Series || $0 is Forecast || $0 is Table) }) {
      throw RuntimeError("last= trims series, tables and forecasts, not \(other.kind.withArticle)",
        hint: "leave out last=, or window the data first (window X last=N)").focused(on: .option("last"))
    }
    if let position = values.firstIndex(where: { $0 is Panel }) {
      throw RuntimeError("a panel is plotted on its own, not with other values",
        hint: "plot the panel alone, or one member of it").focused(on: .input(position))
    }
    let hasForecast = values.contains { $0 is Forecast }
    if !hasForecast, values.count == 1, let plottable = values.first as? Plottable, !(plottable is Series) {
      let top = options.top
      let title = options.title
      return { style in plottable.drawChart(top: top, title: title, style: style) }
    }
    let chart = hasForecast ? try forecastChart(values, labels: labels) : try lineChart(values, labels: labels)
    return options.decorated(options.last.map { chart.keepingLast($0) } ?? chart)
  }

  /// The first forecast with its bands; further forecasts add their point forecasts and
  /// series are drawn as actuals (a held-out test set).
  static func forecastChart(_ values: [any Value], labels: [String]) throws -> Chart {
    guard let first = values.compactMap({ $0 as? Forecast }).first else { return Chart() }
    var actuals: [Chart.Series] = []
    let drawn = try namedSeries(values, labels: labels)
    for (position, value) in values.enumerated() {
      if let forecast = value as? Forecast {
        if forecast.history.index.chartScale != first.history.index.chartScale {
          throw axisMismatch(position)
        }
        if position != values.firstIndex(where: { $0 is Forecast }) {
          actuals.append(Chart.Series(name: forecast.modelName, x: forecast.index.chartX, y: forecast.mean))
        }
        continue
      }
      for series in drawn where series.position == position {
        guard merge(series.index.chartScale, first.history.index.chartScale) != nil else { throw axisMismatch(position) }
        if let beyond = actualsBeyondHistory(series.series, first.history) {
          actuals.append(Chart.Series(name: series.name, x: beyond.x, y: beyond.y))
        }
      }
    }
    var chart = first.chart
    chart.layers += actuals.map { .line($0) }
    if values.count > 1 { chart.title = "Forecast of \(first.history.name)" }
    return chart
  }

  /// The points of `series` that the forecast's history does not already draw: `plot units, f`
  /// where f was fitted to units shows units once, and only a held-out stretch as actuals.
  /// Nil when nothing is left.
  static func actualsBeyondHistory(_ series: Series, _ history: Series) -> (x: [Double], y: [Double])? {
    var historyValues: [Double: Double] = [:]
    for (x, y) in zip(history.index.chartX, history.values) { historyValues[x] = y }
    let points = Array(zip(series.index.chartX, series.values))
    let overlap = points.filter { historyValues[$0.0] != nil }
    let sameAsHistory = overlap.allSatisfy { x, y in
      guard let known = historyValues[x] else { return true }
      return known == y || (known.isNaN && y.isNaN)
    }
    // A different series (raw data against a forecast of the cleaned data) is drawn whole.
    guard sameAsHistory else { return (points.map(\.0), points.map(\.1)) }
    let beyond = points.filter { historyValues[$0.0] == nil }
    guard beyond.contains(where: { !$0.1.isNaN }) else { return nil }
    return (beyond.map(\.0), beyond.map(\.1))
  }

  /// Several series on one axis; their dates must be of one kind (all dated or all numbered).
  static func lineChart(_ values: [any Value], labels: [String]) throws -> Chart {
    var layers: [Chart.Layer] = []
    var scale: Chart.AxisScale?
    var names: [String] = []
    for series in try namedSeries(values, labels: labels) {
      let seriesScale = series.index.chartScale
      if let current = scale {
        guard let merged = merge(current, seriesScale) else { throw axisMismatch(series.position) }
        scale = merged
      } else {
        scale = seriesScale
      }
      names.append(series.name)
      layers.append(.line(Chart.Series(name: series.name, x: series.index.chartX, y: series.values)))
    }
    let title = names.count == 1 ? names[0] : names.joined(separator: ", ")
    return Chart(title: title, x: Chart.Axis(scale: scale ?? .numeric), layers: layers)
  }

  /// A series to draw, with the input it came from.
  struct DrawnSeries {
    var position: Int
    var series: Series
    var name: String { series.name }
    var index: TimeIndex { series.index }
    var values: [Double] { series.values }
  }

  /// Every series of the non-forecast inputs. Series that share a name (`plot units, cleaned`
  /// where both hold a column `units`) are named by their inputs as written instead.
  static func namedSeries(_ values: [any Value], labels: [String]) throws -> [DrawnSeries] {
    var drawn: [DrawnSeries] = []
    var perInput: [Int: Int] = [:]
    for (position, value) in values.enumerated() where !(value is Forecast) {
      let members = try seriesOf(value, position: position)
      perInput[position] = members.count
      drawn += members.map { DrawnSeries(position: position, series: $0) }
    }
    var seen: [String: Int] = [:]
    for series in drawn { seen[series.name, default: 0] += 1 }
    for i in drawn.indices where (seen[drawn[i].name] ?? 0) > 1 && drawn[i].position < labels.count {
      let label = labels[drawn[i].position]
      drawn[i].series.name = perInput[drawn[i].position] == 1 ? label : label + "." + drawn[i].name
    }
    return drawn
  }

  /// The series a value contributes: itself, or a table's numeric columns.
  static func seriesOf(_ value: any Value, position: Int) throws -> [Series] {
    do {
      if let series = value as? Series { return [series] }
      if let table = value as? Table {
        let timeName = table.timeIndexColumn?.name
        let numeric = table.columns.filter { $0.isNumeric && $0.name != timeName }
        guard !numeric.isEmpty else {
          throw RuntimeError("the table has no numeric column to plot", hint: "columns: \(table.columnNames.joined(separator: ", "))")
        }
        return try numeric.map { try table.series(column: $0.name, duplicates: table.duplicatePolicy) }
      }
    } catch let error as RuntimeError {
      throw error.dataLocation == nil ? error.focused(on: .input(position)) : error
    }
    throw RuntimeError("plot draws series, tables and forecasts together, not \(value.kind.withArticle)",
      hint: value is Plottable ? "plot it on its own" : nil).focused(on: .input(position))
  }

  /// The finer of two date axes (daily and monthly series share a daily axis); nil when one
  /// is dated and the other numbered.
  static func merge(_ a: Chart.AxisScale, _ b: Chart.AxisScale) -> Chart.AxisScale? {
    switch (a, b) {
    case (.dates(let f), .dates(let g)):
      let order: [Chart.Frequency] = [.hour, .day, .week, .month, .quarter, .year, .none]
      return .dates((order.firstIndex(of: f) ?? 6) <= (order.firstIndex(of: g) ?? 6) ? f : g)
    case (.numeric, .numeric): return .numeric
    default: return nil
    }
  }

  static func axisMismatch(_ position: Int) -> RuntimeError {
    RuntimeError("input \(position + 1) is indexed by period numbers and another by dates, so they cannot share an axis",
      hint: "give both series dates (load … date=COL) or plot them separately").focused(on: .input(position))
  }
}

extension Chart {
  /// The chart with only its last `count` periods of data before any forecast origin: lines
  /// and points earlier than that are dropped, while a forecast, its bands and its origin stay.
  func keepingLast(_ count: Int) -> Chart {
    let origin = layers.lazy.compactMap { layer -> Double? in if case .marker(let marker) = layer { return marker.x } else { return nil } }.first
    var periods = Set<Double>()
    for layer in layers {
      switch layer {
      case .line(let series), .points(let series):
        for (x, y) in zip(series.x, series.y) where x.isFinite && y.isFinite && (origin.map { x <= $0 } ?? true) { periods.insert(x) }
      default: continue
      }
    }
    let sorted = periods.sorted()
    guard sorted.count > count else { return self }
    let cutoff = sorted[sorted.count - count]
    func trimmed(_ series: Series) -> Series {
      let kept = zip(series.x, series.y).filter { $0.0 >= cutoff }
      return Series(name: series.name, x: kept.map(\.0), y: kept.map(\.1))
    }
    var chart = self
    chart.layers = layers.map { layer in
      switch layer {
      case .line(let series): return .line(trimmed(series))
      case .points(let series): return .points(trimmed(series))
      default: return layer
      }
    }
    return chart
  }
}
