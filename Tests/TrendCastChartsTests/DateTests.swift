import Foundation
import Testing
@testable import TrendCastCharts

@Suite struct DateTests {
  @Test func civilDatesAgreeWithFoundation() {
    // Every 97th day over 1600…2400, plus the epoch; exact agreement.
    for epochDay in stride(from: -135_000, through: 157_000, by: 97) {
      let ours = CivilDate(epochDay: epochDay)
      let iso = ours.isoText
      #expect(Fixtures.epochDay(iso) == Double(epochDay), "\(epochDay) → \(iso)")
      #expect(ours.epochDay == epochDay)
    }
    #expect(CivilDate(epochDay: 0) == CivilDate(year: 1970, month: 1, day: 1))
    #expect(CivilDate(epochDay: 19_782.75) == CivilDate(year: 2024, month: 2, day: 29))
    #expect(CivilDate(epochDay: Double.nan) == nil)
  }

  @Test func isoWeeksFollowTheStandard() {
    // 2021-01-03 is in 2020-W53, 2024-12-30 is in 2025-W01, 2024-01-01 is a Monday in W01.
    #expect(CivilDate.isoWeek(epochDay: CivilDate(year: 2021, month: 1, day: 3).epochDay) == (2020, 53))
    #expect(CivilDate.isoWeek(epochDay: CivilDate(year: 2024, month: 12, day: 30).epochDay) == (2025, 1))
    #expect(CivilDate.isoWeek(epochDay: CivilDate(year: 2024, month: 1, day: 1).epochDay) == (2024, 1))
    #expect(CivilDate.isoWeekday(epochDay: CivilDate(year: 2024, month: 1, day: 1).epochDay) == 1)
    #expect(CivilDate.isoWeekday(epochDay: -1) == 3)
  }

  @Test func frequencyLabels() {
    let day = Double(CivilDate(year: 2024, month: 5, day: 17).epochDay) + 0.5
    #expect(Chart.Frequency.day.label(forEpochDay: day) == "2024-05-17")
    #expect(Chart.Frequency.month.label(forEpochDay: day) == "2024-05")
    #expect(Chart.Frequency.quarter.label(forEpochDay: day) == "2024Q2")
    #expect(Chart.Frequency.year.label(forEpochDay: day) == "2024")
  }

  func ticks(_ unit: DateTickUnit, _ from: (Int, Int, Int), _ to: (Int, Int, Int)) -> [String] {
    let lower = Double(CivilDate(year: from.0, month: from.1, day: from.2).epochDay)
    let upper = Double(CivilDate(year: to.0, month: to.1, day: to.2).epochDay)
    return (unit.ticks(from: lower, to: upper, limit: 100) ?? []).map(\.label)
  }

  @Test func calendarTicksSitOnPeriodStarts() {
    #expect(ticks(.months(1), (2024, 1, 15), (2024, 5, 1)) == ["2024-02", "2024-03", "2024-04", "2024-05"])
    #expect(ticks(.months(3), (2023, 11, 1), (2024, 8, 1)) == ["2024-01", "2024-04", "2024-07"])
    #expect(ticks(.quarters(1), (2023, 11, 1), (2024, 8, 1)) == ["2024Q1", "2024Q2", "2024Q3"])
    #expect(ticks(.quarters(2), (2023, 1, 1), (2024, 12, 1)) == ["2023Q1", "2023Q3", "2024Q1", "2024Q3"])
    #expect(ticks(.years(5), (1949, 1, 1), (1961, 1, 1)) == ["1950", "1955", "1960"])
    // Mondays of 2024-01: the 1st, 8th, 15th, 22nd, 29th.
    #expect(ticks(.weeks(1), (2023, 12, 31), (2024, 1, 29)) == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29"])
    #expect(ticks(.weeks(2), (2023, 12, 25), (2024, 1, 31)).count == 3)
    #expect(ticks(.days(1), (2024, 2, 28), (2024, 3, 1)) == ["2024-02-28", "2024-02-29", "2024-03-01"])
    #expect(DateTickUnit.days(1).ticks(from: 0, to: 10_000, limit: 100) == nil)
  }

  @Test func hourlyTicksAndLabels() {
    let start = Double(CivilDate(year: 2024, month: 3, day: 4).epochDay)
    #expect(Chart.Frequency.hour.label(forEpochDay: start + 13.0 / 24) == "2024-03-04 13:00")
    let labels = (DateTickUnit.hours(6).ticks(from: start + 0.1, to: start + 1.3, limit: 50) ?? []).map(\.label)
    #expect(labels == ["03-04 06:00", "03-04 12:00", "03-04 18:00", "03-05 00:00", "03-05 06:00"])
    #expect(Chart.Frequency(rawValue: "M") == .month && Chart.Frequency(rawValue: "N") == Chart.Frequency.none)
  }

  @Test func tickUnitsSuitTheFrequency() {
    #expect(DateTickUnit.candidates(for: .month).first == .months(1))
    #expect(!DateTickUnit.candidates(for: .month).contains(.quarters(1)))
    #expect(DateTickUnit.candidates(for: .quarter).first == .quarters(1))
    #expect(DateTickUnit.candidates(for: .year).allSatisfy { if case .years = $0 { true } else { false } })
    #expect(DateTickUnit.candidates(for: .day).first == .days(1))
  }
}
