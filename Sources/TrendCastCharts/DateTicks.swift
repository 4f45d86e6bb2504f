/// Calendar-aligned tick marks for a dated axis: every n days, ISO-week Mondays, month
/// starts, quarter starts and year starts, each with the label format that suits it.
enum DateTickUnit: Equatable, Sendable {
  case hours(Int)
  case days(Int)
  case weeks(Int)
  case months(Int)
  case quarters(Int)
  case years(Int)

  /// Roughly how many days apart two ticks of this unit are.
  var approximateDays: Double {
    switch self {
    case .hours(let n): return Double(n) / 24
    case .days(let n): return Double(n)
    case .weeks(let n): return 7 * Double(n)
    case .months(let n): return 30.44 * Double(n)
    case .quarters(let n): return 91.31 * Double(n)
    case .years(let n): return 365.25 * Double(n)
    }
  }

  /// The units that suit data of `frequency`, finest first: a monthly axis never gets
  /// day ticks, and quarter labels (`2024Q1`) are used only for quarterly data.
  static func candidates(for frequency: Chart.Frequency) -> [DateTickUnit] {
    let hours: [DateTickUnit] = [1, 2, 3, 6, 12].map { .hours($0) }
    let days: [DateTickUnit] = [.days(1), .days(2)]
    let weeks: [DateTickUnit] = [.weeks(1), .weeks(2)]
    let months: [DateTickUnit] = [.months(1), .months(2), .months(3), .months(6)]
    let quarters: [DateTickUnit] = [.quarters(1), .quarters(2)]
    let years: [DateTickUnit] = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000].map { .years($0) }
    switch frequency {
    case .hour: return hours + days + weeks + months + years
    case .day, .none: return days + weeks + months + years
    case .week: return weeks + months + years
    case .month: return months + years
    case .quarter: return quarters + years
    case .year: return years
    }
  }

  /// The label of a tick of this unit at `date`.
  func label(_ date: CivilDate) -> String {
    switch self {
    case .hours, .days, .weeks: return date.isoText
    case .months: return date.monthText
    case .quarters: return date.quarterText
    case .years: return date.yearText
    }
  }

  /// The tick positions (epoch days) of this unit inside `lower...upper`, with labels;
  /// nil when there would be more than `limit` of them.
  func ticks(from lower: Double, to upper: Double, limit: Int) -> [(position: Double, label: String)]? {
    guard let first = CivilDate(epochDay: lower), CivilDate(epochDay: upper) != nil, lower <= upper else { return [] }
    if (upper - lower) / approximateDays > Double(limit) + 2 { return nil }
    if case .hours(let n) = self { return hourTicks(every: n, from: lower, to: upper, limit: limit) }
    var result: [(Double, String)] = []
    var candidate = startCandidate(onOrBefore: first)
    while Double(candidate.epochDay) <= upper {
      if Double(candidate.epochDay) >= lower, accepts(candidate) {
        result.append((Double(candidate.epochDay), label(candidate)))
        if result.count > limit { return nil }
      }
      candidate = next(after: candidate)
    }
    return result
  }

  /// Ticks on every n-th hour of the day, labelled "MM-DD HH:00".
  private func hourTicks(every n: Int, from lower: Double, to upper: Double, limit: Int) -> [(position: Double, label: String)]? {
    let first = Int((lower * 24 - 1e-6).rounded(.up))
    let last = Int((upper * 24 + 1e-6).rounded(.down))
    guard first <= last else { return [] }
    var result: [(Double, String)] = []
    for hour in first...last where modulo(hour, n) == 0 {
      let position = Double(hour) / 24
      let monthDay = CivilDate(epochDay: floorDivide(hour, 24)).isoText.suffix(5)
      result.append((position, monthDay + " " + CivilDate.hourText(epochDay: position)))
      if result.count > limit { return nil }
    }
    return result
  }

  /// The first date of the stepping sequence at or before `date`.
  private func startCandidate(onOrBefore date: CivilDate) -> CivilDate {
    switch self {
    case .hours, .days: return date
    case .weeks:
      let monday = date.epochDay - CivilDate.isoWeekday(epochDay: date.epochDay) + 1
      return CivilDate(epochDay: monday)
    case .months, .quarters: return CivilDate(year: date.year, month: date.month, day: 1)
    case .years: return CivilDate(year: date.year, month: 1, day: 1)
    }
  }

  private func next(after date: CivilDate) -> CivilDate {
    switch self {
    case .hours, .days: return CivilDate(epochDay: date.epochDay + 1)
    case .weeks: return CivilDate(epochDay: date.epochDay + 7)
    case .months, .quarters:
      return date.month == 12
        ? CivilDate(year: date.year + 1, month: 1, day: 1)
        : CivilDate(year: date.year, month: date.month + 1, day: 1)
    case .years: return CivilDate(year: date.year + 1, month: 1, day: 1)
    }
  }

  /// Whether a date of the stepping sequence carries a tick: every n-th unit, counted from
  /// a fixed origin so that ticks do not move when the data range changes.
  private func accepts(_ date: CivilDate) -> Bool {
    switch self {
    case .hours: return true
    case .days(let n): return modulo(date.epochDay, n) == 0
    case .weeks(let n):
      // 1970-01-05 was the first Monday after the epoch.
      return modulo((date.epochDay - 4) / 7, n) == 0
    case .months(let n): return modulo(date.month - 1, n) == 0
    case .quarters(let n): return (date.month - 1) % 3 == 0 && modulo((date.month - 1) / 3, n) == 0
    case .years(let n): return modulo(date.year, n) == 0
    }
  }

  private func modulo(_ value: Int, _ divisor: Int) -> Int {
    let r = value % divisor
    return r < 0 ? r + divisor : r
  }
}
