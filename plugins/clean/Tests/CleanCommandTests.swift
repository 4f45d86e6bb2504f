import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// `clean` end to end: the report, the result, and every bad input with its message.
@Suite struct CleanCommandTests {
  let returns = "s = load \"\(Fixture.path("returns.csv"))\""

  @Test func reportNamesEveryChange() throws {
    let output = try ScriptHarness(width: 200).run("""
      \(returns)
      u = clean s.units clip=0 outliers=hampel window=5 action=replace fill=linear
      """)
    #expect(output == """
      clean units: daily, 2024-01-01 … 2024-01-12 (12), 3 missing
        clip to at least 0: 1 value below 0 raised to 0:
          2024-01-02 -3
        outliers by hampel (window 5, 3 MADs from the window median): 2 replaced by the window median:
          2024-01-02 0 → 12, 2024-01-06 95 → 13
        fill by linear interpolation: 3 missing values filled (2 gaps, the longest 2 periods from 2024-01-08)

      """)
    let cleaned = try series("u", returns + "\nu = clean s.units clip=0 outliers=hampel window=5 action=replace fill=linear")
    // Small integers and halves: exact.
    #expect(cleaned.values == [12, 12, 14, 13.5, 13, 13, 12, 13, 14, 15, 14, 13])
    #expect(cleaned.index.count == 12 && cleaned.scaling == nil)
  }

  @Test func dropThenFillCountsBoth() throws {
    let output = try ScriptHarness(width: 200).run(returns + "\nu = clean s.units outliers=iqr action=drop fill=ffill")
    #expect(output.contains("outliers by iqr (Tukey's fences, 1.5 × IQR: below 9 or above 17): 2 dropped, then filled below:\n    2024-01-02 -3, 2024-01-06 95"))
    #expect(output.contains("5 values filled (3 missing, 2 dropped as outliers; 4 gaps"))
    let flagged = try ScriptHarness(width: 200).run(returns + "\nu = clean s.units outliers=zscore threshold=2")
    #expect(flagged.contains("1 flagged, values kept:\n    2024-01-06 95"))
  }

  @Test func normalizeSetsAReversibleScaling() throws {
    let z = try series("u", returns + "\nu = clean s.units fill=linear normalize=zscore")
    let raw = try series("u", returns + "\nu = clean s.units fill=linear")
    let scaling = try #require(z.scaling)
    #expect(scaling.method == "zscore")
    // Mapping back recovers the filled values: 1e-12 absolute.
    #expect(maxDifference(z.values.map(scaling.original), raw.values) <= 1e-12)
    let twice = try series("u", returns + "\nu0 = clean s.units fill=linear normalize=minmax\nu = clean u0 normalize=zscore")
    let composed = try #require(twice.scaling)
    // Normalising twice still maps back to the original scale: 1e-12 absolute.
    #expect(maxDifference(twice.values.map(composed.original), raw.values) <= 1e-12)
  }

  @Test func nothingAskedChangesNothing() throws {
    let output = try ScriptHarness().run(returns + "\nu = clean s.units")
    #expect(output.contains("nothing asked for, so nothing changed"))
  }

  @Test func panelsAreCleanedSeriesBySeries() throws {
    let output = try ScriptHarness().run("s = load \"\(Fixture.path("two_skus.csv"))\" id=sku\nu = clean s.units fill=linear")
    #expect(output.contains("[A]   fill by linear interpolation: 1 missing value filled (2024-01-02)"))
    #expect(output.contains("[B]   fill by linear interpolation: 1 missing value filled (2024-01-03)"))
  }

  // MARK: Bad input: exit 4 with a precise message

  @Test func allMissingSeriesCannotBeFilled() {
    let text = failure("s = load \"\(Fixture.path("all_missing.csv"))\"\nu = clean s.units fill=linear")
    #expect(text.contains("error: fill=linear needs observed values to fill from, but units has no values at all: all 4 periods are missing"))
  }

  @Test func seasonalFillNeedsASeasonAndData() {
    #expect(failure("n = dataset nile\nu = clean n fill=seasonal").contains("error: fill=seasonal needs a seasonal period, and a yearly series has none"))
    #expect(failure(returns + "\nu = clean s.units fill=seasonal")
      .contains("error: fill=seasonal needs more than two full seasons of observed values (at least 15 for period 7), and units has 9"))
    #expect(failure(returns + "\nu = clean s.units fill=linear period=7").contains("error: period= is used by fill=seasonal only"))
  }

  @Test func optionsAreChecked() {
    #expect(failure(returns + "\nu = clean s.units outliers=hampel window=4").contains("error: window= must be an odd number of at least 3"))
    #expect(failure(returns + "\nu = clean s.units outliers=iqr window=5").contains("error: window= is used by outliers=hampel only"))
    #expect(failure(returns + "\nu = clean s.units action=drop").contains("error: action= only applies when outliers are looked for"))
    #expect(failure(returns + "\nu = clean s.units outliers=zscore threshold=0").contains("error: threshold= must be above 0, not 0"))
    #expect(failure(returns + "\nu = clean s.units clip=[10, 1]").contains("error: clip=[10, 1] has its lower bound above its upper bound"))
    #expect(failure(returns + "\nu = clean s.units clip=[0, 1, 2]").contains("error: clip= takes [lower, upper] or a lower bound alone, not 3 numbers"))
  }

  @Test func constantSeriesCannotBeNormalized() {
    let text = failure("s = load \"\(Fixture.path("returns.csv"))\"\nc = clean s.units clip=[1,1] normalize=zscore")
    #expect(text.contains("error: units is constant (every value is 1), so it has no spread to normalise by"))
  }

  @Test func tablesWithSeveralNumbersAskWhichColumn() {
    #expect(failure(returns + "\nu = clean s fill=linear").contains("error: the table has several numeric columns (units, price)"))
  }

  @Test func duplicateAndMalformedDatesAreNamed() {
    let duplicated = failure("s = load \"\(Fixture.path("duplicated_dates.csv"))\"\nu = clean s.units fill=linear")
    #expect(duplicated.contains("duplicated_dates.csv:4:1: error: 2 dates appear more than once in column 'date': 2024-01-02 (rows 2, 3), 2024-01-05 (rows 5, 6)"))
    let summed = try? series("u", "s = load \"\(Fixture.path("duplicated_dates.csv"))\" dups=sum\nu = clean s.units fill=linear")
    // dups=sum adds the duplicates (exact) and the missing 2024-01-04 is interpolated.
    #expect(summed?.values == [5, 10, 4, 1.5, -1])
    let mixed = failure("s = load \"\(Fixture.path("mixed_formats.csv"))\" date=date\nu = clean s.units fill=linear")
    #expect(mixed.contains("mixed_formats.csv:4:1: error: column 'date' mixes date formats: '2024-01-01' (row 1) and 'Feb 2024' (row 3)"))
    let malformed = failure("s = load \"\(Fixture.path("one_bad_date.csv"))\"\nu = clean s.units fill=linear")
    #expect(malformed.contains("one_bad_date.csv:5:1: error: column 'date' holds dates, but row 4 holds '04/01/2024', which is not a date"))
  }
}
