import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

@testable import TrendCastArimaPlugin

/// `fit arima` and `forecast` end to end, including every bad input with its message.
struct FitArimaCommandTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
  let harness = ScriptHarness(directory: FitArimaCommandTests.fixtures)

  /// The formatted error of a script that must fail while running (exit code 4).
  func failure(_ source: String) -> String? {
    do {
      _ = try harness.run(source)
      return nil
    } catch {
      if case .failed(let text, _) = error { return text }
      return "not a runtime failure: \(error)"
    }
  }

  @Test func airlineModelDisplaysLikeR() throws {
    let output = try harness.run("""
      air = dataset airpassengers
      m = fit arima air order=(0,1,1) seasonal=(0,1,1) transform=log
      m
      """)
    #expect(output.contains("ARIMA(0,1,1)(0,1,1)[12] fitted to passengers (log scale)\n  131 observations used"), "too wide for 72 columns on one line")
    // R: ma1 -0.4018 (s.e. 0.0896), sma1 -0.5569 (0.0731); printed to 4 decimals (±1 in the last digit).
    #expect(output.contains("-0.4018") && output.contains("0.0896") && output.contains("0.0731"))
    #expect(output.contains("log likelihood = 244.70"))
    #expect(output.contains("AIC=-483.39   AICc=-483.20   BIC=-474.77"))
  }

  @Test func logForecastComesBackOnTheOriginalScale() throws {
    let value = try harness.value(of: "f", in: """
      air = dataset airpassengers
      m = fit arima air order=(0,1,1) seasonal=(0,1,1) transform=log
      f = forecast m h=24 level=[80,95]
      """)
    let forecast = try #require(value as? Forecast)
    let reference = try ReferenceData.cases("arima.json")[0]
    let expected = try #require(reference.object("forecast"))
    let mean = try #require(expected.doubles("mean"))
    let upper95 = try #require(expected.doubles("upper95"))
    for t in 0..<24 {
      // statsmodels' forecasts are on the log scale: compare exp of them; 0.5 % and 1 %.
      #expect(abs(forecast.mean[t] - exp(mean[t])) <= 0.005 * exp(mean[t]))
      #expect(abs(forecast.intervals[1].upper[t] - exp(upper95[t])) <= 0.01 * exp(upper95[t]))
    }
    #expect(forecast.columnNames == ["mean", "lo80", "hi80", "lo95", "hi95"])
  }

  @Test func saveWritesTheLanguageJSON() throws {
    let path = NSTemporaryDirectory() + "arima-model-\(UUID().uuidString).json"
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = try harness.run("""
      n = load "../../../../Tests/Reference/data/nile.csv" date=date
      m = fit arima n.volume order=(1,0,0)
      save m "\(path)"
      """)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    #expect(object["model"] as? String == "ARIMA(1,0,0) with non-zero mean")
    let params = try #require(object["params"] as? [String: Any])
    #expect(Set(params.keys) == ["ar1", "intercept"])
    // statsmodels: ar1 0.50625, const 919.35 (tolerance 0.01 and 0.1 %); loglik within 0.05.
    #expect(abs(((params["ar1"] as? NSNumber)?.doubleValue ?? 0) - 0.5062522592) <= 0.01)
    #expect(abs(((params["intercept"] as? NSNumber)?.doubleValue ?? 0) - 919.3500324) <= 0.001 * 919.35)
    #expect(abs(((object["loglik"] as? NSNumber)?.doubleValue ?? 0) - -639.95263270794) <= 0.05)
    #expect(object["nobs"] as? Int == 100)
    for key in ["sigma2", "aic", "aicc", "bic"] { #expect(object[key] is NSNumber, "\(key)") }
  }

  @Test func automaticModelSaysWhyAndTraces() throws {
    let output = try harness.run("""
      air = dataset airpassengers
      a = fit arima air trace=true
      a
      """)
    #expect(output.contains("ARIMA(2,1,1)(0,1,0)[12]"))
    #expect(output.contains("seasonal strength"))
    #expect(output.contains("KPSS after 0 differences"))
    #expect(output.contains("so d = 1"))
    #expect(output.contains("winner: ARIMA(2,1,1)(0,1,0)[12], AICc 1018.17"))
    #expect(output.contains("search path (AICc):"))
    #expect(output.contains("best model: ARIMA(2,1,1)(0,1,0)[12]"))
  }

  @Test func regressorsFromATableAndTheirFutureValues() throws {
    let output = try harness.run("""
      mac = load "../../../../Tests/Reference/data/macro.csv" date=date
      m = fit arima mac.realcons order=(1,1,0) xreg=mac.realgdp transform=log
      fut = load "future_gdp.csv" date=date
      f = forecast m h=8 xreg=fut
      f
      """)
    #expect(output.contains("Regression with ARIMA(1,1,0) errors"))
    #expect(output.contains("2011-07-01"))
    let message = failure("""
      mac = load "../../../../Tests/Reference/data/macro.csv" date=date
      m = fit arima mac.realcons order=(1,1,0) xreg=mac.realgdp
      f = forecast m h=8
      """)
    #expect(message?.contains("this model has regressors (realgdp), so forecast needs their future values") == true)
    let tooShort = failure("""
      mac = load "../../../../Tests/Reference/data/macro.csv" date=date
      m = fit arima mac.realcons order=(1,1,0) xreg=mac.realgdp
      fut = load "future_gdp.csv" date=date
      f = forecast m h=12 xreg=fut
      """)
    #expect(tooShort?.contains("regressor 'realgdp' does not cover the forecast periods") == true)
  }

  @Test func panelsFitEverySeriesAndForecastOneLongTable() throws {
    let path = NSTemporaryDirectory() + "arima-panel-\(UUID().uuidString).csv"
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = try harness.run("""
      p = load "panel.csv" date=date id=shop
      m = fit arima p.units order=(0,1,1) seasonal=(0,1,1) transform=log
      f = forecast m h=3
      save f "\(path)"
      """)
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.first == "shop,date,mean,lo80,hi80,lo95,hi95")
    #expect(lines.count == 7)
    #expect(lines[1].hasPrefix("north,1957-01-01,") && lines[4].hasPrefix("south,1957-01-01,"))
  }

  @Test func aPanelOfModelsSavesAsOneJSONArrayWithTheIdFirst() throws {
    let path = NSTemporaryDirectory() + "arima-panel-\(UUID().uuidString).json"
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = try harness.run("""
      p = load "panel.csv" date=date id=shop
      m = fit arima p.units order=(0,1,1) seasonal=(0,1,1) transform=log
      save m "\(path)"
      """)
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let models = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    #expect(models.map { $0["shop"] as? String } == ["north", "south"])
    #expect(models.allSatisfy { ($0["model"] as? String) == "ARIMA(0,1,1)(0,1,1)[12]" && ($0["params"] as? [String: Double])?["ma1"] != nil })
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("[\n  {\n    \"shop\": \"north\",\n    \"model\""))
    let message = failure("""
      p = load "panel.csv" date=date id=shop
      m = fit arima p.units order=(0,1,1) seasonal=(0,1,1) transform=log
      save m "models.csv"
      """)
    #expect(message?.contains("help: use a file name ending in .json") == true, "\(message ?? "")")
  }

  @Test func residualsAndFittedValuesLineUpWithTheSeries() throws {
    let value = try harness.value(of: "m", in: """
      air = dataset airpassengers
      m = fit arima air order=(2,1,1) seasonal=(0,1,0)
      """)
    let model = try #require(value as? ArimaModel)
    #expect(model.residuals.count == 144 && model.fittedValues.count == 144)
    // The 13 diffuse steps have no residual; the rest are finite, and fitted + residual = data
    // (on the model scale, exactly up to rounding 1e-9).
    let residuals = model.residuals
    #expect(residuals.prefix(13).allSatisfy { $0.isNaN })
    #expect(residuals.dropFirst(13).allSatisfy { $0.isFinite })
    for t in 13..<144 { #expect(abs(model.fittedValues[t] + model.residuals[t] - model.trainingSeries.values[t]) < 1e-9) }
    #expect(model.parameterCount == 3)
  }

  // MARK: Bad input

  @Test func tooFewObservations() {
    let message = failure("""
      x = load "short.csv" date=date
      m = fit arima x.units order=(3,1,2)
      """)
    #expect(message?.contains("error: ARIMA(3,1,2) needs at least 8 observations, but the series has 6") == true)
    #expect(message?.contains("help: use a smaller order") == true)
  }

  @Test func constantSeries() {
    for statement in ["m = fit arima x.units order=(1,0,0)", "m = fit arima x.units"] {
      let message = failure("x = load \"constant.csv\" date=date\n" + statement)
      #expect(message?.contains("the series is constant (every value is 4), so there is nothing to model") == true, "\(statement)")
    }
  }

  @Test func allMissing() throws {
    let message = failure("x = load \"missing.csv\" date=date\nm = fit arima x.units order=(1,0,0)")
    #expect(message != nil)
    let series = Series(name: "units", index: .numbered(count: 20), values: Array(repeating: .nan, count: 20))
    #expect(throws: RuntimeError.self) {
      _ = try ArimaFitting.fit(series, specification: ArimaSpecification(order: ARIMAOrder(p: 1, d: 0, q: 0), trend: nil, logTransform: false), xreg: [], period: 1)
    }
    do {
      _ = try ArimaFitting.fit(series, specification: ArimaSpecification(order: nil, trend: nil, logTransform: false), xreg: [], period: 1)
    } catch let error as RuntimeError {
      #expect(error.message == "every value of units is missing, so there is nothing to fit")
    }
  }

  @Test func seasonalPeriodLongerThanTheSeries() {
    let message = failure("air = dataset airpassengers\nm = fit arima air order=(0,1,1) seasonal=(0,1,1,200)")
    #expect(message?.contains("the seasonal period 200 is not shorter than the series (144 observations)") == true)
    let auto = failure("air = dataset airpassengers\nm = fit arima air period=300")
    #expect(auto?.contains("the seasonal period 300 is not shorter than the series (144 observations)") == true)
  }

  @Test func ordersThatCannotBeEstimated() {
    let constant = failure("air = dataset airpassengers\nm = fit arima air order=(1,1,1) trend=c")
    #expect(constant?.contains("a constant cannot be estimated after differencing (d + D = 1)") == true)
    #expect(constant?.contains("help: use trend=t for a drift") == true)
    let trend = failure("air = dataset airpassengers\nm = fit arima air order=(0,2,1) trend=t")
    #expect(trend?.contains("a linear trend cannot be estimated after 2 differences") == true)
    let huge = failure("air = dataset airpassengers\nm = fit arima air order=(51,0,0)")
    #expect(huge?.contains("order=(p,d,q) needs p and q between 0 and 50") == true)
    let seasonalOnly = failure("air = dataset airpassengers\nm = fit arima air seasonal=(0,1,1)")
    #expect(seasonalOnly?.contains("seasonal= needs order= as well") == true)
  }

  @Test func logOfNonPositiveData() {
    let message = failure("""
      x = load "../../../../Tests/Reference/data/macro.csv" date=date
      m = fit arima x.infl order=(1,0,0) transform=log
      """)
    #expect(message?.contains("transform=log needs positive data, but infl is") == true)
  }

  @Test func outOfRangeOptions() {
    let message = failure("air = dataset airpassengers\nm = fit arima air max_p=99")
    #expect(message?.contains("max_p must be between 0 and 20, not 99") == true)
  }
}

@Test func ctrlCStopsAFitAndTheSearch() throws {
  let values = try ReferenceData.column("data/airpassengers.csv", "passengers")
  let series = Series(name: "air", index: TimeIndex(frequency: .monthly, start: 1949 * 12, count: values.count, anchor: PeriodAnchor(style: .isoDate)), values: values)
  for order in [ARIMAOrder(p: 0, d: 1, q: 1, seasonalD: 1, seasonalQ: 1, period: 12), nil] {
    #expect(throws: CancellationError.self) {
      _ = try ArimaFitting.fit(series, specification: ArimaSpecification(order: order, trend: nil, logTransform: true), xreg: [], period: 12,
        isCancelled: { true }, checkCancellation: { throw CancellationError() })
    }
  }
}
