import Foundation
import Testing
import TrendCastDiagnosticsPlugin
import TrendCastTestSupport

/// Ljung-Box on model residuals against R's checkresiduals, and decompositions against R's
/// mstl and decompose (Fixtures/decompose_r.json from make_r_fixtures.R; the baselines'
/// checkresiduals figures come from plugins/baseline/Tests/Fixtures/baselines_r.json).
struct ResidualAndDecompositionTests {
  typealias S = DiagnosticsSupport

  @Test func ljungBoxOnBaselineResidualsMatchesCheckresiduals() throws {
    let cases = try S.fixture("baselines_r.json", plugin: "baseline")["cases"] as? [[String: Any]] ?? []
    #expect(cases.count == 19)
    for expected in cases {
      guard let csv = expected["csv"] as? String, let column = expected["column"] as? String, let method = expected["method"] as? String,
            let box = expected.object("ljungbox") else { continue }
      let label = "\(expected["series"] ?? "") \(method)"
      let result = try S.value("fit \(method) data.\(column) |> test ljungbox", csv: csv, as: TestResult.self)
      // Same lag rule and degrees of freedom as checkresiduals; Q within 1e-6 relative.
      #expect(result.lags == (box["lags"] as? NSNumber)?.intValue, "\(label) lags")
      #expect(S.close(result.statistic, box.double("statistic") ?? .nan, 1e-6), "\(label) Q \(result.statistic)")
      #expect(abs(result.pValue - (box.double("pvalue") ?? .nan)) <= 1e-6, "\(label) p")
    }
  }

  @Test func ljungBoxOnTrendResidualsUsesTheCoefficientCount() throws {
    let cases = try S.fixture("decompose_r.json")["ljungbox"] as? [[String: Any]] ?? []
    #expect(cases.count == 2)
    for expected in cases {
      guard let csv = expected["csv"] as? String, let column = expected["column"] as? String else { continue }
      let result = try S.value("fit trend data.\(column) harmonics=2 |> test ljungbox", csv: csv, as: TestResult.self)
      // df = lags − the number of coefficients (6, or 5 when 2K = period drops a sine).
      let fitdf = (expected["fitdf"] as? NSNumber)?.intValue ?? 0
      #expect(result.lags - fitdf == (expected["df"] as? NSNumber)?.intValue, "\(column) df")
      #expect(S.close(result.statistic, expected.double("statistic") ?? .nan, 1e-6), "\(column) Q")
    }
  }

  @Test func decompositionsMatchR() throws {
    let cases = try S.fixture("decompose_r.json")["decompositions"] as? [[String: Any]] ?? []
    #expect(cases.count == 10)
    for expected in cases {
      guard let csv = expected["csv"] as? String, let column = expected["column"] as? String, let method = expected["method"] as? String,
            let type = expected["type"] as? String else { continue }
      let label = "\(expected["series"] ?? "") \(method) \(type)"
      let d = try S.value("decompose data.\(column) method=\(method) type=\(type)", csv: csv, as: Decomposition.self)
      // Tolerance 1e-8 relative: STL and decompose are computed exactly as R does.
      #expect(S.allClose(d.trend, S.values(expected["trend"]), 1e-8), "\(label) trend")
      #expect(S.allClose(d.season, S.values(expected["season"]), 1e-8), "\(label) season")
      #expect(S.allClose(d.remainder, S.values(expected["remainder"]), 1e-8), "\(label) remainder")
      #expect(S.close(d.trendStrength ?? .nan, expected.double("trend_strength") ?? .nan, 1e-8), "\(label) trend strength")
      #expect(S.close(d.seasonStrength ?? .nan, expected.double("season_strength") ?? .nan, 1e-8), "\(label) season strength")
    }
  }
}
