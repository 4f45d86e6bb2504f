import Foundation
import Testing

@testable import TrendCastNumerics

/// ndiffs, nsdiffs, OCSB, seasonal strength, na.interp and auto.arima's (d, D) against
/// R 4.2.2 / forecast 8.20 (Fixtures/make_r_fixtures.R → r_fixtures.json) and the orders in
/// Tests/Reference/r_forecast.json.
@Suite("Differencing orders")
struct DifferencingTests {
  struct Case: Decodable {
    let name: String
    let m: Int
    let x: [Double?]
    let ndiffs: Int
    let kpss_mu_stat: Double?
    let kpss_mu_lag: Int?
    let nsdiffs_seas: Int?
    let nsdiffs_ocsb: Int?
    let seasonal_strength: Double?
    let ocsb_stat: Double?
    let ocsb_crit: Double?
    let ocsb_lag: Int?
    let auto_arima_d: Int?
    let auto_arima_D: Int?
    var values: [Double] { x.map { $0 ?? .nan } }
  }
  struct Interp: Decodable {
    let name: String
    let m: Int
    let x: [Double?]
    let filled: [Double]
  }
  struct File: Decodable {
    let differencing: [Case]
    let differencing_gaps: [Case]
    let na_interp: [Interp]
  }
  static let file: File? = try? ReferenceData.fixture("r_fixtures.json", as: File.self)

  @Test func differenceMatchesDefinition() {
    // Exact integer arithmetic: tolerance 0.
    #expect(Differencing.difference([1, 4, 9, 16, 25]) == [3, 5, 7, 9])
    #expect(Differencing.difference([1, 4, 9, 16, 25], order: 2) == [2, 2, 2])
    #expect(Differencing.difference([1, 2, 3, 5, 8, 13], lag: 2) == [2, 3, 5, 8])
    #expect(Differencing.difference([1, 2], lag: 3) == [])
  }

  @Test func ndiffsAndKPSSMatchForecast() throws {
    let cases = try #require(Self.file).differencing
    for c in cases {
      #expect(Differencing.ndiffs(c.values) == c.ndiffs, "\(c.name) ndiffs")
      if let stat = c.kpss_mu_stat, let lag = c.kpss_mu_lag {
        let kpss = try KPSS.test(c.values, regression: .constant, lags: .forecastDefault)
        #expect(kpss.lags == lag, "\(c.name) urca lag")
        // urca and this code evaluate the same formula: 1e-9 relative.
        expectClose(kpss.statistic, stat, tolerance: 1e-9 * stat, "\(c.name) KPSS")
      }
    }
  }

  @Test func nsdiffsAndSeasonalStrengthMatchForecast() throws {
    let cases = try #require(Self.file).differencing.filter { $0.m > 1 }
    for c in cases {
      #expect(try Differencing.nsdiffs(c.values, period: c.m) == c.nsdiffs_seas, "\(c.name) nsdiffs seas")
      if let strength = c.seasonal_strength {
        // STL matches R to rounding, so the strength does too: 1e-8.
        expectClose(try Differencing.seasonalStrength(c.values, period: c.m), strength, tolerance: 1e-8, "\(c.name) strength")
      } else {
        #expect(throws: NumericsError.self) { try Differencing.seasonalStrength(c.values, period: c.m) }
      }
    }
  }

  @Test func ocsbMatchesForecast() throws {
    let cases = try #require(Self.file).differencing.filter { $0.m > 1 && $0.name != "wineind first 20" }
    // "wineind first 20" is left out: there R fits the lag-search regressions with fewer
    // observations than coefficients, and its choice rests on rounding noise.
    for c in cases {
      let result = try OCSB.test(c.values, period: c.m)
      #expect(result.lag == c.ocsb_lag, "\(c.name) OCSB lag")
      // Same regressions as R's lm: 1e-8 relative.
      let stat = c.ocsb_stat ?? .nan
      expectClose(result.statistic, stat, tolerance: 1e-8 * Swift.max(1, abs(stat)), "\(c.name) OCSB stat")
      expectClose(result.criticalValue, c.ocsb_crit ?? .nan, tolerance: 1e-12, "\(c.name) OCSB crit")
      #expect(try Differencing.nsdiffs(c.values, period: c.m, test: .ocsb) == c.nsdiffs_ocsb, "\(c.name) nsdiffs ocsb")
    }
  }

  @Test func autoArimaOrdersMatchR() throws {
    for c in try #require(Self.file).differencing {
      let orders = Differencing.autoArimaOrders(c.values, period: c.m)
      #expect(orders == DifferencingOrders(d: c.auto_arima_d ?? -1, seasonalD: c.auto_arima_D ?? -1), "\(c.name)")
    }
  }

  struct ForecastCase: Decodable {
    struct Auto: Decodable {
      let order: [Int]
      let seasonal_order: [Int]
    }
    let series: String
    let csv: String
    let frequency: Int
    let auto_arima: Auto
  }
  struct ForecastFile: Decodable { let cases: [ForecastCase] }

  @Test func referenceAutoArimaOrders() throws {
    let columns = ["airpassengers": "passengers", "wineind": "sales", "nile": "volume", "lynx": "trappings", "realcons": "realcons", "shop_daily": "units"]
    for c in try ReferenceData.reference("r_forecast.json", as: ForecastFile.self).cases {
      let column = try #require(columns[c.series])
      let x = try ReferenceData.column(c.csv, column)
      let orders = Differencing.autoArimaOrders(x, period: c.frequency)
      #expect(orders.d == c.auto_arima.order[1], "\(c.series) d")
      #expect(orders.seasonalD == c.auto_arima.seasonal_order[1], "\(c.series) D")
    }
  }

  @Test func seriesWithGaps() throws {
    let file = try #require(Self.file)
    for c in file.differencing_gaps {
      #expect(Differencing.ndiffs(c.values) == c.ndiffs, "\(c.name) ndiffs")
      #expect(try Differencing.nsdiffs(c.values, period: c.m) == c.nsdiffs_seas, "\(c.name) nsdiffs")
      // Seasonal interpolation matches na.interp to ~1e-8 (regression + robust STL), 1e-6 here.
      expectClose(try Differencing.seasonalStrength(c.values, period: c.m), c.seasonal_strength ?? .nan, tolerance: 1e-6, "\(c.name) strength")
    }
    for c in file.na_interp {
      let x = c.x.map { $0 ?? .nan }
      let filled = try MissingValues.interpolateSeasonally(x, period: c.m)
      let scale = Swift.max(1, c.filled.map(abs).max() ?? 1)
      expectClose(filled, c.filled, tolerance: 1e-6 * scale, "\(c.name) na.interp")
    }
  }

  @Test func edgeCases() throws {
    #expect(Differencing.ndiffs(Array(repeating: 3, count: 30)) == 0)
    #expect(Differencing.ndiffs([]) == 0)
    #expect(throws: NumericsError.self) { try Differencing.nsdiffs([1, 2, 3, 4], period: 1) }
    #expect(try Differencing.nsdiffs([1, 2, 3, 4], period: 4) == 0)
    #expect(Differencing.autoArimaOrders([.nan, .nan], period: 12) == DifferencingOrders(d: 0, seasonalD: 0))
    #expect(throws: NumericsError.self) { try MissingValues.interpolateLinearly([.nan]) }
    #expect(try MissingValues.interpolateLinearly([.nan, 1, .nan, 3, .nan]) == [1, 1, 2, 3, 3])
  }
}
