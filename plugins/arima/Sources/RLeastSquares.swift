import Foundation

/// R's `lm(y ~ x - 1)` for a single regressor, reproduced operation by operation (LINPACK's
/// Householder `dqrdc2`/`dqrsl` over reference BLAS, then `summary.lm`'s standard error).
///
/// Why bit for bit: `stats::arima` starts the regression terms (the mean, the drift) from this
/// fit on the differenced data and scales them by 10 standard errors. The CSS search that
/// follows is a BFGS run of up to 100 iterations on an often ill-conditioned surface; a start
/// that differs from R's in the last bit can end elsewhere (converged or not), and with it the
/// model auto.arima keeps. The exact likelihood cannot be R's bit for bit, but its start can.
enum RLeastSquares {
  struct Fit: Equatable {
    var coefficient: Double
    var standardError: Double
  }

  /// nil when there are fewer than two rows or the regressor is zero (R's rank 0).
  static func singleRegressor(x: [Double], y: [Double]) -> Fit? {
    precondition(x.count == y.count, "one regressor value per observation")
    let n = x.count
    guard n >= 2 else { return nil }
    var column = x
    let norm = euclideanNorm(column[...])
    guard norm > 0 else { return nil }
    // dqrdc2, column 1: the Householder vector in place, its first entry kept in qraux.
    let signedNorm = column[0] != 0 ? (column[0] < 0 ? -norm : norm) : norm
    let reciprocal = 1 / signedNorm
    for i in 0..<n { column[i] = reciprocal * column[i] }
    column[0] = 1 + column[0]
    let qraux = column[0]
    let diagonal = -signedNorm
    // dqrsl: Q'y, then b = (Q'y)₁ / R₁₁, then the residuals Q (0, (Q'y)₂…).
    var qty = y
    reflect(&qty, vector: column, head: qraux)
    let coefficient = qty[0] / diagonal
    var residuals = qty
    residuals[0] = 0
    reflect(&residuals, vector: column, head: qraux)
    // summary.lm: sum(r^2) in long double (R's rsum), / (n − 1); chol2inv(R) = (1/R₁₁)².
    let rss = longDoubleSum(residuals.map { $0 * $0 })
    let variance = rss / Double(n - 1)
    let inverse = 1 / diagonal
    return Fit(coefficient: coefficient, standardError: ((inverse * inverse) * variance).squareRoot())
  }

  /// v ← v + t·u with t = −(u·v)/u₁, u₁ = `head` (the Householder step of dqrsl).
  private static func reflect(_ v: inout [Double], vector u: [Double], head: Double) {
    var withHead = u
    withHead[0] = head
    let t = -dot(withHead, v) / head
    for i in v.indices { v[i] = v[i] + t * withHead[i] }
  }

  /// Reference BLAS ddot for unit strides: the first n mod 5 products, then groups of five,
  /// all added left to right into one accumulator.
  static func dot(_ a: [Double], _ b: [Double]) -> Double {
    var total = 0.0
    for i in a.indices { total = total + a[i] * b[i] }
    return total
  }

  /// Reference BLAS 3.11 dnrm2 (Blue's algorithm) for values of ordinary size: √(Σ x²)
  /// accumulated in order. Values beyond its thresholds fall back to a scaled sum, which
  /// rounds differently from R's but only for data near the limits of a double.
  static func euclideanNorm(_ x: ArraySlice<Double>) -> Double {
    let small = 0x1p-511, big = 0x1p486
    guard x.allSatisfy({ abs($0) == 0 || (abs($0) >= small && abs($0) <= big) }) else {
      let largest = x.map(abs).max() ?? 0
      guard largest > 0, largest.isFinite else { return largest }
      return largest * x.reduce(0.0) { $0 + ($1 / largest) * ($1 / largest) }.squareRoot()
    }
    var sum = 0.0
    for value in x { sum += abs(value) * abs(value) }
    return sum.squareRoot()
  }

  /// R's `sum()` of doubles: a long double accumulator where the platform has one.
  static func longDoubleSum(_ values: [Double]) -> Double {
    #if arch(x86_64) && !os(Windows)
      var total: Float80 = 0
      for value in values { total += Float80(value) }
      return Double(total)
    #else
      return values.reduce(0, +)
    #endif
  }
}
