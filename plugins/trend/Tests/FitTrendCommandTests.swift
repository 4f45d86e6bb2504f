import Foundation
import Testing
import TrendCastTestSupport

/// `fit trend` end to end: display, forecasts, JSON, refit, and every refusal with its limit.
struct FitTrendCommandTests {
  static let air = "air = load \"Tests/Reference/data/airpassengers.csv\" date=date\n"

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

  @Test func displaysLikeSummaryLm() throws {
    let output = try ScriptHarness().run(Self.air + "fit trend air.passengers harmonics=2")
    // R: summary(tslm(y ~ trend + fourier(y, 2))) on AirPassengers.
    #expect(output.contains("Linear trend + 2 harmonics [12] fitted to passengers: monthly"))
    #expect(output.contains("a0   87.1807      4.6079    18.92  < 2.2e-16"))
    #expect(output.contains("c2   -4.3443      3.2351    -1.34      0.182"))
    #expect(output.contains("Residual standard error: 27.45 on 138 degrees of freedom"))
    #expect(output.contains("Multiple R-squared: 0.9495,  adjusted R-squared: 0.9477"))
    #expect(output.contains("F-statistic: 518.8 on 5 and 138 DF, p-value: < 2.2e-16"))
  }

  @Test func defaultsToTheFullSeasonalShapeAndDropsTheZeroSine() throws {
    let output = try ScriptHarness().run(Self.air + "fit trend air.passengers")
    #expect(output.contains("Linear trend + 6 harmonics [12]"))
    #expect(output.contains("no b6, as sin(πt) = 0"))
    #expect(!output.contains("\nb6 "))
    let nile = try ScriptHarness().run("nile = load \"Tests/Reference/data/nile.csv\" date=date\nfit trend nile.volume")
    #expect(nile.contains("Linear trend fitted to volume: yearly"))
    #expect(nile.contains("a1    -2.7143      0.5216    -5.20   1.07e-06"))  // R: tslm(Nile ~ trend)
  }

  @Test func forecastsWithTIntervals() throws {
    let output = try ScriptHarness().run(Self.air + "fit trend air.passengers harmonics=2 |> forecast h=1")
    // R: 447.3584 (391.5589, 503.1579) at 95 %.
    #expect(output.contains("1961-01-01  447.358  411.019  483.698  391.559  503.158"))
  }

  @Test func savesParametersA0A1B1C1() throws {
    let value = try ScriptHarness().value(of: "m", in: Self.air + "m = fit trend air.passengers harmonics=1")
    let json = try value.export(as: .json)
    #expect(json.hasPrefix("{\n  \"model\": \"Linear trend + 1 harmonic [12]\",\n  \"params\": {\n    \"a0\": "))
    for key in ["\"a1\"", "\"b1\"", "\"c1\"", "\"sigma2\"", "\"loglik\"", "\"aicc\"", "\"nobs\": 144", "\"r_squared\"", "\"harmonics\": 1"] {
      #expect(json.contains(key), "\(key)")
    }
  }

  @Test func refusesBadOptionsAndShortSeriesNamingTheLimit() throws {
    #expect(Self.failure(Self.air + "fit trend air.passengers harmonics=7")
      .contains("harmonics=7 is too many for period 12: 2K must not exceed the period, so K is at most 6"))
    #expect(Self.failure(Self.air + "fit trend air.passengers harmonics=-1").contains("harmonics must be 0 or more, not -1"))
    #expect(Self.failure(Self.air + "fit trend air.passengers period=0").contains("period must be at least 1, not 0"))
    #expect(Self.failure("nile = load \"Tests/Reference/data/nile.csv\" date=date\nfit trend nile.volume harmonics=1")
      .contains("harmonics=1 is too many for period 1"))
    #expect(Self.failure(Self.air + "fit trend air.passengers period=200")
      .contains("fit trend with period 200 needs at least one full season (200 observed values), but passengers has 144"))
    #expect(Self.failure(Self.air + "fit trend air.passengers period=143 harmonics=71")
      .contains("fit trend with 71 harmonics estimates 144 coefficients, so it needs at least 145 observed values, but passengers has 144"))
    #expect(Self.failure(Self.air + "fit trend air.passengers |> forecast h=2 xreg=air").contains("xreg= does not apply"))
  }

  @Test func anExactLineIsFlaggedNotPrintedAsNaN() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trend-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "date,units\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n2024-01-04,4\n2024-01-05,5\n".write(toFile: folder + "/line.csv", atomically: true, encoding: .utf8)
    // Five days are less than a week, which harmonics=0 does not need.
    let output = try ScriptHarness(directory: folder).run("l = load \"line.csv\" date=date\nm = fit trend l.units harmonics=0\nm\nforecast m h=1")
    #expect(output.contains("(an essentially perfect fit, as R warns: the standard errors and tests are unreliable)"))
    #expect(output.contains("2024-01-06     6     6     6     6     6"))
    #expect(!output.lowercased().contains("nan"))
  }
}
