import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues
@testable import TrendCastEtsPlugin

/// `fit ets` and `fit holtwinters` end to end: displays, exports, forecasts and every
/// bad-input message.
@Suite struct CommandTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

  func load(_ file: String, as name: String = "x") -> String {
    "\(name) = load \"\(Self.fixtures)/\(file)\" date=date\n"
  }

  /// The message of a run that must fail while running (exit code 4).
  func runtimeFailure(_ source: String) -> String {
    do {
      let output = try ScriptHarness().run(source)
      Issue.record("expected a failure, got output:\n\(output)")
      return ""
    } catch {
      guard case .failed(let text, _) = error else {
        Issue.record("expected a runtime failure (exit 4), got: \(error)")
        return ""
      }
      return text
    }
  }

  @Test func automaticETSShowsTheSearch() throws {
    let output = try ScriptHarness().run("air = dataset airpassengers\nm = fit ets air\nm\n")
    #expect(output.contains("ETS(M,Ad,M) fitted to passengers (144 monthly observations)"))
    #expect(output.contains("Models tried (15), ranked by AICc:"))
    #expect(output.contains("ETS(M,Ad,M) has the lowest AICc, 3.03 below ETS(M,A,M)."))
    #expect(output.contains("alpha = 0.7096"))
    #expect(!output.lowercased().contains("nan"))
  }

  @Test func fixedModelCodesAnyCase() throws {
    let harness = ScriptHarness()
    for code in ["MAdM", "madm", "MZM"] {
      let model = try harness.value(of: "m", in: "air = dataset airpassengers\nm = fit ets air model=\"\(code)\" damped=true\n")
      #expect((model as? ETSModel)?.modelName == "ETS(M,Ad,M)", "model=\(code)")
    }
    let undamped = try harness.value(of: "m", in: "air = dataset airpassengers\nm = fit ets air model=\"MAM\" damped=false\n")
    #expect((undamped as? ETSModel)?.modelName == "ETS(M,A,M)")
  }

  @Test func modelJSONFollowsLanguageSection7() throws {
    let model = try #require(try ScriptHarness().value(of: "m", in: "air = dataset airpassengers\nm = fit ets air\n") as? ETSModel)
    let json = try model.export(as: .json)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["model"] as? String == "ETS(M,Ad,M)")
    let params = try #require(object["params"] as? [String: Double])
    #expect(Set(params.keys) == ["alpha", "beta", "gamma", "phi"])
    // R: loglik -679.5832162, AICc 1400.638432 (r_forecast.json); tolerance 1e-4.
    #expect(abs((object["loglik"] as? Double ?? 0) + 679.5832162) < 1e-4)
    #expect(abs((object["aicc"] as? Double ?? 0) - 1400.638432) < 1e-4)
    #expect(object["nobs"] as? Double == 144)
    #expect((object["initial_states"] as? [String: Double])?.count == 14)
    #expect(json.hasPrefix("{\n  \"model\": \"ETS(M,Ad,M)\",\n  \"params\""))
  }

  @Test func forecastsAndDeterminism() throws {
    let source = "air = dataset airpassengers\nm = fit ets air model=\"MMN\"\nforecast m h=6\nh = fit holtwinters air period=12 seasonal=mul\nforecast h h=3 level=[50,99]\n"
    let first = try ScriptHarness().run(source)
    let second = try ScriptHarness().run(source)
    #expect(first == second)
    #expect(first.contains("Forecast from ETS(M,M,N), 6 months ahead"))
    #expect(first.contains("Forecast from Holt-Winters(A,M)[12], 3 months ahead"))
    #expect(first.contains("lo50") && first.contains("hi99"))
    #expect(!first.lowercased().contains("nan"))
  }

  @Test func holtWintersDefaultsToTheSeriesPeriod() throws {
    let output = try ScriptHarness().run("shop = dataset shop_daily\nh = fit holtwinters shop\nh\n")
    #expect(output.contains("Holt-Winters (additive trend, additive season, period 7) fitted to units"))
    #expect(output.contains("intervals from ETS(A,A,A)"))
  }

  @Test func gapsUseTheLongestStretchAndReportIt() throws {
    let output = try ScriptHarness().run("co2 = dataset co2_weekly\nm = fit ets co2\nm\n")
    #expect(output.contains("using the longest stretch without gaps"))
    #expect(output.contains("season: none (period 52 is above 24, R's limit for ETS)"))
  }

  @Test func panelsFitOneModelPerSeries() throws {
    let output = try ScriptHarness().run("p = load \"\(Self.fixtures)/panel.csv\" date=date id=id\nm = fit ets p model=\"MAM\"\nforecast m h=2\n")
    #expect(output.contains("a") && output.contains("b"))
    #expect(output.contains("ETS(M,A"))
    #expect(!output.lowercased().contains("nan"))
  }

  // MARK: Bad input (exit code 4, messages naming the limit and the value)

  @Test func unknownModelCode() {
    let message = runtimeFailure("air = dataset airpassengers\nm = fit ets air model=\"XYZ\"\n")
    #expect(message.contains("'XYZ' is not an ETS model code"))
    #expect(message.contains("error A|M|Z"))
  }

  @Test func multiplicativeModelsNeedPositiveData() {
    let ets = runtimeFailure(load("with_zero.csv") + "m = fit ets x model=\"MNN\"\n")
    #expect(ets.contains("needs strictly positive data, but the value on 2021-06-01 (observation 18) is 0"))
    let hw = runtimeFailure(load("with_zero.csv") + "m = fit holtwinters x period=12 seasonal=mul\n")
    #expect(hw.contains("seasonal=mul needs strictly positive data, but the value on 2021-06-01 (observation 18) is 0"))
  }

  @Test func automaticSearchSkipsMultiplicativeModelsOnNonPositiveData() throws {
    let output = try ScriptHarness().run(load("with_zero.csv") + "m = fit ets x\nm\n")
    #expect(output.contains("ETS(A,"))
    #expect(output.contains("note: error: additive only (the data are not all positive)"))
  }

  @Test func seriesTooShortForThePeriod() {
    let hw = runtimeFailure(load("short_monthly.csv") + "m = fit holtwinters x period=12\n")
    #expect(hw.contains("it has 20 observations, at least 24 are needed"))
    let ets = runtimeFailure(load("short_monthly.csv") + "m = fit ets x model=\"AAA\"\n")
    #expect(ets.contains("too short for ETS(AAA): it has 20 observations, at least 21 are needed"))
    let tiny = runtimeFailure(load("tiny.csv") + "m = fit ets x\n")
    #expect(tiny.contains("it has 6 observations, at least 7 are needed"))
  }

  @Test func seasonalModelOnNonSeasonalData() {
    let message = runtimeFailure("nile = load \"Tests/Reference/data/nile.csv\" date=date\nm = fit ets nile model=\"ANA\"\n")
    #expect(message.contains("needs a seasonal period above 1, but the period is 1"))
    let hw = runtimeFailure("nile = load \"Tests/Reference/data/nile.csv\" date=date\nm = fit holtwinters nile\n")
    #expect(hw.contains("needs a period above 1, but the period is 1"))
  }

  @Test func periodAboveRsLimit() {
    let message = runtimeFailure("co2 = dataset co2_weekly\nm = fit ets co2 model=\"AAA\"\n")
    #expect(message.contains("seasonal ETS models handle periods up to 24, not 52"))
  }

  @Test func optionsOutOfRange() {
    #expect(runtimeFailure("air = dataset airpassengers\nm = fit ets air period=0\n").contains("period must be at least 1 (1: non-seasonal), not 0"))
    #expect(runtimeFailure("air = dataset airpassengers\nm = fit ets air model=\"ANN\" damped=true\n").contains("damped=true needs a trend, but model=\"ANN\" has none"))
    #expect(runtimeFailure("air = dataset airpassengers\nm = fit ets air model=\"AAdN\" damped=false\n").contains("asks for a damped trend, but damped=false"))
    #expect(runtimeFailure("air = dataset airpassengers\nm = fit holtwinters air trend=none damped=true\n").contains("damped=true needs a trend, but trend=none"))
  }

  @Test func forbiddenCombination() {
    let message = runtimeFailure("air = dataset airpassengers\nm = fit ets air model=\"ANM\"\n")
    #expect(message.contains("ETS(A,N,M) is a forbidden combination"))
  }

  @Test func constantSeries() {
    let message = runtimeFailure(load("constant.csv") + "m = fit ets x\n")
    #expect(message.contains("is constant (all 24 values are 5)"))
  }

  @Test func regressorsAreRefused() {
    let message = runtimeFailure("air = dataset airpassengers\nm = fit ets air model=\"ANN\"\nforecast m h=2 xreg=air\n")
    #expect(message.contains("an ETS model takes no regressors"))
  }
}
