import Testing
import TrendCastValues

/// The date forms read from data files, and the frequency found from a column of dates.
@Suite struct DateParsingTests {
  static func stamp(_ year: Int, _ month: Int, _ day: Int, seconds: Int = 0) -> Timestamp {
    Timestamp(date: CivilDate(year: year, month: month, day: day), secondOfDay: seconds)
  }

  @Test(arguments: [
    ("2024-01-31", DateParsingTests.stamp(2024, 1, 31), DateStyle.isoDate),
    ("2024/1/5", DateParsingTests.stamp(2024, 1, 5), .isoDate),
    (" 2024-01-31 ", DateParsingTests.stamp(2024, 1, 31), .isoDate),
    ("2024-01", DateParsingTests.stamp(2024, 1, 1), .yearMonth),
    ("2024-03-04 13:05", DateParsingTests.stamp(2024, 3, 4, seconds: 47_100), .isoDateTime),
    ("2024-03-04T13:05:07.25Z", DateParsingTests.stamp(2024, 3, 4, seconds: 47_107), .isoDateTime),
    ("Jan 1980", DateParsingTests.stamp(1980, 1, 1), .monthName),
    ("january 1980", DateParsingTests.stamp(1980, 1, 1), .monthName),
    ("Sept-1980", DateParsingTests.stamp(1980, 9, 1), .monthName),
    ("1959Q1", DateParsingTests.stamp(1959, 1, 1), .quarter),
    ("1959 Q2", DateParsingTests.stamp(1959, 4, 1), .quarter),
    ("1959-q4", DateParsingTests.stamp(1959, 10, 1), .quarter),
  ])
  func everyPromisedDateFormParses(_ text: String, _ stamp: Timestamp, _ style: DateStyle) {
    let parsed = DateParser.parse(text)
    #expect(parsed?.timestamp == stamp)
    #expect(parsed?.style == style)
  }

  @Test(arguments: ["2023-02-29", "2024-13-01", "2024-00-10", "1959Q5", "2024-01-31 24:00", "2024-01-31 13:5", "Jam 1980",
    "2024-01/31", "20240131", "hello", "", "12345-01-01", "2024-01-31 13:00 extra"])
  func malformedDatesAreNotDates(_ text: String) {
    #expect(DateParser.parse(text) == nil)
  }

  @Test func aPlainYearIsADateOnlyWhenAllowed() {
    #expect(DateParser.parse("1959") == nil)
    #expect(DateParser.parse("1959", allowPlainYear: true)?.timestamp == Self.stamp(1959, 1, 1))
    #expect(DateParser.parse("1959", allowPlainYear: true)?.style == .year)
  }

  @Test(arguments: [
    (DateStyle.isoDate, "2024-03-04"), (.isoDateTime, "2024-03-04 13:05"), (.yearMonth, "2024-03"), (.monthName, "Mar 2024"),
    (.quarter, "2024Q1"), (.year, "2024"),
  ])
  func eachStyleWritesDatesAsTheyWereRead(_ style: DateStyle, _ text: String) {
    #expect(style.format(Self.stamp(2024, 3, 4, seconds: 47_100)) == text)
  }

  @Test func dateStylesRoundTripThroughTheParser() {
    let stamp = Self.stamp(2024, 4, 1)
    for style in [DateStyle.isoDate, .yearMonth, .monthName, .quarter] {
      #expect(DateParser.parse(style.format(stamp))?.timestamp == stamp, "\(style)")
    }
  }

  @Test func frequencyIsTheLargestUnitEveryGapIsAMultipleOf() {
    func infer(_ stamps: [Timestamp]) -> Frequency? { FrequencyInference.infer(stamps) }
    #expect(infer([Self.stamp(2024, 1, 1), Self.stamp(2024, 2, 1), Self.stamp(2024, 4, 1)]) == .monthly, "a missing month is a gap")
    #expect(infer([Self.stamp(2024, 1, 31), Self.stamp(2024, 2, 29), Self.stamp(2024, 3, 31)]) == .monthly, "month ends")
    #expect(infer([Self.stamp(2024, 1, 1), Self.stamp(2024, 4, 1), Self.stamp(2024, 10, 1)]) == .quarterly)
    #expect(infer([Self.stamp(2020, 6, 30), Self.stamp(2021, 6, 30), Self.stamp(2023, 6, 30)]) == .yearly)
    #expect(infer([Self.stamp(2024, 1, 1), Self.stamp(2024, 1, 8), Self.stamp(2024, 1, 22)]) == .weekly)
    #expect(infer([Self.stamp(2024, 1, 1), Self.stamp(2024, 1, 3), Self.stamp(2024, 1, 4)]) == .daily)
    #expect(infer([Self.stamp(2024, 1, 1, seconds: 3600), Self.stamp(2024, 1, 1, seconds: 10_800)]) == .hourly)
  }

  @Test func duplicatesAreIgnoredAndTooFewOrIrregularDatesHaveNoFrequency() {
    #expect(FrequencyInference.infer([Self.stamp(2024, 1, 1), Self.stamp(2024, 1, 1), Self.stamp(2024, 1, 2)]) == .daily)
    #expect(FrequencyInference.infer([Self.stamp(2024, 1, 1)]) == nil)
    #expect(FrequencyInference.infer([Self.stamp(2024, 1, 1), Self.stamp(2024, 1, 1)]) == nil)
    #expect(FrequencyInference.infer([Self.stamp(2024, 1, 1, seconds: 0), Self.stamp(2024, 1, 1, seconds: 90)]) == nil)
  }
}
