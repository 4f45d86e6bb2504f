/// How `resample` (and `pivot dups=`) combines the values of one period. Missing values are
/// skipped; a period with no value at all is missing (not 0), except for `count`.
enum Aggregation: String, CaseIterable, Sendable {
  case sum, mean, median, min, max, first, last, count

  func apply(_ values: [Double]) -> Double {
    let present = values.filter { !$0.isNaN }
    if self == .count { return Double(present.count) }
    guard let firstValue = present.first, let lastValue = present.last else { return .nan }
    switch self {
    case .sum: return present.reduce(0, +)
    case .mean: return present.reduce(0, +) / Double(present.count)
    case .median:
      let sorted = present.sorted()
      let middle = sorted.count / 2
      return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    case .min: return present.min() ?? firstValue
    case .max: return present.max() ?? firstValue
    case .first: return firstValue
    case .last: return lastValue
    case .count: return Double(present.count)
    }
  }

  /// Whether aggregating a rescaled series commutes with mapping it back (x = z·s + o):
  /// true for averages and order statistics, false for sums and counts.
  var commutesWithAffineMaps: Bool { self != .sum && self != .count }
}
