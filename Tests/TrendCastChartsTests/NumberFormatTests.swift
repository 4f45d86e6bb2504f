import Testing
import TrendCastCharts

@Suite struct NumberFormatTests {
  // Exact string comparisons: formatting has no tolerance.
  @Test(arguments: [
    (12.0, "12"), (-0.05, "-0.05"), (1200, "1.2k"), (3_400_000, "3.4M"), (1234, "1.23k"),
    (999.96, "1k"), (999_999, "1M"), (12_345, "12.3k"), (123_456, "123k"), (7.1e9, "7.1B"),
    (2e12, "2T"), (1.5e15, "1.5e15"), (0.000_02, "2e-5"), (0.0001234, "0.000123"), (0.5, "0.5"),
    (-1e12, "-1T"), (0, "0"), (-0.0, "0"), (100, "100"), (1, "1"), (0.1 + 0.2, "0.3"),
  ])
  func compact(_ value: Double, _ expected: String) {
    #expect(NumberFormat.compact(value) == expected)
  }

  @Test func specialValues() {
    #expect(NumberFormat.compact(.nan) == "NA")
    #expect(NumberFormat.compact(.infinity) == "Inf")
    #expect(NumberFormat.compact(-.infinity) == "-Inf")
  }

  @Test func significantDigitsAreClamped() {
    #expect(NumberFormat.compact(1234.5678, significantDigits: 0) == "1k")
    #expect(NumberFormat.compact(1234.5678, significantDigits: 6) == "1.23457k")
    #expect(NumberFormat.compact(1234.5678, significantDigits: 99) == "1.2345678k")
  }

  @Test func distinctLabelsAddDigitsOnlyWhenNeeded() {
    #expect(NumberFormat.compactDistinct([1000, 1050, 1100]) == ["1k", "1.05k", "1.1k"])
    #expect(NumberFormat.compactDistinct([0, 200, 400]) == ["0", "200", "400"])
    #expect(NumberFormat.compactDistinct([1e12, 1e12 + 1]) == ["1T", "1.000000000001T"])
    #expect(NumberFormat.compactDistinct([.nan, 1, 2]) == ["NA", "1", "2"])
  }

  @Test func outputIsSevenBit() {
    for value in [1.5e-300, -2.5e300, 123.456, 1e15, 42] {
      #expect(NumberFormat.compact(value).unicodeScalars.allSatisfy { $0.value < 0x80 })
    }
  }
}
