import Foundation
import TrendCastNumerics

/// The Hyndman–Khandakar automatic ARIMA search as R's forecast 8.20 `auto.arima` runs it:
/// d by repeated KPSS tests, D by the seasonal-strength (or OCSB) test, then a stepwise search
/// on the information criterion over (p, q, P, Q) and the constant, with the same start
/// models, neighbourhood, limits and approximation (CSS fits with R's offset for long or
/// high-frequency series, the best models re-fitted by exact ML at the end).
public enum AutoARIMA {
  public struct Options: Sendable, Hashable {
    public enum Criterion: String, Sendable { case aicc, aic, bic }
    public var maxP = 5, maxQ = 5, maxSeasonalP = 2, maxSeasonalQ = 2, maxOrder = 5
    public var maxD = 2, maxSeasonalD = 1
    public var startP = 2, startQ = 2, startSeasonalP = 1, startSeasonalQ = 1
    /// Fixed differencing orders (nil: chosen by the tests).
    public var d: Int? = nil
    public var seasonalD: Int? = nil
    public var stationary = false
    public var seasonal = true
    public var criterion = Criterion.aicc
    public var stepwise = true
    public var maxModels = 94
    /// nil: R's default, approximate when the series is longer than 150 or the period above 12.
    public var approximation: Bool? = nil
    public var seasonalTest = Differencing.SeasonalTest.seasonalStrength
    public var allowDrift = true
    public var allowMean = true
    /// Worker threads for the exhaustive search (stepwise=false); the result does not depend on it.
    public var parallelism = 1
    public init() {}
  }

  /// One model the search fitted.
  public struct Candidate: Sendable {
    public var order: ARIMAOrder
    public var constant: Bool
    /// The criterion's value; nil when the model could not be fitted or was rejected.
    public var criterion: Double?
    public var approximated: Bool
    /// Why it was rejected, when it was.
    public var note: String?
  }

  /// One step of the KPSS sequence that chose d.
  public struct KPSSStep: Sendable {
    public var differences: Int
    public var statistic: Double
    public var pValue: Double
  }

  /// What the search did, for the teaching display.
  public struct Report: Sendable {
    public var period: Int
    public var seriesLength: Int
    public var criterion: Options.Criterion
    public var approximation: Bool
    public var kpss: [KPSSStep]
    public var d: Int
    public var seasonalD: Int
    public var dGiven: Bool
    public var seasonalDGiven: Bool
    /// The seasonal test's name, value and threshold ("seasonal strength", 0.93, 0.64).
    public var seasonalTest: (name: String, value: Double, threshold: Double)?
    public var tried: [Candidate]
    public var chosen: Candidate
    public var stepwise: Bool
  }

  public struct Result: Sendable {
    public var fit: ARIMAFit
    public var includeMean: Bool
    public var includeDrift: Bool
    public var report: Report
  }

  /// Runs the search on `y` (leading missing values already removed) with regressors `xreg`.
  public static func search(
    _ y: [Double], xreg: [[Double]] = [], xregNames: [String] = [], period: Int, options: Options = Options(),
    isCancelled: @escaping @Sendable () -> Bool = { false }, checkCancellation: () throws -> Void = {}
  ) throws -> Result {
    let present = y.filter { !$0.isNaN }
    guard !present.isEmpty else { throw ARIMAFitError(.allMissing, "every value of the series is missing", hint: "check the column, or clean it first") }
    if isConstant(present) {
      throw ARIMAFitError(.constantSeries, "the series is constant (every value is \(NumberText.short(present[0]))), so there is nothing to model",
        hint: "a constant series forecasts itself; check that the right column was chosen")
    }
    let lastPresent = y.lastIndex { !$0.isNaN } ?? 0
    let seriesLength = y[0...lastPresent].filter { !$0.isNaN }.count
    let m = options.seasonal ? max(1, period) : 1
    var maxP = min(options.maxP, seriesLength / 3)
    var maxQ = min(options.maxQ, seriesLength / 3)
    var maxSP = min(options.maxSeasonalP, seriesLength / 3 / m)
    var maxSQ = min(options.maxSeasonalQ, seriesLength / 3 / m)
    let criterion = seriesLength <= 3 ? .aic : options.criterion

    // The series the tests see: with regressors, the residuals of a regression on them.
    var xx = y
    if !xreg.isEmpty {
      let rows = y.indices.filter { t in !y[t].isNaN && xreg.allSatisfy { !$0[t].isNaN } }
      let varying = xreg.filter { !isConstant($0) }
      if !varying.isEmpty {
        let design = Matrix(columns: [rows.map { _ in 1.0 }] + varying.map { column in rows.map { column[$0] } })
        guard let ols = try? ordinaryLeastSquares(design, rows.map { y[$0] }) else {
          throw ARIMAFitError(.badRegressors, "the regressors are rank deficient (one repeats another)", hint: "drop the redundant regressor")
        }
        for (i, t) in rows.enumerated() { xx[t] = ols.residuals[i] }
      }
    }

    // Differencing orders.
    var seasonalD = 0
    var seasonalTest: (String, Double, Double)?
    if options.stationary {
      seasonalD = 0
    } else if m == 1 {
      maxSP = 0
      maxSQ = 0
    } else if let given = options.seasonalD {
      seasonalD = given
    } else if xx.count > 2 * m {
      seasonalD = (try? Differencing.nsdiffs(xx, period: m, test: options.seasonalTest, maxD: options.maxSeasonalD)) ?? 0
      switch options.seasonalTest {
      case .seasonalStrength:
        if let strength = try? Differencing.seasonalStrength(xx, period: m) { seasonalTest = ("seasonal strength", strength, 0.64) }
      case .ocsb:
        if let ocsb = try? OCSB.test(xx.filter { !$0.isNaN }, period: m) { seasonalTest = ("OCSB statistic", ocsb.statistic, ocsb.criticalValue) }
      }
      if seasonalD > 0 && xreg.contains(where: { isConstant(Differencing.difference($0, lag: m, order: seasonalD)) }) { seasonalD -= 1 }
      if seasonalD > 0 && Differencing.difference(xx, lag: m, order: seasonalD).allSatisfy(\.isNaN) { seasonalD -= 1 }
    }
    if m == 1 { seasonalD = 0 }
    let dx = seasonalD > 0 ? Differencing.difference(xx, lag: m, order: seasonalD) : xx
    var d: Int
    var kpss: [KPSSStep] = []
    if options.stationary {
      d = 0
    } else if let given = options.d {
      d = given
    } else {
      d = Differencing.ndiffs(dx, maxD: options.maxD)
      var series = dx.filter { !$0.isNaN }
      for step in 0...min(d, options.maxD) {
        if let test = try? KPSS.test(series, regression: .constant, lags: .forecastDefault) {
          kpss.append(KPSSStep(differences: step, statistic: test.statistic, pValue: test.pValue))
        }
        if step < d { series = Differencing.difference(series) }
      }
      if d > 0 {
        let diffXreg = xreg.map { Differencing.difference(seasonalD > 0 ? Differencing.difference($0, lag: m, order: seasonalD) : $0, order: d) }
        if diffXreg.contains(where: isConstant) { d -= 1 }
      }
      if d > 0 && Differencing.difference(dx, order: d).allSatisfy(\.isNaN) { d -= 1 }
    }
    let fullyDifferenced = d > 0 ? Differencing.difference(dx, order: d) : dx
    guard !fullyDifferenced.isEmpty else {
      throw ARIMAFitError(.tooFewObservations, "the series is too short for the search (\(seriesLength) observations)", hint: "give a longer series, or fix the order with order=(p,d,q)")
    }
    if isConstant(fullyDifferenced) && xreg.isEmpty {
      throw ARIMAFitError(.notEstimable,
        "after \(d) difference(s) and \(seasonalD) seasonal difference(s) the series is constant: it follows an exact trend or seasonal pattern with no randomness to model",
        hint: "fit trend X for a deterministic trend, or check the data")
    }
    if m > 1 {
      if maxSP > 0 { maxP = min(maxP, m - 1) }
      if maxSQ > 0 { maxQ = min(maxQ, m - 1) }
    }
    let approximation = options.approximation ?? (y.count > 150 || m > 12)
    let allowDrift = options.allowDrift && d + seasonalD == 1
    let allowMean = options.allowMean && d + seasonalD == 0

    var context = SearchContext(
      y: y, xreg: xreg, xregNames: xregNames, d: d, seasonalD: seasonalD, period: m, seriesLength: seriesLength,
      criterion: criterion, offset: 0, allowDrift: allowDrift, allowMean: allowMean, isCancelled: isCancelled)
    if approximation {
      context.offset = context.approximationOffset()
    }
    let limits = SearchLimits(maxP: maxP, maxQ: maxQ, maxSP: maxSP, maxSQ: maxSQ, maxOrder: options.maxOrder)
    var (best, tried) = options.stepwise
      ? try stepwiseSearch(context, limits: limits, options: options, approximation: approximation, length: y.count, checkCancellation: checkCancellation)
      : try exhaustiveSearch(context, limits: limits, options: options, approximation: approximation, checkCancellation: checkCancellation)

    if approximation {
      // Re-fit the best models exactly, best first, until one passes.
      best = nil
      for index in exactRefitOrder(tried) {
        try checkCancellation()
        let candidate = tried[index]
        let exact = context.fit(candidate.order, constant: candidate.constant, approximate: false)
        tried.append(exact.candidate)
        if let fit = exact.fit, exact.candidate.criterion != nil {
          best = (fit, exact.candidate)
          break
        }
      }
    }
    try checkCancellation()
    guard let (fit, chosen) = best else {
      throw ARIMAFitError(.notEstimable, "no suitable ARIMA model was found: every candidate failed or had roots too close to the unit circle",
        hint: "try fixing the order with order=(p,d,q), or transform=log")
    }
    let report = Report(
      period: m, seriesLength: seriesLength, criterion: criterion, approximation: approximation, kpss: kpss, d: d, seasonalD: seasonalD,
      dGiven: options.d != nil, seasonalDGiven: options.seasonalD != nil,
      seasonalTest: seasonalTest.map { (name: $0.0, value: $0.1, threshold: $0.2) }, tried: tried, chosen: chosen, stepwise: options.stepwise)
    let differences = d + seasonalD
    return Result(fit: fit, includeMean: chosen.constant && differences == 0, includeDrift: chosen.constant && differences == 1, report: report)
  }
}

extension AutoARIMA {
  /// The order in which R re-fits the approximated candidates exactly: `order(results[, 8])`
  /// over every model tried, so the best criterion first and ties in search order, then the
  /// ones scored Inf (failed or rejected under CSS) in search order — R tries those too when
  /// every finite one fails exactly.
  static func exactRefitOrder(_ tried: [Candidate]) -> [Int] {
    let scored = tried.indices.filter { tried[$0].criterion != nil }.sorted {
      (tried[$0].criterion ?? .infinity, $0) < (tried[$1].criterion ?? .infinity, $1)
    }
    return scored + tried.indices.filter { tried[$0].criterion == nil }
  }
}

/// Orders allowed in the search.
struct SearchLimits {
  var maxP: Int, maxQ: Int, maxSP: Int, maxSQ: Int, maxOrder: Int
}

/// Short number text for messages.
enum NumberText {
  static func short(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.6g", value)
  }
}
