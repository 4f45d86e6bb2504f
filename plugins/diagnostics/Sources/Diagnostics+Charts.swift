import TrendCastCharts
import TrendCastValues

// Every use of TrendCastCharts in this plugin, so a change of the chart API touches one file.

extension Correlogram: Plottable {
  /// Stems at lags 1…N with the dashed ±1.96/√n band (for `plot`).
  public var chart: Chart {
    Chart.correlogram(lags: lags.map(Double.init), values: values, band: band, name: function.title,
      title: "\(function.title) of \(seriesName)")
  }
}

extension Decomposition: Plottable {
  /// The data with the trend drawn over it (for `plot`).
  public var chart: Chart {
    Chart.line(x: series.index.chartX, series: [(series.name, series.values), ("trend", trend)],
      xScale: series.index.chartScale, title: summary)
  }

  /// The four panels the display stacks: data, trend, season, remainder.
  public var componentCharts: [Chart] {
    let x = series.index.chartX
    let scale = series.index.chartScale
    return [(series.name, series.values), ("trend", trend), ("season", season), ("remainder", remainder)].map { name, values in
      var chart = Chart.line(values, x: x, xScale: scale, title: name)
      if name == "remainder" { chart.layers.insert(.rule(Chart.Rule(y: multiplicative ? 1 : 0, dashed: false)), at: 0) }
      return chart
    }
  }

  /// The panels rendered one under another, each a quarter of the usual height.
  func renderedPanels(_ style: RenderStyle) -> String {
    drawChart(top: 0, title: nil, style: style.chartStyle)
  }

  /// `plot` of a decomposition draws the four panels (the title, if given, over the first).
  public func drawChart(top: Int, title: String?, style: ChartStyle) -> String {
    var panelStyle = style
    let total = style.height.map { $0 * 2 } ?? ChartStyle.defaultPlotRows(forWidth: style.effectiveWidth) * 2
    panelStyle.height = max(total / 4, 3)
    var charts = componentCharts
    if let title { charts[0].title = title + " — " + (charts[0].title ?? "") }
    return charts.map { $0.render(panelStyle) }.joined(separator: "\n")
  }
}
