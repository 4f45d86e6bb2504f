import Foundation
import Testing
import TrendCastDiagnosticsPlugin
import TrendCastTestSupport

/// The diagnostics commands end to end: displays, what `save` writes, and every refusal.
struct DiagnosticsCommandTests {
  typealias S = DiagnosticsSupport
  static let air = "air = load \"Tests/Reference/data/airpassengers.csv\" date=date\n"
  static let nile = "nile = load \"Tests/Reference/data/nile.csv\" date=date\n"

  @Test func correlogramShowsValuesBandAndChart() throws {
    let output = try ScriptHarness().run(Self.air + "pacf air.passengers lags=12")
    #expect(output.contains("PACF of passengers (144 observations; band ±0.163 = ±1.96/√n)"))
    #expect(output.contains("pacf  0.948  -0.229   0.038"))  // statsmodels pacf(ywm)
    #expect(output.contains("outside the band at lags 1, 2, 9, 10, 11"))
    #expect(output.contains("±0.16 significance"))
    #expect(!output.contains("nan"))
  }

  @Test func defaultLagsFollowForecastsAcf() throws {
    let acf = try S.value("acf data.passengers", csv: "data/airpassengers.csv", as: Correlogram.self)
    #expect(acf.lags.count == 24)  // max(⌊10 log₁₀ 144⌋ = 21, 2·12)
    let nile = try S.value("acf data.volume", csv: "data/nile.csv", as: Correlogram.self)
    #expect(nile.lags.count == 20)  // ⌊10 log₁₀ 100⌋
  }

  @Test func correlogramOfAModelUsesItsResiduals() throws {
    let output = try ScriptHarness().run(Self.air + "m = fit naive air.passengers\nacf m lags=3")
    #expect(output.contains("ACF of residuals from Naive method (143 observations"))
  }

  @Test func savesCorrelogramTestAndDecomposition() throws {
    let acf = try S.value("acf data.passengers lags=2", csv: "data/airpassengers.csv", as: Correlogram.self)
    // statsmodels: 0.948047340752, 0.875574835125 (to 12 digits).
    #expect(try acf.export(as: .csv).hasPrefix("lag,value\n1,0.948047340752"))
    #expect(try acf.export(as: .csv).contains("\n2,0.875574835125"))
    let adf = try S.value("test adf data.passengers", csv: "data/airpassengers.csv", as: TestResult.self)
    let json = try adf.export(as: .json)
    #expect(json.hasPrefix("{\n  \"test\": \"adf\",\n  \"statistic\": 0.81536887920"))
    #expect(json.contains("\"pvalue\": 0.99188024"))
    #expect(json.contains("\"lags\": 13,\n  \"regression\": \"c\""))
    #expect(json.contains("\"critical_values\": {"))
    let kpss = try S.value("test kpss data.passengers", csv: "data/airpassengers.csv", as: TestResult.self)
    #expect(try kpss.export(as: .json).contains("\"pvalue_outside_table\": true"))
    let d = try S.value("decompose data.passengers method=classical", csv: "data/airpassengers.csv", as: Decomposition.self)
    let csv = try d.export(as: .csv)
    #expect(csv.hasPrefix("date,value,trend,season,remainder\n1949-01-01,112,,"))
    #expect(csv.contains("\n1949-07-01,148,126.7916666666"))  // R decompose: trend 126.7917
    #expect(throws: (any Error).self) { try d.export(as: .json) }
  }

  @Test func testDisplaysReadTheResultInWords() throws {
    let output = try ScriptHarness(width: 200).run(Self.air + """
      test adf air.passengers
      test kpss air.passengers
      test ljungbox air.passengers
      fit mean air.passengers |> test ljungbox
      """)
    #expect(output.contains("statistic = 0.8154   p-value = 0.9919   lags = 13 (chosen by AIC from 0…14)"))
    #expect(output.contains("no evidence against a unit root: the series looks non-stationary"))
    #expect(output.contains("p-value < 0.01 (beyond the table)"))
    #expect(output.contains("reject stationarity around a constant level"))
    #expect(output.contains("Q* = 857.0686   df = 10   p-value < 2.2e-16"))
    #expect(output.contains("df = 23 (24 lags − 1 model parameter)"))
  }

  @Test func decompositionShowsStrengthsAndFourPanels() throws {
    let output = try ScriptHarness(width: 200).run(Self.air + "decompose air.passengers")
    #expect(output.contains("STL decomposition of passengers: additive, period 12, seasonal window 11, trend window 21"))
    #expect(output.contains("strength of trend 0.991   strength of seasonality 0.941"))  // R mstl: 0.9910, 0.9407
    let titles = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    for title in ["passengers", "trend", "season", "remainder"] { #expect(titles.contains(title), "panel \(title)") }
    let parts = try ScriptHarness().run(Self.air + "d = decompose air.passengers\nd.adjusted")
    #expect(parts.contains("adjusted: monthly series, 144 periods"))
  }

  @Test func stlFillsGapsAndSaysSo() throws {
    let output = try ScriptHarness(width: 200).run("g = load \"Tests/Reference/data/shop_daily_gaps.csv\" date=date\ndecompose g.units")
    #expect(output.contains("25 missing values of units filled by seasonal interpolation for STL (as R's mstl)"))
  }

  @Test func asciiDisplaysStaySevenBit() throws {
    let output = try ScriptHarness(ascii: true).run(Self.air + "acf air.passengers lags=5\ntest kpss air.passengers\ndecompose air.passengers")
    #expect(output.unicodeScalars.allSatisfy { $0.isASCII }, "\(output.unicodeScalars.filter { !$0.isASCII }.map(String.init).joined())")
  }

  @Test func refusesBadInputNamingTheLimit() throws {
    #expect(S.failure(Self.air + "acf air.passengers lags=144").contains("lags=144 is too many for 144 observed values: at most 143"))
    #expect(S.failure(Self.air + "pacf air.passengers lags=0").contains("lags must be at least 1, not 0"))
    #expect(S.failure(Self.air + "test adf air.passengers lags=71").contains("lags=71 is too many for 144 observed values: at most 70"))
    #expect(S.failure(Self.air + "test kpss air.passengers lags=-1").contains("lags must be 0 or more, not -1"))
    #expect(S.failure(Self.air + "fit trend air.passengers harmonics=2 |> test ljungbox lags=6")
      .contains("lags=6 must be more than the model's 6 estimated parameters"))
    #expect(S.failure(Self.air + "test ljungbox air.passengers lags=144").contains("test ljungbox with 144 lags needs more than 144 observed values, but passengers has 144"))
    #expect(S.failure(Self.nile + "decompose nile.volume").contains("decompose needs a seasonal period, but volume is yearly data (period 1)"))
    #expect(S.failure(Self.air + "decompose air.passengers period=1").contains("period must be at least 2 to have a season, not 1"))
    #expect(S.failure(Self.air + "decompose air.passengers period=72")
      .contains("decompose (stl) with period 72 needs more than two full seasons: at least 145 values, but passengers has 144"))
    #expect(S.failure(Self.air + "decompose air.passengers period=73 method=classical")
      .contains("decompose (classical) with period 73 needs two full seasons: at least 146 observed values, but passengers has 144"))
    #expect(S.failure(Self.air + "decompose air.passengers type=multiplicative").contains("STL decomposes additively only"))
    #expect(S.failure(Self.air + "decompose air.passengers swindow=1").contains("swindow must be at least 3, not 1"))
    #expect(S.failure(Self.air + "decompose air.passengers method=classical robust").contains("apply to method=stl only"))
  }

  @Test func refusesConstantAndMultiplicativeNonPositiveData() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diagnostics-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let flat = (1...30).map { "2020-01-\(String(format: "%02d", $0)),5" }
    try (["date,units"] + flat).joined(separator: "\n").write(toFile: folder + "/flat.csv", atomically: true, encoding: .utf8)
    let signed = (1...30).map { "2020-01-\(String(format: "%02d", $0)),\($0 % 7 - 2)" }
    try (["date,units"] + signed).joined(separator: "\n").write(toFile: folder + "/signed.csv", atomically: true, encoding: .utf8)
    func failure(_ source: String) -> String {
      do { _ = try ScriptHarness(directory: folder).run(source) } catch {
        if case .failed(let text, _) = error { return text }
      }
      return "(no error)"
    }
    #expect(failure("f = load \"flat.csv\" date=date\nacf f.units").contains("acf is undefined for units: its values are all the same"))
    #expect(failure("f = load \"flat.csv\" date=date\ntest adf f.units").contains("test adf is undefined for units"))
    #expect(failure("s = load \"signed.csv\" date=date\ndecompose s.units method=classical type=multiplicative")
      .contains("a multiplicative decomposition needs positive values, but units is -1 at 2020-01-01"))
  }
}
