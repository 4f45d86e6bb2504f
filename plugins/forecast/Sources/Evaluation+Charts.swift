import TrendCastCharts
import TrendCastValues

// Every use of TrendCastCharts by the evaluation commands, so a change of the chart API
// touches one file.

extension BacktestResult: Plottable {
  /// The series with each window's forecasts drawn over it (for `plot`).
  public var chart: Chart {
    let x = series.index.chartX
    var layers: [Chart.Layer] = [.line(Chart.Series(name: series.name, x: x, y: AccuracyCommand.unscaled(series)))]
    for (number, window) in windows.enumerated() {
      let start = window.trainingSize
      let positions = start..<min(start + window.forecast.count, x.count)
      layers.append(.line(Chart.Series(name: number == 0 ? "forecasts (\(windows.count) windows)" : nil,
        x: positions.map { x[$0] }, y: Array(window.forecast.prefix(positions.count)))))
      layers.append(.marker(Chart.Marker(name: number == 0 ? "origins" : nil, x: x[max(start - 1, 0)])))
    }
    return Chart(title: "Backtest of \(modelName) on \(series.name)", x: Chart.Axis(scale: series.index.chartScale), layers: layers)
  }
}

extension Comparison: Plottable {
  /// The models' \(metric) as bars, best first (for `plot`).
  public var chart: Chart {
    let values = entries.map { $0.backtest.overall?.value(of: metric) ?? .nan }
    let labels = values.map { $0.isFinite ? NumberFormatting.display($0, significant: 4) : "n/a" }
    return Chart.bar(labels: entries.map(\.label), values: values, valueLabels: labels, title: "\(metric.heading) over \(plan.windows) windows, h=\(plan.horizon)")
  }
}

extension AccuracyTable: Plottable {
  /// The RMSE of each row as bars (for `plot`).
  public var chart: Chart {
    let values = rows.map(\.measures.rmse)
    return Chart.bar(labels: rows.map { rows.count > 1 && Set(rows.map(\.model)).count == 1 ? $0.set : $0.model }, values: values,
      valueLabels: values.map { NumberFormatting.display($0, significant: 4) }, title: title)
  }
}
