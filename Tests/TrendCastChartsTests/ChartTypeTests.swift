import Testing
@testable import TrendCastCharts

@Suite struct ChartTypeTests {
  @Test func forecastHasBandsMarkerAndLinesInDrawingOrder() {
    let chart = Chart.forecast(
      historyX: [0, 1, 2], history: [1, 2, 3], forecastX: [3, 4], mean: [4, 5],
      intervals: [Chart.Interval(level: 80, lower: [3, 4], upper: [5, 6]), Chart.Interval(level: 95, lower: [2, 3], upper: [6, 7])],
      actuals: [Chart.Series(name: "test", x: [3, 4], y: [4.5, 4.8])])
    let kinds = chart.layers.map { layer -> String in
      switch layer {
      case .band(let b): return "band\(Int(b.level ?? 0))"
      case .marker(let m): return "marker\(Int(m.x))"
      case .line(let s): return s.name ?? "line"
      default: return "other"
      }
    }
    #expect(kinds == ["band80", "band95", "marker2", "history", "forecast", "test"])
    #expect(chart.bandRanks() == [1: 0, 0: 1])
  }

  @Test(arguments: ChartStyle.Resolution.allCases)
  func forecastBandsAreDistinguishableAndExplained(_ resolution: ChartStyle.Resolution) {
    let chart = Chart.forecast(
      historyX: (0..<30).map(Double.init), history: (0..<30).map { 10 + Double($0 % 7) },
      forecastX: (30..<45).map(Double.init), mean: Array(repeating: 13, count: 15),
      intervals: [
        Chart.Interval(level: 80, lower: (1...15).map { 13 - Double($0) * 0.3 }, upper: (1...15).map { 13 + Double($0) * 0.3 }),
        Chart.Interval(level: 95, lower: (1...15).map { 13 - Double($0) * 0.6 }, upper: (1...15).map { 13 + Double($0) * 0.6 }),
      ])
    let text = chart.render(ChartStyle(width: 60, resolution: resolution))
    let (light, medium, marker): (String, String, String) = resolution == .ascii ? (".", ":", "|") : ("░", "▒", "┊")
    let plot = text.components(separatedBy: "\n").dropLast(3).joined()
    #expect(plot.contains(light) && plot.contains(medium) && plot.contains(marker))
    #expect(text.contains(medium + medium + " 80% interval"))
    #expect(text.contains(light + light + " 95% interval"))
    #expect(text.contains(marker + " origin 29"))
  }

  @Test func histogramBinsFollowTheRules() {
    let values = (0..<100).map { Double($0) }
    // Sturges: ⌈log₂ 100⌉ + 1 = 8 bins → width ≥ 99/8 → 20 → edges 0, 20 … 100.
    #expect(Chart.histogramEdges(values, bins: .sturges) == [0, 20, 40, 60, 80, 100])
    // Freedman–Diaconis: IQR 49.5, width 2·49.5·100^(-1/3) ≈ 21.3 → 5 bins → width 20.
    #expect(Chart.freedmanDiaconisCount(values, low: 0, high: 99) == 5)
    #expect(Chart.histogramEdges(values, bins: .count(4)) == [0, 24.75, 49.5, 74.25, 99])
    #expect(Chart.histogramEdges(values, bins: .edges([0, 50, 200])) == [0, 50, 200])
    #expect(Chart.histogramEdges([3, 3, 3], bins: .auto) == [2.85, 3.15])
  }

  @Test func histogramCountsEveryValueOnce() {
    let values = (0..<100).map { Double($0) } + [.nan, .infinity]
    guard case .bars(let bars) = Chart.histogram(values, bins: .sturges).layers.first else {
      Issue.record("histogram has no bars")
      return
    }
    #expect(bars.values.reduce(0, +) == 100)
    #expect(bars.values == [20, 20, 20, 20, 20])
    #expect(bars.labels == ["[0, 20)", "[20, 40)", "[40, 60)", "[60, 80)", "[80, 100]"])
  }

  @Test func correlogramHasZeroLineBandAndStems() {
    let chart = Chart.correlogram(lags: [1, 2, 3], values: [0.5, -0.2, 0.1], band: 0.196)
    #expect(chart.layers.count == 4)
    #expect(chart.layers.first == .rule(Chart.Rule(y: 0, dashed: false)))
    #expect(chart.layers.contains(.rule(Chart.Rule(name: "±0.2 significance", y: 0.196))))
    #expect(chart.layers.contains(.rule(Chart.Rule(y: -0.196))))
    #expect(Chart.whiteNoiseBand(observations: 100) == 0.196)
    #expect(Chart.whiteNoiseBand(observations: 0) == nil)
  }

  @Test func seasonalPlotCutsMonthlyDataIntoYears() {
    let air = Fixtures.airpassengers
    let chart = Chart.seasonal(dates: air.dates, values: air.values, frequency: .month)
    #expect(chart.layers.count == 12)
    #expect(chart.layers.first?.name == "1949" && chart.layers.last?.name == "1960")
    if case .line(let first) = chart.layers.first {
      #expect(first.x == (0..<12).map(Double.init))
      #expect(first.y == Array(air.values.prefix(12)))
    }
    #expect(chart.x.scale == .categories(Chart.monthNames))
    #expect(chart.lineLabels == .lineEnds)
  }

  @Test func seasonalPlotCutsDailyDataIntoIsoWeeks() {
    // 2024-01-01 is a Monday: 14 days make the two weeks 2024-W01 and 2024-W02.
    let start = Double(CivilDate(year: 2024, month: 1, day: 1).epochDay)
    let chart = Chart.seasonal(dates: (0..<14).map { start + Double($0) }, values: (0..<14).map(Double.init), frequency: .day)
    #expect(chart.layers.map(\.name) == ["2024-W01", "2024-W02"])
    if case .line(let second) = chart.layers.last { #expect(second.x == (0..<7).map(Double.init)) }
  }

  @Test func seasonalPlotCutsHourlyDataIntoDays() {
    let start = Double(CivilDate(year: 2024, month: 3, day: 4).epochDay)
    let chart = Chart.seasonal(dates: (0..<30).map { start + Double($0) / 24 }, values: (0..<30).map(Double.init), frequency: .hour)
    #expect(chart.layers.map(\.name) == ["2024-03-04", "2024-03-05"])
    if case .line(let first) = chart.layers.first { #expect(first.x == (0..<24).map(Double.init)) }
  }

  @Test func overlayKeepsTheFirstChartsAxesAndAddsLayers() {
    let base = Chart.line([1, 2, 3], title: "base").labelled(y: "units")
    let combined = base.overlaid(with: .scatter(x: [0, 1], y: [2, 2], name: "actual"))
    #expect(combined.title == "base" && combined.y.label == "units")
    #expect(combined.layers.count == 2)
  }

  @Test func seriesDrawWithDistinctMarksWithoutColour() {
    let chart = Chart.line(x: [0, 1, 2, 3], series: [("a", [0, 1, 2, 3]), ("b", [3, 2, 1, 0]), ("c", [1, 1, 1, 1])])
    let braille = chart.render(ChartStyle(width: 40, resolution: .braille))
    #expect(braille.contains("⠒⠒⠒ a") && braille.contains("⠒⠂⠒ b") && braille.contains("⠂⠂⠂ c"))
    let ascii = chart.render(ChartStyle(width: 40, resolution: .ascii))
    #expect(ascii.contains("*** a") && ascii.contains("+++ b") && ascii.contains("ooo c"))
  }
}
