/// A terminal chart: a title, two axes and a stack of layers drawn in order.
///
/// Every chart type (line, forecast, bar, histogram, correlogram, scatter, seasonal) is a
/// constructor over this one model, so charts can be combined with `overlaid(with:)`, e.g.
/// a forecast with the held-out actuals. A chart is plain data: rendering it with
/// `render(_:)` at a given `ChartStyle` always gives the same text.
///
/// A chart that holds any `.bars` layer is drawn as a horizontal bar chart (its other
/// layers are ignored); otherwise it is an x–y plot.
public struct Chart: Sendable, Equatable {
  public var title: String?
  public var x: Axis
  public var y: Axis
  public var layers: [Layer]
  /// Where the names of line layers appear: in the legend, or beside each line's last point.
  public var lineLabels: LineLabelPlacement

  public init(
    title: String? = nil, x: Axis = Axis(), y: Axis = Axis(), layers: [Layer] = [],
    lineLabels: LineLabelPlacement = .legend
  ) {
    self.title = title
    self.x = x
    self.y = y
    self.layers = layers
    self.lineLabels = lineLabels
  }

  /// This chart with the layers of `other` drawn on top (title and axes stay this chart's).
  public func overlaid(with other: Chart) -> Chart {
    var result = self
    result.layers += other.layers
    return result
  }

  /// This chart with the given axis labels and units set (nil keeps the current one).
  public func labelled(
    title: String? = nil, x xLabel: String? = nil, xUnit: String? = nil,
    y yLabel: String? = nil, yUnit: String? = nil
  ) -> Chart {
    var result = self
    if let title { result.title = title }
    if let xLabel { result.x.label = xLabel }
    if let xUnit { result.x.unit = xUnit }
    if let yLabel { result.y.label = yLabel }
    if let yUnit { result.y.unit = yUnit }
    return result
  }
}

extension Chart {
  /// Where the names of line layers are written.
  public enum LineLabelPlacement: Sendable, Equatable {
    /// In the legend under the plot, each with its mark.
    case legend
    /// In a margin right of the plot, on the row of each line's last point (seasonal plots);
    /// a name that would collide with another is left out.
    case lineEnds
  }

  /// One axis: its label, unit and scale.
  public struct Axis: Sendable, Equatable {
    /// Shown under the x axis, or above the y axis; the unit follows in parentheses.
    public var label: String?
    public var unit: String?
    public var scale: AxisScale

    public init(label: String? = nil, unit: String? = nil, scale: AxisScale = .numeric) {
      self.label = label
      self.unit = unit
      self.scale = scale
    }

    /// "label (unit)", "label", "(unit)" or nil.
    var title: String? {
      switch (label, unit) {
      case let (label?, unit?): return "\(label) (\(unit))"
      case let (label?, nil): return label
      case let (nil, unit?): return "(\(unit))"
      case (nil, nil): return nil
      }
    }
  }

  /// How an axis turns values into tick labels.
  public enum AxisScale: Sendable, Equatable {
    /// Plain numbers, ticks at round values (1, 2 or 5 × 10ᵏ), labels formatted compactly.
    case numeric
    /// Epoch days (days since 1970-01-01 UTC; the fraction is the time of day), ticks on
    /// calendar boundaries that suit the frequency.
    case dates(Frequency)
    /// Positions 0, 1, 2 … named by the given labels (e.g. months of a seasonal plot).
    case categories([String])
  }
}
