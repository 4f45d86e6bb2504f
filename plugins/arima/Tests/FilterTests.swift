import Foundation
import Testing
import TrendCastNumerics
import TrendCastTestSupport

@testable import TrendCastArimaPlugin

/// The building blocks: polynomials, the parameter transform, the stationary covariance and
/// the agreement of the two Kalman filters.
struct FilterTests {
  @Test func seasonalPolynomialsExpand() {
    let arma = ARMACoefficients(ar: [0.5], ma: [0.3], seasonalAR: [0.2], seasonalMA: [-0.4])
    let phi = arma.expandedAR(period: 4)
    // (1 − 0.5B)(1 − 0.2B⁴) = 1 − 0.5B − 0.2B⁴ + 0.1B⁵ → φ = (0.5, 0, 0, 0.2, −0.1); exact to 1e-15.
    #expect(zip(phi, [0.5, 0, 0, 0.2, -0.1]).allSatisfy { abs($0 - $1) < 1e-15 })
    let theta = arma.expandedMA(period: 4)
    #expect(zip(theta, [0.3, 0, 0, -0.4, -0.12]).allSatisfy { abs($0 - $1) < 1e-15 })
    // (1 − B)(1 − B¹²): y_t = y_{t−1} + y_{t−12} − y_{t−13} + w_t.
    let delta = ARIMAOrder(p: 0, d: 1, q: 0, seasonalD: 1, period: 12).differencingCoefficients
    #expect(delta.count == 13 && delta[0] == 1 && delta[11] == 1 && delta[12] == -1)
  }

  @Test func stationarityWithoutRoots() {
    #expect(Polynomial.isStationary([0.5]))
    #expect(!Polynomial.isStationary([1.0]))
    #expect(Polynomial.isStationary([1.377, -0.74]))
    #expect(!Polynomial.isStationary([0.5, 0.6]))
    // forecast's 1.01 screen: an MA root at 1/0.995 ≈ 1.005 is too close.
    #expect(Polynomial.isInvertible([-0.995]) && !Polynomial.isInvertible([-0.995], radius: 1.01))
  }

  @Test func transformRoundTrips() {
    let order = ARIMAOrder(p: 2, d: 0, q: 1, seasonalP: 1, seasonalQ: 1, period: 12)
    let natural = [1.2, -0.5, -0.7, 0.3, -0.6, 42.0]
    let raw = ParameterTransform.unconstrained(natural, order: order)
    let back = ParameterTransform.constrained(raw, order: order)
    // Round trip to 1e-10; the regression coefficient passes through unchanged.
    #expect(zip(back, natural).allSatisfy { abs($0 - $1) < 1e-10 })
    #expect(raw[5] == 42)
  }

  @Test(arguments: [
    ([0.6, -0.3], [0.4]), ([], [0.5, 0.2, -0.1]), ([0.9], []), ([0.5, 0, 0, 0.2, -0.1], [0.3, 0, 0, -0.4, -0.12]),
  ])
  func stationaryCovarianceSolvesLyapunov(_ phi: [Double], _ theta: [Double]) throws {
    let r = max(phi.count, theta.count + 1)
    var p = Array(repeating: 0.0, count: (r + 1) * (r + 1))
    if phi.isEmpty { return }
    try ARMACovariance.stationaryStateCovariance(phi: phi, theta: theta, r: r, into: &p, rowStride: r + 1)
    var t = Matrix(rows: r, columns: r)
    for i in 0..<r {
      if i < phi.count { t[i, 0] = phi[i] }
      if i + 1 < r { t[i, i + 1] = 1 }
    }
    let rv = (0..<r).map { $0 == 0 ? 1.0 : ($0 <= theta.count ? theta[$0 - 1] : 0) }
    var q = Matrix(rows: r, columns: r)
    for i in 0..<r { for j in 0..<r { q[i, j] = rv[i] * rv[j] } }
    let reference = try DiscreteLyapunov.solve(t, q)
    // Same covariance as the Lyapunov solver, to 1e-9 relative.
    for i in 0..<r {
      for j in 0..<r { #expect(abs(p[i * (r + 1) + j] - reference[i, j]) <= 1e-9 * max(1, abs(reference[i, j]))) }
    }
  }

  @Test func fastAndFullFiltersAgreeOnCompleteData() throws {
    let y = try ReferenceData.column("data/airpassengers.csv", "passengers").map { log($0) }
    let order = ARIMAOrder(p: 1, d: 1, q: 1, seasonalD: 1, seasonalQ: 1, period: 12)
    let arma = ARMACoefficients(ar: [0.2], ma: [-0.5], seasonalMA: [-0.5])
    let phi = arma.expandedAR(period: 12)
    let theta = arma.expandedMA(period: 12)
    let filter = ARMAFilter()
    try filter.reset(phi: phi, theta: theta)
    let problem = try ARIMAProblem(y: y, order: order, regressors: [])
    let w = problem.sequentialDifference(y)
    let fast = w.withUnsafeBufferPointer { filter.run($0) }
    try filter.reset(phi: phi, theta: theta)
    let covarianceForm = w.withUnsafeBufferPointer { filter.runCovarianceForm($0) }
    // The Chandrasekhar recursions give the covariance form's likelihood to 1e-9.
    #expect(abs(fast.logLikelihood - covarianceForm.logLikelihood) < 1e-9)
    let full = try ARIMAStateSpace(phi: phi, theta: theta, delta: order.differencingCoefficients).filter(y).sums
    // The exact diffuse likelihood equals the differenced one: 1e-8 in log-likelihood.
    #expect(fast.count == full.count)
    #expect(abs(fast.logLikelihood - full.logLikelihood) < 1e-8)
  }

  @Test func missingValuesAreFilteredNotDropped() throws {
    var y = try ReferenceData.column("data/airpassengers.csv", "passengers").map { log($0) }
    y[30] = .nan
    y[77] = .nan
    let fit = try ARIMAEstimator.fit(y, order: ARIMAOrder(p: 0, d: 1, q: 1, seasonalD: 1, seasonalQ: 1, period: 12))
    // Two fewer observations than the complete series; estimates close to the complete fit
    // (ma1 −0.40, sma1 −0.56) within 0.05.
    #expect(fit.nobs == 129)
    #expect(abs(fit.arma.ma[0] + 0.40) < 0.05 && abs(fit.arma.seasonalMA[0] + 0.56) < 0.05)
  }
}

@Test func nonInvertibleMAIsFlippedInside() {
  // 1 + 2.5z + z² = (1 + 0.5z)(1 + 2z): the root −0.5 moves to −2, giving (1 + 0.5z)² = 1 + z + 0.25z².
  let inverted = Polynomial.invertibleMA([2.5, 1])
  #expect(abs(inverted[0] - 1) < 1e-10 && abs(inverted[1] - 0.25) < 1e-10)  // 1e-10: Durand–Kerner roots
  #expect(Polynomial.invertibleMA([0.5, 0.2]) == [0.5, 0.2])
  #expect(abs(Polynomial.invertibleMA([-2])[0] + 0.5) < 1e-15)
}
