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
    for candidate in result.candidates {
      print(reference.name, candidate.spec, candidate.fit.map { "\($0.aicc) \($0.logLikelihood) \($0.parameters)" } ?? candidate.failure ?? "")
    }
    #expect(result.best.spec.description == reference.model)
    // R's optimum: log-likelihood within 0.5, or better.
    #expect(result.best.logLikelihood > reference.loglik - 0.5)
  }
}
