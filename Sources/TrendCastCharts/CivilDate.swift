/// A date of the proleptic Gregorian calendar, convertible to and from epoch days
/// (days since 1970-01-01; the fraction of a day is ignored).
struct CivilDate: Equatable, Sendable {
  var year: Int
  var month: Int
  var day: Int

  /// Epoch days within this bound (about ±27,000 years) are treated as dates.
  static let epochDayLimit = 10_000_000.0

  init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// The date containing `epochDay`, or nil when it is not finite or out of range.
  init?(epochDay: Double) {
    guard epochDay.isFinite, abs(epochDay) < Self.epochDayLimit else { return nil }
    self.init(epochDay: Int(epochDay.rounded(.down)))
  }

  /// The date `epochDay` days after 1970-01-01 (Howard Hinnant's civil-from-days).
  init(epochDay: Int) {
    let z = epochDay + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
  var epochDay: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// ISO weekday: 1 = Monday … 7 = Sunday.
  static func isoWeekday(epochDay: Int) -> Int {
    // 1970-01-01 was a Thursday (ISO 4).
    let offset = (epochDay + 3) % 7
    return (offset < 0 ? offset + 7 : offset) + 1
  }

  /// The ISO-8601 week-numbering year and week (1…53) containing `epochDay`.
  static func isoWeek(epochDay: Int) -> (year: Int, week: Int) {
    let thursday = epochDay - isoWeekday(epochDay: epochDay) + 4
    let year = CivilDate(epochDay: thursday).year
    let firstOfYear = CivilDate(year: year, month: 1, day: 1).epochDay
    return (year, (thursday - firstOfYear) / 7 + 1)
  }

  var yearText: String {
    year >= 0 && year < 10_000 ? pad(year, 4) : String(year)
  }
  var monthText: String { yearText + "-" + pad(month, 2) }
  var isoText: String { monthText + "-" + pad(day, 2) }
  /// "13:00": the hour of the day of `epochDay`'s fraction.
  static func hourText(epochDay: Double) -> String {
    let hour = min(max(Int(((epochDay - epochDay.rounded(.down)) * 24 + 1e-6).rounded(.down)), 0), 23)
    return (hour < 10 ? "0" : "") + String(hour) + ":00"
  }

  var quarterText: String { yearText + "Q" + String((month - 1) / 3 + 1) }

  private func pad(_ value: Int, _ digits: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(digits - text.count, 0)) + text
  }
}
