import Foundation
import Testing
import TrendCastDiagnosticsPlugin
import TrendCastTestSupport

/// The commands' numbers against statsmodels: Tests/Reference/diagnostics.json and, for series
/// it does not hold, Fixtures/heldout_statsmodels.json (made by make_statsmodels_fixtures.py).
/// Tolerances as Tests/Reference/README.md: ACF, PACF, Ljung-Box 1e-6; ADF and KPSS statistics
/// 1e-3 with the same lag choice.
struct DiagnosticsReferenceTests {
  typealias S = DiagnosticsSupport

  static func check(_ expected: [String: Any], heldOut: Bool) throws {
    guard let csv = expected["csv"] as? String, let column = expected["column"] as? String else {
      Issue.record("malformed case")
      return
    }
    let label = expected["series"] as? String ?? column
    let acfExpected = S.values(expected["acf"])
    let lags = acfExpected.count - 1
    let acf = try S.value("acf data.\(column) lags=\(lags)", csv: csv, as: Correlogram.self)
    // Tolerance 1e-6 absolute (statsmodels' lag 0 is left out: TrendCast shows lags 1…N).
    #expect(zip(acf.values, acfExpected.dropFirst()).allSatisfy { abs($0 - $1) <= 1e-6 } && acf.values.count == lags, "\(label) ACF")
    let pacf = try S.value("pacf data.\(column) lags=\(lags)", csv: csv, as: Correlogram.self)
    #expect(zip(pacf.values, S.values(expected["pacf"]).dropFirst()).allSatisfy { abs($0 - $1) <= 1e-6 } && pacf.values.count == lags, "\(label) PACF")

    for regression in heldOut ? ["c", "ct", "n"] : ["c"] {
      guard let adf = expected.object(heldOut ? "adf_\(regression)" : "adf") else { continue }
      let result = try S.value("test adf data.\(column) regression=\(regression)", csv: csv, as: TestResult.self)
      #expect(result.lags == (adf["usedlag"] as? NSNumber)?.intValue, "\(label) ADF \(regression) lag")
      // Tolerance 1e-3 absolute on the statistic; the p-value follows from it (1e-3 too).
      #expect(abs(result.statistic - (adf.double("stat") ?? .nan)) <= 1e-3, "\(label) ADF \(regression) statistic \(result.statistic)")
      #expect(abs(result.pValue - (adf.double("pvalue") ?? .nan)) <= 1e-3, "\(label) ADF \(regression) p-value")
    }
    for (type, key) in heldOut ? [("level", "kpss_c"), ("trend", "kpss_ct")] : [("level", "kpss_c")] {
      guard let kpss = expected.object(key) else { continue }
      let result = try S.value("test kpss data.\(column) type=\(type)", csv: csv, as: TestResult.self)
      #expect(result.lags == (kpss["lags"] as? NSNumber)?.intValue, "\(label) KPSS \(type) lags")
      #expect(abs(result.statistic - (kpss.double("stat") ?? .nan)) <= 1e-3, "\(label) KPSS \(type) statistic \(result.statistic)")
      if let p = kpss.double("pvalue") { #expect(abs(result.pValue - p) <= 1e-3, "\(label) KPSS \(type) p-value") }
    }
    let boxLags = heldOut ? [10, (expected["lags"] as? NSNumber)?.intValue ?? 10] : [10]
    for h in boxLags {
      guard let box = expected.object("ljungbox_\(h)") else { continue }
      let result = try S.value("test ljungbox data.\(column) lags=\(h)", csv: csv, as: TestResult.self)
      // Tolerance 1e-6 relative on Q, 1e-6 absolute on p.
      #expect(S.close(result.statistic, box.double("stat") ?? .nan, 1e-6), "\(label) Ljung-Box \(h)")
      #expect(abs(result.pValue - (box.double("pvalue") ?? .nan)) <= 1e-6, "\(label) Ljung-Box \(h) p-value")
    }
  }

  @Test func matchesDiagnosticsJSON() throws {
    let cases = try ReferenceData.cases("diagnostics.json")
    #expect(cases.count == 6)
    for expected in cases { try Self.check(expected, heldOut: false) }
  }

  @Test func matchesStatsmodelsOnHeldOutSeries() throws {
    let cases = try S.fixture("heldout_statsmodels.json")["cases"] as? [[String: Any]] ?? []
    #expect(cases.count == 6)
    for expected in cases { try Self.check(expected, heldOut: true) }
  }
}
