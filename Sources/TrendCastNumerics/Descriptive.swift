import Foundation

/// Descriptive statistics over `[Double]`.
///
/// Missing values: every function here skips NaN (as pandas does by default) and returns NaN
/// when fewer values remain than it needs (none for the mean, two for the variance).
public enum Descriptive {
  /// The values that are not NaN, in order.
  public static func droppingNaN(_ x: [Double]) -> [Double] {
    x.filter { !$0.isNaN }
  }

  /// Number of values that are not NaN.
  public static func count(_ x: [Double]) -> Int {
    x.reduce(0) { $1.isNaN ? $0 : $0 + 1 }
  }

  /// Sum of the non-NaN values (0 when there are none).
  public static func sum(_ x: [Double]) -> Double {
    x.reduce(0) { $1.isNaN ? $0 : $0 + $1 }
  }

  /// Arithmetic mean of the non-NaN values.
  public static func mean(_ x: [Double]) -> Double {
    let values = droppingNaN(x)
    guard !values.isEmpty else { return .nan }
    let n = Double(values.count)
    let first = values.reduce(0, +) / n
    // One correction pass removes most rounding error of the naive sum.
    let correction = values.reduce(0) { $0 + ($1 - first) } / n
    return first + correction
  }

  /// Sample variance Σ(x − x̄)²/(n − 1) of the non-NaN values (two-pass).
  public static func variance(_ x: [Double]) -> Double {
    let values = droppingNaN(x)
    guard values.count >= 2 else { return .nan }
    let m = mean(values)
    var squares = 0.0
    var deviations = 0.0
    for value in values {
      let d = value - m
      squares += d * d
      deviations += d
    }
    let n = Double(values.count)
    return (squares - deviations * deviations / n) / (n - 1)
  }

  /// Sample standard deviation (n − 1 denominator).
  public static func standardDeviation(_ x: [Double]) -> Double {
    variance(x).squareRoot()
  }

  /// Median of the non-NaN values (the mean of the middle two for an even count).
  public static func median(_ x: [Double]) -> Double {
    quantile(x, 0.5)
  }

  /// Median absolute deviation, as R's `mad`: constant · median|x − center|, with center the
  /// median by default and constant 1.4826 (consistent for the normal σ).
  public static func medianAbsoluteDeviation(_ x: [Double], center: Double? = nil, constant: Double = 1.4826) -> Double {
    let values = droppingNaN(x)
    guard !values.isEmpty else { return .nan }
    let c = center ?? median(values)
    return constant * median(values.map { abs($0 - c) })
  }

  /// Pearson correlation of the pairs where neither value is NaN.
  public static func correlation(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "correlation needs equally long arrays")
    let pairs = zip(x, y).filter { !$0.0.isNaN && !$0.1.isNaN }
    guard pairs.count >= 2 else { return .nan }
    let mx = mean(pairs.map(\.0))
    let my = mean(pairs.map(\.1))
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for (a, b) in pairs {
      sxy += (a - mx) * (b - my)
      sxx += (a - mx) * (a - mx)
      syy += (b - my) * (b - my)
    }
    return sxy / (sxx * syy).squareRoot()
  }

  /// The p-quantile of the non-NaN values by Hyndman & Fan's definition `type` (1…9), as R's
  /// `quantile`; type 7 (the default) is also pandas' and numpy's "linear".
  /// NaN when no values remain or p is outside [0, 1].
  public static func quantile(_ x: [Double], _ p: Double, type: Int = 7) -> Double {
    quantiles(x, [p], type: type)[0]
  }

  /// Several quantiles at once (sorting once).
  public static func quantiles(_ x: [Double], _ probabilities: [Double], type: Int = 7) -> [Double] {
    precondition((1...9).contains(type), "quantile type must be 1...9")
    let sorted = droppingNaN(x).sorted()
    return probabilities.map { quantileOfSorted(sorted, $0, type: type) }
  }

  /// The quantile of already sorted, NaN-free values.
  public static func quantileOfSorted(_ sorted: [Double], _ p: Double, type: Int = 7) -> Double {
    let n = sorted.count
    guard n > 0, p >= 0, p <= 1 else { return .nan }
    let nd = Double(n)
    // R's fuzz: positions within 4ε of an integer count as that integer.
    let fuzz = 4 * Double.ulpOfOne
    /// The 1-based order statistic, clamped to the sample.
    func order(_ j: Int) -> Double { sorted[Swift.min(Swift.max(j, 1), n) - 1] }

    if type <= 3 {
      let position = type == 3 ? nd * p - 0.5 : nd * p
      let j = Int(floor(position + fuzz))
      let gamma: Double
      switch type {
      case 1: gamma = position > Double(j) ? 1 : 0
      case 2: gamma = position > Double(j) ? 1 : 0.5
      default: gamma = (position != Double(j) || j % 2 == 1) ? 1 : 0
      }
      return gamma == 0 ? order(j) : (gamma == 1 ? order(j + 1) : 0.5 * (order(j) + order(j + 1)))
    }
    let (a, b): (Double, Double)
    switch type {
    case 4: (a, b) = (0, 1)
    case 5: (a, b) = (0.5, 0.5)
    case 6: (a, b) = (0, 0)
    case 7: (a, b) = (1, 1)
    case 8: (a, b) = (1.0 / 3, 1.0 / 3)
    default: (a, b) = (3.0 / 8, 3.0 / 8)
    }
    let position = a + p * (nd + 1 - a - b)
    let j = Int(floor(position + fuzz))
    var h = position - Double(j)
    if abs(h) < fuzz { h = 0 }
    let lower = order(j)
    let upper = order(j + 1)
    return h == 0 ? lower : (1 - h) * lower + h * upper
  }
}
