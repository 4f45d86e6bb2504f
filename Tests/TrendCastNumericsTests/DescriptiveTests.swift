import Foundation
import Testing

@testable import TrendCastNumerics

/// Expected values from R 4.2.2 (Fixtures/make_r_fixtures.R → r_fixtures.json).
@Suite("Descriptive statistics")
struct DescriptiveTests {
  struct Expected: Decodable {
    let x: [Double?]
    let probs: [Double]
    let quantiles: [[Double]]
    let mean: Double
    let `var`: Double
    let median: Double
    let mad: Double
  }
  struct File: Decodable { let descriptive: Expected }

  @Test func matchesR() throws {
    let expected = try ReferenceData.fixture("r_fixtures.json", as: File.self).descriptive
    let x = expected.x.map { $0 ?? .nan }
    for type in 1...9 {
      // Same order statistics and interpolation weights as R: 1e-12.
      expectClose(Descriptive.quantiles(x, expected.probs, type: type), expected.quantiles[type - 1], tolerance: 1e-12, "type \(type)")
    }
    expectClose(Descriptive.mean(x), expected.mean, tolerance: 1e-13, "mean")
    expectClose(Descriptive.variance(x), expected.var, tolerance: 1e-12, "var")
    expectClose(Descriptive.standardDeviation(x), expected.var.squareRoot(), tolerance: 1e-12, "sd")
    expectClose(Descriptive.median(x), expected.median, tolerance: 0, "median")
    expectClose(Descriptive.medianAbsoluteDeviation(x), expected.mad, tolerance: 1e-12, "mad")
    #expect(Descriptive.count(x) == 10)
  }

  @Test func emptyAndShortInputsGiveNaN() {
    #expect(Descriptive.mean([]).isNaN)
    #expect(Descriptive.mean([.nan, .nan]).isNaN)
    #expect(Descriptive.variance([1]).isNaN)
    #expect(Descriptive.quantile([], 0.5).isNaN)
    #expect(Descriptive.quantile([1, 2], 1.5).isNaN)
  }

  @Test func correlationOfLinearDataIsOne() {
    let x = (0..<20).map(Double.init)
    // Exact linear relation: |r| = 1 to rounding, 1e-14.
    expectClose(Descriptive.correlation(x, x.map { 3 - 2 * $0 }), -1, tolerance: 1e-14, "r")
  }
}
