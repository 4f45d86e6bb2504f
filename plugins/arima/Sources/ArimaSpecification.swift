/// What `fit arima` was asked for, kept with the model so `refit(to:)` (backtests) can
/// re-estimate the same specification on another window.
public struct ArimaSpecification: Sendable {
  /// Deterministic terms, in the sense of statsmodels' `trend`: none, a constant in levels,
  /// or a linear trend in levels (which after one difference is R's drift).
  public enum Trend: String, Sendable {
    case none = "n", constant = "c", linear = "t"
  }

  /// nil: the automatic (Hyndman–Khandakar) search chooses the orders.
  public var order: ARIMAOrder?
  /// nil: R's default — a mean when d + D = 0, nothing otherwise (the search decides itself).
  public var trend: Trend?
  public var logTransform: Bool
  public var search: AutoARIMA.Options
  /// Fourier terms of the season as regressors (`fourier=K`), as R's `fourier(x, K)`.
  public var fourier: FourierTerms?

  public init(
    order: ARIMAOrder?, trend: Trend?, logTransform: Bool, search: AutoARIMA.Options = AutoARIMA.Options(),
    fourier: FourierTerms? = nil
  ) {
    self.order = order
    self.trend = trend
    self.logTransform = logTransform
    self.search = search
    self.fourier = fourier
  }

  /// Which regression terms a fixed order carries: (intercept, drift).
  /// - Throws: when the trend cannot be estimated after the model's differencing.
  public static func deterministicTerms(_ trend: Trend?, order: ARIMAOrder) throws -> (mean: Bool, drift: Bool) {
    let differences = order.differenceCount
    switch trend ?? (differences == 0 ? .constant : .none) {
    case .none: return (false, false)
    case .constant:
      guard differences == 0 else {
        throw ARIMAFitError(.notEstimable, "a constant cannot be estimated after differencing (d + D = \(differences)): differencing removes it",
          hint: differences == 1 ? "use trend=t for a drift (a constant in the differenced series)" : "leave out trend=, or use fewer differences")
      }
      return (true, false)
    case .linear:
      guard differences <= 1 else {
        throw ARIMAFitError(.notEstimable, "a linear trend cannot be estimated after \(differences) differences",
          hint: "use trend=n, or fewer differences (d + D ≤ 1)")
      }
      return (differences == 0, true)
    }
  }

  /// The regression columns for `count` periods starting at period `first` (1-based, as R's
  /// drift 1…n): intercept, drift, then the user's regressors.
  static func regressionColumns(mean: Bool, drift: Bool, first: Int, count: Int, xreg: [[Double]]) -> [[Double]] {
    var columns: [[Double]] = []
    if mean { columns.append(Array(repeating: 1, count: count)) }
    if drift { columns.append((0..<count).map { Double(first + $0) }) }
    return columns + xreg
  }
}
