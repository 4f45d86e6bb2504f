import Foundation
import Testing
import TrendCastCharts

/// The charts users look at, built from realistic data.
enum SampleCharts {
  static let kinds = ["line", "forecast", "bar", "histogram", "correlogram", "scatter", "seasonal"]

  static func chart(_ kind: String) -> Chart {
    switch kind {
    case "line":
      let air = Fixtures.airpassengers
      return Chart.line(
        x: air.dates,
        series: [("passengers", air.values), ("12-month mean", Fixtures.centredYearMean(air.values))],
        xScale: .dates(.month), title: "Airline passengers, 1949–1960"
      ).labelled(y: "passengers", yUnit: "thousands")
    case "forecast":
      let air = Fixtures.airpassengers
      let forecast = Fixtures.airpassengersForecast()
      return Chart.forecast(
        historyX: Array(air.dates.suffix(48)), history: Array(air.values.suffix(48)),
        forecastX: forecast.dates, mean: forecast.mean, intervals: forecast.intervals,
        xScale: .dates(.month), historyName: "passengers",
        title: "ARIMA(0,1,1)(0,1,1)[12] forecast of airline passengers"
      ).labelled(yUnit: "thousands")
    case "bar":
      let rules = Fixtures.topRules()
      return Chart.bar(labels: rules.labels, values: rules.lifts, title: "Top 10 rules of baskets_small by lift")
        .labelled(x: "lift")
    case "histogram":
      let shop = Fixtures.series("shop_daily.csv")
      return Chart.histogram(shop.values, title: "Units sold per day").labelled(x: "days")
    case "correlogram":
      let shop = Fixtures.series("shop_daily.csv")
      let lags = 28
      return Chart.correlogram(
        lags: (1...lags).map(Double.init), values: Fixtures.acf(shop.values, maxLag: lags),
        band: Chart.whiteNoiseBand(observations: shop.values.count), title: "ACF of shop_daily units")
    case "scatter":
      let macro = Fixtures.csv("macro.csv")
      let unemployment = macro.map { Double($0[3]) ?? .nan }
      let inflation = macro.map { Double($0[4]) ?? .nan }
      return Chart.scatter(x: unemployment, y: inflation, title: "US inflation against unemployment, 1959–2009")
        .labelled(x: "unemployment", xUnit: "%", y: "inflation", yUnit: "%")
    default:
      let air = Fixtures.airpassengers
      return Chart.seasonal(dates: air.dates, values: air.values, frequency: .month, title: "Airline passengers by month")
        .labelled(y: "passengers", yUnit: "thousands")
    }
  }
}

struct SnapshotCase: CustomTestStringConvertible, Sendable {
  let kind: String
  let width: Int
  let resolution: ChartStyle.Resolution
  var name: String { "\(kind)-\(width)-\(resolution.rawValue)" }
  var testDescription: String { name }

  static let all: [SnapshotCase] = SampleCharts.kinds.flatMap { kind in
    [40, 72, 100].flatMap { width in ChartStyle.Resolution.allCases.map { SnapshotCase(kind: kind, width: width, resolution: $0) } }
  }
}

@Suite struct SnapshotTests {
  @Test(arguments: SnapshotCase.all)
  func chartMatchesSnapshot(_ snapshot: SnapshotCase) {
    let style = ChartStyle(width: snapshot.width, resolution: snapshot.resolution, color: false)
    Snapshot.assertMatches(SampleCharts.chart(snapshot.kind).render(style), named: snapshot.name)
  }

  @Test func colouredForecastMatchesSnapshot() {
    let style = ChartStyle(width: 72, resolution: .braille, color: true)
    Snapshot.assertMatches(SampleCharts.chart("forecast").render(style), named: "forecast-72-braille-color")
  }

  @Test func dailyForecastMatchesSnapshot() {
    let shop = Fixtures.series("shop_daily.csv")
    let cases = (Fixtures.json("arima.json") as? [String: Any])?["cases"] as? [[String: Any]] ?? []
    let forecast = cases.first { ($0["series"] as? String) == "shop_daily" }?["forecast"] as? [String: Any] ?? [:]
    let mean = forecast["mean"] as? [Double] ?? []
    let last = shop.dates.last ?? 0
    let chart = Chart.forecast(
      historyX: Array(shop.dates.suffix(90)), history: Array(shop.values.suffix(90)),
      forecastX: mean.indices.map { last + 1 + Double($0) }, mean: mean,
      intervals: [80, 95].map { level in
        Chart.Interval(
          level: Double(level), lower: forecast["lower\(level)"] as? [Double] ?? [],
          upper: forecast["upper\(level)"] as? [Double] ?? [])
      },
      xScale: .dates(.day), historyName: "units", title: "shop_daily: last 90 days and a 28-day forecast")
    Snapshot.assertMatches(chart.render(ChartStyle(width: 72)), named: "forecast-daily-72-braille")
  }

  @Test func seasonalDailyMatchesSnapshot() {
    let shop = Fixtures.series("shop_daily.csv")
    let chart = Chart.seasonal(
      dates: Array(shop.dates.suffix(28)), values: Array(shop.values.suffix(28)), frequency: .day,
      title: "Units by weekday, last four weeks")
    Snapshot.assertMatches(chart.render(ChartStyle(width: 72)), named: "seasonal-daily-72-braille")
  }
}
