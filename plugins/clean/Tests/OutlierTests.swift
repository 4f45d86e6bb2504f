import Foundation
import Testing
import TrendCastTestSupport
@testable import TrendCastCleanPlugin

/// Outlier rules against their textbook definitions: hand-worked cases, and the rules written
/// out independently with numpy on the shop and CO2 data (expected.json).
@Suite struct OutlierTests {
  @Test func tukeyFencesByHand() {
    // Quartiles (type 7) of 1…8 and 40: Q1 = 3, Q3 = 7, IQR = 4 → fences −3 and 13.
    let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 40]
    let found = OutlierDetection.find(x, rule: .iqr(k: 1.5))
    #expect(found.positions == [8])
    #expect(found.bounds == -3...13)  // exact: binary fractions
    #expect(found.replacements == [13])
    // With k = 10 the upper fence is 47: nothing.
    #expect(OutlierDetection.find(x, rule: .iqr(k: 10)).positions.isEmpty)
  }

  @Test func fencesAreStrict() {
    // A value exactly on the fence is not an outlier: Q1 = 1, Q3 = 3, upper fence 6.
    #expect(OutlierDetection.find([0, 1, 2, 3, 4, 6], rule: .iqr(k: 1.5)).positions.isEmpty)
  }

  @Test func zscoreByHand() {
    // Ten values 0 and one 10: mean 10/11, sd = sqrt((10·(10/11)² + (110/11 − 10/11)²)/10).
    let x = [Double](repeating: 0, count: 10) + [10]
    let mean = 10.0 / 11
    let sd = ((10 * mean * mean + (10 - mean) * (10 - mean)) / 10).squareRoot()
    #expect((10 - mean) / sd > 3)  // z ≈ 3.015
    let found = OutlierDetection.find(x, rule: .zscore(threshold: 3))
    #expect(found.positions == [10])
    // The replacement is mean + 3 sd (1e-12 relative).
    #expect(abs(found.replacements[0] - (mean + 3 * sd)) <= 1e-12 * (mean + 3 * sd))
    #expect(OutlierDetection.find(x, rule: .zscore(threshold: 3.1)).positions.isEmpty)
  }

  @Test func hampelByHand() {
    // A spike of 50 in a slow ramp: its window 2,3,4,50,5,6,7 has median 5 and MAD 2·1.4826.
    let x: [Double] = [1, 2, 3, 4, 50, 5, 6, 7, 8]
    let found = OutlierDetection.find(x, rule: .hampel(window: 7, threshold: 3))
    #expect(found.positions == [4])
    #expect(found.replacements == [5])
    // Missing values are skipped, inside windows and as candidates.
    let gappy: [Double] = [1, .nan, 3, 4, 50, .nan, 6, 7, 8]
    #expect(OutlierDetection.find(gappy, rule: .hampel(window: 7, threshold: 3)).positions == [4])
  }

  @Test func hampelChecksTheEnds() {
    // Windows are cut short at the ends, so a spike on the last day is found.
    let x: [Double] = [10, 11, 10, 12, 11, 10, 11, 90]
    #expect(OutlierDetection.find(x, rule: .hampel(window: 7, threshold: 3)).positions == [7])
  }

  @Test func missingValuesAreNeverFlagged() {
    let x: [Double] = [1, 2, .nan, 3, 100, .nan]
    for rule in [OutlierRule.iqr(k: 1.5), .zscore(threshold: 1), .hampel(window: 3, threshold: 1)] {
      #expect(OutlierDetection.find(x, rule: rule).positions.allSatisfy { !x[$0].isNaN })
    }
  }

  @Test(arguments: ["shop_daily_gaps", "shop_daily", "co2_weekly"])
  func rulesMatchNumpyTextbookImplementations(set: String) throws {
    let expected = try Fixture.expected(set)
    let x = try ReferenceData.column("data/\(set).csv", set == "co2_weekly" ? "co2" : "units")
    func positions(_ key: String) throws -> [Int] { try #require(expected[key] as? [Int]) }
    for k in [1.5, 3.0] {
      let found = OutlierDetection.find(x, rule: .iqr(k: k))
      #expect(found.positions == (try positions("iqr_\(k)")), "iqr k=\(k)")
      let bounds = try Fixture.numbers(expected, "iqr_\(k)_bounds")
      // Fences: 1e-9 absolute.
      #expect(abs((found.bounds?.lowerBound ?? .nan) - bounds[0]) <= 1e-9 && abs((found.bounds?.upperBound ?? .nan) - bounds[1]) <= 1e-9)
    }
    for t in [3.0, 2.5] {
      let found = OutlierDetection.find(x, rule: .zscore(threshold: t))
      #expect(found.positions == (try positions("zscore_\(t)")), "zscore \(t)")
      let bounds = try Fixture.numbers(expected, "zscore_\(t)_bounds")
      // Bounds mean ± t·sd: 1e-9 absolute.
      #expect(abs((found.bounds?.lowerBound ?? .nan) - bounds[0]) <= 1e-9 && abs((found.bounds?.upperBound ?? .nan) - bounds[1]) <= 1e-9)
    }
    for (window, t, key) in [(7, 3.0, "hampel_7_3"), (5, 2.0, "hampel_5_2")] {
      let found = OutlierDetection.find(x, rule: .hampel(window: window, threshold: t))
      #expect(found.positions == (try positions(key)), "hampel \(key)")
      // Window medians: 1e-9 absolute.
      #expect(maxDifference(found.replacements, try Fixture.numbers(expected, key + "_medians")) <= 1e-9)
    }
  }
}

/// Clipping and normalisation.
@Suite struct ScalingTests {
  @Test func clipRaisesAndLowers() {
    let outcome = Clipping.clip([-3, 5, .nan, 700, 20], lower: 0, upper: 500)
    #expect(outcome.raised == [0] && outcome.lowered == [3])
    #expect(maxDifference(outcome.values, [0, 5, .nan, 500, 20]) == 0)
    #expect(Clipping.clip([-3, 5], lower: 0, upper: nil).values == [0, 5])
  }

  @Test func minmaxAndZscoreAreExactAndReversible() throws {
    let x: [Double] = [2, 4, .nan, 6, 10]
    let minmax = try #require(try Normalization.map(for: x, method: .minmax))
    #expect(minmax == AffineMap(offset: 2, scale: 8))
    #expect(maxDifference(Normalization.apply(minmax, to: x), [0, 0.25, .nan, 0.5, 1]) == 0)
    let z = try #require(try Normalization.map(for: x, method: .zscore))
    // mean 5.5, sample sd sqrt(35/3): 1e-12 absolute.
    #expect(abs(z.offset - 5.5) <= 1e-12 && abs(z.scale - (35.0 / 3).squareRoot()) <= 1e-12)
    let back = Normalization.apply(z, to: x).map { $0 * z.scale + z.offset }
    // The round trip: 1e-12 absolute.
    #expect(maxDifference(back, x) <= 1e-12)
  }

  @Test func constantOrEmptySeriesCannotBeNormalized() {
    #expect(throws: NormalizeProblem.constant(3)) { try Normalization.map(for: [3, 3, .nan], method: .zscore) }
    #expect(throws: NormalizeProblem.allMissing) { try Normalization.map(for: [.nan], method: .minmax) }
  }
}
