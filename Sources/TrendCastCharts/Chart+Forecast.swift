extension Chart {
  /// A prediction interval of a forecast at one confidence level.
  public struct Interval: Sendable, Equatable {
    /// In percent, e.g. 80 or 95.
    public var level: Double
    public var lower: [Double]
    public var upper: [Double]

    public init(level: Double, lower: [Double], upper: [Double]) {
      self.level = level
      self.lower = lower
      self.upper = upper
    }
  }
}

extension Chart {
  /// A forecast: the history, the point forecast, its prediction intervals as shaded bands
  /// (the higher level lighter: `░` 95 %, `▒` 80 %), a marker at the forecast origin (the
  /// last history point), and any extra actual series, such as a held-out test series.
  ///
  /// `historyX` and `forecastX` are on the same x axis (epoch days with `.dates`, or
  /// numbers); the intervals are aligned with `forecastX`.
  public static func forecast(
    historyX: [Double], history: [Double], forecastX: [Double], mean: [Double],
    intervals: [Interval] = [], actuals: [Series] = [], xScale: AxisScale = .numeric,
    historyName: String = "history", forecastName: String = "forecast", title: String? = nil
  ) -> Chart {
    var layers: [Layer] = intervals.map { interval in
      .band(Band(
        name: NumberFormat.compact(interval.level) + "% interval", level: interval.level,
        x: forecastX, lower: interval.lower, upper: interval.upper))
    }
    let lastHistory = Array(zip(historyX, history)).last { isDrawable($0.0) && isDrawable($0.1) }?.0
    if let origin = lastHistory ?? forecastX.first(where: isDrawable) {
      let when: String
      switch xScale {
      case .dates(let frequency): when = frequency.label(forEpochDay: origin)
      case .numeric, .categories: when = NumberFormat.compact(origin, significantDigits: 6)
      }
      layers.append(.marker(Marker(name: "origin " + when, x: origin)))
    }
    layers.append(.line(Series(name: historyName, x: historyX, y: history)))
    layers.append(.line(Series(name: forecastName, x: forecastX, y: mean)))
    layers += actuals.map { .line($0) }
    return Chart(title: title, x: Axis(scale: xScale), layers: layers)
  }
}
