import Foundation
import TrendCastCharts

/// Realistic chart data read from Tests/Reference (parsed simply: these files are tidy).
enum Fixtures {
  static let reference = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Reference")

  /// Rows of a CSV file under Reference/data, header dropped, split on commas.
  static func csv(_ name: String) -> [[String]] {
    let url = reference.appendingPathComponent("data").appendingPathComponent(name)
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }

  static func json(_ name: String) -> Any? {
    guard let data = try? Data(contentsOf: reference.appendingPathComponent(name)) else { return nil }
    return try? JSONSerialization.jsonObject(with: data)
  }

  /// Days since 1970-01-01 of an ISO date, computed with Foundation's calendar (independent
  /// of the chart module's own calendar code).
  static func epochDay(_ iso: String) -> Double {
    let parts = iso.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return .nan }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
    guard let date = calendar.date(from: components) else { return .nan }
    return (date.timeIntervalSince1970 / 86_400).rounded()
  }

  /// A dated series: epoch days and values (NaN for an empty cell).
  static func series(_ name: String, column: Int = 1) -> (dates: [Double], values: [Double]) {
    let rows = csv(name)
    return (rows.map { epochDay($0[0]) }, rows.map { $0.count > column ? Double($0[column]) ?? .nan : .nan })
  }

  static var airpassengers: (dates: [Double], values: [Double]) { series("airpassengers.csv") }

  /// The first day of the month `months` after the month of `epochDay`.
  static func addingMonths(_ months: Int, to epochDay: Double) -> Double {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let date = Date(timeIntervalSince1970: epochDay * 86_400)
    guard let moved = calendar.date(byAdding: .month, value: months, to: date) else { return .nan }
    return (moved.timeIntervalSince1970 / 86_400).rounded()
  }

  /// statsmodels' forecast of airpassengers (ARIMA(0,1,1)(0,1,1)12 on the log scale, from
  /// arima.json), taken back to passengers: mean and 80 % and 95 % intervals, 24 months.
  static func airpassengersForecast() -> (dates: [Double], mean: [Double], intervals: [Chart.Interval]) {
    let cases = (json("arima.json") as? [String: Any])?["cases"] as? [[String: Any]] ?? []
    let first = cases.first { ($0["series"] as? String) == "airpassengers" && ($0["transform"] as? String) == "log" }
    let forecast = first?["forecast"] as? [String: Any] ?? [:]
    func column(_ key: String) -> [Double] { (forecast[key] as? [Double] ?? []).map(exp) }
    let last = airpassengers.dates.last ?? 0
    let dates = (1...column("mean").count).map { addingMonths($0, to: last) }
    return (dates, column("mean"), [
      Chart.Interval(level: 80, lower: column("lower80"), upper: column("upper80")),
      Chart.Interval(level: 95, lower: column("lower95"), upper: column("upper95")),
    ])
  }

  /// mlxtend's ten rules of highest lift on baskets_small, labelled "SKU0072 → SKU0028".
  static func topRules() -> (labels: [String], lifts: [Double]) {
    let mlxtend = (json("baskets_small.expected.json") as? [String: Any])?["mlxtend"] as? [String: Any]
    let rules = (mlxtend?["top30_by_lift"] as? [[String: Any]] ?? []).prefix(10)
    func sku(_ items: Any?) -> String {
      (items as? [Int] ?? []).map { "SKU" + String(repeating: "0", count: max(4 - String($0).count, 0)) + String($0) }
        .joined(separator: ", ")
    }
    return (rules.map { sku($0["antecedent"]) + " → " + sku($0["consequent"]) }, rules.map { $0["lift"] as? Double ?? .nan })
  }

  /// The sample autocorrelations of `values` at lags 1...maxLag (NaN dropped first).
  static func acf(_ values: [Double], maxLag: Int) -> [Double] {
    let data = values.filter { !$0.isNaN }
    let mean = data.reduce(0, +) / Double(data.count)
    let denominator = data.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (1...maxLag).map { lag in
      (lag..<data.count).reduce(0) { $0 + (data[$1] - mean) * (data[$1 - lag] - mean) } / denominator
    }
  }

  /// A centred 2×12 moving average (NaN for the first and last six months).
  static func centredYearMean(_ values: [Double]) -> [Double] {
    values.indices.map { i in
      guard i >= 6, i + 6 < values.count else { return .nan }
      let inner = values[(i - 5)...(i + 5)].reduce(0, +)
      return (inner + (values[i - 6] + values[i + 6]) / 2) / 12
    }
  }
}
