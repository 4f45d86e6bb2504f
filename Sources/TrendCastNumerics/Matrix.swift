/// A small dense matrix of `Double`, stored row-major, with value semantics.
///
/// Sized for statistics work (up to a few hundred rows, tens of columns): plain loops over
/// one contiguous array. Dimension mismatches are programmer errors and stop with a
/// precondition; numerical failures (singular, not positive definite) are reported by the
/// decompositions as `NumericsError`.
public struct Matrix: Sendable, Equatable, CustomStringConvertible {
  /// Number of rows.
  public let rows: Int
  /// Number of columns.
  public let columns: Int
  /// The entries, row after row: entry (i, j) is `elements[i * columns + j]`.
  public var elements: [Double]

  /// A `rows × columns` matrix with every entry equal to `value`.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must not be negative")
    self.rows = rows
    self.columns = columns
    self.elements = Array(repeating: value, count: rows * columns)
  }

  /// A matrix from its entries in row-major order.
  public init(rows: Int, columns: Int, elements: [Double]) {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must not be negative")
    precondition(elements.count == rows * columns, "Matrix needs rows × columns elements")
    self.rows = rows
    self.columns = columns
    self.elements = elements
  }

  /// A matrix from an array of equally long rows.
  public init(_ rowArrays: [[Double]]) {
    let columnCount = rowArrays.first?.count ?? 0
    precondition(rowArrays.allSatisfy { $0.count == columnCount }, "Matrix rows must have equal length")
    self.init(rows: rowArrays.count, columns: columnCount, elements: rowArrays.flatMap { $0 })
  }

  /// A matrix whose columns are the given equally long arrays.
  public init(columns columnArrays: [[Double]]) {
    let rowCount = columnArrays.first?.count ?? 0
    precondition(columnArrays.allSatisfy { $0.count == rowCount }, "Matrix columns must have equal length")
    var result = Matrix(rows: rowCount, columns: columnArrays.count)
    for (j, column) in columnArrays.enumerated() {
      for i in 0..<rowCount { result.elements[i * columnArrays.count + j] = column[i] }
    }
    self = result
  }

  /// The `n × n` identity matrix.
  public static func identity(_ n: Int) -> Matrix {
    var result = Matrix(rows: n, columns: n)
    for i in 0..<n { result.elements[i * n + i] = 1 }
    return result
  }

  /// A square matrix with `values` on the diagonal and zeros elsewhere.
  public static func diagonal(_ values: [Double]) -> Matrix {
    let n = values.count
    var result = Matrix(rows: n, columns: n)
    for i in 0..<n { result.elements[i * n + i] = values[i] }
    return result
  }

  /// Entry in row `i`, column `j` (zero-based).
  @inlinable
  public subscript(_ i: Int, _ j: Int) -> Double {
    get { elements[i * columns + j] }
    set { elements[i * columns + j] = newValue }
  }

  /// True when the matrix has as many rows as columns.
  public var isSquare: Bool { rows == columns }

  /// Row `i` as an array.
  public func row(_ i: Int) -> [Double] {
    Array(elements[(i * columns)..<((i + 1) * columns)])
  }

  /// Column `j` as an array.
  public func column(_ j: Int) -> [Double] {
    (0..<rows).map { elements[$0 * columns + j] }
  }

  /// The diagonal entries.
  public var diagonalElements: [Double] {
    (0..<Swift.min(rows, columns)).map { elements[$0 * columns + $0] }
  }

  /// The sum of the diagonal entries.
  public var trace: Double { diagonalElements.reduce(0, +) }

  /// The transpose.
  public var transposed: Matrix {
    var result = Matrix(rows: columns, columns: rows)
    for i in 0..<rows {
      for j in 0..<columns { result.elements[j * rows + i] = elements[i * columns + j] }
    }
    return result
  }

  /// The matrix made symmetric by averaging it with its transpose (removes rounding asymmetry).
  public var symmetrized: Matrix {
    precondition(isSquare, "symmetrized needs a square matrix")
    var result = self
    for i in 0..<rows {
      for j in (i + 1)..<columns {
        let average = 0.5 * (self[i, j] + self[j, i])
        result[i, j] = average
        result[j, i] = average
      }
    }
    return result
  }

  /// The largest absolute entry (0 for an empty matrix).
  public var maxAbsElement: Double {
    elements.reduce(0) { Swift.max($0, abs($1)) }
  }

  /// True when every entry is finite.
  public var isFinite: Bool { elements.allSatisfy { $0.isFinite } }

  /// The largest absolute difference between corresponding entries.
  public func maxAbsDifference(_ other: Matrix) -> Double {
    precondition(rows == other.rows && columns == other.columns, "Matrix dimensions differ")
    var result = 0.0
    for k in elements.indices { result = Swift.max(result, abs(elements[k] - other.elements[k])) }
    return result
  }

  /// The transpose of `self` times `self` (the Gram matrix X'X), computed without forming X'.
  public func gram() -> Matrix {
    var result = Matrix(rows: columns, columns: columns)
    for k in 0..<rows {
      let base = k * columns
      for i in 0..<columns {
        let a = elements[base + i]
        if a == 0 { continue }
        for j in i..<columns { result.elements[i * columns + j] += a * elements[base + j] }
      }
    }
    for i in 0..<columns {
      for j in 0..<i { result.elements[i * columns + j] = result.elements[j * columns + i] }
    }
    return result
  }

  /// The transpose of `self` times the vector `v` (X'v).
  public func transposeTimes(_ v: [Double]) -> [Double] {
    precondition(v.count == rows, "transposeTimes needs a vector with one entry per row")
    var result = Array(repeating: 0.0, count: columns)
    for i in 0..<rows {
      let a = v[i]
      if a == 0 { continue }
      let base = i * columns
      for j in 0..<columns { result[j] += elements[base + j] * a }
    }
    return result
  }

  public var description: String {
    (0..<rows).map { row($0).map { "\($0)" }.joined(separator: " ") }.joined(separator: "\n")
  }
}

// MARK: - Arithmetic

extension Matrix {
  /// Matrix product.
  public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
    precondition(lhs.columns == rhs.rows, "Matrix product needs lhs.columns == rhs.rows")
    var result = Matrix(rows: lhs.rows, columns: rhs.columns)
    let n = rhs.columns
    for i in 0..<lhs.rows {
      for k in 0..<lhs.columns {
        let a = lhs.elements[i * lhs.columns + k]
        if a == 0 { continue }
        let rhsBase = k * n
        let resultBase = i * n
        for j in 0..<n { result.elements[resultBase + j] += a * rhs.elements[rhsBase + j] }
      }
    }
    return result
  }

  /// Matrix times column vector.
  public static func * (lhs: Matrix, rhs: [Double]) -> [Double] {
    precondition(lhs.columns == rhs.count, "Matrix-vector product needs one entry per column")
    var result = Array(repeating: 0.0, count: lhs.rows)
    for i in 0..<lhs.rows {
      var sum = 0.0
      let base = i * lhs.columns
      for j in 0..<lhs.columns { sum += lhs.elements[base + j] * rhs[j] }
      result[i] = sum
    }
    return result
  }

  /// Scalar times matrix.
  public static func * (lhs: Double, rhs: Matrix) -> Matrix {
    Matrix(rows: rhs.rows, columns: rhs.columns, elements: rhs.elements.map { lhs * $0 })
  }

  /// Entry-wise sum.
  public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
    precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "Matrix sum needs equal dimensions")
    return Matrix(rows: lhs.rows, columns: lhs.columns, elements: zip(lhs.elements, rhs.elements).map { $0 + $1 })
  }

  /// Entry-wise difference.
  public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
    precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "Matrix difference needs equal dimensions")
    return Matrix(rows: lhs.rows, columns: lhs.columns, elements: zip(lhs.elements, rhs.elements).map { $0 - $1 })
  }
}

// MARK: - Vector helpers

/// The dot product of two equally long vectors.
public func dot(_ a: [Double], _ b: [Double]) -> Double {
  precondition(a.count == b.count, "dot needs equally long vectors")
  var sum = 0.0
  for i in a.indices { sum += a[i] * b[i] }
  return sum
}
