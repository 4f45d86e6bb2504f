import Foundation
import Testing
import TrendCastTestSupport
@testable import TrendCastEtsPlugin

/// Automatic ETS against R 4.2.2 forecast 8.20 `ets(y)` (Tests/Reference/r_forecast.json).
@Suite struct ETSReferenceTests {
  static func seriesColumn(_ csv: String) -> String {
    switch csv {
    case "data/airpassengers.csv": return "passengers"
    case "data/wineind.csv": return "sales"
    case "data/nile.csv": return "volume"
    case "data/lynx.csv": return "trappings"
    case "data/shop_daily.csv": return "units"
    default: return ""
    }
  }

  struct Case: Sendable, CustomStringConvertible {
    var name: String
    var y: [Double]
    var period: Int
    var model: String
    var loglik: Double
    var aicc: Double
    var alpha: Double
    var mean: [Double]
    var lower95: [Double]
    var upper95: [Double]
    var description: String { name }
  }

  static func cases() throws -> [Case] {
    try ReferenceData.cases("r_forecast.json").compactMap { entry in
      guard let name = entry["series"] as? String, let csv = entry["csv"] as? String, let ets = entry.object("ets"),
        let frequency = entry.double("frequency") else { return nil }
      let column = name == "realcons" ? "realcons" : seriesColumn(csv)
      return Case(
        name: name, y: try ReferenceData.column(csv, column), period: Int(frequency), model: ets["model"] as? String ?? "",
        loglik: ets.double("loglik") ?? .nan, aicc: ets.double("aicc") ?? .nan, alpha: ets.object("par")?.double("alpha") ?? .nan,
        mean: ets.doubles("forecast_mean") ?? [], lower95: ets.doubles("lower95") ?? [], upper95: ets.doubles("upper95") ?? [])
    }
  }

  @Test(arguments: try cases())
  func automaticSelectionMatchesR(_ reference: Case) throws {
    let result = try ETSSelection.select(reference.y, pattern: .automatic, period: reference.period)
    #expect(result.best.spec.description == reference.model)
    // R's optimum: log-likelihood within 0.5, or better.
    #expect(result.best.logLikelihood > reference.loglik - 0.5)
    let best = result.best
    let forecast = ETSForecasting.forecast(
      spec: best.spec, parameters: best.parameters, state: best.finalState, sigma2: best.sigma2,
      horizon: reference.mean.count, levels: [95])
    for h in reference.mean.indices {
      // Forecasts within 3 % (reference README); interval bounds within 3 % of the interval width.
      #expect(abs(forecast.mean[h] - reference.mean[h]) <= 0.03 * abs(reference.mean[h]))
      let width = reference.upper95[h] - reference.lower95[h]
      #expect(abs(forecast.intervals[0].lower[h] - reference.lower95[h]) <= 0.03 * width)
      #expect(abs(forecast.intervals[0].upper[h] - reference.upper95[h]) <= 0.03 * width)
    }
  }
}
