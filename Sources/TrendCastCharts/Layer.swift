extension Chart {
  /// One drawable element of a chart. Layers are drawn in order: bands first (as background
  /// shading), then rules and markers, then lines, stems and points on top.
  ///
  /// Data arrays may contain NaN (or infinities) for missing values: they leave gaps.
  /// Values beyond ±1e300 are treated as missing. When `x` and `y` differ in length the
  /// extra values of the longer one are ignored.
  public enum Layer: Sendable, Equatable {
    /// A polyline through the points in order; a missing point breaks it.
    case line(Series)
    /// A mark at each point (scatter).
    case points(Series)
    /// A vertical line from 0 to each point (correlogram).
    case stems(Series)
    /// A shaded interval between `lower` and `upper` (prediction intervals).
    case band(Band)
    /// A horizontal line across the plot at `y` (significance band, zero line).
    case rule(Rule)
    /// A vertical line across the plot at `x` (forecast origin).
    case marker(Marker)
    /// Labelled horizontal bars; a chart holding any is drawn as a bar chart.
    case bars(Bars)

    /// The name shown in the legend, if any.
    public var name: String? {
      switch self {
      case .line(let s), .points(let s), .stems(let s): return s.name
      case .band(let b): return b.name
      case .rule(let r): return r.name
      case .marker(let m): return m.name
      case .bars(let b): return b.name
      }
    }
  }

  /// Points of one named series.
  public struct Series: Sendable, Equatable {
    public var name: String?
    public var x: [Double]
    public var y: [Double]

    public init(name: String? = nil, x: [Double], y: [Double]) {
      self.name = name
      self.x = x
      self.y = y
    }

    /// The series with x = 0, 1, 2 … (or `start`, `start + step` …).
    public init(name: String? = nil, y: [Double], start: Double = 0, step: Double = 1) {
      self.init(name: name, x: y.indices.map { start + Double($0) * step }, y: y)
    }
  }

  /// An interval drawn as shading: the band of level 95 is lighter than the band of level 80
  /// (bands are shaded by rank of level, widest lightest).
  public struct Band: Sendable, Equatable {
    public var name: String?
    /// The confidence level in percent, e.g. 80 or 95; orders the shading.
    public var level: Double?
    public var x: [Double]
    public var lower: [Double]
    public var upper: [Double]

    public init(name: String? = nil, level: Double? = nil, x: [Double], lower: [Double], upper: [Double]) {
      self.name = name
      self.level = level
      self.x = x
      self.lower = lower
      self.upper = upper
    }
  }

  /// A horizontal line at `y`.
  public struct Rule: Sendable, Equatable {
    public var name: String?
    public var y: Double
    /// Dashed lines mark thresholds; a solid line marks a reference such as zero.
    public var dashed: Bool

    public init(name: String? = nil, y: Double, dashed: Bool = true) {
      self.name = name
      self.y = y
      self.dashed = dashed
    }
  }

  /// A vertical line at `x`, e.g. the forecast origin.
  public struct Marker: Sendable, Equatable {
    public var name: String?
    public var x: Double

    public init(name: String? = nil, x: Double) {
      self.name = name
      self.x = x
    }
  }

  /// Horizontal bars in the order given, one row each: label, bar, printed value.
  public struct Bars: Sendable, Equatable {
    public var name: String?
    public var labels: [String]
    public var values: [Double]
    /// Printed after each bar instead of the compactly formatted value.
    public var valueLabels: [String]?

    public init(name: String? = nil, labels: [String], values: [Double], valueLabels: [String]? = nil) {
      self.name = name
      self.labels = labels
      self.values = values
      self.valueLabels = valueLabels
    }
  }
}
