/// A calendar date (proleptic Gregorian, no time zone) with exact integer arithmetic.
///
/// Dates are converted to and from a day count since 1970-01-01 with Howard Hinnant's
/// `days_from_civil` algorithm: no Foundation calendar, so loading a million dates stays fast and
/// every platform gives the same answer.
public struct CivilDate: Sendable, Hashable, Comparable {
  public var year: Int
  public var month: Int  // 1...12
  public var day: Int  // 1...31

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Nil when the day does not exist (2023-02-29, 2024-13-01).
  public static func validated(year: Int, month: Int, day: Int) -> CivilDate? {
    guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
    return CivilDate(year: year, month: month, day: day)
  }

  public init(daysSinceEpoch days: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * mp + 2) / 5 + 1
    month = mp < 10 ? mp + 3 : mp - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  public var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * mp + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// ISO weekday: Monday 1 … Sunday 7.
  public var weekday: Int {
    let days = daysSinceEpoch
    // 1970-01-01 was a Thursday (4).
    return ((days % 7 + 7) % 7 + 3) % 7 + 1
  }

  /// The ISO 8601 week-numbering year and week (weeks start on Monday; week 1 holds a Thursday).
  public var isoWeek: (year: Int, week: Int) {
    let days = daysSinceEpoch
    let thursday = days - (weekday - 1) + 3
    let thursdayYear = CivilDate(daysSinceEpoch: thursday).year
    let firstDay = CivilDate(year: thursdayYear, month: 1, day: 1).daysSinceEpoch
    return (thursdayYear, (thursday - firstDay) / 7 + 1)
  }

  public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public var isLastDayOfMonth: Bool { day == CivilDate.daysInMonth(year: year, month: month) }

  /// `YYYY-MM-DD`.
  public var iso: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(abs(value))
    let padded = text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    return value < 0 ? "-" + padded : padded
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  public static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
  public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
}

/// An instant as whole seconds since 1970-01-01 00:00 (no time zone: dates in sales files are
/// local calendar dates, and TrendCast never converts them).
public struct Timestamp: Sendable, Hashable, Comparable {
  public var seconds: Int
  public init(seconds: Int) { self.seconds = seconds }
  public init(date: CivilDate, secondOfDay: Int = 0) { seconds = date.daysSinceEpoch * 86_400 + secondOfDay }

  public var date: CivilDate { CivilDate(daysSinceEpoch: days) }
  public var days: Int { seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400) }
  public var secondOfDay: Int { seconds - days * 86_400 }
  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }
}
