import TrendCastCharts

/// A value `plot` can draw on its own: series, forecasts, a plugin's rules, an ACF, a
/// decomposition. Plugins conform their value types; `plot` knows nothing of them.
public protocol Plottable: Value {
  /// The value's chart.
  var chart: Chart { get }
  /// The chart limited to the `top` ranked items (rules, itemsets); others ignore `top`.
  func chart(top: Int) -> Chart
  /// The value drawn as text. A value made of several stacked charts (a decomposition)
  /// draws them all; others render `chart(top:)`.
  func drawChart(top: Int, title: String?, style: ChartStyle) -> String
}

extension Plottable {
  public func chart(top: Int) -> Chart { chart }
  public func drawChart(top: Int, title: String?, style: ChartStyle) -> String {
    chart(top: top).labelled(title: title).render(style)
  }
}

extension ChartValue {
  /// A chart drawn at the width of wherever it is shown, unless `width` or `height` are given.
  public init(_ chart: Chart, width: Int? = nil, height: Int? = nil) {
    self.init(title: chart.title) { style in chart.render(style.chartStyle(width: width, height: height)) }
  }
}

extension RenderStyle {
  /// The chart style for this display with its own width and height where given.
  public func chartStyle(width: Int?, height: Int?) -> ChartStyle {
    var result = chartStyle
    if let width { result.width = width }
    if let height { result.height = height }
    return result
  }
}

extension Series: Plottable {
  public var chart: Chart {
    Chart.line(x: index.chartX, series: [(name, values)], xScale: index.chartScale, title: name)
  }
}

extension Forecast: Plottable {
  /// History, point forecast, every interval as a band (the widest lightest) and the origin.
  public var chart: Chart {
    Chart.forecast(
      historyX: history.index.chartX, history: history.values, forecastX: index.chartX, mean: mean,
      intervals: intervals.sorted { $0.level > $1.level }.map { Chart.Interval(level: $0.level, lower: $0.lower, upper: $0.upper) },
      xScale: history.index.chartScale, historyName: history.name, forecastName: "forecast",
      title: "Forecast of \(history.name) from \(modelName)")
  }
}
