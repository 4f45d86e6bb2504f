import TrendCastNumerics

/// How `clean fill=` replaces missing values.
public enum FillMethod: String, Sendable, CaseIterable {
  /// Leave missing values missing.
  case none
  /// Straight lines between the neighbouring observations (pandas `interpolate()`).
  case linear
  /// The last observation carried forward (pandas `ffill()`).
  case ffill
  /// The next observation carried backward (pandas `bfill()`).
  case bfill
  /// The mean of the observed values.
  case mean
  /// Linear interpolation of the seasonally adjusted series, season added back
  /// (R's `forecast::na.interp`).
  case seasonal
}

/// What filling did, for the report.
public struct FillOutcome: Sendable, Equatable {
  public var values: [Double]
  /// Positions that were missing and now hold a value.
  public var filled: [Int]
  /// Missing values before the first observation, which a method that works forwards cannot
  /// reach: they take the first observed value (the seasonal fill: the first adjusted level
  /// plus the season).
  public var leading: Int
  /// Missing values after the last observation, which take the last observed value.
  public var trailing: Int
  /// The value used by `mean`.
  public var constant: Double?
}

/// Why a fill cannot be done; `Clean` turns it into a message naming the series.
public enum FillProblem: Error, Sendable, Equatable {
  /// No value is observed at all.
  case allMissing
  /// A seasonal fill on a series without a seasonal period (yearly data, plain numbers).
  case noSeason
  /// A seasonal fill needs more than two full seasons of observations.
  case tooFewForSeason(needed: Int, observed: Int)
}

/// Filling missing values (NaN) of a series; plain functions over arrays.
public enum Filling {
  /// Fills the missing values of `x` by `method`; `period` is the seasonal period (used by
  /// `seasonal` only).
  public static func fill(_ x: [Double], method: FillMethod, period: Int) throws(FillProblem) -> FillOutcome {
    let missing = x.indices.filter { x[$0].isNaN }
    guard method != .none, !missing.isEmpty else {
      return FillOutcome(values: x, filled: [], leading: 0, trailing: 0, constant: nil)
    }
    guard let first = x.firstIndex(where: { !$0.isNaN }), let last = x.lastIndex(where: { !$0.isNaN }) else {
      throw .allMissing
    }
    var outcome = FillOutcome(values: x, filled: missing, leading: first, trailing: x.count - 1 - last, constant: nil)
    switch method {
    case .none:
      break
    case .linear:
      outcome.values = linear(x, first: first, last: last)
    case .ffill:
      outcome.values = carriedForward(x, first: first)
    case .bfill:
      outcome.values = carriedBackward(x, last: last)
    case .mean:
      let mean = Descriptive.mean(x)
      outcome.values = x.map { $0.isNaN ? mean : $0 }
      outcome.constant = mean
      outcome.leading = 0
      outcome.trailing = 0
    case .seasonal:
      guard period >= 2 else { throw .noSeason }
      let observed = x.count - missing.count
      guard observed > 2 * period else { throw .tooFewForSeason(needed: 2 * period + 1, observed: observed) }
      do {
        outcome.values = try MissingValues.interpolateSeasonally(x, period: period)
      } catch {
        throw .allMissing
      }
    }
    return outcome
  }

  /// Linear interpolation inside; constant at the edges (pandas fills trailing gaps with the
  /// last value and leaves leading ones missing; a model cannot use missing leading values, so
  /// they take the first observation and the report says so).
  static func linear(_ x: [Double], first: Int, last: Int) -> [Double] {
    var result = x
    for i in 0..<first { result[i] = x[first] }
    for i in (last + 1)..<x.count { result[i] = x[last] }
    var previous = first
    for index in (first + 1)..<(last + 1) where !x[index].isNaN {
      if index > previous + 1 {
        // pandas' np.interp form: left + (right − left) × (i − a) / (b − a).
        let left = x[previous]
        let right = x[index]
        let width = Double(index - previous)
        for i in (previous + 1)..<index { result[i] = left + (right - left) * (Double(i - previous) / width) }
      }
      previous = index
    }
    return result
  }

  static func carriedForward(_ x: [Double], first: Int) -> [Double] {
    var result = x
    var current = x[first]
    for i in x.indices {
      if x[i].isNaN { result[i] = current } else { current = x[i] }
    }
    return result
  }

  static func carriedBackward(_ x: [Double], last: Int) -> [Double] {
    var result = x
    var current = x[last]
    for i in x.indices.reversed() {
      if x[i].isNaN { result[i] = current } else { current = x[i] }
    }
    return result
  }
}
