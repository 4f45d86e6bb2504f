/// How the dates of a time index were written, kept so a series saves and displays its dates the
/// way they were read ("what you load is what you see").
public enum DateStyle: String, Sendable, Hashable {
  case isoDate  // 2024-01-31
  case isoDateTime  // 2024-01-31 13:00
  case yearMonth  // 2024-01
  case monthName  // Jan 1980
  case quarter  // 1959Q1
  case year  // 1959
  case number  // plain period numbers 1, 2, 3 … (with `freq=`)

  /// A timestamp written in this style. Plain period numbers are stored as day counts.
  public func format(_ stamp: Timestamp) -> String {
    let date = stamp.date
    switch self {
    case .number: return String(stamp.days)
    case .isoDate: return date.iso
    case .isoDateTime:
      let minutes = stamp.secondOfDay / 60
      return "\(date.iso) \(CivilDate.pad(minutes / 60, 2)):\(CivilDate.pad(minutes % 60, 2))"
    case .yearMonth: return "\(CivilDate.pad(date.year, 4))-\(CivilDate.pad(date.month, 2))"
    case .monthName: return "\(CivilDate.monthAbbreviations[date.month - 1]) \(date.year)"
    case .quarter: return "\(date.year)Q\((date.month - 1) / 3 + 1)"
    case .year: return String(date.year)
    }
  }
}

/// A regular time index: `count` consecutive periods of `frequency` from the period `start`.
///
/// Periods are integer ordinals so arithmetic is exact: hours or days since 1970-01-01, weeks
/// since the epoch anchored on the data's own weekday, `year*12 + month - 1` for months, and so
/// on. `PeriodAnchor` remembers where in the period the dates fall (month ends, Saturdays).
public struct TimeIndex: Sendable, Hashable {
  public var frequency: Frequency
  public var start: Int
  public var count: Int
  public var anchor: PeriodAnchor

  public init(frequency: Frequency, start: Int, count: Int, anchor: PeriodAnchor) {
    self.frequency = frequency
    self.start = start
    self.count = count
    self.anchor = anchor
  }

  /// A plain index 1…count with no calendar (a table without a date column).
  public static func numbered(count: Int, start: Int = 1, frequency: Frequency = .unspecified) -> TimeIndex {
    TimeIndex(frequency: frequency, start: start, count: count, anchor: PeriodAnchor(style: .number))
  }

  public var ordinals: Range<Int> { start..<(start + count) }
  public var seasonalPeriod: Int { frequency.seasonalPeriod }

  /// The index continued for `horizon` further periods (where a forecast lives).
  public func following(_ horizon: Int) -> TimeIndex {
    TimeIndex(frequency: frequency, start: start + count, count: horizon, anchor: anchor)
  }
  /// The first `n` periods.
  public func prefix(_ n: Int) -> TimeIndex {
    TimeIndex(frequency: frequency, start: start, count: max(0, min(n, count)), anchor: anchor)
  }
  /// Periods `range` (0-based positions) of this index.
  public func slice(_ range: Range<Int>) -> TimeIndex {
    TimeIndex(frequency: frequency, start: start + range.lowerBound, count: range.count, anchor: anchor)
  }

  /// The instant at which period `ordinal` is dated.
  public func timestamp(ofOrdinal ordinal: Int) -> Timestamp {
    switch frequency {
    case .hourly: return Timestamp(seconds: ordinal * 3600 + anchor.secondOffset)
    case .daily: return Timestamp(seconds: ordinal * 86_400 + anchor.secondOffset)
    case .weekly: return Timestamp(seconds: (ordinal * 7 + anchor.dayOffset) * 86_400 + anchor.secondOffset)
    case .monthly: return monthTimestamp(monthIndex: ordinal)
    case .quarterly: return monthTimestamp(monthIndex: ordinal * 3 + anchor.monthOffset)
    case .yearly: return monthTimestamp(monthIndex: ordinal * 12 + anchor.monthOffset)
    case .unspecified: return Timestamp(seconds: ordinal * 86_400)
    }
  }

  public func timestamp(at position: Int) -> Timestamp { timestamp(ofOrdinal: start + position) }

  private func monthTimestamp(monthIndex: Int) -> Timestamp {
    let year = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
    let month = monthIndex - year * 12 + 1
    let last = CivilDate.daysInMonth(year: year, month: month)
    let day = anchor.dayOfMonth.map { min($0, last) } ?? last
    return Timestamp(date: CivilDate(year: year, month: month, day: day), secondOfDay: anchor.secondOffset)
  }

  /// The ordinal of the period containing `timestamp`, and whether the timestamp sits exactly
  /// on this index's anchor (a date that is not on the grid cannot be placed without resampling).
  public static func ordinal(of timestamp: Timestamp, frequency: Frequency, anchor: PeriodAnchor) -> (ordinal: Int, onGrid: Bool) {
    let date = timestamp.date
    let monthIndex = date.year * 12 + date.month - 1
    let dayMatches = anchor.dayOfMonth.map { $0 == date.day || (date.isLastDayOfMonth && $0 > date.day) } ?? date.isLastDayOfMonth
    switch frequency {
    case .hourly:
      let shifted = timestamp.seconds - anchor.secondOffset
      let ordinal = shifted >= 0 ? shifted / 3600 : -((-shifted + 3599) / 3600)
      return (ordinal, shifted - ordinal * 3600 == 0)
    case .daily, .unspecified:
      return (timestamp.days, timestamp.secondOfDay == anchor.secondOffset)
    case .weekly:
      let shifted = timestamp.days - anchor.dayOffset
      let ordinal = shifted >= 0 ? shifted / 7 : -((-shifted + 6) / 7)
      return (ordinal, shifted - ordinal * 7 == 0 && timestamp.secondOfDay == anchor.secondOffset)
    case .monthly:
      return (monthIndex, dayMatches)
    case .quarterly:
      let shifted = monthIndex - anchor.monthOffset
      let ordinal = shifted >= 0 ? shifted / 3 : -((-shifted + 2) / 3)
      return (ordinal, dayMatches && shifted - ordinal * 3 == 0)
    case .yearly:
      let shifted = monthIndex - anchor.monthOffset
      let ordinal = shifted >= 0 ? shifted / 12 : -((-shifted + 11) / 12)
      return (ordinal, dayMatches && shifted - ordinal * 12 == 0)
    }
  }

  /// The label of the period at `position`, in the index's date style.
  public func label(at position: Int) -> String { label(ofOrdinal: start + position) }

  public func label(ofOrdinal ordinal: Int) -> String {
    anchor.style == .number ? String(ordinal) : anchor.style.format(timestamp(ofOrdinal: ordinal))
  }

  public var labels: [String] { (0..<count).map { label(at: $0) } }

  /// Days since 1970-01-01 (fractional for times of day) of each period, for chart axes.
  public var epochDays: [Double] {
    (0..<count).map { position in
      if anchor.style == .number { return Double(start + position) }
      return Double(timestamp(at: position).seconds) / 86_400
    }
  }

  /// A short description: "monthly, 1949-01 … 1960-12 (144)".
  public var summary: String {
    guard count > 0 else { return "\(frequency.name), empty" }
    return "\(frequency.name), \(label(at: 0)) … \(label(at: count - 1)) (\(count))"
  }
}

/// Where inside its period each date of an index falls, and how dates are written.
public struct PeriodAnchor: Sendable, Hashable {
  public var style: DateStyle
  /// Day of the month for monthly, quarterly and yearly dates; nil means the month's last day.
  public var dayOfMonth: Int?
  /// Month within the quarter (0…2) or the year (0…11) for quarterly and yearly dates.
  public var monthOffset: Int
  /// Weekly dates: days since the epoch modulo 7 of the dates' weekday.
  public var dayOffset: Int
  /// Seconds after midnight (daily) or after the full hour (hourly).
  public var secondOffset: Int

  public init(style: DateStyle, dayOfMonth: Int? = 1, monthOffset: Int = 0, dayOffset: Int = 0, secondOffset: Int = 0) {
    self.style = style
    self.dayOfMonth = dayOfMonth
    self.monthOffset = monthOffset
    self.dayOffset = dayOffset
    self.secondOffset = secondOffset
  }

  /// The anchor of a frequency that fits `timestamp`.
  public static func fitting(_ timestamp: Timestamp, frequency: Frequency, style: DateStyle) -> PeriodAnchor {
    let date = timestamp.date
    var anchor = PeriodAnchor(style: style)
    anchor.dayOfMonth = date.isLastDayOfMonth && date.day >= 28 && date.day != 1 ? nil : date.day
    switch frequency {
    case .hourly:
      anchor.secondOffset = ((timestamp.seconds % 3600) + 3600) % 3600
    case .daily, .unspecified:
      anchor.secondOffset = timestamp.secondOfDay
    case .weekly:
      anchor.dayOffset = ((timestamp.days % 7) + 7) % 7
      anchor.secondOffset = timestamp.secondOfDay
    case .monthly:
      anchor.secondOffset = timestamp.secondOfDay
    case .quarterly:
      anchor.monthOffset = (date.month - 1) % 3
    case .yearly:
      anchor.monthOffset = date.month - 1
    }
    return anchor
  }
}
