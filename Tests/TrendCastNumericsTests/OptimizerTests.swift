import Foundation
import Testing

@testable import TrendCastNumerics

/// Rosenbrock's banana function, the example of R's `?optim`.
func rosenbrock(_ x: [Double]) -> Double {
  100 * pow(x[1] - x[0] * x[0], 2) + pow(1 - x[0], 2)
}

func rosenbrockGradient(_ x: [Double]) -> [Double] {
  [-400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]), 200 * (x[1] - x[0] * x[0])]
}

/// Expected values printed by R 4.2.2 for the `?optim` examples (see Fixtures/make_r_fixtures.R).
@Suite("Optimisers")
struct OptimizerTests {
  @Test func bfgsMatchesROptimWithNumericalGradient() {
    let result = minimizeBFGS(rosenbrock, from: [-1.2, 1])
    // Same algorithm and finite differences as R: the path matches to rounding, so 1e-9.
    expectClose(result.x, [0.999804433231397, 0.999608380623481], tolerance: 1e-9, "par")
    expectClose(result.value, 3.82738275610795e-08, tolerance: 1e-14, "value")
    #expect(result.gradientEvaluations == 38)
    #expect(result.evaluations - 4 * result.gradientEvaluations == 118)  // R counts f calls outside gradients
    #expect(result.converged)
  }

  @Test func bfgsMatchesROptimWithAnalyticGradient() {
    let result = minimizeBFGS(rosenbrock, from: [-1.2, 1], gradient: rosenbrockGradient)
    expectClose(result.x, [0.999999996904914, 0.999999993797419], tolerance: 1e-9, "par")
    #expect(result.value < 1e-15)
    #expect(result.gradientEvaluations == 43)
    #expect(result.evaluations == 110)
  }

  @Test func bfgsRespectsParameterScaleAndIterationLimit() {
    // A badly scaled quadratic: scaling makes it easy.
    let f: ([Double]) -> Double = { x in pow(x[0] / 1000 - 3, 2) + pow(x[1] - 2, 2) }
    var options = BFGSOptions()
    options.parameterScale = [1000, 1]
    let scaled = minimizeBFGS(f, from: [0, 0], options: options)
    // Quadratic minimum at (3000, 2); relative 1e-6 on the first coordinate.
    expectClose(scaled.x[0], 3000, tolerance: 3e-3, "x0")
    expectClose(scaled.x[1], 2, tolerance: 1e-6, "x1")
    var limited = BFGSOptions()
    limited.maxIterations = 3
    let stopped = minimizeBFGS(rosenbrock, from: [-1.2, 1], options: limited)
    #expect(!stopped.converged)
    #expect(stopped.iterations == 3)
  }

  @Test func bfgsBacksOffFromNonFiniteValues() {
    // log barrier: NaN for x <= 0; the minimum of x − log x is at 1.
    let f: ([Double]) -> Double = { x in x[0] - log(x[0]) + pow(x[1], 2) }
    let result = minimizeBFGS(f, from: [0.05, 1])
    expectClose(result.x[0], 1, tolerance: 1e-4, "x0")
    let nanStart = minimizeBFGS(f, from: [-1, 0])
    #expect(!nanStart.converged)
    #expect(nanStart.message.contains("not finite"))
  }

  @Test func nelderMeadMatchesROptimDefault() {
    let result = minimizeNelderMead(rosenbrock, from: [-1.2, 1])
    expectClose(result.x, [1.00026013872567, 1.00050599930377], tolerance: 1e-10, "par")
    expectClose(result.value, 8.82524109672275e-08, tolerance: 1e-15, "value")
    #expect(result.evaluations == 195)
    #expect(result.converged)
  }

  @Test func nelderMeadAvoidsNaNRegion() {
    let f: ([Double]) -> Double = { x in x[0] < 0 ? .nan : pow(x[0] - 0.5, 2) + pow(x[1] + 1, 2) }
    let result = minimizeNelderMead(f, from: [0.01, 0])
    // Simplex tolerance 1.49e-8 relative on values near 0: coordinates to ~1e-3.
    expectClose(result.x, [0.5, -1], tolerance: 2e-3, "par")
    #expect(result.value.isFinite)
  }

  @Test func brentMatchesROptimize() {
    let result = minimizeBrent({ x in pow(x - 1.0 / 3, 2) * exp(x) }, lower: 0, upper: 1)
    // Same algorithm as R's optimize: identical iterates, so 1e-12.
    expectClose(result.x[0], 0.333343480765103, tolerance: 1e-12, "minimum")
    expectClose(result.value, 1.43708188177726e-10, tolerance: 1e-18, "objective")
    #expect(result.converged)
  }

  @Test func boundedQuasiNewtonHonoursBounds() {
    // Unconstrained minimum (1, 1) lies outside the box x0 ≤ 0.5: the constrained one is
    // (0.5, 0.25) (on the bound, with x1 = x0²).
    let result = minimizeBounded(rosenbrock, from: [-1.2, 1], lower: [-2, -2], upper: [0.5, 2], gradient: rosenbrockGradient)
    expectClose(result.x, [0.5, 0.25], tolerance: 1e-5, "par")
    #expect(result.converged)
    let numeric = minimizeBounded(rosenbrock, from: [-1.2, 1], lower: [-2, -2], upper: [2, 2])
    expectClose(numeric.x, [1, 1], tolerance: 2e-3, "free minimum")
  }

  @Test func boundedQuasiNewtonStartsOutsideBoxAndAvoidsNaN() {
    let f: ([Double]) -> Double = { x in x[0] <= 0 ? .nan : x[0] - log(x[0]) + pow(x[1] - 3, 2) }
    let result = minimizeBounded(f, from: [5, 10], lower: [1e-8, 0], upper: [4, 2])
    // Minimum of x − log x at 1; x1 pinned at its upper bound 2.
    expectClose(result.x[0], 1, tolerance: 1e-4, "x0")
    expectClose(result.x[1], 2, tolerance: 0, "x1")
  }

  @Test func hessiansOfAQuadraticAreExact() {
    let f: ([Double]) -> Double = { x in 3 * x[0] * x[0] + 2 * x[0] * x[1] + 5 * x[1] * x[1] + x[0] }
    let expected = Matrix([[6, 2], [2, 10]])
    // Second differences of a quadratic are exact up to rounding: ~ε f / h² ≈ 1e-7 relative.
    #expect(NumericalDerivatives.hessian(of: f, at: [0.3, -0.7]).maxAbsDifference(expected) < 1e-6)
    #expect(NumericalDerivatives.optimStyleHessian(of: f, at: [0.3, -0.7]).maxAbsDifference(expected) < 1e-8)
    let g = NumericalDerivatives.gradient(of: f, at: [0.3, -0.7])
    expectClose(g, [6 * 0.3 + 2 * -0.7 + 1, 2 * 0.3 + 10 * -0.7], tolerance: 1e-8, "gradient")
  }

  @Test func rosenbrockHessianAtOptimum() {
    // Analytic Hessian at (1, 1): [[802, −400], [−400, 200]]; central differences 1e-4 relative.
    let h = NumericalDerivatives.hessian(of: rosenbrock, at: [1, 1])
    #expect(h.maxAbsDifference(Matrix([[802, -400], [-400, 200]])) < 0.1)
    let r = NumericalDerivatives.optimStyleHessian(of: rosenbrock, at: [1, 1], gradient: rosenbrockGradient)
    #expect(r.maxAbsDifference(Matrix([[802, -400], [-400, 200]])) < 1e-3)
  }
}
