import Foundation

/// K pairs of sine and cosine terms of a seasonal period m, as R's `fourier(x, K)`:
/// S_k(t) = sin(2πkt/m) and C_k(t) = cos(2πkt/m), k = 1…K, t = 1 at the first fitted
/// observation. Long seasons (52 weeks, 365 days) are modelled this way rather than by
/// seasonal ARIMA terms, whose state grows with the period; the terms are known in advance,
/// so forecasts need no future values for them.
public struct FourierTerms: Sendable, Equatable {
  public let pairs: Int
  public let period: Int

  /// K pairs for period m; the caller checks 1 ≤ K and 2K ≤ m.
  public init(pairs: Int, period: Int) {
    self.pairs = pairs
    self.period = period
  }

  /// The column names, R's: S1-52, C1-52, …; at K = m/2 the last sine is zero everywhere and
  /// left out, as R does.
  public var names: [String] {
    (1...pairs).flatMap { k -> [String] in
      let sine = "S\(k)-\(period)"
      let cosine = "C\(k)-\(period)"
      return 2 * k == period ? [cosine] : [sine, cosine]
    }
  }

  /// The columns for `count` periods from period `first` (1-based).
  public func columns(first: Int, count: Int) -> [[Double]] {
    (1...pairs).flatMap { k -> [[Double]] in
      let angle = { (t: Int) in 2 * Double.pi * Double(k) * Double(t) / Double(period) }
      let cosine = (0..<count).map { cos(angle(first + $0)) }
      guard 2 * k != period else { return [cosine] }
      return [(0..<count).map { sin(angle(first + $0)) }, cosine]
    }
  }
}
