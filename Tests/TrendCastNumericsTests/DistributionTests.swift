import Foundation
import Testing

@testable import TrendCastNumerics

/// Expected values from scipy (Fixtures/make_python_fixtures.py → python_fixtures.json).
@Suite("Distributions")
struct DistributionTests {
  struct Tables: Decodable {
    let normal_quantile: [[Double]]
    let normal_cdf: [[Double]]
    let normal_sf: [[Double]]
    let t_cdf: [[Double]]
    let t_quantile: [[Double]]
    let chisq_cdf: [[Double]]
    let chisq_sf: [[Double]]
    let chisq_quantile: [[Double]]
    let beta_inc: [[Double]]
    let f_cdf: [[Double]]
    let gamma_p: [[Double]]
    let gamma_q: [[Double]]
  }
  struct File: Decodable { let distributions: Tables }

  let tables: Tables

  init() throws {
    tables = try ReferenceData.fixture("python_fixtures.json", as: File.self).distributions
  }

  /// Relative comparison with an absolute floor, for probabilities spanning many decades.
  func expectRelative(_ actual: Double, _ expected: Double, relative: Double, absolute: Double = 1e-300, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let tolerance = Swift.max(relative * abs(expected), absolute)
    #expect(abs(actual - expected) <= tolerance, "\(label): \(actual) vs \(expected)", sourceLocation: sourceLocation)
  }

  @Test func normalMatchesScipy() {
    for row in tables.normal_quantile {
      // AS 241 is accurate to ~1e-16; allow 1e-14 relative.
      expectRelative(NormalDistribution.standardQuantile(row[0]), row[1], relative: 1e-14, absolute: 1e-15, "qnorm(\(row[0]))")
    }
    for row in tables.normal_cdf {
      expectRelative(NormalDistribution.standard.cdf(row[0]), row[1], relative: 1e-13, "pnorm(\(row[0]))")
    }
    for row in tables.normal_sf {
      expectRelative(NormalDistribution.standard.survival(row[0]), row[1], relative: 1e-13, "sf(\(row[0]))")
    }
    let shifted = NormalDistribution(mean: 10, standardDeviation: 2)
    expectClose(shifted.quantile(0.975), 10 + 2 * 1.959963984540054, tolerance: 1e-13, "shifted quantile")
    expectClose(shifted.pdf(10), 1 / (2 * (2 * Double.pi).squareRoot()), tolerance: 1e-15, "pdf")
    #expect(NormalDistribution.standardQuantile(1.5).isNaN)
  }

  @Test func studentTMatchesScipy() {
    for row in tables.t_cdf {
      let t = StudentTDistribution(degreesOfFreedom: row[1])
      // Incomplete beta continued fraction: 1e-12 relative.
      expectRelative(t.cdf(row[0]), row[2], relative: 1e-12, "pt(\(row[0]), \(row[1]))")
    }
    for row in tables.t_quantile {
      let t = StudentTDistribution(degreesOfFreedom: row[1])
      expectRelative(t.quantile(row[0]), row[2], relative: 1e-10, absolute: 1e-12, "qt(\(row[0]), \(row[1]))")
    }
  }

  @Test func chiSquareMatchesScipy() {
    for row in tables.chisq_cdf {
      expectRelative(ChiSquareDistribution(degreesOfFreedom: row[1]).cdf(row[0]), row[2], relative: 1e-12, "pchisq(\(row[0]), \(row[1]))")
    }
    for row in tables.chisq_sf {
      // Far-tail values like 1e-190 keep ~1e-12 relative accuracy.
      expectRelative(ChiSquareDistribution(degreesOfFreedom: row[1]).survival(row[0]), row[2], relative: 1e-11, "sf(\(row[0]), \(row[1]))")
    }
    for row in tables.chisq_quantile {
      expectRelative(ChiSquareDistribution(degreesOfFreedom: row[1]).quantile(row[0]), row[2], relative: 1e-10, absolute: 1e-14, "qchisq(\(row[0]), \(row[1]))")
    }
  }

  @Test func incompleteFunctionsMatchScipy() {
    for row in tables.beta_inc {
      expectRelative(SpecialFunctions.regularizedBeta(row[0], row[1], row[2]), row[3], relative: 1e-11, "I(\(row[0]); \(row[1]), \(row[2]))")
    }
    for row in tables.gamma_p {
      expectRelative(SpecialFunctions.regularizedGammaP(row[1], row[0]), row[2], relative: 1e-11, "P(\(row[1]), \(row[0]))")
    }
    for row in tables.gamma_q {
      expectRelative(SpecialFunctions.regularizedGammaQ(row[1], row[0]), row[2], relative: 1e-11, "Q(\(row[1]), \(row[0]))")
    }
    for row in tables.f_cdf {
      let f = FDistribution(numeratorDegreesOfFreedom: row[1], denominatorDegreesOfFreedom: row[2])
      expectRelative(f.cdf(row[0]), row[3], relative: 1e-11, "pf(\(row[0]); \(row[1]), \(row[2]))")
      expectRelative(f.survival(row[0]), 1 - row[3], relative: 1e-9, absolute: 1e-15, "sf F")
    }
    #expect(SpecialFunctions.regularizedBeta(1.5, 1, 1).isNaN)
    #expect(SpecialFunctions.regularizedGammaP(-1, 1).isNaN)
  }
}
