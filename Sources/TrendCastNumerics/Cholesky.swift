import Foundation

/// The Cholesky factorisation A = L L' of a symmetric positive-definite matrix, with solves,
/// inverse and log-determinant.
///
/// Only the lower triangle of A is read. Factoring fails with
/// `NumericsError.notPositiveDefinite` when a pivot is not positive (or not finite), so callers
/// can fall back to LU or report the problem; it never traps on user data.
public struct Cholesky: Sendable {
  /// The lower-triangular factor L (its upper triangle is zero).
  public let lower: Matrix

  /// Factors `matrix`, which must be square, symmetric and positive definite.
  public init(_ matrix: Matrix) throws {
    precondition(matrix.isSquare, "Cholesky needs a square matrix")
    let n = matrix.rows
    var l = Matrix(rows: n, columns: n)
    for j in 0..<n {
      var diagonal = matrix[j, j]
      for k in 0..<j { diagonal -= l[j, k] * l[j, k] }
      guard diagonal > 0, diagonal.isFinite else { throw NumericsError.notPositiveDefinite("Cholesky factorisation") }
      let pivot = diagonal.squareRoot()
      l[j, j] = pivot
      for i in (j + 1)..<n {
        var sum = matrix[i, j]
        for k in 0..<j { sum -= l[i, k] * l[j, k] }
        l[i, j] = sum / pivot
      }
    }
    lower = l
  }

  /// The order of the factored matrix.
  public var size: Int { lower.rows }

  /// Solves L y = b (forward substitution).
  public func solveLower(_ b: [Double]) -> [Double] {
    precondition(b.count == size, "right-hand side has the wrong length")
    var y = b
    for i in 0..<size {
      var sum = y[i]
      for k in 0..<i { sum -= lower[i, k] * y[k] }
      y[i] = sum / lower[i, i]
    }
    return y
  }

  /// Solves L' x = y (back substitution).
  public func solveUpper(_ y: [Double]) -> [Double] {
    precondition(y.count == size, "right-hand side has the wrong length")
    var x = y
    for i in stride(from: size - 1, through: 0, by: -1) {
      var sum = x[i]
      for k in (i + 1)..<size { sum -= lower[k, i] * x[k] }
      x[i] = sum / lower[i, i]
    }
    return x
  }

  /// Solves A x = b.
  public func solve(_ b: [Double]) -> [Double] {
    solveUpper(solveLower(b))
  }

  /// Solves A X = B column by column.
  public func solve(_ b: Matrix) -> Matrix {
    precondition(b.rows == size, "right-hand side has the wrong number of rows")
    let columns = (0..<b.columns).map { solve(b.column($0)) }
    return Matrix(columns: columns)
  }

  /// The inverse of A (symmetric).
  public func inverse() -> Matrix {
    solve(Matrix.identity(size)).symmetrized
  }

  /// log det A = 2 Σ log L_ii.
  public var logDeterminant: Double {
    2 * lower.diagonalElements.reduce(0) { $0 + log($1) }
  }
}

extension Matrix {
  /// Solves A x = b for a symmetric positive-definite A by Cholesky factorisation.
  public func solveSymmetricPositiveDefinite(_ b: [Double]) throws -> [Double] {
    try Cholesky(self).solve(b)
  }

  /// The inverse of a symmetric positive-definite matrix, via Cholesky.
  public func inverseSymmetricPositiveDefinite() throws -> Matrix {
    try Cholesky(self).inverse()
  }
}
