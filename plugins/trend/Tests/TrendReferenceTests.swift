import Foundation
import Testing
import TrendCastTestSupport
import TrendCastTrendPlugin

/// Trend regression against R's tslm(y ~ trend + fourier(y, K)) (Fixtures/trend_r.json, made
/// by Fixtures/make_fixtures.R): coefficients, standard errors, t and p values, R², the F
/// statistic, logLik/AIC/BIC, fitted values, forecasts and their t intervals.
struct TrendReferenceTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/trend_r.json").path

  static func cases() throws -> [[String: Any]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: fixture))
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let cases = object["cases"] as? [[String: Any]] else {
      throw CocoaError(.fileReadCorruptFile)
    }
    return cases
  }

  static func values(_ object: Any?) -> [Double] {
    (object as? [Any])?.map { ($0 as? NSNumber)?.doubleValue ?? .nan } ?? []
  }

  /// Relative difference (absolute below 1), 0 when both are missing.
  static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    return abs(a - b) <= tolerance * max(1, abs(b))
  }

  static func allClose(_ a: [Double], _ b: [Double], _ tolerance: Double) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tolerance) }
  }

  @Test func regressionsMatchR() throws {
    let cases = try Self.cases()
    #expect(cases.count == 7)
    for expected in cases {
      guard let csv = expected["csv"] as? String, let column = expected["column"] as? String,
            let period = (expected["frequency"] as? NSNumber)?.intValue, let k = (expected["harmonics"] as? NSNumber)?.intValue,
            let h = (expected["h"] as? NSNumber)?.intValue else {
        Issue.record("malformed case")
        continue
      }
      let label = "\(expected["series"] ?? "") K=\(k)"
      let y = try ReferenceData.column(csv, column)
      let fit = try TrendRegression(y, specification: TrendSpecification(period: period, harmonics: k))
      // R's columns: (Intercept), trend, S1, C1, S2, C2 … — the same order as a0, a1, b1, c1, ….
      #expect(fit.specification.parameterNames.count == (expected["names"] as? [Any])?.count, "\(label) columns")
      // Tolerance: 1e-8 relative for the estimates and their statistics (QR vs R's QR, 15 digits written).
      #expect(Self.allClose(fit.coefficients, Self.values(expected["coefficients"]), 1e-8), "\(label) coefficients \(fit.coefficients)")
      #expect(Self.allClose(fit.standardErrors, Self.values(expected["standard_errors"]), 1e-8), "\(label) standard errors")
      #expect(Self.allClose(fit.ols.tStatistics, Self.values(expected["t_values"]), 1e-8), "\(label) t values")
      // Tolerance: 1e-6 absolute for p-values (R's pt tail vs ours; both far below display precision).
      #expect(zip(fit.pValues, Self.values(expected["p_values"])).allSatisfy { abs($0 - $1) <= 1e-6 }, "\(label) p-values")
      #expect(Self.close(fit.ols.rSquared, expected.double("r_squared") ?? .nan, 1e-10), "\(label) R²")
      #expect(Self.close(fit.ols.adjustedRSquared, expected.double("adj_r_squared") ?? .nan, 1e-10), "\(label) adjusted R²")
      #expect(Self.close(fit.ols.sigma2.squareRoot(), expected.double("sigma") ?? .nan, 1e-9), "\(label) sigma")
      #expect(fit.ols.residualDegreesOfFreedom == (expected["df_residual"] as? NSNumber)?.intValue, "\(label) df")
      if let f = expected.double("fstatistic") { #expect(Self.close(fit.fStatistic.value, f, 1e-8), "\(label) F") }
      // Tolerance: 1e-10 relative for the likelihood and information criteria (R gives none
      // for series with gaps).
      if let loglik = expected.double("loglik"), let aic = expected.double("aic"), let bic = expected.double("bic") {
        #expect(Self.close(fit.logLikelihood, loglik, 1e-10), "\(label) loglik")
        #expect(Self.close(fit.aic, aic, 1e-10), "\(label) AIC")
        #expect(Self.close(fit.bic, bic, 1e-10), "\(label) BIC")
      }
      #expect(Self.allClose(fit.fitted, Self.values(expected["fitted"]), 1e-9), "\(label) fitted")
      let (mean, errors) = fit.forecast(horizon: h)
      #expect(Self.allClose(mean, Self.values(expected["mean"]), 1e-9), "\(label) forecasts")
      for (level, key) in [(80.0, "80"), (95.0, "95")] {
        let t = fit.intervalMultiplier(level: level)
        // Tolerance: 1e-8 relative for interval bounds (t quantile inversion to ~1e-12).
        #expect(Self.allClose(zip(mean, errors).map { $0 - t * $1 }, Self.values(expected["lower" + key]), 1e-8), "\(label) lower\(key)")
        #expect(Self.allClose(zip(mean, errors).map { $0 + t * $1 }, Self.values(expected["upper" + key]), 1e-8), "\(label) upper\(key)")
      }
    }
  }

  @Test func fourierColumnsFollowTheFormula() {
    let spec = TrendSpecification(period: 12, harmonics: 6)
    #expect(spec.parameterNames == ["a0", "a1", "b1", "c1", "b2", "c2", "b3", "c3", "b4", "c4", "b5", "c5", "c6"])
    let row = spec.row(at: 5)
    // Tolerance: 1e-12 absolute; sin(2π·5/12), cos(2π·2·5/12), cos(π·5).
    #expect(abs(row[2] - sin(2 * Double.pi * 5 / 12)) < 1e-12)
    #expect(abs(row[5] - cos(2 * Double.pi * 10 / 12)) < 1e-12)
    #expect(abs(row[12] - (-1)) < 1e-12)
    // Far-off times are reduced modulo the period, so the season repeats exactly.
    #expect(spec.row(at: 1_000_001).dropFirst(2).elementsEqual(spec.row(at: 5).dropFirst(2)))
  }
}
