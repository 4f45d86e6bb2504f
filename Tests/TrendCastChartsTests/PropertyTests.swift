import Testing
import TrendCastCharts
@testable import TrendCastCharts

/// A small deterministic generator (SplitMix64), so every run checks the same cases.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Random charts of every type with awkward data: NaN, infinities, constants, huge and
/// negative values, empty arrays, mismatched lengths, wide and control characters.
enum RandomCharts {
  static func values(_ g: inout SeededGenerator, count: Int) -> [Double] {
    let scale: Double = [1.0, 1e-6, 1e3, 1e12, 1e250].randomElement(using: &g) ?? 1
    let offset: Double = [0.0, 1e12, -5, 1e300].randomElement(using: &g) ?? 0
    let constant = Int.random(in: 0..<8, using: &g) == 0
    return (0..<count).map { _ in
      switch Int.random(in: 0..<20, using: &g) {
      case 0: return .nan
      case 1:
        let special: [Double] = [.infinity, -.infinity, 1e308, -0.0]
        return special.randomElement(using: &g) ?? 0
      default:
        let noise: Double = scale * Double.random(in: -1...1, using: &g)
        return constant ? offset : offset + noise
      }
    }
  }

  static func label(_ g: inout SeededGenerator) -> String {
    let pieces = ["SKU0072", " → ", "牛奶", "咖啡豆", "é", "\u{1B}[31m", "\n", "\t", "🍎", "a\u{301}", "—", "long label text here", ""]
    return (0..<Int.random(in: 0...4, using: &g)).map { _ in pieces.randomElement(using: &g) ?? "" }.joined()
  }

  static func chart(_ g: inout SeededGenerator) -> Chart {
    let n = [0, 1, 2, 3, 10, 50, 400].randomElement(using: &g) ?? 0
    let ys = values(&g, count: n)
    let xs = Int.random(in: 0..<3, using: &g) == 0
      ? values(&g, count: max(n + Int.random(in: -1...1, using: &g), 0))
      : (0..<n).map { 19_000 + Double($0) * (Double.random(in: 0..<2, using: &g) < 1 ? 1 : 30.4) }
    let frequency = Chart.Frequency.allCases.randomElement(using: &g) ?? .none
    let scale: Chart.AxisScale = [.numeric, .dates(frequency), .categories(["Jan", "Feb", "牛奶"])].randomElement(using: &g) ?? .numeric
    var chart: Chart
    switch Int.random(in: 0..<7, using: &g) {
    case 0: chart = .line(x: xs, series: [(label(&g), ys), (label(&g), values(&g, count: n))], xScale: scale)
    case 1:
      let lower = ys.map { $0 - 1 }, upper = ys.map { $0 * 2 }
      chart = .forecast(
        historyX: xs, history: values(&g, count: n), forecastX: xs.map { $0 + 500 }, mean: ys,
        intervals: [Chart.Interval(level: 80, lower: lower, upper: upper), Chart.Interval(level: 95, lower: values(&g, count: n), upper: upper)],
        actuals: [Chart.Series(name: label(&g), x: xs, y: ys)], xScale: scale)
    case 2: chart = .bar(labels: (0..<n).map { _ in label(&g) }, values: ys)
    case 3: chart = .histogram(ys, bins: [.auto, .sturges, .freedmanDiaconis, .count(Int.random(in: -2...50, using: &g)), .edges(values(&g, count: 4))].randomElement(using: &g) ?? .auto)
    case 4: chart = .correlogram(lags: xs, values: ys, band: values(&g, count: 1).first)
    case 5: chart = .scatter(x: xs, y: ys, name: label(&g))
    default: chart = .seasonal(dates: xs, values: ys, frequency: frequency)
    }
    if Bool.random(using: &g) { chart = chart.labelled(title: label(&g), x: label(&g), xUnit: label(&g), y: label(&g), yUnit: label(&g)) }
    return chart
  }

  static func style(_ g: inout SeededGenerator) -> ChartStyle {
    ChartStyle(
      width: [-5, 0, 1, 19, 20, 21, 33, 40, 72, 100, 157].randomElement(using: &g) ?? 72,
      height: [nil, -1, 0, 1, 2, 3, 7, 40].randomElement(using: &g) ?? nil,
      resolution: ChartStyle.Resolution.allCases.randomElement(using: &g) ?? .braille,
      color: Bool.random(using: &g))
  }
}

@Suite struct PropertyTests {
  static let caseCount = 600

  @Test func linesFitTheWidthAndAsciiStaysSevenBit() {
    var g = SeededGenerator(state: 2024)
    for i in 0..<Self.caseCount {
      let chart = RandomCharts.chart(&g)
      let style = RandomCharts.style(&g)
      let text = chart.render(style)
      let limit = max(style.width, ChartStyle.minimumWidth)
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let width = TerminalText.width(of: String(line))
        #expect(width <= limit, "case \(i): line of width \(width) > \(limit): \(line)")
        #expect(line.last != " ", "case \(i): trailing space")
        if style.resolution == .ascii {
          #expect(line.unicodeScalars.allSatisfy { $0.value < 0x80 }, "case \(i): non-ASCII in \(line)")
        }
        if !style.color {
          #expect(!line.contains("\u{1B}"), "case \(i): escape without colour")
        }
      }
      #expect(!text.hasSuffix("\n"))
    }
  }

  @Test func renderingIsDeterministic() {
    var g = SeededGenerator(state: 7)
    for _ in 0..<100 {
      let chart = RandomCharts.chart(&g)
      let style = RandomCharts.style(&g)
      #expect(chart.render(style) == chart.render(style))
    }
  }
}
