import TrendCastNumerics

/// The rules `clean outliers=` applies, each as its textbook defines it. Missing values are
/// skipped: they are neither outliers nor used to judge others.
public enum OutlierRule: Sendable, Equatable {
  /// Tukey's fences: outside [Q1 − k·IQR, Q3 + k·IQR], quartiles as R's `quantile` type 7.
  case iqr(k: Double)
  /// |x − mean| / sd > threshold, with the sample standard deviation (n − 1).
  case zscore(threshold: Double)
  /// Hampel identifier: |x − m| > threshold · 1.4826 · MAD within a centred window of
  /// `window` values (m the window's median); windows are cut short at the ends.
  case hampel(window: Int, threshold: Double)

  public var name: String {
    switch self {
    case .iqr: return "iqr"
    case .zscore: return "zscore"
    case .hampel: return "hampel"
    }
  }
}

/// The points a rule flags, and what the rule itself would put in their place.
public struct OutlierFindings: Sendable, Equatable {
  /// Flagged positions, in order.
  public var positions: [Int]
  /// For each flagged position: the nearest fence (iqr), mean ± threshold·sd (zscore) or the
  /// window median (hampel).
  public var replacements: [Double]
  /// The fixed bounds of iqr and zscore (nil for hampel, whose bounds move with the window).
  public var bounds: ClosedRange<Double>?
  /// True when the rule's spread is zero (IQR, sd, or the MAD of some window), so every value
  /// off the centre counts as an outlier.
  public var zeroSpread: Bool
}

public enum OutlierDetection {
  public static func find(_ x: [Double], rule: OutlierRule) -> OutlierFindings {
    switch rule {
    case .iqr(let k): return fences(x, k: k)
    case .zscore(let threshold): return zscores(x, threshold: threshold)
    case .hampel(let window, let threshold): return hampel(x, window: window, threshold: threshold)
    }
  }

  static func fences(_ x: [Double], k: Double) -> OutlierFindings {
    let quartiles = Descriptive.quantiles(x, [0.25, 0.75])
    let (q1, q3) = (quartiles[0], quartiles[1])
    guard q1.isFinite, q3.isFinite else { return OutlierFindings(positions: [], replacements: [], bounds: nil, zeroSpread: false) }
    let spread = q3 - q1
    return outside(x, lower: q1 - k * spread, upper: q3 + k * spread, zeroSpread: spread == 0)
  }

  static func zscores(_ x: [Double], threshold: Double) -> OutlierFindings {
    let mean = Descriptive.mean(x)
    let sd = Descriptive.standardDeviation(x)
    // A constant series has no outliers by this rule (every z is 0/0).
    guard mean.isFinite, sd.isFinite, sd > 0 else { return OutlierFindings(positions: [], replacements: [], bounds: nil, zeroSpread: sd == 0) }
    return outside(x, lower: mean - threshold * sd, upper: mean + threshold * sd, zeroSpread: false)
  }

  /// Values strictly outside [lower, upper]; each is replaced by the bound it crossed.
  private static func outside(_ x: [Double], lower: Double, upper: Double, zeroSpread: Bool) -> OutlierFindings {
    var positions: [Int] = []
    var replacements: [Double] = []
    for (i, value) in x.enumerated() where !value.isNaN {
      if value < lower {
        positions.append(i)
        replacements.append(lower)
      } else if value > upper {
        positions.append(i)
        replacements.append(upper)
      }
    }
    return OutlierFindings(positions: positions, replacements: replacements, bounds: lower...upper, zeroSpread: zeroSpread)
  }

  static func hampel(_ x: [Double], window: Int, threshold: Double) -> OutlierFindings {
    let half = window / 2
    var positions: [Int] = []
    var replacements: [Double] = []
    var zeroSpread = false
    for i in x.indices where !x[i].isNaN {
      let neighbourhood = x[max(0, i - half)...min(x.count - 1, i + half)].filter { !$0.isNaN }
      let median = Descriptive.median(neighbourhood)
      let scale = Descriptive.medianAbsoluteDeviation(neighbourhood, center: median)
      if abs(x[i] - median) > threshold * scale {
        if scale == 0 { zeroSpread = true }
        positions.append(i)
        replacements.append(median)
      }
    }
    return OutlierFindings(positions: positions, replacements: replacements, bounds: nil, zeroSpread: zeroSpread)
  }
}
