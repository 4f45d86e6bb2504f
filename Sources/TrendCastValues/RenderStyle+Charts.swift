import TrendCastCharts

/// How values hand their charts to TrendCastCharts: the render style of the place a value is
/// shown becomes a chart style, and a time index becomes an x axis (epoch days with calendar
/// ticks, or plain period numbers).
extension RenderStyle {
  /// The chart style for this display: same width, height, resolution and colour.
  public var chartStyle: ChartStyle {
    let chartResolution: ChartStyle.Resolution
    switch resolution {
    case .braille: chartResolution = .braille
    case .block: chartResolution = .block
    case .ascii: chartResolution = .ascii
    }
    return ChartStyle(width: width, height: height, resolution: chartResolution, color: color)
  }
}

extension TimeIndex {
  /// The x position of each period on a chart: epoch days for dated indexes, period numbers
  /// for plain numbered ones.
  public var chartX: [Double] { epochDays }

  /// The x axis scale matching `chartX`.
  public var chartScale: Chart.AxisScale {
    guard anchor.style != .number, let frequency = Chart.Frequency(rawValue: frequency.rawValue) else { return .numeric }
    return .dates(frequency)
  }
}
