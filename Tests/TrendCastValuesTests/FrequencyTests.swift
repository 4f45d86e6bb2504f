import Testing
import TrendCastValues

/// Frequencies: codes `freq=` accepts, names shown to users, seasonal periods.
@Suite struct FrequencyTests {
  @Test(arguments: [
    ("H", Frequency.hourly), ("hour", .hourly), ("D", .daily), ("d", .daily), ("Daily", .daily), ("day", .daily),
    ("W", .weekly), ("week", .weekly), ("M", .monthly), ("monthly", .monthly), ("Q", .quarterly), ("quarter", .quarterly),
    ("Y", .yearly), ("A", .yearly), ("annual", .yearly), ("year", .yearly),
  ])
  func codesAndWordsParseCaseInsensitively(_ code: String, _ frequency: Frequency) {
    #expect(Frequency(code: code) == frequency)
  }

  @Test(arguments: ["N", "x", "", "fortnight", "months"])
  func otherCodesAreRefused(_ code: String) {
    #expect(Frequency(code: code) == nil)
  }

  @Test func eachFrequencyHasACodeANameAndASeasonalPeriod() {
    let table = Frequency.allCases.map { "\($0.rawValue) \($0.name) \($0.seasonalPeriod)" }
    #expect(table == ["H hourly 24", "D daily 7", "W weekly 52", "M monthly 12", "Q quarterly 4", "Y yearly 1", "N regular 1"])
  }

  @Test func theCodeOfEveryCalendarFrequencyParsesBackToIt() {
    for frequency in Frequency.allCases where frequency != .unspecified {
      #expect(Frequency(code: frequency.rawValue) == frequency)
      #expect(Frequency(code: frequency.name) == frequency)
    }
  }

  @Test func exactNestingOfFrequencies() {
    #expect(Frequency.monthly.periods(in: .quarterly) == 3)
    #expect(Frequency.monthly.periods(in: .yearly) == 12)
    #expect(Frequency.quarterly.periods(in: .yearly) == 4)
    #expect(Frequency.hourly.periods(in: .daily) == 24)
    #expect(Frequency.daily.periods(in: .weekly) == 7)
    #expect(Frequency.weekly.periods(in: .weekly) == 1)
    #expect(Frequency.daily.periods(in: .monthly) == nil, "months have no fixed number of days")
    #expect(Frequency.weekly.periods(in: .yearly) == nil)
    #expect(Frequency.yearly.periods(in: .monthly) == nil, "only a finer frequency fits into a coarser one")
  }
}
