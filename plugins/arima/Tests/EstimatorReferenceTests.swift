import Foundation
import Testing
import TrendCastTestSupport

@testable import TrendCastArimaPlugin

@Test func debugPrintFits() throws {
  for item in try ReferenceData.cases("arima.json") {
    let series = item["series"] as? String ?? ""
    var y = try ReferenceSeries.values(csv: item["csv"] as? String ?? "", series: series)
    if item["transform"] as? String == "log" { y = y.map { log($0) } }
    let order = ReferenceSeries.order(item)
    var regressors: [[Double]] = []
    var names: [String] = []
    switch item["trend"] as? String {
    case "c": regressors = [y.map { _ in 1 }]; names = ["intercept"]
    case "t": regressors = [y.indices.map { Double($0 + 1) }]; names = ["drift"]
    default: break
    }
    let start = Date()
    let fit = try ARIMAEstimator.fit(y, order: order, regressors: regressors, regressorNames: names)
    let elapsed = Date().timeIntervalSince(start)
    print(series, order, fit.logLikelihood ?? .nan, item.double("loglik") ?? .nan, fit.parameters, item.object("params") ?? [:], fit.standardErrors ?? [], fit.converged, fit.iterations, String(format: "%.4f s", elapsed))
  }
}

@Test func debugPrintAuto() throws {
  for item in try ReferenceData.cases("r_forecast.json") {
    let series = item["series"] as? String ?? ""
    let y = try ReferenceSeries.values(csv: item["csv"] as? String ?? "", series: series)
    let period = (item["frequency"] as? Int) ?? 1
    let start = Date()
    let result = try AutoARIMA.search(y, period: period)
    let elapsed = Date().timeIntervalSince(start)
    let r = item.object("auto_arima") ?? [:]
    print(series, result.fit.order, result.includeMean, result.includeDrift, result.report.chosen.criterion ?? .nan, "R:", r.ints("order") ?? [], r.ints("seasonal_order") ?? [], r["constant"] ?? "", r.double("aicc") ?? .nan, "d", result.report.d, "D", result.report.seasonalD, "models", result.report.tried.count, String(format: "%.3f s", elapsed))
  }
}
