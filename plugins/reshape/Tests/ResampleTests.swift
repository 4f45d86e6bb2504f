import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// Resampling against hand-counted calendar cases: leap years, ISO week 53, weeks across New
/// Year, partial first and last periods. Values are small integers: comparisons are exact.
@Suite struct ResampleTests {
  @Test func leapYearsCountTheirDays() throws {
    let path = try dailyFile(from: "2024-01-01", days: 366 + 365, name: "leap")
    let load = "s = load \"\(path)\""
    let monthly = try value("m", load + "\nm = resample s.units freq=M", as: Series.self)
    #expect(monthly.count == 24)
    #expect(Array(monthly.values.prefix(3)) == [31, 29, 31])  // 2024 is a leap year
    #expect(monthly.values[13] == 28)  // February 2025
    #expect(monthly.index.label(at: 0) == "2024-01")
    let quarterly = try value("q", load + "\nq = resample s.units freq=Q", as: Series.self)
    #expect(quarterly.values == [91, 91, 92, 92, 90, 91, 92, 92])
    #expect(quarterly.index.labels == ["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"])
    let yearly = try value("y", load + "\ny = resample s.units freq=Y", as: Series.self)
    #expect(yearly.values == [366, 365])
  }

  @Test func centuryYearsFollowTheGregorianRule() throws {
    // 2000 is a leap year (divisible by 400), 2100 is not.
    for (start, february) in [("2000-02-01", 29.0), ("2100-02-01", 28.0)] {
      let path = try dailyFile(from: start, days: 60, name: "century-\(start)")
      let monthly = try value("m", "s = load \"\(path)\"\nm = resample s.units freq=M", as: Series.self)
      #expect(monthly.values[0] == february)
    }
  }

  @Test func isoWeek53AndTheNewYear() throws {
    // 2020-12-21 … 2021-01-10: ISO weeks 2020-W52, 2020-W53 (Mon 28 Dec … Sun 3 Jan), 2021-W01.
    let path = try dailyFile(from: "2020-12-21", days: 21, name: "week53")
    let weekly = try value("w", "s = load \"\(path)\"\nw = resample s.units freq=W", as: Series.self)
    #expect(weekly.index.labels == ["2020-12-21", "2020-12-28", "2021-01-04"])
    #expect(weekly.values == [7, 7, 7])
    let dated = try value("c", "s = load \"\(path)\"\nc = calendar s columns=[week,weekday]", as: Table.self)
    #expect(dated.texts("week")[7...13].allSatisfy { $0 == "53" })
    #expect(dated.texts("weekday")[7] == "1" && dated.texts("weekday")[13] == "7")
    // 2024-12-30 is a Monday in ISO week 1 of 2025; its week is labelled 2024-12-30.
    let across = try dailyFile(from: "2024-12-30", days: 7, name: "across")
    let week = try value("w", "s = load \"\(across)\"\nw = resample s.units freq=W", as: Series.self)
    #expect(week.index.labels == ["2024-12-30"] && week.values == [7])
  }

  @Test func partialEdgesAreReportedAndDroppedOnRequest() throws {
    // Wed 2024-01-03 … Tue 2024-01-16: 5 days of the first week, 2 of the last.
    let path = try dailyFile(from: "2024-01-03", days: 14, name: "partial")
    let load = "s = load \"\(path)\""
    let output = try ScriptHarness(width: 200).run(load + "\nw = resample s.units freq=W")
    #expect(output.contains("first week 2024-01-01 is partial: 5 of 7 days; kept (partial=drop leaves it out)"))
    #expect(output.contains("last week 2024-01-15 is partial: 2 of 7 days; kept"))
    let kept = try value("w", load + "\nw = resample s.units freq=W", as: Series.self)
    #expect(kept.values == [5, 7, 2])
    let dropped = try value("w", load + "\nw = resample s.units freq=W partial=drop", as: Series.self)
    #expect(dropped.values == [7] && dropped.index.labels == ["2024-01-08"])
    #expect(failure(load + "\nw = resample s.units freq=M partial=drop").contains("error: every month of units is partial, so partial=drop leaves nothing"))
  }

  @Test func weeksIntoMonthsByTheirDates() throws {
    // CO2 weeks are dated on Saturdays; March 1958 has five Saturdays, the data starts on the last.
    let output = try ScriptHarness().run("c = dataset co2_weekly\nm = resample c.co2 freq=M agg=mean")
    #expect(output.contains("first month 1958-03 is partial: 1 of 5 weeks"))
    let monthly = try value("m", "c = dataset co2_weekly\nm = resample c.co2 freq=M agg=mean partial=drop", as: Series.self)
    #expect(monthly.index.label(at: 0) == "1958-04" && monthly.index.label(at: monthly.count - 1) == "2001-12")
    #expect(monthly.count == 525)
    // April 1958: the mean of the four April Saturdays in the file (1e-9 absolute).
    #expect(abs(monthly.values[0] - (317.3 + 317.6 + 317.5 + 316.4) / 4) <= 1e-9)
  }

  @Test func hoursIntoDays() throws {
    let daily = try value("d", Fixture.load("hourly.csv", as: "h") + "\nd = resample h.kwh freq=D", as: Series.self)
    #expect(daily.values == [3, 18])
    let output = try ScriptHarness().run(Fixture.load("hourly.csv", as: "h") + "\nd = resample h.kwh freq=D")
    #expect(output.contains("first day 2024-03-01 is partial: 2 of 24 hours"))
    #expect(output.contains("last day 2024-03-02 is partial: 4 of 24 hours"))
  }

  @Test func aggregations() throws {
    let path = try dailyFile(from: "2024-01-01", days: 7, name: "aggs")
    for (agg, expected) in [("sum", 7.0), ("mean", 1), ("median", 1), ("min", 1), ("max", 1), ("first", 1), ("last", 1), ("count", 7)] {
      let week = try value("w", "s = load \"\(path)\"\nw = resample s.units freq=W agg=\(agg)", as: Series.self)
      #expect(week.values == [expected], "agg=\(agg)")
    }
  }

  @Test func missingDaysAreNamed() throws {
    let output = try ScriptHarness(width: 200).run("s = dataset shop_daily_gaps\nw = resample s.units freq=W partial=drop")
    #expect(output.contains("23 weeks include missing days; their sum covers only the days present (fill first: clean fill=…):"))
    #expect(output.contains("2024-04-01 (2 of 7)"))
    #expect(output.contains("last week 2025-12-29 is partial: 2 of 7 days; left out (partial=drop)"))
    let weekly = try value("w", "s = dataset shop_daily_gaps\nw = resample s.units freq=W partial=drop", as: Series.self)
    #expect(weekly.count == 104 && weekly.index.label(at: 103) == "2025-12-22")
  }

  @Test func tablesAggregateTheirRowsByDate() throws {
    let load = Fixture.load("long_sales.csv", as: "s")
    let daily = try value("d", load + "\nd = resample s freq=D", as: Table.self)
    #expect(daily.texts("date") == ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-06"])
    #expect(daily.texts("units") == ["55", "52", "6", "66", "NA", "3"])
    #expect(daily.columnNames == ["date", "units", "price"])
    let counted = try value("d", load + "\nd = resample s freq=D agg=count", as: Table.self)
    #expect(counted.texts("units") == ["2", "1", "2", "2", "0", "1"])
    let output = try ScriptHarness(width: 200).run(load + "\nd = resample s freq=D")
    #expect(output.contains("1 day has no rows, so its values are missing:\n    2024-01-05"))
    #expect(output.contains("left out 1 column that cannot be aggregated: sku (group by=sku first to resample each sku)"))
    #expect(output.contains("units: 1 day include missing values"))
  }

  // MARK: Refusals

  @Test func upsamplingIsRefused() {
    #expect(failure("a = dataset airpassengers\nw = resample a freq=W")
      .contains("error: resample aggregates into longer periods: monthly data cannot be made weekly without inventing values"))
  }

  @Test func dataWithoutACalendarIsRefused() {
    #expect(failure(Fixture.load("no_dates.csv", as: "s") + "\nx = resample s.units freq=W")
      .contains("error: units has no calendar (its periods are plain numbers), so it cannot be resampled into weeks or months"))
    #expect(failure(Fixture.load("no_dates.csv", as: "s") + "\nx = resample s freq=W").contains("error: the table has no date column to resample by"))
    // A series needs distinct dates; a table is aggregated by them.
    #expect(failure(Fixture.load("long_sales.csv", as: "s") + "\nx = resample s.units freq=W")
      .contains("long_sales.csv:3:1: error: 4 dates appear more than once in column 'date': 2024-01-01 (rows 1, 2), 2024-01-02 (rows 3, 4)"))
    #expect(failure(Fixture.load("undated_row.csv", as: "s") + "\nw = resample s freq=W")
      .contains("undated_row.csv:4:1: error: row 3 has no date in column 'date', so it belongs to no period"))
  }

  @Test func normalizedSumsAreRefused() {
    #expect(failure("s = dataset shop_daily\nz = clean s.units normalize=zscore\nw = resample z freq=W")
      .contains("error: units is normalized, and a sum of normalized values cannot be mapped back to the original scale"))
  }
}
