extension Chart {
  /// Several named series over one shared x axis (dates as epoch days, or plain numbers).
  ///
  /// Each series is drawn as a line in its own colour and pattern; NaN values leave gaps.
  /// The legend names the series when there are two or more.
  public static func line(
    x: [Double], series: [(name: String, values: [Double])], xScale: AxisScale = .numeric,
    title: String? = nil
  ) -> Chart {
    Chart(
      title: title, x: Axis(scale: xScale),
      layers: series.map { .line(Series(name: $0.name, x: x, y: $0.values)) })
  }

  /// One unnamed series against x = 0, 1, 2 … (or against `x` when given).
  public static func line(_ values: [Double], x: [Double]? = nil, xScale: AxisScale = .numeric, title: String? = nil) -> Chart {
    let xs = x ?? values.indices.map(Double.init)
    return Chart(title: title, x: Axis(scale: xScale), layers: [.line(Series(x: xs, y: values))])
  }

  /// Points (x, y), each drawn as a mark; pairs where either is NaN are left out.
  public static func scatter(x: [Double], y: [Double], name: String? = nil, title: String? = nil) -> Chart {
    Chart(title: title, layers: [.points(Series(name: name, x: x, y: y))])
  }

  /// Several named point series on one plot (each with its own mark).
  public static func scatter(_ series: [Series], title: String? = nil) -> Chart {
    Chart(title: title, layers: series.map { .points($0) })
  }
}
