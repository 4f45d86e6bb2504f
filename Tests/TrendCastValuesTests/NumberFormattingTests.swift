import Testing
import TrendCastValues

/// Number text for displays and files: deterministic, never `nan`.
@Suite struct NumberFormattingTests {
  @Test(arguments: [
    (42.0, "42"), (-7, "-7"), (0, "0"), (-0.0, "0"), (2.5, "2.5"), (3.14159265, "3.14159"), (1234.5678, "1234.57"),
    (-0.5, "-0.5"), (0.1 + 0.2, "0.3"), (0.000123456, "0.000123456"), (123456.7, "123457"), (9.9999999, "10"),
    (1e-5, "1.00000e-05"), (-1e-7, "-1.00000e-07"), (1.5e15, "1.50000e15"), (1e15, "1.00000e15"), (999_999_999_999_999, "999999999999999"),
  ])
  func displayShowsSixSignificantDigitsWithoutTrailingZeros(_ value: Double, _ text: String) {
    #expect(NumberFormatting.display(value) == text)
  }

  @Test func displayTakesOtherPrecisions() {
    #expect(NumberFormatting.display(3.14159265, significant: 3) == "3.14")
    #expect(NumberFormatting.display(0.0123456, significant: 2) == "0.012")
    #expect(NumberFormatting.display(0.00001, significant: 2) == "1.0e-05")
  }

  @Test func missingAndInfiniteValuesHaveNames() {
    #expect(NumberFormatting.display(.nan) == "NA")
    #expect(NumberFormatting.display(.infinity) == "Inf")
    #expect(NumberFormatting.display(-.infinity) == "-Inf")
    #expect(NumberFormatting.fixed(.nan, decimals: 2) == "NA")
    #expect(NumberFormatting.fixed(-.infinity, decimals: 2) == "-Inf")
  }

  @Test(arguments: [
    (2.5, 2, "2.50"), (-1.256, 2, "-1.26"), (7, 0, "7"), (1234.56, 1, "1234.6"), (0.0004, 3, "0.000"),
    (-0.001, 2, "0.00"), (-0.4, 0, "0"), (-0.0, 1, "0.0"), (-0.06, 1, "-0.1"),
  ])
  func fixedRoundsToItsDecimalsAndNeverPrintsNegativeZero(_ value: Double, _ decimals: Int, _ text: String) {
    #expect(NumberFormatting.fixed(value, decimals: decimals) == text)
  }

  @Test(arguments: [0.1, 1.0 / 3.0, -2.5, 123456789.123, 6.02e23, 1e-300, Double.leastNonzeroMagnitude])
  func exactTextReadsBackAsTheSameDouble(_ value: Double) {
    let text = NumberFormatting.exact(value)
    #expect(Double(text) == value, "\(text)")
    #expect(!text.contains(" "))
  }

  @Test func exactWritesWholeNumbersWithoutADecimalPointAndMissingAsEmpty() {
    #expect(NumberFormatting.exact(3) == "3")
    #expect(NumberFormatting.exact(-40) == "-40")
    #expect(NumberFormatting.exact(.nan) == "")
    #expect(NumberFormatting.exact(.infinity) == "")
  }

  @Test func aColumnGetsTheDecimalsItsMostPreciseValueNeeds() {
    #expect(NumberFormatting.decimalsForColumn([1, 2, 3]) == 0)
    #expect(NumberFormatting.decimalsForColumn([1, 2.5, 3.25]) == 2)
    #expect(NumberFormatting.decimalsForColumn([.nan, 2.5]) == 1, "missing values do not count")
    #expect(NumberFormatting.decimalsForColumn([0.123456789]) == 6)
    #expect(NumberFormatting.decimalsForColumn([0.123456789], maxDecimals: 4) == 4)
    #expect(NumberFormatting.decimalsForColumn([1e-7, 1]) == 6, "values that need an exponent take the cap")
  }
}
