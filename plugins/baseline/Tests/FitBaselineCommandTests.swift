import Foundation
import Testing
import TrendCastTestSupport

/// `fit naive|snaive|mean|drift` end to end: displays, forecasts, saved JSON, and every refusal.
struct FitBaselineCommandTests {
  static let air = "air = load \"Tests/Reference/data/airpassengers.csv\" date=date\n"

  /// A folder holding `short.csv` (10 months) and `gappy.csv` (last season missing).
  static func scratchFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let short = (1...10).map { "2020-\(String(format: "%02d", $0))-01,\($0 * 3)" }
    try (["date,units"] + short).joined(separator: "\n").write(toFile: folder + "/short.csv", atomically: true, encoding: .utf8)
    try "date,units\n2020-01-01,1\n2020-02-01,2\n".write(toFile: folder + "/two.csv", atomically: true, encoding: .utf8)
    // Period 2: the last day's chain of carried values (days 7, 5, 3, 1) is all missing.
    let gappy = ["date,units", "2020-01-01,", "2020-01-02,1", "2020-01-03,", "2020-01-04,2", "2020-01-05,", "2020-01-06,3", "2020-01-07,"]
    try gappy.joined(separator: "\n").write(toFile: folder + "/gappy.csv", atomically: true, encoding: .utf8)
    return folder
  }

  /// The message of a script that must fail while running (exit code 4).
  static func failure(_ source: String, directory: String? = nil) -> String {
    do {
      _ = try ScriptHarness(directory: directory).run(source)
      return "(no error)"
    } catch {
      if case .failed(let text, _) = error { return text }
      return "(not a run-time failure: \(error))"
    }
  }

  @Test func displaysEachMethodTheWayRWould() throws {
    let output = try ScriptHarness().run(Self.air + """
      fit drift air.passengers
      fit mean air.passengers
      fit naive air.passengers
      fit snaive air.passengers
      """)
    #expect(output.contains("Random walk with drift fitted to passengers: monthly"))
    #expect(output.contains("2.2378"))  // R: drift 2.237762, s.e. 2.822675
    #expect(output.contains("2.8227"))
    #expect(output.contains("280.2986"))  // R: meanf mu
    #expect(output.contains("forecasts repeat the last value, 432"))
    #expect(output.contains("forecasts repeat the last season (period 12)"))
    #expect(!output.contains("nan") && !output.contains("NaN"))
  }

  @Test func forecastsThroughTheForecastCommand() throws {
    let output = try ScriptHarness().run(Self.air + """
      m = fit drift air.passengers
      forecast m h=2
      """)
    // R's rwf(drift=TRUE): 434.2378 (367.8497, 500.6259) at 95 %, printed to 3 decimals.
    #expect(output.contains("1961-01-01  434.238  390.829  477.647  367.850  500.626"))
  }

  @Test func savesModelJSONWithRNames() throws {
    let value = try ScriptHarness().value(of: "m", in: Self.air + "m = fit drift air.passengers")
    let json = try value.export(as: .json)
    #expect(json.hasPrefix("{\n  \"model\": \"Random walk with drift\",\n  \"params\": {\n    \"drift\": 2.23776223776"))
    #expect(json.contains("\"nobs\": 144"))
    let mean = try ScriptHarness().value(of: "m", in: Self.air + "m = fit mean air.passengers")
    #expect(try mean.export(as: .json).contains("\"mu\": 280.29861111111"))
    let seasonal = try ScriptHarness().value(of: "m", in: Self.air + "m = fit snaive air.passengers period=6")
    #expect(try seasonal.export(as: .json).contains("\"period\": 6"))
  }

  @Test func snaiveOnYearlyDataSaysItIsTheNaiveMethod() throws {
    let output = try ScriptHarness(width: 200).run("""
      nile = load "Tests/Reference/data/nile.csv" date=date
      fit snaive nile.volume
      """)
    #expect(output.contains("has no seasonal period (yearly data), so the seasonal naive method is the naive method"))
  }

  @Test func refusesBadInputWithTheLimitAndTheValue() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let short = "s = load \"short.csv\" date=date\n"
    #expect(Self.failure(short + "fit snaive s.units", directory: folder)
      .contains("fit snaive needs at least 13 observed values (one full season of 12 and one more for a residual), but units has 10"))
    #expect(Self.failure(short + "fit snaive s.units period=0", directory: folder).contains("period must be at least 1, not 0"))
    #expect(Self.failure("t = load \"two.csv\" date=date\nfit drift t.units", directory: folder)
      .contains("fit drift needs at least 3 observed values (two changes for a standard deviation), but units has 2"))
    let gappy = "g = load \"gappy.csv\" date=date\n"
    #expect(Self.failure(gappy + "fit snaive g.units period=2", directory: folder)
      .contains("has no observed value in its last season to forecast from"))
    #expect(Self.failure(Self.air + "m = fit naive air.passengers\nforecast m h=3 xreg=air").contains("the naive method has no regressors"))
  }
}
