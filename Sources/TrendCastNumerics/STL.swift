import Foundation

/// Settings of `STL.decompose`, with R's `stl` names and defaults.
public struct STLOptions: Sendable, Equatable {
  /// The seasonal smoothing window: periodic (R's `s.window = "periodic"`) or a loess span.
  public enum SeasonalWindow: Sendable, Equatable {
    /// The seasonal pattern is the same every cycle.
    case periodic
    /// A loess span (odd, ≥ 7 recommended) for each cycle-subseries.
    case span(Int)
  }

  /// R's `s.window`.
  public var seasonalWindow: SeasonalWindow
  /// R's `s.degree` (0 or 1; 0 when periodic).
  public var seasonalDegree = 0
  /// R's `t.window`; nil for nextodd(⌈1.5·period / (1 − 1.5/s.window)⌉).
  public var trendWindow: Int? = nil
  /// R's `t.degree` (0 or 1).
  public var trendDegree = 1
  /// R's `l.window`; nil for nextodd(period).
  public var lowPassWindow: Int? = nil
  /// R's `l.degree`; nil for the trend degree.
  public var lowPassDegree: Int? = nil
  /// R's `s.jump`, `t.jump`, `l.jump`; nil for ⌈window/10⌉.
  public var seasonalJump: Int? = nil
  public var trendJump: Int? = nil
  public var lowPassJump: Int? = nil
  /// R's `robust`: add an outer loop of robustness weights.
  public var robust = false
  /// R's `inner`; nil for 2 (1 when robust).
  public var innerIterations: Int? = nil
  /// R's `outer`; nil for 0 (15 when robust).
  public var outerIterations: Int? = nil

  public init(seasonalWindow: SeasonalWindow, robust: Bool = false) {
    self.seasonalWindow = seasonalWindow
    self.robust = robust
  }
}

/// An STL decomposition x = seasonal + trend + remainder, with the settings actually used.
public struct STLResult: Sendable {
  public let seasonal: [Double]
  public let trend: [Double]
  public let remainder: [Double]
  /// Final robustness weights (all 1 without outer iterations).
  public let weights: [Double]
  /// The seasonal, trend and low-pass windows used (as R reports them in `win`).
  public let seasonalWindow: Int
  public let trendWindow: Int
  public let lowPassWindow: Int
  public let innerIterations: Int
  public let outerIterations: Int
}

/// Seasonal-trend decomposition by loess, exactly as R's `stats::stl`: inner loop of
/// cycle-subseries smoothing, low-pass filtering and trend smoothing; optional robust outer
/// loop; for a periodic seasonal window the seasonal component is finally replaced by its mean
/// at each position in the cycle.
public enum STL {
  /// R's `nextodd`: round, then add one if even.
  static func nextOdd(_ x: Double) -> Int {
    var value = Int(x.rounded())
    if value % 2 == 0 { value += 1 }
    return value
  }

  /// Decomposes a complete series (no NaN) with the given period.
  ///
  /// - Throws: `tooShort` unless period ≥ 2 and n > 2·period (R's "series is not periodic or
  ///   has less than two periods"); `nonFinite` for NaN or infinite values;
  ///   `invalidArgument` for degrees other than 0/1 or non-positive windows.
  public static func decompose(_ x: [Double], period: Int, options: STLOptions) throws -> STLResult {
    let n = x.count
    guard period >= 2 else { throw NumericsError.invalidArgument("STL needs a period of at least 2, got \(period)") }
    guard n > 2 * period else { throw NumericsError.tooShort("STL with period \(period)", needed: 2 * period + 1, got: n) }
    guard x.allSatisfy(\.isFinite) else { throw NumericsError.nonFinite("STL (fill missing values first)") }

    var seasonalSpan: Int
    var seasonalDegree = options.seasonalDegree
    let periodic: Bool
    switch options.seasonalWindow {
    case .periodic:
      periodic = true
      seasonalSpan = 10 * n + 1
      seasonalDegree = 0
    case .span(let span):
      guard span > 0 else { throw NumericsError.invalidArgument("STL seasonal window must be positive, got \(span)") }
      periodic = false
      seasonalSpan = span
    }
    let trendDegree = options.trendDegree
    let lowPassDegree = options.lowPassDegree ?? trendDegree
    for degree in [seasonalDegree, trendDegree, lowPassDegree] where degree != 0 && degree != 1 {
      throw NumericsError.invalidArgument("STL degrees must be 0 or 1, got \(degree)")
    }
    let trendSpan = options.trendWindow ?? nextOdd(ceil(1.5 * Double(period) / (1 - 1.5 / Double(seasonalSpan))))
    let lowPassSpan = options.lowPassWindow ?? nextOdd(Double(period))
    guard trendSpan > 0, lowPassSpan > 0 else { throw NumericsError.invalidArgument("STL windows must be positive") }
    let seasonalJump = options.seasonalJump ?? Int(ceil(Double(seasonalSpan) / 10))
    let trendJump = options.trendJump ?? Int(ceil(Double(trendSpan) / 10))
    let lowPassJump = options.lowPassJump ?? Int(ceil(Double(lowPassSpan) / 10))
    let inner = options.innerIterations ?? (options.robust ? 1 : 2)
    let outer = options.outerIterations ?? (options.robust ? 15 : 0)

    // The reference forces odd windows of at least 3.
    func oddAtLeast3(_ w: Int) -> Int {
      let v = Swift.max(3, w)
      return v % 2 == 0 ? v + 1 : v
    }
    let settings = Settings(
      n: n, period: period, seasonalSpan: oddAtLeast3(seasonalSpan), trendSpan: oddAtLeast3(trendSpan),
      lowPassSpan: oddAtLeast3(lowPassSpan), seasonalDegree: seasonalDegree, trendDegree: trendDegree,
      lowPassDegree: lowPassDegree, seasonalJump: Swift.max(1, seasonalJump), trendJump: Swift.max(1, trendJump),
      lowPassJump: Swift.max(1, lowPassJump), inner: inner)

    let y = [0] + x
    var season = Array(repeating: 0.0, count: n + 1)
    var trend = Array(repeating: 0.0, count: n + 1)
    var robustness: [Double]? = nil
    var k = 0
    while true {
      innerLoop(y, settings, robustness: robustness, season: &season, trend: &trend)
      k += 1
      if k > outer { break }
      var fit = Array(repeating: 0.0, count: n + 1)
      for i in 1...n { fit[i] = trend[i] + season[i] }
      robustness = STLLoess.robustnessWeights(y, fit: fit, n: n)
    }
    var seasonal = Array(season[1...n])
    let trendValues = Array(trend[1...n])
    if periodic {
      // Mean of the seasonal values at each position in the cycle.
      var sums = Array(repeating: 0.0, count: period)
      var counts = Array(repeating: 0, count: period)
      for i in 0..<n {
        sums[i % period] += seasonal[i]
        counts[i % period] += 1
      }
      for i in 0..<n { seasonal[i] = sums[i % period] / Double(counts[i % period]) }
    }
    let remainder = (0..<n).map { x[$0] - seasonal[$0] - trendValues[$0] }
    let weights = outer > 0 ? Array((robustness ?? Array(repeating: 1, count: n + 1))[1...n]) : Array(repeating: 1.0, count: n)
    return STLResult(
      seasonal: seasonal, trend: trendValues, remainder: remainder, weights: weights,
      seasonalWindow: seasonalSpan, trendWindow: trendSpan, lowPassWindow: lowPassSpan,
      innerIterations: inner, outerIterations: outer)
  }

  private struct Settings {
    let n: Int
    let period: Int
    let seasonalSpan: Int
    let trendSpan: Int
    let lowPassSpan: Int
    let seasonalDegree: Int
    let trendDegree: Int
    let lowPassDegree: Int
    let seasonalJump: Int
    let trendJump: Int
    let lowPassJump: Int
    let inner: Int
  }

  /// The inner loop: detrend, smooth cycle-subseries, remove the low-pass component, and
  /// re-estimate the trend from the deseasonalised series.
  private static func innerLoop(
    _ y: [Double], _ s: Settings, robustness rw: [Double]?, season: inout [Double], trend: inout [Double]
  ) {
    let n = s.n
    let np = s.period
    for _ in 0..<s.inner {
      var detrended = Array(repeating: 0.0, count: n + 1)
      for i in 1...n { detrended[i] = y[i] - trend[i] }
      let cycle = cycleSubseriesSmooth(detrended, s, robustness: rw)  // length n + 2np
      // Low-pass: moving averages of lengths np, np, 3, then loess.
      let ma1 = STLLoess.movingAverage(cycle, n: n + 2 * np, length: np)
      let ma2 = STLLoess.movingAverage(ma1, n: n + np + 1, length: np)
      let ma3 = STLLoess.movingAverage(ma2, n: n + 2, length: 3)
      let lowPass = STLLoess.smooth(ma3, n: n, span: s.lowPassSpan, degree: s.lowPassDegree, jump: s.lowPassJump, robustnessWeights: nil)
      for i in 1...n { season[i] = cycle[np + i] - lowPass[i] }
      var deseasonalised = Array(repeating: 0.0, count: n + 1)
      for i in 1...n { deseasonalised[i] = y[i] - season[i] }
      trend = STLLoess.smooth(deseasonalised, n: n, span: s.trendSpan, degree: s.trendDegree, jump: s.trendJump, robustnessWeights: rw)
    }
  }

  /// Smooths each cycle-subseries (every np-th value) by loess and extends it one step at
  /// both ends; returns a 1-based array of n + 2·np values.
  private static func cycleSubseriesSmooth(_ y: [Double], _ s: Settings, robustness rw: [Double]?) -> [Double] {
    let n = s.n
    let np = s.period
    var season = Array(repeating: 0.0, count: n + 2 * np + 1)
    for j in 1...np {
      let k = (n - j) / np + 1
      var sub = Array(repeating: 0.0, count: k + 1)
      var subWeights: [Double]? = rw == nil ? nil : Array(repeating: 0.0, count: k + 1)
      for i in 1...k {
        sub[i] = y[(i - 1) * np + j]
        if let rw { subWeights?[i] = rw[(i - 1) * np + j] }
      }
      let smoothed = STLLoess.smooth(sub, n: k, span: s.seasonalSpan, degree: s.seasonalDegree, jump: s.seasonalJump, robustnessWeights: subWeights)
      var extended = Array(repeating: 0.0, count: k + 3)
      for i in 1...k { extended[i + 1] = smoothed[i] }
      var w = Array(repeating: 0.0, count: k + 1)
      let nright = Swift.min(s.seasonalSpan, k)
      extended[1] = STLLoess.estimate(sub, n: k, span: s.seasonalSpan, degree: s.seasonalDegree, at: 0, nleft: 1, nright: nright, weights: &w, robustnessWeights: subWeights) ?? extended[2]
      let nleft = Swift.max(1, k - s.seasonalSpan + 1)
      extended[k + 2] = STLLoess.estimate(sub, n: k, span: s.seasonalSpan, degree: s.seasonalDegree, at: Double(k + 1), nleft: nleft, nright: k, weights: &w, robustnessWeights: subWeights) ?? extended[k + 1]
      for m in 1...(k + 2) { season[(m - 1) * np + j] = extended[m] }
    }
    return season
  }
}
