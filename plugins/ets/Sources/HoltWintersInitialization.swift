import Foundation

/// statsmodels' starting states for `initialization_method="estimated"`: the heuristic of
/// Hyndman et al. (2008, §2.6) when there are at least 10 + 2⌊m/2⌋ observations, otherwise the
/// simple one (first cycle mean and ratios).
enum HoltWintersInitialization {
  static func states(y: [Double], spec: HoltWintersSpecification) -> (level: Double, trend: Double, seasons: [Double]) {
    let m = spec.hasSeason ? spec.period : 0
    if y.count < 10 + 2 * (m / 2) { return simple(y: y, spec: spec) }
    return heuristic(y: y, spec: spec)
  }

  /// Level: mean of the first cycle; trend: mean of the first-to-second-cycle differences / m
  /// (or the ratio y1/y0 without season); seasons: the first cycle minus (or over) the level.
  static func simple(y: [Double], spec: HoltWintersSpecification) -> (level: Double, trend: Double, seasons: [Double]) {
    guard spec.hasSeason else {
      let trend: Double
      switch spec.trend {
      case .none: trend = 0
      case .additive: trend = y[1] - y[0]
      case .multiplicative: trend = y[1] / y[0]
      }
      return (y[0], trend, [])
    }
    let m = spec.period
    let level = y[0..<m].reduce(0, +) / Double(m)
    var trend = 0.0
    if spec.hasTrend {
      trend = (0..<m).reduce(0) { $0 + (y[m + $1] - y[$1]) / Double(m) } / Double(m)
    }
    let seasons = (0..<m).map { spec.season == .multiplicative ? y[$0] / level : y[$0] - level }
    return (level, trend, seasons)
  }

  /// Seasons from the centred moving average of up to five cycles (detrended values averaged
  /// per position, then normalised); level and trend from a line through the first ten
  /// values of that moving average (or of the data without season).
  static func heuristic(y: [Double], spec: HoltWintersSpecification) -> (level: Double, trend: Double, seasons: [Double]) {
    var base = y
    var seasons: [Double] = []
    if spec.hasSeason {
      let m = spec.period
      let minimum = 10 + 2 * (m / 2)
      let cycles = max(min(5, y.count / m), Int((Double(minimum) / Double(m)).rounded(.up)))
      let series = Array(y.prefix(m * cycles))
      let average = centredMovingAverage(series, period: m)
      var sums = Array(repeating: 0.0, count: m)
      var counts = Array(repeating: 0, count: m)
      for (t, value) in series.enumerated() where !average[t].isNaN {
        sums[t % m] += spec.season == .multiplicative ? value / average[t] : value - average[t]
        counts[t % m] += 1
      }
      seasons = (0..<m).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : 0 }
      let mean = seasons.reduce(0, +) / Double(m)
      seasons = seasons.map { spec.season == .multiplicative ? $0 / mean : $0 - mean }
      base = average.filter { !$0.isNaN }
    }
    let k = min(10, base.count)
    let meanX = Double(k + 1) / 2
    let meanY = base.prefix(k).reduce(0, +) / Double(k)
    var sxy = 0.0, sxx = 0.0
    for i in 0..<k {
      let dx = Double(i + 1) - meanX
      sxy += dx * (base[i] - meanY)
      sxx += dx * dx
    }
    let slope = sxx > 0 ? sxy / sxx : 0
    let level = meanY - slope * meanX
    let trend: Double
    switch spec.trend {
    case .none: trend = 0
    case .additive: trend = slope
    case .multiplicative: trend = 1 + slope / level
    }
    return (level, trend, seasons)
  }

  /// The centred moving average of length m (2×m for even m), NaN where it does not fit.
  static func centredMovingAverage(_ x: [Double], period m: Int) -> [Double] {
    let n = x.count
    var result = Array(repeating: Double.nan, count: n)
    let half = m / 2
    for t in half..<max(half, n - half) {
      if m % 2 == 0 {
        var sum = 0.5 * x[t - half] + 0.5 * x[t + half]
        for k in (t - half + 1)...(t + half - 1) { sum += x[k] }
        result[t] = sum / Double(m)
      } else {
        var sum = 0.0
        for k in (t - half)...(t + half) { sum += x[k] }
        result[t] = sum / Double(m)
      }
    }
    return result
  }
}
