import Testing
@testable import TrendCastCharts

@Suite struct TicksTests {
  @Test(arguments: [(0.7, 1.0), (1.0, 1.0), (1.01, 2.0), (3.0, 5.0), (7.0, 10.0), (0.012, 0.02), (2.1e12, 5e12)])
  func niceSteps(_ minimum: Double, _ expected: Double) {
    // Relative 1e-12: steps are powers of ten times 1, 2 or 5, up to rounding of pow.
    #expect(abs(NiceStep.atLeast(minimum) - expected) <= expected * 1e-12)
  }

  @Test func multiplesStayInsideTheRange() {
    #expect(NiceStep.multiples(of: 0.1, from: 0.25, to: 0.55, limit: 10).count == 3)
    #expect(NiceStep.multiples(of: 5, from: -12, to: 12, limit: 10) == [-10, -5, 0, 5, 10])
    #expect(NiceStep.multiples(of: 1, from: 0, to: 1000, limit: 10).isEmpty)
  }

  /// Every tick value sits on its row's centre, the data fit inside, and labels are 1–6 rows apart.
  @Test(arguments: [(Double, Double, Int)]([
    (104.0, 622.0, 18), (104.0, 622.0, 10), (0, 1, 5), (-0.08, 0.82, 18), (-1e12, 1e12, 6), (1e12, 1e12 + 3, 6),
    (3.2, 3.3, 20), (-7, -3, 1), (0.5, 1.5, 2), (140, 760, 20),
  ]))
  func rowGridFitsTheData(_ lower: Double, _ upper: Double, _ rows: Int) {
    let grid = RowGrid.fitting(lower: lower, upper: upper, rows: rows)
    // Tolerance: a millionth of a row for the floating-point position of the ends.
    #expect(grid.rowPosition(of: lower) >= -1e-6)
    #expect(grid.rowPosition(of: upper) <= Double(rows) + 1e-6)
    #expect(!grid.ticks.isEmpty)
    for tick in grid.ticks {
      // Tolerance: a thousandth of a row, far below one braille dot (a quarter row); values
      // near 1e12 lose a few bits in the subtraction.
      #expect(abs(grid.rowPosition(of: tick.value) - (Double(tick.row) + 0.5)) < 1e-3)
    }
    if rows >= 9 { #expect((3...6).contains(grid.ticksEvery)) }
    // The data use at least a third of the rows (nice steps lose at most about half).
    #expect((upper - lower) / (grid.upper - grid.lower) > 0.33)
  }

  @Test func airpassengersGetsRoundHundreds() {
    let grid = RowGrid.fitting(lower: 104, upper: 622, rows: 18)
    #expect(grid.ticks.map(\.value) == [100, 200, 300, 400, 500, 600])
  }

  @Test func xTicksChooseTheFinestSetThatFits() {
    let mapping = XMapping(lower: 0, upper: 100, pixels: 120, dotsPerCell: 2)
    let candidates = XTicks.numericCandidates(lower: 0, upper: 100, integerOnly: true, maxTicks: 30)
    let placed = XTicks.place(candidates: candidates, mapping: mapping, plotStart: 5, plotColumns: 60, lineWidth: 65)
    #expect(placed.map(\.text) == ["0", "10", "20", "30", "40", "50", "60", "70", "80", "90", "100"])
    for (a, b) in zip(placed, placed.dropFirst()) {
      #expect(b.start >= a.start + a.text.count + XTicks.gap)
    }
    #expect(placed.allSatisfy { $0.start + $0.text.count <= 65 })
  }

  @Test func integerAxesNeverGetFractionalTicks() {
    let sets = XTicks.numericCandidates(lower: 1, upper: 3, integerOnly: true, maxTicks: 40)
    #expect(sets.allSatisfy { $0.allSatisfy { $0.position.rounded() == $0.position } })
  }

  @Test func monthlyAxisOverTwelveYearsIsLabelledByYears() {
    let lower = Double(CivilDate(year: 1949, month: 1, day: 1).epochDay)
    let upper = Double(CivilDate(year: 1960, month: 12, day: 1).epochDay)
    let mapping = XMapping(lower: lower, upper: upper, pixels: 132, dotsPerCell: 2)
    let candidates = XTicks.candidates(scale: .dates(.month), lower: lower, upper: upper, integerOnly: false, maxTicks: 33)
    let placed = XTicks.place(candidates: candidates, mapping: mapping, plotStart: 6, plotColumns: 66, lineWidth: 72)
    #expect(placed.map(\.text) == ["1950", "1952", "1954", "1956", "1958", "1960"])
  }
}
