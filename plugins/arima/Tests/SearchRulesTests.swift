import Foundation
import Testing
import TrendCastNumerics

@testable import TrendCastArimaPlugin

/// Rules of forecast 8.20's auto.arima (and the stats::arima it calls) that decide which
/// candidates the search keeps, each checked on a small series against what R 4.2.2 does.
struct SearchRulesTests {
  /// y_t = 1.08^t + sin(2.1 t), t = 1…30: an explosive series whose CSS AR(1) estimate is
  /// above 1. R: `arima(y, order = c(1,0,0), include.mean = FALSE)` stops with
  /// "non-stationary AR part from CSS", so auto.arima scores that candidate Inf.
  static let explosive = (1...30).map { t in pow(1.08, Double(t)) + sin(Double(t) * 2.1) }

  @Test func searchRejectsANonStationaryCSSStartAsR() {
    let order = ARIMAOrder(p: 1, d: 0, q: 0)
    var options = ARIMAEstimator.Options()
    options.failsWhereRFails = true
    #expect(throws: ARIMAFitError.self) { try ARIMAEstimator.fit(Self.explosive, order: order, options: options) }
    let context = SearchContext(
      y: Self.explosive, xreg: [], xregNames: [], d: 0, seasonalD: 0, period: 1, seriesLength: 30,
      criterion: .aicc, offset: 0, allowDrift: false, allowMean: true)
    let candidate = context.fit(order, constant: false, approximate: false).candidate
    #expect(candidate.criterion == nil)
    #expect(candidate.note?.contains("non-stationary AR part from CSS") == true)
  }

  @Test func optimiserStopsWhereRsOptimStops() {
    // R: optim(0.4995, function(x) if (x < 0.5) x^2 else Inf, method = "BFGS") stops with
    // "non-finite finite-difference value [1]" (the step 1e-3 reaches 0.5005); stats::arima
    // passes that error on and auto.arima scores the candidate Inf.
    let wall: ([Double]) -> Double = { $0[0] < 0.5 ? $0[0] * $0[0] : .infinity }
    var options = BFGSOptions()
    options.stopsWhereRStops = true
    let stopped = minimizeBFGS(wall, from: [0.4995], options: options)
    #expect(stopped.stoppedWithRError && !stopped.converged)
    // By default the difference is taken on the finite side and the search goes on to 0.
    let forgiving = minimizeBFGS(wall, from: [0.4995])
    #expect(!forgiving.stoppedWithRError && abs(forgiving.x[0]) < 1e-3)
  }

  @Test func exactRefitsFollowRsOrderIncludingRejectedCandidates() {
    // R: order(c(12, Inf, 10, 12, Inf)) is 3 1 4 2 5 — the candidates scored Inf under the
    // approximation come last, but are re-fitted exactly if every other one fails.
    let criteria: [Double?] = [12, nil, 10, 12, nil]
    let tried = criteria.map { AutoARIMA.Candidate(order: ARIMAOrder(p: 0, d: 1, q: 0), constant: false, criterion: $0, approximated: true) }
    #expect(AutoARIMA.exactRefitOrder(tried) == [2, 0, 3, 1, 4])
  }

  @Test func fixedOrderFitStillPullsTheCSSStartInside() throws {
    // Outside the search TrendCast stays lenient: the start is pulled inside and ML goes on.
    let fit = try ARIMAEstimator.fit(Self.explosive, order: ARIMAOrder(p: 1, d: 0, q: 0))
    #expect(Polynomial.isStationary(fit.expandedAR))
  }
}

/// The whole search against R's auto.arima on the fixture series.
struct SearchAgainstRTests {
  @Test func nonStationaryCSSStartIsRejectedAsInR() throws {
    // R rejects the start model ARIMA(2,1,2)(1,0,1)[12] with drift ("non-stationary seasonal AR
    // part from CSS") and ends at ARIMA(0,1,1)(1,0,0)[12], AICc 2008.86.
    let result = try AutoARIMA.search(try FixtureSeries.m1Monthly(14), period: 12)
    #expect(result.fit.order == ARIMAOrder(p: 0, d: 1, q: 1, seasonalP: 1, period: 12))
    #expect(!result.includeDrift)
    #expect(abs((result.fit.aicc ?? .nan) - 2008.86) < 0.05)
  }

  @Test func unconvergedCSSStartIsNotCheckedAsInR() throws {
    // R's CSS for ARIMA(2,1,2)(1,1,1)[12] stops at its iteration limit, so its (non-
    // stationary) estimates are not used and the candidate stays; R ends at
    // ARIMA(2,1,2)(0,1,1)[12], AICc 1509.64.
    let result = try AutoARIMA.search(try FixtureSeries.m1Monthly(83), period: 12)
    #expect(result.fit.order == ARIMAOrder(p: 2, d: 1, q: 2, seasonalD: 1, seasonalQ: 1, period: 12))
    #expect(abs((result.fit.aicc ?? .nan) - 1509.64) < 0.05)
  }

  @Test func driftModelsStartWhereRsDo() throws {
    // With R's regression start the CSS of ARIMA(2,0,2)(1,1,1)[4] with drift converges where
    // R's does, the exact fit puts an MA root on the unit circle and the candidate is rejected
    // as in R, which ends at ARIMA(1,0,0)(0,1,1)[4] with drift, AICc 1683.53.
    let result = try AutoARIMA.search(try FixtureSeries.tourismQuarterly(10), period: 4)
    #expect(result.fit.order == ARIMAOrder(p: 1, d: 0, q: 0, seasonalD: 1, seasonalQ: 1, period: 4))
    #expect(result.includeDrift)
    #expect(abs((result.fit.aicc ?? .nan) - 1683.53) < 0.05)
  }
}
