import Foundation

/// Sample autocovariances, autocorrelations (ACF) and partial autocorrelations (PACF) as
/// statsmodels' `acovf`/`acf`/`pacf(method='ywm')` and R's `acf`/`pacf` compute them: biased
/// estimates (divisor n), mean removed, missing values dropped first.
public enum Autocorrelation {
  /// The default number of lags of statsmodels' `acf`: min(⌊10 log₁₀ n⌋, n − 1).
  public static func defaultLagCount(observations n: Int) -> Int {
    guard n > 1 else { return 0 }
    return Swift.min(Int(10 * log10(Double(n))), n - 1)
  }

  /// Biased autocovariances γ(0…maxLag) = (1/n) Σ (x_t − x̄)(x_{t+k} − x̄) of a complete series
  /// (no NaN). With `demean == false` the mean is taken as zero.
  public static func autocovariances(_ x: [Double], maxLag: Int, demean: Bool = true) -> [Double] {
    let n = x.count
    guard n > 0 else { return [] }
    let mean = demean ? x.reduce(0, +) / Double(n) : 0
    let centered = x.map { $0 - mean }
    return (0...Swift.max(0, Swift.min(maxLag, n - 1))).map { k in
      var sum = 0.0
      for t in 0..<(n - k) { sum += centered[t] * centered[t + k] }
      return sum / Double(n)
    }
  }

  /// The ACF at lags 0…maxLag (lag 0 is 1), NaN dropped first.
  ///
  /// - Throws: `allMissing`, `tooShort` (fewer than 2 values, or maxLag ≥ n), `constant`.
  public static func acf(_ x: [Double], maxLag: Int? = nil) throws -> [Double] {
    let values = try TimeSeriesInput.droppingMissing(x, minimum: 2, "ACF")
    let lags = maxLag ?? defaultLagCount(observations: values.count)
    guard lags >= 0, lags < values.count else {
      throw NumericsError.tooShort("ACF at \(lags) lags", needed: lags + 1, got: values.count)
    }
    let gamma = autocovariances(values, maxLag: lags)
    guard gamma[0] > 0 else { throw NumericsError.constant("ACF") }
    return gamma.map { $0 / gamma[0] }
  }

  /// The PACF at lags 0…maxLag (lag 0 is 1, as statsmodels returns it; R's `pacf` starts at
  /// lag 1), by the Durbin–Levinson recursion on the biased autocovariances.
  public static func pacf(_ x: [Double], maxLag: Int? = nil) throws -> [Double] {
    let values = try TimeSeriesInput.droppingMissing(x, minimum: 2, "PACF")
    let lags = maxLag ?? Swift.min(defaultLagCount(observations: values.count), values.count / 2 - 1)
    guard lags >= 0, lags < values.count else {
      throw NumericsError.tooShort("PACF at \(lags) lags", needed: lags + 1, got: values.count)
    }
    let gamma = autocovariances(values, maxLag: lags)
    guard gamma[0] > 0 else { throw NumericsError.constant("PACF") }
    return [1] + DurbinLevinson(autocovariances: gamma).partialAutocorrelations
  }
}

/// The Durbin–Levinson recursion: from autocovariances γ(0…p) to the partial autocorrelations
/// φ_kk (k = 1…p), the AR(p) Yule–Walker coefficients and the innovation variances.
public struct DurbinLevinson: Sendable {
  /// φ_kk for k = 1…p.
  public let partialAutocorrelations: [Double]
  /// The Yule–Walker AR(p) coefficients φ_p1…φ_pp.
  public let arCoefficients: [Double]
  /// The one-step prediction error variances v_0…v_p (v_0 = γ(0)).
  public let innovationVariances: [Double]

  /// Runs the recursion; stops early (filling with NaN) if a prediction variance reaches zero.
  public init(autocovariances gamma: [Double]) {
    precondition(!gamma.isEmpty, "Durbin–Levinson needs γ(0)")
    let p = gamma.count - 1
    var phi: [Double] = []
    var partial: [Double] = []
    var variances = [gamma[0]]
    var v = gamma[0]
    for k in stride(from: 1, through: p, by: 1) {
      guard v > 0 else {
        partial.append(.nan)
        continue
      }
      var numerator = gamma[k]
      for j in 0..<(k - 1) { numerator -= phi[j] * gamma[k - 1 - j] }
      let reflection = numerator / v
      var next = Array(repeating: 0.0, count: k)
      for j in 0..<(k - 1) { next[j] = phi[j] - reflection * phi[k - 2 - j] }
      next[k - 1] = reflection
      phi = next
      partial.append(reflection)
      v *= (1 - reflection * reflection)
      variances.append(v)
    }
    partialAutocorrelations = partial
    arCoefficients = phi
    innovationVariances = variances
  }
}
