import Foundation

/// Classical decomposition by moving averages, as R's `decompose`.
///
/// The trend is the centred moving average of length `period` (weights ½, 1, …, 1, ½ over
/// period + 1 points for an even period), NaN where the window does not fit; the seasonal
/// figure is the mean of the detrended values (x − trend, or x / trend) at each position of
/// the cycle, skipping NaN, then centred (minus its mean, or divided by it). Position 0 of the
/// cycle is the first observation.
public enum ClassicalDecomposition {
  /// Additive (x = T + S + e) or multiplicative (x = T · S · e).
  public enum Kind: String, Sendable {
    case additive
    case multiplicative
  }

  /// The components of a classical decomposition.
  public struct Result: Sendable {
    /// The centred moving average (NaN at the ends).
    public let trend: [Double]
    /// The seasonal figure repeated over the series.
    public let seasonal: [Double]
    /// x − seasonal − trend, or x / seasonal / trend (NaN at the ends).
    public let remainder: [Double]
    /// One seasonal value per position in the cycle.
    public let figure: [Double]
    public let kind: Kind
  }

  /// Decomposes `x` (NaN allowed; they propagate into the moving average as in R).
  ///
  /// - Throws: `tooShort` unless period ≥ 2 and there are at least 2·period non-missing values.
  public static func decompose(_ x: [Double], period: Int, kind: Kind = .additive) throws -> Result {
    guard period >= 2 else { throw NumericsError.invalidArgument("classical decomposition needs a period of at least 2, got \(period)") }
    let present = x.filter { !$0.isNaN }.count
    guard present >= 2 * period else { throw NumericsError.tooShort("classical decomposition with period \(period)", needed: 2 * period, got: present) }
    let n = x.count
    let filter: [Double]
    if period % 2 == 0 {
      filter = [0.5] + Array(repeating: 1.0, count: period - 1) + [0.5]
    } else {
      filter = Array(repeating: 1.0, count: period)
    }
    let weights = filter.map { $0 / Double(period) }
    // R's filter(sides = 2): the window is centred, with offset ⌊len/2⌋ before the point.
    let offset = weights.count / 2
    var trend = Array(repeating: Double.nan, count: n)
    for i in 0..<n {
      let start = i - offset
      let end = start + weights.count - 1
      guard start >= 0, end < n else { continue }
      var sum = 0.0
      for (k, w) in weights.enumerated() { sum += w * x[start + k] }
      trend[i] = sum
    }
    let detrended = (0..<n).map { i -> Double in kind == .additive ? x[i] - trend[i] : x[i] / trend[i] }
    var figure = (0..<period).map { position -> Double in
      let values = stride(from: position, to: n, by: period).map { detrended[$0] }.filter { !$0.isNaN }
      return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
    let figureMean = figure.reduce(0, +) / Double(period)
    figure = figure.map { kind == .additive ? $0 - figureMean : $0 / figureMean }
    let seasonal = (0..<n).map { figure[$0 % period] }
    let remainder = (0..<n).map { i -> Double in
      kind == .additive ? x[i] - seasonal[i] - trend[i] : x[i] / seasonal[i] / trend[i]
    }
    return Result(trend: trend, seasonal: seasonal, remainder: remainder, figure: figure, kind: kind)
  }
}
