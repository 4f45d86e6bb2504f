import Foundation
import Testing
import TrendCastNumerics
import TrendCastTestSupport
@testable import TrendCastCleanPlugin

/// Filling against pandas (expected.json) and on hand-made edge cases.
@Suite struct FillTests {
  @Test(arguments: [("shop_daily_gaps", "units"), ("co2_weekly", "co2")])
  func linearMatchesPandasInterpolate(set: String, column: String) throws {
    let expected = try Fixture.expected(set)
    let x = try ReferenceData.column("data/\(set).csv", column)
    let outcome = try Filling.fill(x, method: .linear, period: 1)
    // Tolerance 1e-9 absolute (the "exact to 1e-9").
    #expect(maxDifference(outcome.values, try Fixture.numbers(expected, "linear")) <= 1e-9)
    #expect(outcome.filled.count == (expected["missing"] as? Int))
  }

  @Test(arguments: ["shop_daily_gaps", "co2_weekly"])
  func linearThroughTheCleanCommandMatchesPandas(set: String) throws {
    let expected = try Fixture.expected(set)
    let column = set == "co2_weekly" ? "co2" : "units"
    let cleaned = try series("u", "s = load \"Tests/Reference/data/\(set).csv\"\nu = clean s.\(column) fill=linear")
    // Tolerance 1e-9 absolute, as above: load → series → clean end to end.
    #expect(maxDifference(cleaned.values, try Fixture.numbers(expected, "linear")) <= 1e-9)
    #expect(cleaned.missingCount == 0)
  }

  @Test(arguments: ["shop_daily_gaps", "co2_weekly"])
  func carriedAndMeanMatchPandas(set: String) throws {
    let expected = try Fixture.expected(set)
    let x = try ReferenceData.column("data/\(set).csv", set == "co2_weekly" ? "co2" : "units")
    // Carrying copies values: exact (tolerance 0).
    #expect(maxDifference(try Filling.fill(x, method: .ffill, period: 1).values, try Fixture.numbers(expected, "ffill")) == 0)
    #expect(maxDifference(try Filling.fill(x, method: .bfill, period: 1).values, try Fixture.numbers(expected, "bfill")) == 0)
    let mean = try #require(expected["mean"] as? Double)
    let filled = try Filling.fill(x, method: .mean, period: 1)
    // The mean: 1e-9 relative.
    #expect(abs((filled.constant ?? .nan) - mean) <= 1e-9 * abs(mean))
    #expect(filled.filled.allSatisfy { abs(filled.values[$0] - mean) <= 1e-9 * abs(mean) })
  }

  @Test func edgesTakeTheNearestObservation() throws {
    let x: [Double] = [.nan, .nan, 4, .nan, 8, .nan]
    let linear = try Filling.fill(x, method: .linear, period: 1)
    #expect(linear.values == [4, 4, 4, 6, 8, 8])  // exact: small integers
    #expect(linear.leading == 2 && linear.trailing == 1)
    #expect(linear.filled == [0, 1, 3, 5])
    #expect(try Filling.fill(x, method: .ffill, period: 1).values == [4, 4, 4, 4, 8, 8])
    #expect(try Filling.fill(x, method: .bfill, period: 1).values == [4, 4, 4, 8, 8, 8])
    #expect(try Filling.fill(x, method: .mean, period: 1).values == [6, 6, 4, 6, 8, 6])
    #expect(try Filling.fill(x, method: .none, period: 1).values.filter(\.isNaN).count == 4)
  }

  @Test func oneObservationFillsEverything() throws {
    #expect(try Filling.fill([.nan, 5, .nan], method: .linear, period: 1).values == [5, 5, 5])
  }

  @Test func allMissingIsAProblemForEveryMethod() {
    for method in FillMethod.allCases where method != .none {
      #expect(throws: FillProblem.allMissing) { try Filling.fill([.nan, .nan, .nan], method: method, period: 7) }
    }
  }

  @Test func seasonalFillIsNaInterpAndRecoversASeason() throws {
    // Trend plus an exact weekly pattern: the seasonal fill puts the pattern back into the holes,
    // where linear interpolation would cut straight across the week.
    let pattern: [Double] = [0, -10, -5, 0, 5, 30, 20]
    let truth = (0..<140).map { 100 + 0.5 * Double($0) + pattern[$0 % 7] }
    var x = truth
    for hole in [12, 13, 40, 75, 76, 77, 101] { x[hole] = .nan }
    let seasonal = try Filling.fill(x, method: .seasonal, period: 7)
    #expect(seasonal.values == (try MissingValues.interpolateSeasonally(x, period: 7)))  // the same algorithm: exact
    let linear = try Filling.fill(x, method: .linear, period: 1)
    let seasonalError = maxDifference(seasonal.values, truth)
    // Tolerance: within 1 unit of the truth (the pattern spans 40), and far better than linear.
    #expect(seasonalError < 1)
    #expect(maxDifference(linear.values, truth) > 10 * seasonalError)
  }

  @Test func seasonalFillNeedsASeasonAndEnoughData() {
    #expect(throws: FillProblem.noSeason) { try Filling.fill([1, .nan, 3], method: .seasonal, period: 1) }
    let short: [Double] = (0..<14).map { $0 == 3 ? .nan : Double($0) }
    #expect(throws: FillProblem.tooFewForSeason(needed: 15, observed: 13)) { try Filling.fill(short, method: .seasonal, period: 7) }
  }
}
