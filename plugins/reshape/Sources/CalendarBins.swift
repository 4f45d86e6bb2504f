import TrendCastValues

/// Calendar periods of a target frequency, as bins for dates: ISO weeks (Monday to Sunday,
/// labelled by their Monday), calendar months, quarters and years, and days.
///
/// A bin's key is the ordinal `TimeIndex` uses for the same frequency, so the bins of a range
/// of keys form the result's time index directly.
struct CalendarBins {
  let frequency: Frequency
  let anchor: PeriodAnchor

  /// 1970-01-05 was the first Monday after the epoch: weekly ordinals count Monday-based weeks.
  static let mondayOffset = 4

  init(_ frequency: Frequency) {
    self.frequency = frequency
    switch frequency {
    case .weekly: anchor = PeriodAnchor(style: .isoDate, dayOffset: Self.mondayOffset)
    case .monthly: anchor = PeriodAnchor(style: .yearMonth)
    case .quarterly: anchor = PeriodAnchor(style: .quarter)
    case .yearly: anchor = PeriodAnchor(style: .year)
    case .hourly: anchor = PeriodAnchor(style: .isoDateTime)
    case .daily, .unspecified: anchor = PeriodAnchor(style: .isoDate)
    }
  }

  /// The bin holding `stamp`.
  func key(_ stamp: Timestamp) -> Int {
    TimeIndex.ordinal(of: stamp, frequency: frequency, anchor: anchor).ordinal
  }

  /// The index of bins `first…last`.
  func index(from first: Int, through last: Int) -> TimeIndex {
    TimeIndex(frequency: frequency, start: first, count: max(0, last - first + 1), anchor: anchor)
  }

  /// How finely each frequency divides time, for refusing to upsample.
  static func rank(_ frequency: Frequency) -> Int {
    switch frequency {
    case .hourly: return 0
    case .daily: return 1
    case .weekly: return 2
    case .monthly: return 3
    case .quarterly: return 4
    case .yearly: return 5
    case .unspecified: return -1
    }
  }

  /// "week", "month" … for reports.
  static func unit(_ frequency: Frequency) -> String {
    switch frequency {
    case .hourly: return "hour"
    case .daily: return "day"
    case .weekly: return "week"
    case .monthly: return "month"
    case .quarterly: return "quarter"
    case .yearly: return "year"
    case .unspecified: return "period"
    }
  }
}

/// How much of a bin a source grid fills: the grid's periods inside the bin, and how many of
/// them lie within the data's span. A first or last bin with fewer spanned than expected
/// periods is partial (a week cut by the end of the data).
struct Coverage: Equatable {
  var expected: Int
  var spanned: Int
  var isPartial: Bool { spanned < expected }
}

extension CalendarBins {
  /// The coverage of the first and last bins by `grid` (the source's regular periods).
  func edgeCoverage(of grid: TimeIndex) -> (first: Coverage, last: Coverage)? {
    guard grid.count > 0 else { return nil }
    let start = grid.start
    let end = grid.start + grid.count - 1
    let firstKey = key(grid.timestamp(ofOrdinal: start))
    let lastKey = key(grid.timestamp(ofOrdinal: end))
    // Keys grow with the grid, so each edge bin is one run of ordinals; walk it both ways.
    func run(from ordinal: Int, key binKey: Int, step: Int) -> Int {
      var count = 0
      var current = ordinal
      // A bin holds at most 8,784 hours (a leap year): the bound only guards against a bad grid.
      while count < 10_000, key(grid.timestamp(ofOrdinal: current)) == binKey {
        count += 1
        current += step
      }
      return count
    }
    let firstInside = min(run(from: start, key: firstKey, step: 1), grid.count)
    let firstBefore = run(from: start - 1, key: firstKey, step: -1)
    let lastInside = min(run(from: end, key: lastKey, step: -1), grid.count)
    let lastAfter = run(from: end + 1, key: lastKey, step: 1)
    if firstKey == lastKey {
      let coverage = Coverage(expected: firstBefore + grid.count + lastAfter, spanned: grid.count)
      return (coverage, coverage)
    }
    return (Coverage(expected: firstBefore + firstInside, spanned: firstInside), Coverage(expected: lastInside + lastAfter, spanned: lastInside))
  }
}
