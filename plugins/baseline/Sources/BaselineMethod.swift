import Foundation
import TrendCastNumerics

/// The four benchmark methods of R's forecast package, as `naive`, `snaive`, `rwf(drift=TRUE)`
/// and `meanf` define them: the yardsticks every other model should beat.
public enum BaselineMethod: Sendable, Equatable {
  /// Every forecast is the last observation (a random walk).
  case naive
  /// Every forecast is the observation one season earlier.
  case seasonalNaive(period: Int)
  /// Every forecast is the mean of the observations.
  case mean
  /// The last observation plus the average change per period (a random walk with drift).
  case drift

  /// R's name for the method (its `method` field).
  public var name: String {
    switch self {
    case .naive: return "Naive method"
    case .seasonalNaive: return "Seasonal naive method"
    case .mean: return "Mean"
    case .drift: return "Random walk with drift"
    }
  }

  /// The command word: `fit naive`, `fit snaive`, `fit mean`, `fit drift`.
  public var word: String {
    switch self {
    case .naive: return "naive"
    case .seasonalNaive: return "snaive"
    case .mean: return "mean"
    case .drift: return "drift"
    }
  }

  /// The lag of the lag walk (1, or the season length); nil for the mean.
  var lag: Int? {
    switch self {
    case .naive, .drift: return 1
    case .seasonalNaive(let period): return period
    case .mean: return nil
    }
  }

  /// Estimated parameters, as R's `modeldf` counts them for Ljung–Box degrees of freedom.
  public var parameterCount: Int {
    switch self {
    case .naive, .seasonalNaive: return 0
    case .mean, .drift: return 1
    }
  }

  /// The fewest observed values the method needs, with what they are for.
  public var minimumObservations: (count: Int, reason: String) {
    switch self {
    case .naive: return (2, "one to forecast from and one residual")
    case .seasonalNaive(let period): return (period + 1, "one full season of \(period) and one more for a residual")
    case .mean: return (2, "two for a standard deviation")
    case .drift: return (3, "two changes for a standard deviation")
    }
  }
}

/// A baseline method fitted to a series: fitted values, residuals and what its forecasts need.
public struct BaselineFit: Sendable {
  public let method: BaselineMethod
  /// One-step fitted values (NaN where undefined: the first season, missing data).
  public let fitted: [Double]
  /// y − fitted.
  public let residuals: [Double]
  /// The values the forecasts repeat: the last observation, the last season, or the mean.
  public let future: [Double]
  /// The drift (average change per period) and its standard error; zero for other methods.
  public let drift: Double
  public let driftStandardError: Double
  /// The mean and standard deviation of the observations (the mean method).
  public let mu: Double
  public let standardDeviation: Double
  /// The residual variance R reports as `sigma2`.
  public let sigma2: Double
  /// Observed (non-missing) values used.
  public let observations: Int

  /// Fits `method` to `y` (NaN = missing) exactly as R's `lagwalk` and `meanf` do. A value
  /// missing one lag after another is carried forward from a lag earlier.
  public init(_ method: BaselineMethod, to y: [Double]) throws {
    self.method = method
    let observed = y.filter { !$0.isNaN }
    observations = observed.count
    guard observed.allSatisfy(\.isFinite) else { throw NumericsError.nonFinite("\(method.name)") }
    let minimum = method.minimumObservations
    guard observed.count >= minimum.count else {
      throw NumericsError.tooShort("\(method.name)", needed: minimum.count, got: observed.count)
    }
    guard let lag = method.lag else {
      let average = Descriptive.mean(observed)
      mu = average
      standardDeviation = Descriptive.standardDeviation(observed)
      fitted = Array(repeating: average, count: y.count)
      residuals = y.map { $0 - average }
      future = [average]
      drift = 0
      driftStandardError = 0
      sigma2 = standardDeviation * standardDeviation
      return
    }
    // R's lagwalk: fits = y with each gap (after the first lag) filled from one lag earlier.
    var carried = y
    for t in lag..<y.count where carried[t].isNaN { carried[t] = carried[t - lag] }
    var lagged = Array(repeating: Double.nan, count: y.count)
    for t in lag..<y.count { lagged[t] = carried[t - lag] }
    future = Array(carried.suffix(lag))
    guard future.allSatisfy(\.isFinite) else {
      throw NumericsError.allMissing("the last \(lag == 1 ? "value" : "season") of \(method.name)")
    }
    mu = 0
    standardDeviation = 0
    let changes = y.indices.map { y[$0] - lagged[$0] }.filter { !$0.isNaN }
    guard !changes.isEmpty else { throw NumericsError.tooShort("\(method.name) residuals", needed: 1, got: 0) }
    if method == .drift {
      guard changes.count >= 2 else { throw NumericsError.tooShort("\(method.name) residuals", needed: 2, got: changes.count) }
      let sd = Descriptive.standardDeviation(changes)
      let average = Descriptive.mean(changes)
      drift = average
      driftStandardError = sd / Double(changes.count).squareRoot()
      lagged = lagged.map { $0 + average }
      sigma2 = sd * sd
    } else {
      drift = 0
      driftStandardError = 0
      sigma2 = changes.reduce(0) { $0 + $1 * $1 } / Double(changes.count)
    }
    fitted = lagged
    residuals = y.indices.map { y[$0] - lagged[$0] }
  }

  /// Point forecasts and their standard errors `horizon` steps ahead, as R's
  /// `forecast.lagwalk` (normal intervals) and `meanf` (t intervals) compute them.
  public func forecast(horizon: Int) -> (mean: [Double], standardErrors: [Double]) {
    guard let lag = method.lag else {
      let n = Double(observations)
      let se = standardDeviation * (1 + 1 / n).squareRoot()
      return (Array(repeating: mu, count: horizon), Array(repeating: se, count: horizon))
    }
    let used = residuals.filter { !$0.isNaN }
    // R divides by the residual count less one when a drift was estimated (and is not zero).
    let mse = used.reduce(0) { $0 + $1 * $1 } / Double(used.count - (drift != 0 ? 1 : 0))
    var mean: [Double] = []
    var errors: [Double] = []
    for h in stride(from: 1, through: horizon, by: 1) {
      let steps = Double((h - 1) / lag + 1)
      mean.append(future[(h - 1) % lag] + steps * drift)
      errors.append((mse * steps + (steps * driftStandardError) * (steps * driftStandardError)).squareRoot())
    }
    return (mean, errors)
  }

  /// The multiplier of the standard error for a central interval at `level` percent:
  /// t with n − 1 degrees of freedom for the mean method, normal otherwise.
  public func intervalMultiplier(level: Double) -> Double {
    let p = 0.5 + level / 200
    if method == .mean { return StudentTDistribution(degreesOfFreedom: Double(observations - 1)).quantile(p) }
    return NormalDistribution.standardQuantile(p)
  }
}
