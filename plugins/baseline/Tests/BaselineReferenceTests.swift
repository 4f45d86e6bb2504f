import Foundation
import Testing
import TrendCastBaselinePlugin
import TrendCastTestSupport

/// The baselines against R's forecast package (Fixtures/baselines_r.json, made by
/// Fixtures/make_fixtures.R): fitted values, residuals, σ², parameters, forecasts and intervals.
struct BaselineReferenceTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/baselines_r.json").path

  static func cases() throws -> [[String: Any]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: fixture))
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let cases = object["cases"] as? [[String: Any]] else {
      throw CocoaError(.fileReadCorruptFile)
    }
    return cases
  }

  static func method(_ name: String, frequency: Int) -> BaselineMethod {
    switch name {
    case "naive": return .naive
    case "snaive": return .seasonalNaive(period: frequency)
    case "mean": return .mean
    default: return .drift
    }
  }

  /// Numbers with JSON nulls as NaN.
  static func values(_ object: Any?) -> [Double] {
    (object as? [Any])?.map { ($0 as? NSNumber)?.doubleValue ?? .nan } ?? []
  }

  /// Relative difference, 0 when both are missing.
  static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    return abs(a - b) <= tolerance * max(1, abs(b))
  }

  @Test func fitsAndForecastsMatchR() throws {
    let cases = try Self.cases()
    #expect(cases.count == 19)
    for expected in cases {
      guard let csv = expected["csv"] as? String, let column = expected["column"] as? String, let name = expected["method"] as? String,
            let frequency = (expected["frequency"] as? NSNumber)?.intValue, let h = (expected["h"] as? NSNumber)?.intValue else {
        Issue.record("malformed case")
        continue
      }
      let label = "\(expected["series"] ?? "") \(name)"
      let y = try ReferenceData.column(csv, column)
      let fit = try BaselineFit(Self.method(name, frequency: frequency), to: y)
      // Tolerance: 1e-9 relative (R's values are written with 15 significant digits).
      let fitted = Self.values(expected["fitted"])
      #expect(fitted.count == fit.fitted.count, "\(label)")
      #expect(zip(fit.fitted, fitted).allSatisfy { Self.close($0, $1, 1e-9) }, "\(label) fitted")
      #expect(zip(fit.residuals, Self.values(expected["residuals"])).allSatisfy { Self.close($0, $1, 1e-9) }, "\(label) residuals")
      #expect(Self.close(fit.sigma2, expected.double("sigma2") ?? .nan, 1e-9), "\(label) sigma2 \(fit.sigma2)")
      if let params = expected["params"] as? [String: Any] {
        if let drift = params.double("drift") { #expect(Self.close(fit.drift, drift, 1e-9), "\(label) drift") }
        if let se = params.double("drift_se") { #expect(Self.close(fit.driftStandardError, se, 1e-9), "\(label) drift se") }
        if let mu = params.double("mu") { #expect(Self.close(fit.mu, mu, 1e-9), "\(label) mu") }
        if let sd = params.double("sd") { #expect(Self.close(fit.standardDeviation, sd, 1e-9), "\(label) sd") }
      }
      let (mean, errors) = fit.forecast(horizon: h)
      #expect(zip(mean, Self.values(expected["mean"])).allSatisfy { Self.close($0, $1, 1e-9) }, "\(label) mean")
      for (level, key) in [(80.0, "80"), (95.0, "95")] {
        let z = fit.intervalMultiplier(level: level)
        let lower = zip(mean, errors).map { $0 - z * $1 }
        let upper = zip(mean, errors).map { $0 + z * $1 }
        // Tolerance: 1e-9 relative; the quantiles (qnorm, qt) agree with R to about 1e-12.
        #expect(zip(lower, Self.values(expected["lower" + key])).allSatisfy { Self.close($0, $1, 1e-9) }, "\(label) lower\(key)")
        #expect(zip(upper, Self.values(expected["upper" + key])).allSatisfy { Self.close($0, $1, 1e-9) }, "\(label) upper\(key)")
      }
    }
  }

  @Test func seasonalNaiveWithPeriodOneIsNaive() throws {
    let y = try ReferenceData.column("data/nile.csv", "volume")
    let seasonal = try BaselineFit(.seasonalNaive(period: 1), to: y)
    let naive = try BaselineFit(.naive, to: y)
    // Tolerance: exact, the same arithmetic.
    #expect(seasonal.forecast(horizon: 5).mean == naive.forecast(horizon: 5).mean)
    #expect(seasonal.forecast(horizon: 5).standardErrors == naive.forecast(horizon: 5).standardErrors)
  }

  @Test func gapsAreCarriedFromOneLagEarlier() throws {
    let fit = try BaselineFit(.seasonalNaive(period: 2), to: [1, 2, 3, .nan, .nan, 6])
    // Position 3 is carried from position 1 (2), position 4 from position 2 (3).
    #expect(fit.fitted[4] == 3)  // exact
    #expect(fit.fitted[5] == 2)  // exact: y[3] missing, carried from y[1]
    #expect(fit.future == [3, 6])  // exact
  }

  @Test func refusesTooShortAndUnforecastableSeries() {
    #expect(throws: (any Error).self) { try BaselineFit(.naive, to: [5]) }
    #expect(throws: (any Error).self) { try BaselineFit(.drift, to: [1, 2]) }
    #expect(throws: (any Error).self) { try BaselineFit(.seasonalNaive(period: 4), to: [1, 2, 3, 4]) }
    #expect(throws: (any Error).self) { try BaselineFit(.mean, to: [.nan, 3, .nan]) }
    #expect(throws: (any Error).self) { try BaselineFit(.naive, to: [.nan, .nan, .nan]) }
    #expect(throws: (any Error).self) { try BaselineFit(.naive, to: [1, .infinity, 3]) }
  }

  @Test func constantSeriesGiveZeroWidthIntervalsNotNaN() throws {
    for method in [BaselineMethod.naive, .seasonalNaive(period: 2), .mean, .drift] {
      let fit = try BaselineFit(method, to: [4, 4, 4, 4, 4, 4])
      let (mean, errors) = fit.forecast(horizon: 3)
      // Tolerance: exact; nothing to estimate.
      #expect(mean == [4, 4, 4], "\(method)")
      #expect(errors.allSatisfy { $0 == 0 }, "\(method)")
    }
  }
}
