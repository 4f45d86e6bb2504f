import Testing
import TrendCastValues

/// Calendar arithmetic under every time index: day counts, weekdays, ISO weeks, month lengths.
@Suite struct CivilDateTests {
  @Test(arguments: [
    (1970, 1, 1, 0), (1970, 1, 2, 1), (1969, 12, 31, -1), (2000, 3, 1, 11017), (2024, 2, 29, 19782), (1900, 1, 1, -25567),
  ])
  func datesCountDaysFromTheEpoch(_ year: Int, _ month: Int, _ day: Int, _ days: Int) {
    let date = CivilDate(year: year, month: month, day: day)
    #expect(date.daysSinceEpoch == days)
    #expect(CivilDate(daysSinceEpoch: days) == date)
  }

  @Test func dayCountsRoundTripAcrossCenturiesAndLeapDays() {
    var previous: CivilDate?
    for days in stride(from: -150_000, through: 150_000, by: 7) {
      let date = CivilDate(daysSinceEpoch: days)
      #expect(date.daysSinceEpoch == days)
      #expect(CivilDate.validated(year: date.year, month: date.month, day: date.day) != nil)
      if let previous { #expect(previous < date) }
      previous = date
    }
  }

  @Test(arguments: [
    ((1970, 1, 1), 4), ((2024, 1, 1), 1), ((2024, 3, 3), 7), ((1969, 12, 31), 3), ((2000, 2, 29), 2),
  ])
  func weekdaysAreISOMondayOneToSundaySeven(_ ymd: (Int, Int, Int), _ weekday: Int) {
    #expect(CivilDate(year: ymd.0, month: ymd.1, day: ymd.2).weekday == weekday)
  }

  @Test(arguments: [
    ((2021, 1, 3), 2020, 53), ((2021, 1, 4), 2021, 1), ((2019, 12, 30), 2020, 1), ((2024, 12, 30), 2025, 1),
    ((2026, 12, 31), 2026, 53), ((2015, 12, 31), 2015, 53), ((2023, 1, 1), 2022, 52), ((2024, 6, 15), 2024, 24),
  ])
  func isoWeeksBelongToTheYearOfTheirThursday(_ ymd: (Int, Int, Int), _ year: Int, _ week: Int) {
    let iso = CivilDate(year: ymd.0, month: ymd.1, day: ymd.2).isoWeek
    #expect(iso.year == year)
    #expect(iso.week == week)
  }

  @Test func monthLengthsFollowTheGregorianLeapRule() {
    #expect(CivilDate.daysInMonth(year: 2024, month: 2) == 29)
    #expect(CivilDate.daysInMonth(year: 2023, month: 2) == 28)
    #expect(CivilDate.daysInMonth(year: 1900, month: 2) == 28)
    #expect(CivilDate.daysInMonth(year: 2000, month: 2) == 29)
    #expect((1...12).map { CivilDate.daysInMonth(year: 2023, month: $0) } == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
  }

  @Test func impossibleDatesAreRefused() {
    #expect(CivilDate.validated(year: 2023, month: 2, day: 29) == nil)
    #expect(CivilDate.validated(year: 2024, month: 13, day: 1) == nil)
    #expect(CivilDate.validated(year: 2024, month: 4, day: 31) == nil)
    #expect(CivilDate.validated(year: 2024, month: 1, day: 0) == nil)
    #expect(CivilDate.validated(year: 2024, month: 2, day: 29) != nil)
  }

  @Test func isoTextIsZeroPadded() {
    #expect(CivilDate(year: 2024, month: 3, day: 5).iso == "2024-03-05")
    #expect(CivilDate(year: 5, month: 1, day: 1).iso == "0005-01-01")
    #expect(CivilDate(year: 2024, month: 2, day: 29).isLastDayOfMonth)
    #expect(!CivilDate(year: 2024, month: 2, day: 28).isLastDayOfMonth)
  }

  @Test func timestampsSplitIntoDayAndSecondEvenBeforeTheEpoch() {
    let before = Timestamp(seconds: -1)
    #expect(before.days == -1)
    #expect(before.secondOfDay == 86_399)
    #expect(before.date == CivilDate(year: 1969, month: 12, day: 31))
    let afternoon = Timestamp(date: CivilDate(year: 2024, month: 3, day: 4), secondOfDay: 13 * 3600)
    #expect(afternoon.date == CivilDate(year: 2024, month: 3, day: 4))
    #expect(afternoon.secondOfDay == 46_800)
  }
}

/// Regular time indexes: how periods are dated and labelled, and where a date falls.
@Suite struct TimeIndexTests {
  static func stamp(_ year: Int, _ month: Int, _ day: Int, hour: Int = 0) -> Timestamp {
    Timestamp(date: CivilDate(year: year, month: month, day: day), secondOfDay: hour * 3600)
  }

  /// An index of `count` periods whose first period is dated `first`, anchored as data dated so would be.
  static func index(from first: Timestamp, _ frequency: Frequency, _ style: DateStyle, count: Int) -> TimeIndex {
    let anchor = PeriodAnchor.fitting(first, frequency: frequency, style: style)
    let (ordinal, onGrid) = TimeIndex.ordinal(of: first, frequency: frequency, anchor: anchor)
    #expect(onGrid)
    return TimeIndex(frequency: frequency, start: ordinal, count: count, anchor: anchor)
  }

  @Test func monthEndDatesStayAtMonthEnds() {
    let index = Self.index(from: Self.stamp(2024, 1, 31), .monthly, .isoDate, count: 4)
    #expect(index.labels == ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"])
    #expect(index.following(2).labels == ["2024-05-31", "2024-06-30"])
  }

  @Test func aDayOfMonthIsKeptAndClampedInShortMonths() {
    let index = Self.index(from: Self.stamp(2023, 12, 30), .monthly, .isoDate, count: 4)
    #expect(index.labels == ["2023-12-30", "2024-01-30", "2024-02-29", "2024-03-30"])
    let late = PeriodAnchor(style: .isoDate, dayOfMonth: 30)
    #expect(TimeIndex.ordinal(of: Self.stamp(2024, 2, 29), frequency: .monthly, anchor: late).onGrid)
    #expect(!TimeIndex.ordinal(of: Self.stamp(2024, 2, 28), frequency: .monthly, anchor: late).onGrid)
  }

  @Test func monthsAreLabelledInTheStyleTheyWereRead() {
    let index = Self.index(from: Self.stamp(1949, 1, 1), .monthly, .yearMonth, count: 144)
    #expect(index.label(at: 0) == "1949-01")
    #expect(index.label(at: 143) == "1960-12")
    #expect(index.summary == "monthly, 1949-01 … 1960-12 (144)")
    let names = Self.index(from: Self.stamp(1980, 11, 1), .monthly, .monthName, count: 3)
    #expect(names.labels == ["Nov 1980", "Dec 1980", "Jan 1981"])
  }

  @Test func quartersCountFromTheirFirstOrLastMonth() {
    let starts = Self.index(from: Self.stamp(1959, 1, 1), .quarterly, .quarter, count: 5)
    #expect(starts.labels == ["1959Q1", "1959Q2", "1959Q3", "1959Q4", "1960Q1"])
    let ends = Self.index(from: Self.stamp(1959, 3, 31), .quarterly, .isoDate, count: 4)
    #expect(ends.labels == ["1959-03-31", "1959-06-30", "1959-09-30", "1959-12-31"])
    #expect(ends.anchor.monthOffset == 2)
    let endsAsQuarters = TimeIndex(frequency: .quarterly, start: ends.start, count: 4, anchor: PeriodAnchor(style: .quarter, dayOfMonth: nil, monthOffset: 2))
    #expect(endsAsQuarters.labels == ["1959Q1", "1959Q2", "1959Q3", "1959Q4"], "a quarter dated at its end is still that quarter")
    #expect(!TimeIndex.ordinal(of: Self.stamp(1959, 2, 28), frequency: .quarterly, anchor: ends.anchor).onGrid)
  }

  @Test func weeksKeepTheWeekdayTheDataIsDatedOn() {
    let mondays = Self.index(from: Self.stamp(2023, 12, 25), .weekly, .isoDate, count: 3)
    #expect(mondays.labels == ["2023-12-25", "2024-01-01", "2024-01-08"])
    #expect(mondays.labels.allSatisfy { label in
      let parts = label.split(separator: "-").compactMap { Int($0) }
      return CivilDate(year: parts[0], month: parts[1], day: parts[2]).weekday == 1
    })
    let wednesday = TimeIndex.ordinal(of: Self.stamp(2024, 1, 3), frequency: .weekly, anchor: mondays.anchor)
    #expect(!wednesday.onGrid)
    #expect(wednesday.ordinal == mondays.start + 1, "a Wednesday lies in the week of its Monday")
    let saturdays = Self.index(from: Self.stamp(2024, 1, 6), .weekly, .isoDate, count: 2)
    #expect(saturdays.labels == ["2024-01-06", "2024-01-13"])
  }

  @Test func yearsKeepTheirMonth() {
    let index = Self.index(from: Self.stamp(1871, 1, 1), .yearly, .year, count: 3)
    #expect(index.labels == ["1871", "1872", "1873"])
    let june = Self.index(from: Self.stamp(2020, 6, 30), .yearly, .isoDate, count: 2)
    #expect(june.labels == ["2020-06-30", "2021-06-30"])
  }

  @Test func daysAndHoursCountAcrossTheEpochAndDayBreaks() {
    let days = Self.index(from: Self.stamp(1969, 12, 30), .daily, .isoDate, count: 4)
    #expect(days.labels == ["1969-12-30", "1969-12-31", "1970-01-01", "1970-01-02"])
    let hours = Self.index(from: Self.stamp(2024, 3, 4, hour: 22), .hourly, .isoDateTime, count: 3)
    #expect(hours.labels == ["2024-03-04 22:00", "2024-03-04 23:00", "2024-03-05 00:00"])
  }

  @Test func slicesPrefixesAndContinuationsShareTheCalendar() {
    let index = Self.index(from: Self.stamp(2024, 1, 1), .monthly, .yearMonth, count: 12)
    #expect(index.prefix(2).labels == ["2024-01", "2024-02"])
    #expect(index.prefix(99).count == 12)
    #expect(index.slice(10..<12).labels == ["2024-11", "2024-12"])
    #expect(index.following(1).labels == ["2025-01"])
    #expect(index.seasonalPeriod == 12)
  }

  @Test func aNumberedIndexCountsPeriods() {
    let index = TimeIndex.numbered(count: 3)
    #expect(index.labels == ["1", "2", "3"])
    #expect(index.epochDays == [1, 2, 3])
    #expect(index.summary == "regular, 1 … 3 (3)")
    #expect(TimeIndex.numbered(count: 0).summary == "regular, empty")
  }
}
