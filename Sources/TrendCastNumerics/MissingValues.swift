import Foundation

/// Filling missing values (NaN) in a series: linear interpolation, and the seasonal
/// interpolation of R's `forecast::na.interp`.
public enum MissingValues {
  /// Linear interpolation between the nearest present neighbours; leading and trailing gaps
  /// take the first and last present value (R's `approx(rule = 2)`).
  ///
  /// - Throws: `allMissing` when no value is present.
  public static func interpolateLinearly(_ x: [Double]) throws -> [Double] {
    let present = x.indices.filter { !x[$0].isNaN }
    guard let first = present.first, let last = present.last else { throw NumericsError.allMissing("interpolation") }
    var result = x
    for i in 0..<first { result[i] = x[first] }
    for i in (last + 1)..<x.count { result[i] = x[last] }
    var previous = first
    for index in present.dropFirst() {
      if index > previous + 1 {
        let slope = (x[index] - x[previous]) / Double(index - previous)
        for i in (previous + 1)..<index { result[i] = x[previous] + slope * Double(i - previous) }
      }
      previous = index
    }
    return result
  }

  /// Seasonal interpolation as `forecast::na.interp`: for a seasonal series with more than
  /// two periods of data, a first guess from a regression on Fourier terms
  /// (K = min(⌊period/2⌋, 5) pairs) and a polynomial trend (degree min(max(⌊n/10⌋, 1), 6)),
  /// then a robust STL (s.window 11) of the filled series; the missing values become the
  /// linearly interpolated seasonally adjusted series plus the STL seasonal component.
  /// Non-seasonal or short series are interpolated linearly.
  ///
  /// - Throws: `allMissing` when no value is present.
  public static func interpolateSeasonally(_ x: [Double], period: Int) throws -> [Double] {
    let n = x.count
    let presentCount = x.filter { !$0.isNaN }.count
    guard presentCount > 0 else { throw NumericsError.allMissing("interpolation") }
    if period <= 1 || presentCount <= 2 * period || presentCount == n {
      return try interpolateLinearly(x)
    }
    // First guess: Fourier + polynomial regression on the present values.
    let harmonics = Swift.min(period / 2, 5)
    let degree = Swift.min(Swift.max(n / 10, 1), 6)
    var columns: [[Double]] = [Array(repeating: 1, count: n)]
    for k in 1...harmonics {
      let angle = 2 * Double.pi * Double(k) / Double(period)
      if 2 * k != period { columns.append((1...n).map { sin(angle * Double($0)) }) }
      columns.append((1...n).map { cos(angle * Double($0)) })
    }
    // Powers of time scaled to [−1, 1] span the same space as R's orthogonal `poly`.
    let middle = Double(n + 1) / 2
    let halfRange = Swift.max(Double(n - 1) / 2, 1)
    for power in 1...degree {
      columns.append((1...n).map { pow((Double($0) - middle) / halfRange, Double(power)) })
    }
    let present = x.indices.filter { !x[$0].isNaN }
    let design = Matrix(columns: columns)
    var presentDesign = Matrix(rows: present.count, columns: columns.count)
    for (r, i) in present.enumerated() {
      for c in 0..<columns.count { presentDesign[r, c] = design[i, c] }
    }
    var filled = x
    if let beta = try? leastSquares(presentDesign, present.map { x[$0] }) {
      let prediction = design * beta
      for i in 0..<n where x[i].isNaN { filled[i] = prediction[i] }
    } else {
      filled = try interpolateLinearly(x)
    }
    // Refine with a robust STL: interpolate the seasonally adjusted series.
    guard let stl = try? STL.decompose(filled, period: period, options: STLOptions(seasonalWindow: .span(11), robust: true)) else {
      return filled
    }
    var adjusted = (0..<n).map { filled[$0] - stl.seasonal[$0] }
    for i in 0..<n where x[i].isNaN { adjusted[i] = .nan }
    let interpolated = try interpolateLinearly(adjusted)
    var result = x
    for i in 0..<n where x[i].isNaN { result[i] = interpolated[i] + stl.seasonal[i] }
    return result
  }
}
