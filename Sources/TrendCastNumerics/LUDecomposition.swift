import Foundation

/// The LU factorisation P A = L U of a square matrix with partial (row) pivoting, with solves,
/// inverse and (log-)determinant.
///
/// Factoring never fails; a zero pivot marks the matrix singular (`isSingular`), and the
/// solving functions then throw `NumericsError.singular` instead of dividing by zero.
public struct LUDecomposition: Sendable {
  /// L (unit lower, below the diagonal) and U (upper, on and above it) packed together.
  private let packed: Matrix
  /// Row `i` of P A is row `pivots[i]` of A.
  public let pivots: [Int]
  /// +1 or -1: the sign of the row permutation.
  private let permutationSign: Double

  /// Factors the square `matrix`.
  public init(_ matrix: Matrix) {
    precondition(matrix.isSquare, "LU needs a square matrix")
    let n = matrix.rows
    var a = matrix
    var pivots = Array(0..<n)
    var sign = 1.0
    for k in 0..<n {
      var pivotRow = k
      var largest = abs(a[k, k])
      for i in (k + 1)..<n where abs(a[i, k]) > largest {
        largest = abs(a[i, k])
        pivotRow = i
      }
      if pivotRow != k {
        for j in 0..<n { a.elements.swapAt(k * n + j, pivotRow * n + j) }
        pivots.swapAt(k, pivotRow)
        sign = -sign
      }
      let pivot = a[k, k]
      guard pivot != 0, pivot.isFinite else { continue }
      for i in (k + 1)..<n {
        let factor = a[i, k] / pivot
        a[i, k] = factor
        if factor == 0 { continue }
        for j in (k + 1)..<n { a[i, j] -= factor * a[k, j] }
      }
    }
    packed = a
    self.pivots = pivots
    permutationSign = sign
  }

  /// The order of the factored matrix.
  public var size: Int { packed.rows }

  /// True when some pivot is zero or not finite: A is singular (to working precision).
  public var isSingular: Bool {
    packed.diagonalElements.contains { $0 == 0 || !$0.isFinite }
  }

  /// The reciprocal of a cheap condition estimate: smallest over largest absolute pivot.
  /// Near 1e-16 or below means A is numerically singular.
  public var pivotRatio: Double {
    let magnitudes = packed.diagonalElements.map(abs)
    guard let largest = magnitudes.max(), let smallest = magnitudes.min(), largest > 0 else { return 0 }
    return smallest / largest
  }

  /// The determinant of A.
  public var determinant: Double {
    packed.diagonalElements.reduce(permutationSign, *)
  }

  /// log |det A| (−∞ when singular).
  public var logAbsDeterminant: Double {
    packed.diagonalElements.reduce(0) { $0 + log(abs($1)) }
  }

  /// The sign of det A (+1, −1, or 0 when singular).
  public var determinantSign: Double {
    if isSingular { return 0 }
    return packed.diagonalElements.reduce(permutationSign) { $0 * ($1 < 0 ? -1 : 1) }
  }

  /// Solves A x = b.
  public func solve(_ b: [Double]) throws -> [Double] {
    precondition(b.count == size, "right-hand side has the wrong length")
    guard !isSingular else { throw NumericsError.singular("LU solve") }
    let n = size
    var x = pivots.map { b[$0] }
    for i in 0..<n {
      var sum = x[i]
      for k in 0..<i { sum -= packed[i, k] * x[k] }
      x[i] = sum
    }
    for i in stride(from: n - 1, through: 0, by: -1) {
      var sum = x[i]
      for k in (i + 1)..<n { sum -= packed[i, k] * x[k] }
      x[i] = sum / packed[i, i]
    }
    return x
  }

  /// Solves A X = B column by column.
  public func solve(_ b: Matrix) throws -> Matrix {
    precondition(b.rows == size, "right-hand side has the wrong number of rows")
    let columns = try (0..<b.columns).map { try solve(b.column($0)) }
    return Matrix(columns: columns)
  }

  /// The inverse of A.
  public func inverse() throws -> Matrix {
    try solve(Matrix.identity(size))
  }
}

extension Matrix {
  /// Solves the square system A x = b by LU with partial pivoting.
  public func solve(_ b: [Double]) throws -> [Double] {
    try LUDecomposition(self).solve(b)
  }

  /// The inverse of a square matrix by LU with partial pivoting.
  public func inverse() throws -> Matrix {
    try LUDecomposition(self).inverse()
  }

  /// log |det A| of a square matrix by LU.
  public var logAbsDeterminant: Double {
    LUDecomposition(self).logAbsDeterminant
  }
}
