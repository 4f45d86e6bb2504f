import Foundation

/// The Householder QR factorisation A = Q R of a tall matrix (rows ≥ columns), used for least
/// squares: it avoids squaring the condition number as the normal equations would.
///
/// Q is kept implicitly as Householder reflections. A column whose diagonal entry of R is
/// negligible (relative to the largest, below `rankTolerance`) makes the matrix rank
/// deficient; solving then throws `NumericsError.singular`.
public struct QRDecomposition: Sendable {
  /// Householder vectors in the lower part, R on and above the diagonal.
  private let packed: Matrix
  /// The diagonal of R (kept apart because the packed storage holds the reflections there).
  private let rDiagonal: [Double]
  /// The scalar factor of each reflection H = I − τ v v'.
  private let tau: [Double]
  /// Relative size below which a diagonal entry of R counts as zero (R's `lm` uses 1e-7).
  public let rankTolerance: Double

  /// Factors `matrix`, which must have at least as many rows as columns.
  public init(_ matrix: Matrix, rankTolerance: Double = 1e-7) {
    precondition(matrix.rows >= matrix.columns, "QR needs rows >= columns")
    let m = matrix.rows
    let n = matrix.columns
    var diagonal = Array(repeating: 0.0, count: n)
    var tau = Array(repeating: 0.0, count: n)
    // Work column-major: each reflection reads and updates whole columns.
    var a = matrix.transposed.elements
    a.withUnsafeMutableBufferPointer { a in
      for k in 0..<n {
        let columnK = k * m
        var norm = 0.0
        for i in k..<m { norm = hypot(norm, a[columnK + i]) }
        if norm == 0 { continue }
        // Choose the sign that avoids cancellation when forming v.
        let alpha = a[columnK + k] > 0 ? -norm : norm
        let v0 = a[columnK + k] - alpha
        // v = (1, a[k+1..]/v0), τ = −v0/alpha: the standard scaled reflection.
        for i in (k + 1)..<m { a[columnK + i] /= v0 }
        a[columnK + k] = 1
        let t = -v0 / alpha
        tau[k] = t
        diagonal[k] = alpha
        for j in (k + 1)..<n {
          let columnJ = j * m
          var s = 0.0
          for i in k..<m { s += a[columnK + i] * a[columnJ + i] }
          s *= t
          for i in k..<m { a[columnJ + i] -= s * a[columnK + i] }
        }
      }
    }
    packed = Matrix(rows: n, columns: m, elements: a).transposed
    rDiagonal = diagonal
    self.tau = tau
    self.rankTolerance = rankTolerance
  }

  /// Number of rows of the factored matrix.
  public var rowCount: Int { packed.rows }
  /// Number of columns of the factored matrix.
  public var columnCount: Int { packed.columns }

  /// True when some diagonal entry of R is negligible: the columns are (nearly) collinear.
  public var isRankDeficient: Bool {
    let largest = rDiagonal.map(abs).max() ?? 0
    return rDiagonal.contains { abs($0) <= rankTolerance * largest } || largest == 0
  }

  /// The upper-triangular factor R (columns × columns).
  public var r: Matrix {
    let n = columnCount
    var result = Matrix(rows: n, columns: n)
    for i in 0..<n {
      result[i, i] = rDiagonal[i]
      for j in (i + 1)..<n { result[i, j] = packed[i, j] }
    }
    return result
  }

  /// Q' b: applies the reflections in order.
  public func qTransposeTimes(_ b: [Double]) -> [Double] {
    precondition(b.count == rowCount, "vector has the wrong length")
    let m = rowCount
    let n = columnCount
    var y = b
    packed.elements.withUnsafeBufferPointer { a in
      for k in 0..<n where tau[k] != 0 {
        var s = 0.0
        for i in k..<m { s += a[i * n + k] * y[i] }
        s *= tau[k]
        for i in k..<m { y[i] -= s * a[i * n + k] }
      }
    }
    return y
  }

  /// Solves R x = c[0..<columns] by back substitution.
  private func solveR(_ c: [Double]) -> [Double] {
    let n = columnCount
    var x = Array(c.prefix(n))
    for i in stride(from: n - 1, through: 0, by: -1) {
      var sum = x[i]
      for j in (i + 1)..<n { sum -= packed[i, j] * x[j] }
      x[i] = sum / rDiagonal[i]
    }
    return x
  }

  /// The x minimising ‖A x − b‖₂.
  public func solveLeastSquares(_ b: [Double]) throws -> [Double] {
    guard !isRankDeficient else { throw NumericsError.singular("least squares (collinear columns)") }
    return solveR(qTransposeTimes(b))
  }

  /// (A'A)⁻¹ = R⁻¹ R⁻ᵀ, the unscaled covariance of least-squares coefficients.
  public func gramInverse() throws -> Matrix {
    guard !isRankDeficient else { throw NumericsError.singular("least squares (collinear columns)") }
    let n = columnCount
    // Columns of R⁻¹ by back substitution on unit vectors.
    var rInverse = Matrix(rows: n, columns: n)
    for j in 0..<n {
      var e = Array(repeating: 0.0, count: n)
      e[j] = 1
      let column = solveR(e)
      for i in 0..<n { rInverse[i, j] = column[i] }
    }
    return (rInverse * rInverse.transposed).symmetrized
  }
}

/// The least-squares solution x of A x ≈ b by Householder QR.
/// Throws `NumericsError.singular` when the columns of A are collinear and
/// `NumericsError.tooShort` when A has fewer rows than columns.
public func leastSquares(_ a: Matrix, _ b: [Double]) throws -> [Double] {
  guard a.rows >= a.columns else {
    throw NumericsError.tooShort("least squares", needed: a.columns, got: a.rows)
  }
  precondition(b.count == a.rows, "right-hand side needs one entry per row")
  return try QRDecomposition(a).solveLeastSquares(b)
}
