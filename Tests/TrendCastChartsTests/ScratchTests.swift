import Testing
import TrendCastCharts

@Test func scratchPrint() {
  let charts: [(String, Chart, ChartStyle)] = [
    ("empty", .line([]), ChartStyle(width: 40)),
    ("allnan", .line([.nan, .nan]), ChartStyle(width: 40)),
    ("one", .line([5]), ChartStyle(width: 40)),
    ("const", .line([3, 3, 3, 3]), ChartStyle(width: 40, height: 5)),
    ("huge", .line([-1e12, 1e12, 5e11, -3e11]), ChartStyle(width: 40, height: 6)),
    ("narrow", .line([1, 4, 2, 8, 5, 7]), ChartStyle(width: 5)),
    ("h1", .line([1, 4, 2, 8, 5, 7]), ChartStyle(width: 30, height: 1)),
    ("h2", .line([1, 4, 2, 8, 5, 7]), ChartStyle(width: 30, height: 2, resolution: .ascii)),
    ("gaps", .line([1, 2, .nan, 4, 5, .nan, 7, .nan, 6, 5]), ChartStyle(width: 40, height: 6)),
    ("neg bars", .bar(labels: ["a", "牛奶咖啡豆 long name", "c"], values: [-3, 5, 0.1]), ChartStyle(width: 30)),
    ("1e12 near", .line([1e12, 1e12 + 1, 1e12 + 3]), ChartStyle(width: 40, height: 6)),
    ("dates one", .line([5], x: [19000], xScale: .dates(.month)), ChartStyle(width: 40, height: 4)),
    ("hist const", .histogram([2, 2, 2]), ChartStyle(width: 40)),
    ("hist empty", .histogram([]), ChartStyle(width: 40)),
  ]
  for (name, chart, style) in charts {
    print("=== \(name)\n" + chart.render(style))
  }
}
