import Foundation
import Testing
import TrendCastForecastPlugin
import TrendCastTestSupport

/// accuracy and backtest against R's forecast package (Fixtures/evaluation_r.json, made by
/// Fixtures/make_fixtures.R) and the baselines' training accuracy
/// (plugins/baseline/Tests/Fixtures/baselines_r.json).
struct EvaluationReferenceTests {
  typealias E = EvaluationSupport

  static func load(_ expected: [String: Any]) -> String {
    "data = load \"Tests/Reference/\(expected["csv"] as? String ?? "")\" date=date\ny = data.\(expected["column"] as? String ?? "")\n"
  }

  /// R's names → our measures.
  static func check(_ measures: AccuracyMeasures, against r: [String: Any], label: String, tolerance: Double) {
    for (key, value) in [("ME", measures.me), ("RMSE", measures.rmse), ("MAE", measures.mae), ("MAPE", measures.mape), ("MASE", measures.mase)] {
      #expect(E.close(value, r.double(key), tolerance), "\(label) \(key): \(value.map { "\($0)" } ?? "nil") vs \(r.double(key) ?? .nan)")
    }
  }

  @Test func testAndTrainingAccuracyMatchR() throws {
    let cases = try E.fixture("evaluation_r.json")["accuracy"] as? [[String: Any]] ?? []
    #expect(cases.count == 5)
    for expected in cases {
      guard let method = expected["method"] as? String, let held = (expected["test"] as? NSNumber)?.intValue,
            let rTest = expected.object("r_test"), let rTraining = expected.object("r_training") else { continue }
      let label = "\(expected["series"] ?? "") \(method)"
      let source = Self.load(expected) + """
        train = window y drop=\(held)
        test = window y last=\(held)
        m = \(E.fit(method, "train"))
        f = forecast m h=\(held)
        a = accuracy f test
        both = accuracy m test
        """
      let test = try E.value("a", source, as: AccuracyTable.self)
      // Tolerance 1e-9 relative: the same arithmetic as R's accuracy().
      if let row = test.rows.first { Self.check(row.measures, against: rTest, label: label + " test", tolerance: 1e-9) }
      #expect(E.close(test.rows.first?.measures.smape, expected.double("smape"), 1e-9), "\(label) sMAPE")
      let both = try E.value("both", source, as: AccuracyTable.self)
      #expect(both.rows.map(\.set) == ["training", "test"])
      if both.rows.count == 2 {
        Self.check(both.rows[0].measures, against: rTraining, label: label + " training", tolerance: 1e-9)
        Self.check(both.rows[1].measures, against: rTest, label: label + " test via model", tolerance: 1e-9)
      }
    }
  }

  @Test func baselineTrainingAccuracyMatchesR() throws {
    let cases = try E.fixture("baselines_r.json", plugin: "baseline")["cases"] as? [[String: Any]] ?? []
    #expect(cases.count == 19)
    for expected in cases {
      guard let method = expected["method"] as? String, let training = expected.object("training") else { continue }
      let table = try E.value("a", Self.load(expected) + "a = fit \(method) y |> accuracy", as: AccuracyTable.self)
      // Tolerance 1e-9 relative (R's accuracy(naive(y)) etc.).
      if let row = table.rows.first { Self.check(row.measures, against: training, label: "\(expected["series"] ?? "") \(method)", tolerance: 1e-9) }
    }
  }

  @Test func backtestsMatchRPerWindowAndPooled() throws {
    let cases = try E.fixture("evaluation_r.json")["backtests"] as? [[String: Any]] ?? []
    #expect(cases.count == 5)
    for expected in cases {
      guard let method = expected["method"] as? String, let h = (expected["h"] as? NSNumber)?.intValue,
            let windows = (expected["windows"] as? NSNumber)?.intValue, let step = (expected["step"] as? NSNumber)?.intValue,
            let perWindow = expected["per_window"] as? [[String: Any]], let overall = expected.object("overall") else { continue }
      let label = "\(expected["series"] ?? "") \(method)"
      let result = try E.value("b", Self.load(expected) + "m = \(E.fit(method, "y"))\nb = backtest m h=\(h) windows=\(windows) step=\(step)", as: BacktestResult.self)
      #expect(result.windows.map(\.trainingSize) == perWindow.compactMap { ($0["train"] as? NSNumber)?.intValue }, "\(label) origins")
      for (window, r) in zip(result.windows, perWindow) {
        // Tolerance 1e-9 relative for forecasts and each window's measures.
        let forecast = (r["forecast"] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? []
        #expect(zip(window.forecast, forecast).allSatisfy { E.close($0, $1, 1e-9) } && window.forecast.count == forecast.count, "\(label) forecasts")
        if let measures = window.errors.measures {
          Self.check(measures, against: r, label: "\(label) window \(window.trainingSize)", tolerance: 1e-9)
          #expect(E.close(measures.smape, r.double("sMAPE"), 1e-9), "\(label) window sMAPE")
        }
      }
      if let pooled = result.overall {
        Self.check(pooled, against: overall, label: "\(label) overall", tolerance: 1e-9)
        #expect(E.close(pooled.smape, overall.double("sMAPE"), 1e-9), "\(label) overall sMAPE")
      }
    }
  }
}
