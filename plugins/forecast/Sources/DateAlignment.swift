import TrendCastValues

/// Matching the periods of two time indexes by date, not by position: held-out actuals against
/// forecasts, test windows against training data.
enum DateAlignment {
  /// For each position of `other`, the ordinal of the same period on `grid`'s numbering.
  ///
  /// Months, quarters and years match by calendar period (a month dated on the 1st is the same
  /// month as one dated on the 31st); hours, days and weeks must fall on the grid exactly.
  static func ordinals(of other: TimeIndex, on grid: TimeIndex, names: (other: String, grid: String)) throws -> [Int] {
    guard other.frequency == grid.frequency else {
      throw RuntimeError("\(names.other) is \(other.frequency.name) but \(names.grid) is \(grid.frequency.name), so their dates cannot be matched",
        hint: "resample one of them to the other's frequency")
    }
    let otherNumbered = other.anchor.style == .number
    let gridNumbered = grid.anchor.style == .number
    if otherNumbered || gridNumbered {
      guard otherNumbered && gridNumbered else {
        throw RuntimeError("\(otherNumbered ? names.other : names.grid) has plain period numbers but \(otherNumbered ? names.grid : names.other) has dates, so they cannot be matched",
          hint: "load both with a date column")
      }
      return Array(other.ordinals)
    }
    return try (0..<other.count).map { position in
      let stamp = other.timestamp(at: position)
      let (ordinal, onGrid) = TimeIndex.ordinal(of: stamp, frequency: grid.frequency, anchor: grid.anchor)
      switch grid.frequency {
      case .monthly, .quarterly, .yearly:
        return ordinal
      default:
        guard onGrid else {
          throw RuntimeError("\(names.other) is dated \(other.label(at: position)), which is not on the \(grid.frequency.name) dates of \(names.grid) (e.g. \(grid.count > 0 ? grid.label(at: 0) : "none"))",
            hint: "both need the same dates, e.g. the same weekday for weekly data")
        }
        return ordinal
      }
    }
  }
}
