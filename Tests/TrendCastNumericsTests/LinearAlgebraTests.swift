import Foundation
import Testing

@testable import TrendCastNumerics

/// A random matrix with entries uniform in [-1, 1].
func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
  var generator = SeededGenerator(seed: seed)
  return Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in Double.random(in: -1...1, using: &generator) })
}

/// A random symmetric positive-definite matrix B B' + n I.
func randomSPD(_ n: Int, seed: UInt64) -> Matrix {
  let b = randomMatrix(n, n, seed: seed)
  return b * b.transposed + Double(n) * Matrix.identity(n)
}

@Suite("Matrix basics")
struct MatrixTests {
  @Test func productTransposeAndVector() {
    let a = Matrix([[1, 2, 3], [4, 5, 6]])
    let b = Matrix([[7, 8], [9, 10], [11, 12]])
    // Exact integers: tolerance 0.
    #expect(a * b == Matrix([[58, 64], [139, 154]]))
    #expect(a.transposed == Matrix([[1, 4], [2, 5], [3, 6]]))
    #expect(a * [1, 0, -1] == [-2, -2])
    #expect(a.gram() == a.transposed * a)
    #expect(a.transposeTimes([1, 1]) == [5, 7, 9])
    #expect(Matrix(columns: [[1, 4], [2, 5], [3, 6]]) == a)
  }
}

@Suite("Cholesky and LU")
struct DecompositionTests {
  @Test func choleskyReproducesAndSolves() throws {
    let a = randomSPD(7, seed: 1)
    let cholesky = try Cholesky(a)
    // Reconstruction and solve residuals at rounding level: 1e-12 on O(10) entries.
    #expect((cholesky.lower * cholesky.lower.transposed).maxAbsDifference(a) < 1e-12)
    let b = (1...7).map(Double.init)
    let x = cholesky.solve(b)
    expectClose(a * x, b, tolerance: 1e-12, "A x")
    #expect((a * cholesky.inverse()).maxAbsDifference(.identity(7)) < 1e-12)
    expectClose(cholesky.logDeterminant, LUDecomposition(a).logAbsDeterminant, tolerance: 1e-12, "log det")
  }

  @Test func choleskyReportsIndefinite() {
    let indefinite = Matrix([[1, 2], [2, 1]])
    #expect(throws: NumericsError.self) { try Cholesky(indefinite) }
    let nanMatrix = Matrix([[Double.nan, 0], [0, 1]])
    #expect(throws: NumericsError.self) { try Cholesky(nanMatrix) }
  }

  @Test func luSolvesInvertsAndDeterminant() throws {
    let a = Matrix([[0, 2, 1], [1, 1, 1], [2, 1, 0]])  // needs pivoting: a[0,0] = 0
    let lu = LUDecomposition(a)
    // det = 0(0-1) - 2(0-2) + 1(1-2) = 3; exact up to rounding 1e-14.
    expectClose(lu.determinant, 3, tolerance: 1e-14, "det")
    expectClose(lu.logAbsDeterminant, log(3), tolerance: 1e-14, "log det")
    #expect(lu.determinantSign == 1)
    let x = try lu.solve([3, 3, 3])
    expectClose(a * x, [3, 3, 3], tolerance: 1e-14, "A x")
    let big = randomMatrix(12, 12, seed: 3)
    #expect((big * (try big.inverse())).maxAbsDifference(.identity(12)) < 1e-10)
  }

  @Test func luReportsSingular() {
    let singular = Matrix([[1, 2], [2, 4]])
    let lu = LUDecomposition(singular)
    #expect(lu.isSingular)
    #expect(throws: NumericsError.self) { try lu.solve([1, 1]) }
  }
}

@Suite("Least squares")
struct LeastSquaresTests {
  @Test func qrMatchesNormalEquations() throws {
    let x = randomMatrix(40, 4, seed: 5)
    let y = (0..<40).map { sin(Double($0)) }
    let viaQR = try leastSquares(x, y)
    let viaNormal = try Cholesky(x.gram()).solve(x.transposeTimes(y))
    // Well-conditioned random design: the two routes agree to 1e-12.
    expectClose(viaQR, viaNormal, tolerance: 1e-12, "beta")
  }

  @Test func qrReportsCollinearAndShort() {
    let collinear = Matrix(columns: [[1, 2, 3, 4], [2, 4, 6, 8]])
    #expect(throws: NumericsError.self) { try leastSquares(collinear, [1, 2, 3, 5]) }
    let short = Matrix(columns: [[1, 2], [3, 4], [5, 7]])
    #expect(throws: NumericsError.self) { try leastSquares(short, [1, 2]) }
  }

  struct OLSFixture: Decodable {
    let coefficients: [Double]
    let standard_errors: [Double]
    let sigma2: Double
    let r_squared: Double
    let adjusted_r_squared: Double
    let log_likelihood: Double
    let aic: Double
    let bic: Double
    let xtx_inverse: [[Double]]
    let residuals_head: [Double]
  }
  struct PythonFixtures: Decodable { let ols: OLSFixture }

  @Test func olsMatchesStatsmodels() throws {
    let expected = try ReferenceData.fixture("python_fixtures.json", as: PythonFixtures.self).ols
    let y = try ReferenceData.column("data/macro.csv", "realcons")
    let gdp = try ReferenceData.column("data/macro.csv", "realgdp")
    let unemp = try ReferenceData.column("data/macro.csv", "unemp")
    let x = Matrix(columns: [Array(repeating: 1, count: y.count), gdp, unemp])
    let fit = try ordinaryLeastSquares(x, y)
    // Relative 1e-9: both sides are double-precision least squares on the same data.
    for j in 0..<3 {
      expectClose(fit.coefficients[j], expected.coefficients[j], tolerance: 1e-9 * abs(expected.coefficients[j]), "beta\(j)")
      expectClose(fit.standardErrors[j], expected.standard_errors[j], tolerance: 1e-9 * expected.standard_errors[j], "se\(j)")
      for k in 0..<3 {
        let e = expected.xtx_inverse[j][k]
        expectClose(fit.xtxInverse[j, k], e, tolerance: 1e-8 * abs(e) + 1e-20, "xtxinv\(j)\(k)")
      }
    }
    expectClose(fit.sigma2, expected.sigma2, tolerance: 1e-9 * expected.sigma2, "sigma2")
    expectClose(fit.rSquared, expected.r_squared, tolerance: 1e-12, "R2")
    expectClose(fit.adjustedRSquared, expected.adjusted_r_squared, tolerance: 1e-12, "adj R2")
    expectClose(fit.logLikelihood, expected.log_likelihood, tolerance: 1e-8, "loglik")
    expectClose(fit.aic, expected.aic, tolerance: 1e-8, "aic")
    expectClose(fit.bic, expected.bic, tolerance: 1e-8, "bic")
    expectClose(Array(fit.residuals.prefix(5)), expected.residuals_head, tolerance: 1e-7, "residuals")
    #expect(fit.hasConstant)
    #expect(fit.residualDegreesOfFreedom == y.count - 3)
  }

  @Test func olsRejectsNaN() {
    let x = Matrix(columns: [[1, 1, 1, 1], [1, 2, 3, 4]])
    #expect(throws: NumericsError.self) { try ordinaryLeastSquares(x, [1, .nan, 3, 4]) }
  }
}

@Suite("Discrete Lyapunov")
struct LyapunovTests {
  /// The companion matrix of an AR polynomial with coefficients `phi`.
  func companion(_ phi: [Double]) -> Matrix {
    let n = phi.count
    var t = Matrix(rows: n, columns: n)
    for i in 0..<n { t[i, 0] = phi[i] }
    for i in 0..<(n - 1) { t[i, i + 1] = 1 }
    return t
  }

  @Test func ar1HasClosedForm() throws {
    // AR(1): P = 1 / (1 − φ²).
    let p = try DiscreteLyapunov.solve(Matrix([[0.8]]), Matrix([[1]]))
    expectClose(p[0, 0], 1 / (1 - 0.64), tolerance: 1e-12, "P")
  }

  @Test func directAndDoublingAgree() throws {
    for n in [3, 8, 14, 30] {
      // A stable seasonal-like AR: φ_1 = 0.5, φ_n = 0.45 (roots inside the unit circle).
      var phi = Array(repeating: 0.0, count: n)
      phi[0] = 0.5
      phi[n - 1] = 0.45
      if n > 1 { phi[n - 1] = -0.2 }
      let t = companion(phi)
      var r = Array(repeating: 0.0, count: n)
      r[0] = 1
      if n > 1 { r[1] = 0.3 }
      let q = Matrix(rows: n, columns: 1, elements: r) * Matrix(rows: 1, columns: n, elements: r)
      let doubling = try DiscreteLyapunov.solveByDoubling(t, q)
      let solved = try DiscreteLyapunov.solve(t, q)
      // Residual of the defining equation at rounding level.
      #expect(DiscreteLyapunov.residual(solved, t, q) < 1e-10, "n = \(n)")
      #expect(DiscreteLyapunov.residual(doubling, t, q) < 1e-10, "n = \(n)")
      if n <= 14 {
        let direct = try DiscreteLyapunov.solveDirect(t, q)
        #expect(direct.maxAbsDifference(doubling) < 1e-10, "n = \(n)")
      }
    }
  }

  @Test func unitRootIsReported() {
    #expect(throws: NumericsError.self) { try DiscreteLyapunov.solve(Matrix([[1.0]]), Matrix([[1]])) }
    let explosive = companion([0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3])
    #expect(throws: NumericsError.self) { try DiscreteLyapunov.solve(explosive, Matrix.identity(8)) }
  }
}
