import TrendCastCharts
import TrendCastPlugin
import TrendCastValues

/// kind=bar, hist, scatter and seasonal.
enum PlotKinds {
  /// Bars: a plottable ranked value (rules, itemsets, a comparison) draws its own top bars;
  /// a series draws its last `top` periods; a table draws its label column against its
  /// one numeric column, `top` rows in table order.
  static func bar(_ values: [any Value], _ options: PlotOptions) throws -> Plot.Drawing {
    let value = try single(values, kind: "bar")
    // A dated table with one numeric column is a series: its bars are the last periods.
    let dated = (value as? Table).flatMap { $0.timeIndexColumn == nil ? nil : try? SeriesCoercion.series(from: $0) }
    if let series = dated ?? value as? Series {
      let start = max(series.count - options.top, 0)
      let positions = Array(start..<series.count)
      let chart = Chart.bar(labels: positions.map { series.index.label(at: $0) }, values: positions.map { series.values[$0] },
        title: start > 0 ? "\(series.name), last \(positions.count) periods" : series.name)
      return options.decorated(chart)
    }
    if let table = value as? Table { return options.decorated(try tableBars(table, top: options.top)) }
    if let plottable = value as? Plottable {
      let chart = plottable.chart(top: options.top)
      guard chart.layers.contains(where: { if case .bars = $0 { return true } else { return false } }) else {
        throw RuntimeError("\(value.kind.withArticle) has no bar chart", hint: "plot it without kind=").focused(on: .input(0))
      }
      return options.decorated(chart)
    }
    throw RuntimeError("kind=bar draws a series, a table or ranked results, not \(value.kind.withArticle)").focused(on: .input(0))
  }

  static func tableBars(_ table: Table, top: Int) throws -> Chart {
    let numeric = table.columns.filter(\.isNumeric)
    let labelColumn = table.columns.first { !$0.isNumeric }
    guard numeric.count == 1, let valueColumn = numeric.first, let doubles = valueColumn.doubles else {
      let names = numeric.map(\.name).joined(separator: ", ")
      throw RuntimeError(numeric.isEmpty ? "the table has no numeric column for the bars" : "the table has several numeric columns (\(names)), so which one the bars show is unclear",
        hint: "keep a label column and one numeric column: select TABLE, LABEL, VALUE").focused(on: .input(0))
    }
    let count = min(top, table.rowCount)
    let labels = (0..<count).map { row in labelColumn.map { $0.text(at: row) } ?? String(row + 1) }
    let title = count < table.rowCount ? "\(valueColumn.name), first \(count) of \(table.rowCount) rows" : valueColumn.name
    return Chart.bar(labels: labels, values: Array(doubles.prefix(count)), title: title)
  }

  /// A histogram of one series (or a table's one numeric column), missing values left out.
  static func histogram(_ values: [any Value], _ options: PlotOptions) throws -> Plot.Drawing {
    let series = try singleSeries(values, kind: "hist")
    let bins: Chart.HistogramBins = options.bins.map { .count($0) } ?? .auto
    guard series.values.contains(where: \.isFinite) else {
      throw RuntimeError("'\(series.name)' has no values to count", hint: "every value is missing").focused(on: .input(0))
    }
    return options.decorated(Chart.histogram(series.values, bins: bins, title: "Histogram of \(series.name)"))
  }

  /// Two series against each other, matched by date (or by position for numbered series),
  /// or a table's two numeric columns.
  static func scatter(_ values: [any Value], _ options: PlotOptions) throws -> Plot.Drawing {
    let pairs: [Series]
    if values.count == 1, let table = values.first as? Table {
      pairs = try Plot.seriesOf(table, position: 0)
      guard pairs.count == 2 else {
        throw RuntimeError("kind=scatter needs two numeric columns; the table has \(pairs.count)",
          hint: "give two series: plot t.price, t.units kind=scatter").focused(on: .input(0))
      }
    } else {
      guard values.count == 2 else {
        throw RuntimeError("kind=scatter needs two series (x, then y), not \(values.count) inputs",
          hint: "plot price, units kind=scatter").focused(on: values.count > 2 ? .input(2) : .input(0))
      }
      pairs = [try SeriesCoercion.series(from: values[0]), try SeriesCoercion.series(from: values[1])]
    }
    let (x, y) = try matched(pairs[0], pairs[1])
    let chart = Chart.scatter(x: x, y: y, name: nil, title: "\(pairs[1].name) against \(pairs[0].name)")
      .labelled(x: pairs[0].name, y: pairs[1].name)
    return options.decorated(chart)
  }

  /// Values of two series at the same dates (by period number when neither is dated).
  static func matched(_ a: Series, _ b: Series) throws -> ([Double], [Double]) {
    var byStamp: [Double: Double] = [:]
    for (stamp, value) in zip(b.index.chartX, b.values) { byStamp[stamp] = value }
    var x: [Double] = []
    var y: [Double] = []
    for (stamp, value) in zip(a.index.chartX, a.values) {
      guard let other = byStamp[stamp] else { continue }
      x.append(value)
      y.append(other)
    }
    guard !x.isEmpty else {
      throw RuntimeError("'\(a.name)' and '\(b.name)' share no dates, so there are no points to draw",
        hint: "\(a.index.summary) against \(b.index.summary)").focused(on: .input(1))
    }
    return (x, y)
  }

  /// One line per year (monthly, quarterly, weekly data), per week (daily) or per day (hourly).
  static func seasonal(_ values: [any Value], _ options: PlotOptions) throws -> Plot.Drawing {
    let series = try singleSeries(values, kind: "seasonal")
    guard case .dates(let frequency) = series.index.chartScale, frequency != .year, frequency != .none else {
      throw RuntimeError("a seasonal plot needs hourly, daily, weekly, monthly or quarterly dates; '\(series.name)' is \(series.index.frequency.name)",
        hint: "yearly and numbered series have no season to cut into cycles").focused(on: .input(0))
    }
    let chart = Chart.seasonal(dates: series.index.chartX, values: series.values, frequency: frequency,
      title: "Seasonal plot of \(series.name)")
    return options.decorated(chart)
  }

  static func single(_ values: [any Value], kind: String) throws -> any Value {
    guard values.count == 1, let value = values.first else {
      throw RuntimeError("kind=\(kind) draws one value, not \(values.count)", hint: "plot them one at a time").focused(on: .input(1))
    }
    return value
  }

  static func singleSeries(_ values: [any Value], kind: String) throws -> Series {
    let value = try single(values, kind: kind)
    do {
      return try SeriesCoercion.series(from: value)
    } catch let error as RuntimeError {
      throw error.dataLocation == nil ? error.focused(on: .input(0)) : error
    }
  }
}
