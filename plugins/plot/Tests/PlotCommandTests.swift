import Foundation
import Testing
import TrendCastTestSupport

/// `plot` end to end: what each kind draws, legends, widths and the refusals.
@Suite struct PlotCommandTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
  let harness = ScriptHarness(directory: PlotCommandTests.fixtures)

  func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

  @Test func aSeriesIsALineChartWithItsNameAsTitleAndADateAxis() throws {
    let output = try harness.run("air = dataset airpassengers\nplot air")
    #expect(output.contains("passengers"))
    #expect(output.contains("1950") && output.contains("1960"))
    #expect(lines(output).allSatisfy { TextWidthProbe.columns($0) <= 72 })
  }

  @Test func seriesSharingAColumnNameAreNamedByTheirInputs() throws {
    let output = try harness.run("""
      raw = dataset shop_daily_gaps
      units = raw.units
      cleaned = clean units fill=linear
      plot units, cleaned
      """)
    #expect(output.contains("units") && output.contains("cleaned"))
  }

  @Test func aForecastDrawsBothBandsTheOriginAndHeldOutActuals() throws {
    let output = try harness.run("""
      air = dataset airpassengers
      train = window air drop=24
      test = window air last=24
      m = fit arima train order=(0,1,1) seasonal=(0,1,1,12) transform=log
      f = forecast m h=24
      plot f, test title="Held-out check"
      """)
    #expect(output.contains("Held-out check"))
    #expect(output.contains("80% interval") && output.contains("95% interval"))
    #expect(output.contains("origin 1958-12"))
  }

  @Test func theSeriesAForecastWasFittedToIsDrawnOnceAndHeldOutDataAsActuals() throws {
    let whole = try harness.run("""
      air = dataset airpassengers
      p = air.passengers
      m = fit arima p order=(0,1,1) seasonal=(0,1,1,12)
      f = forecast m h=12
      plot p, f
      """)
    let legend = try #require(lines(whole).first { $0.contains("⠒⠒⠒") })
    #expect(legend.components(separatedBy: "passengers").count == 2, "\(legend)")
    let heldOut = try harness.run("""
      air = dataset airpassengers
      p = air.passengers
      train = window p drop=12
      m = fit arima train order=(0,1,1) seasonal=(0,1,1,12)
      f = forecast m h=12
      plot p, f
      """)
    let heldOutLegend = try #require(lines(heldOut).first { $0.contains("⠒⠒⠒") })
    #expect(heldOutLegend.components(separatedBy: "passengers").count == 3, "history and actuals: \(heldOutLegend)")
  }

  @Test func widthOptionAndAsciiResolutionAreHonoured() throws {
    let ascii = ScriptHarness(directory: Self.fixtures, width: 72, ascii: true)
    let output = try ascii.run("air = dataset airpassengers\nplot air width=40")
    #expect(lines(output).allSatisfy { TextWidthProbe.columns($0) <= 40 })
    #expect(output.unicodeScalars.allSatisfy { $0.isASCII })
  }

  @Test func barOfASeriesShowsItsLastPeriods() throws {
    let output = try harness.run("air = dataset airpassengers\nplot air kind=bar top=3")
    #expect(output.contains("last 3 periods"))
    #expect(output.contains("1960-10") && output.contains("1960-12") && !output.contains("1960-09"))
    #expect(output.contains("432"))
  }

  @Test func histogramHasTheBinsAskedFor() throws {
    let output = try harness.run("air = dataset airpassengers\nplot air kind=hist bins=4")
    let binLines = lines(output).filter { $0.hasPrefix("[") }
    #expect(binLines.count == 4)
    #expect(output.contains("Histogram of passengers"))
  }

  @Test func scatterMatchesTwoSeriesByDateAndLabelsItsAxes() throws {
    let output = try harness.run("m = dataset macro\nplot m.realgdp, m.realcons kind=scatter")
    #expect(output.contains("realcons against realgdp"))
  }

  @Test func seasonalPlotHasOneLinePerYear() throws {
    let output = try harness.run("air = dataset airpassengers\nplot air kind=seasonal")
    // Every year is a line; the names of the highest and lowest years are never crowded out.
    #expect(output.contains("1960") && output.contains("1949"))
    #expect(output.contains("Jan"))
  }

  @Test func aPanelOfAFewSeriesIsOverlaidAndNamedByID() throws {
    let output = try harness.run("p = load \"panel.csv\" id=store\nplot p")
    #expect(output.contains("units by store"))
    #expect(output.contains("north") && output.contains("south"))
  }

  @Test func plottableResultsDrawTheirOwnChart() throws {
    let output = try harness.run("air = dataset airpassengers\nc = acf air\nplot c")
    #expect(output.contains("ACF of passengers"))
    #expect(output.contains("lag"))
  }

  @Test func lastKeepsTheRecentHistoryAndTheWholeForecast() throws {
    let whole = try harness.run("""
      air = dataset airpassengers
      m = fit arima air order=(0,1,1) seasonal=(0,1,1,12) transform=log
      f = forecast m h=12
      plot f
      """)
    let recent = try harness.run("""
      air = dataset airpassengers
      m = fit arima air order=(0,1,1) seasonal=(0,1,1,12) transform=log
      f = forecast m h=12
      plot f last=24
      """)
    #expect(whole.contains("1950") && !recent.contains("1950"), "history before the last 24 months is dropped")
    #expect(recent.contains("1959") && recent.contains("1961"), "the last two years and the forecast year stay")
    #expect(recent.contains("origin 1960-12") && recent.contains("95% interval"))
    let series = try harness.run("air = dataset airpassengers\nplot air last=12")
    #expect(series.contains("1960") && !series.contains("1958"))
  }

  @Test func outputIsDeterministic() throws {
    let source = "air = dataset airpassengers\nplot air kind=seasonal\nplot air kind=hist"
    #expect(try harness.run(source) == harness.run(source))
  }

  @Test(arguments: [
    ("air = dataset airpassengers\nplot air width=5", "width=5 is outside 20 to 1000"),
    ("air = dataset airpassengers\nplot air height=1", "height=1 is outside 3 to 500 rows"),
    ("air = dataset airpassengers\nplot air bins=4", "bins= applies to kind=hist only"),
    ("air = dataset airpassengers\nplot air top=0", "top=0 must be at least 1"),
    ("air = dataset airpassengers\nplot air last=1", "last=1 must be at least 2 periods"),
    ("air = dataset airpassengers\nplot air kind=hist last=12", "last= applies to kind=line only"),
    ("air = dataset airpassengers\na = acf air\nplot a last=12", "last= trims series, tables and forecasts"),
    ("p = load \"panel.csv\" id=store\nair = dataset airpassengers\nplot p, air", "a panel is plotted on its own"),
    ("n = dataset nile\nplot n kind=seasonal", "a seasonal plot needs hourly, daily, weekly, monthly or quarterly dates"),
    ("air = dataset airpassengers\nplot air kind=scatter", "kind=scatter needs two numeric columns"),
    ("m = dataset macro\nplot m kind=bar", "so which one the bars show is unclear"),
    ("air = dataset airpassengers\nn = dataset nile\nplot air, n kind=hist", "kind=hist draws one value, not 2"),
    ("air = dataset airpassengers\nplot air, [1, 2]", "plot draws series, tables and forecasts together"),
  ])
  func badInputIsRefusedWithAReason(source: String, message: String) throws {
    do {
      _ = try harness.run(source)
      Issue.record("expected an error containing \(message)")
    } catch {
      #expect(error.description.contains(message), "\(error.description)")
    }
  }
}

/// Display columns of a line (braille and box characters take one column each).
enum TextWidthProbe {
  static func columns(_ line: Substring) -> Int { line.unicodeScalars.count }
}
