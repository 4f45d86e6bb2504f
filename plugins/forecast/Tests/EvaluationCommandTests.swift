import Foundation
import Testing
import TrendCastForecastPlugin
import TrendCastTestSupport
import TrendCastValues

/// accuracy, backtest, compare and window end to end: displays, saves, notes, refusals.
struct EvaluationCommandTests {
  typealias E = EvaluationSupport
  static let air = """
    air = load "Tests/Reference/data/airpassengers.csv" date=date
    train = window air.passengers drop=12
    test = window air.passengers last=12

    """

  /// A folder of small CSV files for edge cases.
  static func scratch(_ files: [String: [String]]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evaluation-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (name, lines) in files {
      try lines.joined(separator: "\n").write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }
    return folder
  }

  static func days(_ values: [String]) -> [String] {
    ["date,units"] + values.enumerated().map { "2024-01-\(String(format: "%02d", $0.offset + 1)),\($0.element)" }
  }

  @Test func accuracyOfAForecastIsMatchedByDate() throws {
    // The actuals here are the whole series: only the 12 forecast months count.
    let output = try ScriptHarness().run(Self.air + "f = fit snaive train |> forecast h=12\naccuracy f air.passengers")
    #expect(output.contains("Accuracy of Seasonal naive method against passengers (12 periods)"))
    #expect(output.contains("Seasonal naive method  test  47.83  50.71  47.83  9.988  10.57  1.571"))  // R: MASE 1.570881
  }

  @Test func accuracyOfAModelShowsTrainingAndTestRows() throws {
    let output = try ScriptHarness().run(Self.air + "m = fit snaive train\naccuracy m test")
    #expect(output.contains("Seasonal naive method  training  30.17  34.55  30.45  11.375  12.23  1.000"))
    #expect(output.contains("Seasonal naive method  test      47.83  50.71  47.83   9.988  10.57  1.571"))
  }

  @Test func savesAccuracyAsOneRowPerModel() throws {
    let table = try E.value("a", Self.air + "f = fit naive train |> forecast h=12\na = accuracy f test", as: AccuracyTable.self)
    let csv = try table.export(as: .csv)
    #expect(csv.hasPrefix("model,set,ME,RMSE,MAE,MAPE,sMAPE,MASE\nNaive method,test,"))
    #expect(csv.split(separator: "\n").count == 2)
    let rmse = try ScriptHarness().run(Self.air + "f = fit naive train |> forecast h=12\na = accuracy f test\na.rmse")
    #expect(rmse.contains("102.9"))  // R: accuracy(naive(train), test) RMSE 102.9769
  }

  @Test func zeroActualsAndFlatTrainingAreSaidNotPrintedAsNaN() throws {
    let folder = try Self.scratch([
      "zeros.csv": Self.days(["4", "4", "4", "4", "4", "4", "4", "4", "0", "2", "0"]),
      "allzero.csv": Self.days(["1", "2", "3", "4", "5", "6", "7", "8", "0", "0"]),
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let output = try ScriptHarness(directory: folder, width: 200).run("""
      z = load "zeros.csv" date=date
      m = window z.units first=8 |> fit mean
      f = forecast m h=3
      accuracy f z.units
      a = load "allzero.csv" date=date
      g = window a.units first=8 |> fit naive |> forecast h=2
      accuracy g a.units
      """)
    #expect(output.contains("MAPE leaves out 2 periods where the actual is 0"))
    #expect(output.contains("MASE is not available: the seasonal naive (lag 7) method fits the training data exactly (in-sample MAE 0)"))
    #expect(output.contains("MAPE is not available: every actual value is 0"))
    #expect(output.contains("n/a"))
    #expect(!output.lowercased().contains("nan") && !output.contains("inf"))
  }

  @Test func backtestShowsWindowsPooledMeasuresAndAChart() throws {
    let output = try ScriptHarness().run(Self.air + "m = fit snaive air.passengers\nbacktest m h=12 windows=4 step=6 rmse mase")
    #expect(output.contains("Backtest of Seasonal naive method on passengers: 4 windows, h=12, step 6 (expanding window; origins 1958-06-01 … 1959-12-01)"))
    #expect(output.contains("window  origin      train   RMSE    MASE"))
    #expect(output.contains("all                        47.45  1.4838"))  // R (pooled): 47.4533, 1.48379
    #expect(output.contains("forecasts (4 windows)"))
  }

  /// A model with regressors: each window is re-fitted on its own stretch and forecasts with
  /// the regressors' values that follow it — the same as fitting that stretch by hand and
  /// forecasting with the regressor given as future values.
  @Test func backtestsAModelWithRegressors() throws {
    let setup = "macro = dataset macro\nm = fit arima macro.realcons order=(1,1,0) xreg=macro.realgdp\n"
    let result = try E.value("b", setup + "b = backtest m h=4 windows=3 step=4", as: BacktestResult.self)
    #expect(result.windows.count == 3)
    for window in result.windows {
      let drop = result.series.count - window.trainingSize
      let byHand = try E.value("f", setup + """
        part = window macro drop=\(drop)
        w = fit arima part.realcons order=(1,1,0) xreg=part.realgdp
        f = forecast w h=4 xreg=macro.realgdp
        """, as: Forecast.self)
      #expect(zip(window.forecast, byHand.mean).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) }, "window of \(window.trainingSize)")
    }
    // accuracy against held-out values forecasts with the model's own regressors too, when
    // they reach over the held-out periods.
    let heldOut = """
      macro = dataset macro
      train = window macro drop=8
      m = fit arima train.realcons order=(1,1,0) xreg=macro.realgdp
      """
    let scored = try ScriptHarness().run(heldOut + "\naccuracy m macro.realcons")
    #expect(scored.contains("MASE"))
    let short = E.failure(heldOut.replacingOccurrences(of: "xreg=macro.realgdp", with: "xreg=train.realgdp") + "\naccuracy m macro.realcons")
    #expect(short.contains("regressor 'realgdp' does not cover the forecast periods (2007-10-01 … 2009-07-01)"), "\(short)")
  }

  @Test func savesBacktestWithAnOverallRow() throws {
    let result = try E.value("b", Self.air + "m = fit naive air.passengers\nb = backtest m h=6 windows=2", as: BacktestResult.self)
    let lines = try result.export(as: .csv).split(separator: "\n")
    #expect(lines.first == "window,origin,train,ME,RMSE,MAE,MAPE,sMAPE,MASE")
    #expect(lines.count == 4)
    #expect(lines[1].hasPrefix("1,1960-05-01,137,"))
    #expect(lines[3].hasPrefix("all,,,"))
  }

  @Test func compareRanksModelsWithATableAndBars() throws {
    let output = try ScriptHarness().run(Self.air + """
      a = fit drift air.passengers
      b = fit trend air.passengers harmonics=2
      c = fit snaive air.passengers
      d = fit snaive air.passengers
      compare a, b, c, d h=12 windows=4 step=6 by=mase
      """)
    #expect(output.contains("ranked by MASE (smaller is better)"))
    #expect(output.contains("   1  Linear trend + 2 harmonics [12]"))
    #expect(output.contains("   2  Seasonal naive method "))
    #expect(output.contains("   3  Seasonal naive method #2"))
    #expect(output.contains("   4  Random walk with drift"))
    #expect(output.contains("Linear trend + 2 harmonics [12] ┤"))
    let comparison = try E.value("k", Self.air + "a = fit naive air.passengers\nb = fit mean air.passengers\nk = compare a, b h=3 windows=2", as: Comparison.self)
    let csv = try comparison.export(as: .csv)
    #expect(csv.hasPrefix("rank,model,ME,RMSE,MAE,MAPE,sMAPE,MASE\n1,Naive method,"))
    #expect(csv.contains("\n2,Mean,"))
  }

  @Test func outputIsDeterministic() throws {
    let source = Self.air + "m = fit trend air.passengers\nbacktest m h=12 windows=6 step=3\nn = fit naive air.passengers\ncompare m, n h=6 windows=3"
    let first = try ScriptHarness().run(source)
    #expect(try ScriptHarness().run(source) == first)
  }

  @Test func windowKeepsDatesAndPeriods() throws {
    let output = try ScriptHarness().run(Self.air + "window air.passengers from=\"1958-06\" to=1958\nwindow air from=\"1960Q4\"")
    #expect(output.contains("passengers: monthly series, 7 periods"))
    #expect(output.contains("1958-12-01         337"))
    #expect(output.contains("3 rows × 2 columns"))
    let train = try E.value("train", Self.air, as: Series.self)
    let test = try E.value("test", Self.air, as: Series.self)
    #expect(train.count == 132 && train.index.label(at: 131) == "1959-12-01")
    #expect(test.count == 12 && test.index.label(at: 0) == "1960-01-01")
  }

  @Test func windowOfATableWithoutDatesWorksByRow() throws {
    let folder = try Self.scratch(["plain.csv": ["units", "1", "2", "3", "4", "5"]])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let output = try ScriptHarness(directory: folder).run("p = load \"plain.csv\"\nwindow p last=2")
    #expect(output.contains("2 rows × 1 column"))
    #expect(E.failure("p = load \"plain.csv\"\nwindow p from=\"2024-01-01\"", directory: folder).contains("the table has no date column, so from= and to= do not apply"))
  }

  @Test func refusesBadInputNamingTheLimitAndTheValue() throws {
    let base = Self.air + "m = fit snaive air.passengers\nnile = load \"Tests/Reference/data/nile.csv\" date=date\nn = fit naive nile.volume\nf = forecast m h=3\n"
    let cases: [(String, String)] = [
      ("backtest m h=140 windows=2", "h=140 is longer than the backtest allows: passengers has 144 observations and each window keeps at least 13 to train on, so h can be at most 131"),
      ("backtest m h=12 windows=30 step=6", "windows=30 is more than the backtest allows: with h=12 and step 6, the 144 observations of passengers leave room for at most 20 windows that keep 13 observations to train on"),
      ("backtest m h=0 windows=2", "h must be at least 1, not 0"),
      ("backtest m h=2 windows=0", "windows must be at least 1, not 0"),
      ("backtest m h=12 windows=2 step=0", "step must be at least 1, not 0"),
      ("compare m, n h=12 windows=2", "compare needs models fitted to the same series, but model 2 (Naive method) was fitted to volume"),
      ("accuracy f nile.volume", "the actual series volume is yearly but the forecast is monthly, so their dates cannot be matched"),
      ("accuracy f train", "does not overlap the forecast"),
      ("accuracy f", "accuracy of a forecast needs the actual values to compare with"),
      ("accuracy m nile.volume", "the actual series volume is yearly but the training data is monthly"),
      ("accuracy m train", "ends before the model's training data do"),
      ("window air.passengers last=200", "last=200 is more than the 144 periods of passengers"),
      ("window air.passengers first=0", "first must be at least 1, not 0"),
      ("window air.passengers drop=144", "drop=144 leaves nothing of the 144 periods of passengers"),
      ("window air.passengers drop=-1", "drop must be 0 or more, not -1"),
      ("window air.passengers first=2 last=3", "give first= or last=, not both"),
      ("window air.passengers from=\"abc\"", "from=\"abc\" is not a date"),
      ("window air.passengers from=1970", "no period of passengers falls in the window from=1970"),
      ("window nile.volume to=1800", "no period of volume falls in the window to=1800"),
    ]
    for (statement, message) in cases {
      let text = E.failure(base + statement)
      #expect(text.contains(message), "\(statement): \(text)")
    }
  }

  @Test func backtestReportsWhichWindowAModelFailedIn() throws {
    let folder = try Self.scratch(["short.csv": Self.days((1...20).map(String.init))])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // A trend with 3 harmonics (8 coefficients) cannot be refitted on 8 observations.
    let text = E.failure("s = load \"short.csv\" date=date\nm = fit trend s.units\nbacktest m h=4 windows=9", directory: folder)
    #expect(text.contains("backtest window 1 of 9 (training on 8 observations, to 2024-01-08): fit trend with 3 harmonics estimates 8 coefficients"), "\(text)")
  }
}
