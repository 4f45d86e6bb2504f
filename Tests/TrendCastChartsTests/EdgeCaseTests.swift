import Testing
import TrendCastCharts

/// Awkward inputs render something sensible, within the width, without trapping.
@Suite struct EdgeCaseTests {
  func lines(_ chart: Chart, _ style: ChartStyle) -> [String] {
    chart.render(style).components(separatedBy: "\n")
  }

  func fits(_ text: [String], _ width: Int) -> Bool {
    text.allSatisfy { TerminalText.width(of: $0) <= width }
  }

  @Test(arguments: ChartStyle.Resolution.allCases)
  func emptyAndAllMissingDataSayNoData(_ resolution: ChartStyle.Resolution) {
    let style = ChartStyle(width: 40, resolution: resolution)
    for chart in [Chart.line([]), .line([.nan, .nan]), .histogram([]), .bar(labels: [], values: []),
                  .forecast(historyX: [], history: [], forecastX: [], mean: []), .scatter(x: [.nan], y: [1])] {
      let text = lines(chart, style)
      #expect(text.contains { $0.contains("no data") })
      #expect(fits(text, 40))
    }
  }

  @Test func onePointIsDrawnAsADot() {
    let text = lines(.line([5]), ChartStyle(width: 40, height: 9))
    #expect(text.filter { $0.contains("⠐") || $0.contains("⠂") || $0.contains("⡀") || $0.contains("⠈") }.count == 1)
    #expect(text.contains { $0.hasPrefix("  5 ┤") })
  }

  @Test func constantSeriesIsAFlatLineLabelledWithItsValue() {
    let text = lines(.line([3, 3, 3, 3]), ChartStyle(width: 40, height: 5))
    let row = text.first { $0.hasPrefix("  3 ┤") }
    #expect(row?.contains("⠒⠒⠒⠒") == true)
  }

  @Test func hugeValuesAndNegativesGetCompactLabels() {
    let text = lines(.line([-1e12, 1e12, 5e11, -3e11]), ChartStyle(width: 40, height: 6))
    #expect(text.contains { $0.hasPrefix(" 1T ┤") })
    #expect(text.contains { $0.hasPrefix("-1T ┤") })
  }

  @Test func nearlyConstantHugeValuesUseAnOffset() {
    let text = lines(.line([1e12, 1e12 + 1, 1e12 + 3]), ChartStyle(width: 40, height: 6))
    #expect(text.first == "(ticks + 1T)")
    #expect(text.contains { $0.hasPrefix("+2 ┤") })
  }

  @Test func missingValuesLeaveGaps() {
    let joined = lines(.line([1, 1, .nan, 1, 1], x: [0, 1, 2, 3, 4]), ChartStyle(width: 40, height: 3, resolution: .ascii))
    let row = joined.first { $0.contains("*") } ?? ""
    // Two runs of marks with blanks between them where the NaN is.
    #expect(row.split(separator: " ", omittingEmptySubsequences: true).filter { $0.contains("*") }.count == 2)
  }

  @Test(arguments: [-3, 0, 5, 19])
  func narrowWidthsAreClampedToTheMinimum(_ width: Int) {
    let chart = Chart.line([1, 4, 2, 8], xScale: .numeric, title: "A title much longer than twenty columns")
    let text = lines(chart, ChartStyle(width: width))
    #expect(fits(text, ChartStyle.minimumWidth))
    #expect(text.contains { TerminalText.width(of: $0) == ChartStyle.minimumWidth || $0.hasSuffix("…") })
  }

  @Test func heightOneStillHasATickAndAnAxis() {
    let text = lines(.line([1, 4, 2, 8, 5, 7]), ChartStyle(width: 30, height: 1))
    #expect(text.count == 3)
    #expect(text[0].contains("┤"))
    #expect(text[1].hasPrefix("  └"))
  }

  @Test func defaultHeightFollowsTheWidth() {
    #expect(ChartStyle.defaultPlotRows(forWidth: 40) == 10)
    #expect(ChartStyle.defaultPlotRows(forWidth: 72) == 18)
    #expect(ChartStyle.defaultPlotRows(forWidth: 100) == 20)
    #expect(ChartStyle.defaultPlotRows(forWidth: 20) == 5)
    // Plot rows = lines minus axis line and tick labels.
    #expect(lines(.line([1, 2, 3]), ChartStyle(width: 72)).count == 18 + 2)
  }

  @Test func wideLabelsAreMeasuredInColumns() {
    let chart = Chart.bar(labels: ["牛奶咖啡豆 long name", "a"], values: [5, -3])
    for resolution in ChartStyle.Resolution.allCases {
      let text = lines(chart, ChartStyle(width: 30, resolution: resolution))
      #expect(fits(text, 30))
      if resolution != .ascii { #expect(text[0].hasPrefix("牛奶咖啡豆")) }
    }
  }

  @Test func colourAppearsOnlyWhenAsked() {
    let chart = Chart.line(x: [0, 1, 2], series: [("a", [1, 2, 3]), ("b", [3, 2, 1])])
    #expect(!chart.render(ChartStyle(width: 40, color: false)).contains("\u{1B}["))
    let coloured = chart.render(ChartStyle(width: 40, color: true))
    #expect(coloured.contains("\u{1B}[34m") && coloured.contains("\u{1B}[31m") && coloured.contains("\u{1B}[0m"))
    #expect(coloured.components(separatedBy: "\n").allSatisfy { TerminalText.width(of: $0) <= 40 })
  }

  @Test func colourRuleFollowsTheConventions() {
    #expect(ChartStyle.colorEnabled(isTerminal: true, environment: [:], noColorFlag: false))
    #expect(!ChartStyle.colorEnabled(isTerminal: false, environment: [:], noColorFlag: false))
    #expect(!ChartStyle.colorEnabled(isTerminal: true, environment: ["NO_COLOR": "1"], noColorFlag: false))
    #expect(ChartStyle.colorEnabled(isTerminal: true, environment: ["NO_COLOR": ""], noColorFlag: false))
    #expect(!ChartStyle.colorEnabled(isTerminal: true, environment: [:], noColorFlag: true))
  }
}
