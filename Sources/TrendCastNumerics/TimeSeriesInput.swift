import Foundation

/// Input checks shared by the time-series functions: the "dropped first" missing-value policy
/// and the errors for series that are too short or constant.
enum TimeSeriesInput {
  /// The series with NaN values removed (statsmodels' `missing='drop'`, R's `na.omit`),
  /// throwing when nothing, or fewer than `minimum` values, remain.
  static func droppingMissing(_ x: [Double], minimum: Int, _ what: String) throws -> [Double] {
    let values = x.filter { !$0.isNaN }
    guard !values.isEmpty else { throw NumericsError.allMissing(what) }
    guard values.count >= minimum else { throw NumericsError.tooShort(what, needed: minimum, got: values.count) }
    guard values.allSatisfy(\.isFinite) else { throw NumericsError.nonFinite(what) }
    return values
  }

  /// Throws when the series has (almost) no variation, where a statistic would divide by zero.
  static func requireVarying(_ x: [Double], _ what: String) throws {
    guard !isConstant(x) else { throw NumericsError.constant(what) }
  }
}

/// True when the non-NaN values are all (nearly) equal, as forecast's `is.constant` decides:
/// R's `all.equal(x, rep(x[1], n))` with tolerance 1.5e-8 — the mean absolute difference
/// from the first value, relative to the mean absolute value (absolute when that is tiny).
public func isConstant(_ x: [Double]) -> Bool {
  let values = x.filter { !$0.isNaN }
  guard let first = values.first else { return true }
  let n = Double(values.count)
  let meanAbsDifference = values.reduce(0) { $0 + abs($1 - first) } / n
  let meanAbs = values.reduce(0) { $0 + abs($1) } / n
  let tolerance = 1.5e-8
  if meanAbs.isFinite && meanAbs > tolerance {
    return meanAbsDifference / meanAbs <= tolerance
  }
  return meanAbsDifference <= tolerance
}
