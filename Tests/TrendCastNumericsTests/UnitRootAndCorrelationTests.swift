import Foundation
import Testing

@testable import TrendCastNumerics

/// Tests/Reference/diagnostics.json (statsmodels 0.15) plus extra statsmodels cases from
/// Fixtures/make_python_fixtures.py. Tolerances from Tests/Reference/README.md: ACF, PACF,
/// Ljung–Box 1e-6; ADF and KPSS statistics 1e-3 with the same lag choice.
@Suite("ACF, PACF, portmanteau, ADF and KPSS")
struct UnitRootAndCorrelationTests {
  struct Stat: Decodable {
    let stat: Double
    let pvalue: Double?
    let usedlag: Int?
    let lags: Int?
    let nobs: Int?
    let crit: [Double]?
    let icbest: Double?
  }
  struct ReferenceCase: Decodable {
    let series: String
    let csv: String
    let column: String
    let acf: [Double]
    let pacf: [Double]
    let adf: Stat
    let kpss_c: Stat
    let ljungbox_10: Stat
  }
  struct ReferenceFile: Decodable { let cases: [ReferenceCase] }

  struct ExtraCase: Decodable {
    let series: String
    let csv: String
    let column: String
    let acf: [Double]
    let pacf: [Double]
    let ljungbox_5_fitdf2: Stat
    let boxpierce_5_fitdf2: Stat
    let adf: [String: Stat]
    let kpss: [String: Stat]
  }
  struct ExtraFile: Decodable { let diagnostics: [ExtraCase] }

  @Test func referenceDiagnostics() throws {
    for c in try ReferenceData.reference("diagnostics.json", as: ReferenceFile.self).cases {
      let x = try ReferenceData.column(c.csv, c.column)
      let acf = try Autocorrelation.acf(x, maxLag: c.acf.count - 1)
      expectClose(acf, c.acf, tolerance: 1e-6, "\(c.series) acf")
      let pacf = try Autocorrelation.pacf(x, maxLag: c.pacf.count - 1)
      expectClose(pacf, c.pacf, tolerance: 1e-6, "\(c.series) pacf")

      let lb = try Portmanteau.ljungBox(x, lags: 10)
      expectClose(lb.statistic, c.ljungbox_10.stat, tolerance: 1e-6 * Swift.max(1, c.ljungbox_10.stat), "\(c.series) LB")
      let p = c.ljungbox_10.pvalue ?? .nan
      // p-values down to 1e-177: compare relatively (1e-6).
      expectClose(lb.pValue, p, tolerance: 1e-6 * p + 1e-300, "\(c.series) LB p")

      let adf = try ADF.test(x, regression: .constant, lags: .aic(maxLag: nil))
      #expect(adf.usedLag == c.adf.usedlag, "\(c.series) ADF lag")
      expectClose(adf.statistic, c.adf.stat, tolerance: 1e-3, "\(c.series) ADF")
      expectClose(adf.pValue, c.adf.pvalue ?? .nan, tolerance: 1e-4, "\(c.series) ADF p")

      let kpss = try KPSS.test(x, regression: .constant, lags: .auto)
      #expect(kpss.lags == c.kpss_c.lags, "\(c.series) KPSS lags")
      expectClose(kpss.statistic, c.kpss_c.stat, tolerance: 1e-3, "\(c.series) KPSS")
    }
  }

  @Test func extraStatsmodelsCases() throws {
    for c in try ReferenceData.fixture("python_fixtures.json", as: ExtraFile.self).diagnostics {
      let x = try ReferenceData.column(c.csv, c.column)
      expectClose(try Autocorrelation.acf(x, maxLag: 20), c.acf, tolerance: 1e-6, "\(c.series) acf")
      expectClose(try Autocorrelation.pacf(x, maxLag: 20), c.pacf, tolerance: 1e-6, "\(c.series) pacf")
      let lb = try Portmanteau.ljungBox(x, lags: 5, fitdf: 2)
      let bp = try Portmanteau.boxPierce(x, lags: 5, fitdf: 2)
      #expect(lb.degreesOfFreedom == 3)
      expectClose(lb.statistic, c.ljungbox_5_fitdf2.stat, tolerance: 1e-6 * c.ljungbox_5_fitdf2.stat, "\(c.series) LB")
      expectClose(bp.statistic, c.boxpierce_5_fitdf2.stat, tolerance: 1e-6 * c.boxpierce_5_fitdf2.stat, "\(c.series) BP")
      let bpP = c.boxpierce_5_fitdf2.pvalue ?? .nan
      expectClose(bp.pValue, bpP, tolerance: 1e-6 * bpP + 1e-300, "\(c.series) BP p")

      for regression in DeterministicTerms.allCases {
        let tag = regression.rawValue
        let selections: [(String, ADFLagSelection)] = [("aic", .aic(maxLag: nil)), ("bic", .bic(maxLag: nil)), ("fixed3", .fixed(3))]
        for (name, selection) in selections {
          guard let expected = c.adf["\(tag)_\(name)"] else { continue }
          let result = try ADF.test(x, regression: regression, lags: selection)
          #expect(result.usedLag == expected.usedlag, "\(c.series) ADF \(tag) \(name) lag")
          #expect(result.observations == expected.nobs, "\(c.series) ADF \(tag) \(name) nobs")
          expectClose(result.statistic, expected.stat, tolerance: 1e-3, "\(c.series) ADF \(tag) \(name)")
          expectClose(result.pValue, expected.pvalue ?? .nan, tolerance: 1e-4, "\(c.series) ADF \(tag) \(name) p")
          if let crit = expected.crit {
            let cv = result.criticalValues
            expectClose([cv.onePercent, cv.fivePercent, cv.tenPercent], crit, tolerance: 1e-9, "\(c.series) ADF crit")
          }
          if let ic = expected.icbest {
            expectClose(result.bestInformationCriterion ?? .nan, ic, tolerance: 1e-6, "\(c.series) ADF icbest")
          }
        }
      }
      for regression in [DeterministicTerms.constant, .constantAndTrend] {
        let rules: [(String, KPSSLagRule)] = [("auto", .auto), ("legacy", .legacy), ("4", .fixed(4))]
        for (name, rule) in rules {
          guard let expected = c.kpss["\(regression.rawValue)_\(name)"] else { continue }
          let result = try KPSS.test(x, regression: regression, lags: rule)
          #expect(result.lags == expected.lags, "\(c.series) KPSS \(regression.rawValue) \(name) lags")
          expectClose(result.statistic, expected.stat, tolerance: 1e-3, "\(c.series) KPSS \(regression.rawValue) \(name)")
          expectClose(result.pValue, expected.pvalue ?? .nan, tolerance: 1e-9, "\(c.series) KPSS p")
        }
      }
    }
  }

  @Test func badInputThrows() {
    #expect(throws: NumericsError.self) { try Autocorrelation.acf([.nan, .nan]) }
    #expect(throws: NumericsError.self) { try Autocorrelation.acf([2, 2, 2, 2]) }
    #expect(throws: NumericsError.self) { try ADF.test([1, 2, 3]) }
    #expect(throws: NumericsError.self) { try ADF.test(Array(repeating: 5, count: 50)) }
    #expect(throws: NumericsError.self) { try KPSS.test([1, 2, 3, 4], regression: .none) }
    #expect(throws: NumericsError.self) { try Portmanteau.ljungBox([1, 2, 3, 4, 5], lags: 3, fitdf: 3) }
  }

  @Test func kpssFlagsValuesOutsideTable() throws {
    let trending = (0..<200).map { Double($0) + sin(Double($0)) }
    let result = try KPSS.test(trending, regression: .constant, lags: .short)
    #expect(result.pValue == 0.01)
    #expect(result.pValueOutsideTable)
    #expect(result.lags == Int(4 * pow(2.0, 0.25)))
  }

  @Test func durbinLevinsonRecoversAR1() {
    // γ(k) = φ^k / (1 − φ²) for an AR(1): PACF φ then zeros.
    let phi = 0.6
    let gamma = (0...4).map { pow(phi, Double($0)) / (1 - phi * phi) }
    let dl = DurbinLevinson(autocovariances: gamma)
    expectClose(dl.partialAutocorrelations, [0.6, 0, 0, 0], tolerance: 1e-14, "pacf")
    expectClose(dl.innovationVariances.last ?? .nan, 1, tolerance: 1e-14, "sigma2")
  }
}
