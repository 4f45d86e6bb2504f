import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// Date columns: the forms `load` reads, how they are kept and shown, the frequency it infers,
/// and the errors for dates it cannot read.
@Suite struct DatesTests {
  let scratch = Scratch()

  /// A file `date,v` with one row per date and v = 1, 2, 3 …
  func dated(_ dates: [String]) throws {
    try scratch.write("dates.csv", "date,v\n" + dates.enumerated().map { "\($0.element),\($0.offset + 1)\n" }.joined())
  }

  /// What `describe` prints for the table loaded by `load`.
  func describeDates(_ load: String = "t = load \"dates.csv\"") throws -> String {
    try scratch.harness.run("\(load)\ndescribe t")
  }

  @Test(arguments: [
    // dates written as …, first and last as shown, inferred frequency
    (["2024-01-01", "2024-01-02", "2024-01-04"], "2024-01-01", "2024-01-04", "daily"),
    (["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-29"], "2024-01-01", "2024-01-29", "weekly"),
    (["2024-01", "2024-02", "2024-03"], "2024-01", "2024-03", "monthly"),
    (["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"], "2024-01-31", "2024-04-30", "monthly"),
    (["2024-01-01", "2024-04-01", "2024-10-01"], "2024-01-01", "2024-10-01", "quarterly"),
    (["2020-01-01", "2021-01-01", "2023-01-01"], "2020-01-01", "2023-01-01", "yearly"),
    (["Jan 1980", "Feb 1980", "Mar 1980"], "Jan 1980", "Mar 1980", "monthly"),
    (["January 1980", "February 1980", "April 1980"], "Jan 1980", "Apr 1980", "monthly"),
    (["1959Q1", "1959Q2", "1959Q3", "1959Q4", "1960Q1"], "1959Q1", "1960Q1", "quarterly"),
    (["1959 Q3", "1959 Q4", "1960 Q1"], "1959Q3", "1960Q1", "quarterly"),
    (["2024/03/01", "2024/03/02", "2024/03/03"], "2024-03-01", "2024-03-03", "daily"),
    (["2024-01-01 09:30", "2024-01-02 09:30", "2024-01-03 09:30"], "2024-01-01 09:30", "2024-01-03 09:30", "daily"),
    (["2024-01-01 00:00", "2024-01-01 01:00", "2024-01-01 03:00"], "2024-01-01 00:00", "2024-01-01 03:00", "hourly"),
    (["2024-01-01T06:00:00", "2024-01-01T07:00:00"], "2024-01-01 06:00", "2024-01-01 07:00", "hourly"),
  ])
  func everyDateFormIsReadAndItsFrequencyInferred(dates: [String], first: String, last: String, frequency: String) throws {
    try dated(dates)
    let table = try scratch.harness.table("t", in: "t = load \"dates.csv\"")
    #expect(try table.require("date").typeName == "date")
    let output = try describeDates()
    #expect(row("date", in: output.components(separatedBy: "date column").last ?? "")?.suffix(1) == [frequency], "\(output)")
    #expect(output.contains("  \(first)  "), "first date shown as \(first):\n\(output)")
    #expect(output.contains("  \(last)  "), "last date shown as \(last):\n\(output)")
  }

  @Test func theDatesThemselvesAreRightWhateverTheirForm() throws {
    try scratch.write("forms.csv", "iso,ym,name,quarter,stamp\n2024-02-29,2024-02,Feb 2024,2024Q2,2024-02-29 13:45\n2024-03-01,2024-03,Mar 2024,2024Q3,2024-03-01 13:45\n")
    let table = try scratch.harness.table("t", in: "t = load \"forms.csv\"")
    func firstStamp(_ name: String) throws -> Timestamp {
      guard case .date(let stamps, _) = try table.require(name).values, let first = stamps[0] else {
        Issue.record("\(name) is not a date column")
        return Timestamp(seconds: 0)
      }
      return first
    }
    #expect(try firstStamp("iso").date == CivilDate(year: 2024, month: 2, day: 29))
    #expect(try firstStamp("ym").date == CivilDate(year: 2024, month: 2, day: 1))
    #expect(try firstStamp("name").date == CivilDate(year: 2024, month: 2, day: 1))
    #expect(try firstStamp("quarter").date == CivilDate(year: 2024, month: 4, day: 1))
    #expect(try firstStamp("stamp").date == CivilDate(year: 2024, month: 2, day: 29))
    #expect(try firstStamp("stamp").secondOfDay == 13 * 3600 + 45 * 60)
  }

  @Test func theSeriesOfAColumnShowsItsFrequencyAndDatesAsTheyWereWritten() throws {
    try dated(["Jan 1980", "Feb 1980", "Mar 1980", "May 1980"])
    let output = try scratch.harness.run("t = load \"dates.csv\"\nt.v")
    let shown = lines(output)
    #expect(shown[0] == "v: monthly series, 5 periods, 1 missing", "April is a missing period:\n\(output)")
    #expect(shown.contains("Apr 1980  NA"))
    #expect(shown.contains("May 1980   4"))
  }

  @Test func plainYearsAreDatesWhenDeclaredAndNumbersOtherwise() throws {
    try scratch.write("years.csv", "year,v\n1990,1\n1991,2\n1993,3\n")
    let declared = try scratch.harness.run("t = load \"years.csv\" date=year\nt.v")
    #expect(lines(declared)[0] == "v: yearly series, 4 periods, 1 missing")
    #expect(lines(declared).contains("1993   3"))
    let undeclared = try scratch.harness.table("t", in: "t = load \"years.csv\"")
    #expect(try undeclared.require("year").typeName == "integer")
    #expect(undeclared.timeColumn == nil)
  }

  @Test func periodNumbersTakeTheFrequencyDeclaredWithFreq() throws {
    try scratch.write("periods.csv", "period,v\n1,10\n2,20\n3,30\n4,40\n5,50\n")
    let quarterly = try scratch.harness.run("t = load \"periods.csv\" date=period freq=Q\nt.v")
    #expect(lines(quarterly)[0] == "v: quarterly series, 5 periods")
    let plain = try scratch.harness.run("t = load \"periods.csv\" date=period\nt.v")
    #expect(lines(plain)[0] == "v: regular series, 5 periods")
    #expect(lines(plain).contains("5     50"))
  }

  @Test func describeCallsASingleDateIrregular() throws {
    try dated(["2024-05-01"])
    let output = try describeDates()
    #expect(row("date", in: output.components(separatedBy: "date column").last ?? "") == ["date", "1", "0", "2024-05-01", "2024-05-01", "irregular"])
  }

  // MARK: - Dates that cannot be read

  @Test func aDeclaredDateColumnWithMixedFormatsIsRefusedNamingBothValues() throws {
    let message = Fixture.harness.runtimeFailure("t = load \"mixed_dates.csv\" date=date")
    #expect(message.hasPrefix("mixed_dates.csv:3:1: error: column 'date' mixes date formats: '2024-01-01' (row 1) and '2024-01' (row 2)\n"), "\(message)")
    #expect(message.contains("3 | 2024-01,2"), "the data line is quoted:\n\(message)")
    #expect(message.contains("help: write every date of a column the same way"))
  }

  @Test func anUndeclaredColumnOfMixedFormatsFailsWhenItIsUsedAsDates() throws {
    // Read as text (its second value breaks the first one's format) …
    let table = try Fixture.harness.table("t", in: "t = load \"mixed_dates.csv\"")
    #expect(try table.require("date").typeName == "text")
    // … so making a series of it names the clash instead of numbering the rows.
    let message = Fixture.harness.runtimeFailure("t = load \"mixed_dates.csv\"\nt.units")
    #expect(message.hasPrefix("mixed_dates.csv:3:1: error: column 'date' mixes date formats: '2024-01-01' (row 1) and '2024-01' (row 2)"), "\(message)")
    #expect(message.contains("help: write every date in one format"))
  }

  @Test func aFormatChangeLaterInAnUndeclaredColumnIsTextToo() throws {
    // Wherever the change comes, the undeclared column loads as text …
    try dated(["2024-01-01", "2024-01-02", "2024-01-03", "Jan 2024"])
    let table = try scratch.harness.table("t", in: "t = load \"dates.csv\"")
    #expect(try table.require("date").typeName == "text")
    // … and declaring it, or using it as dates, names both values.
    let declared = scratch.harness.runtimeFailure("t = load \"dates.csv\" date=date")
    #expect(declared.hasPrefix("dates.csv:5:1: error: column 'date' mixes date formats: '2024-01-01' (row 1) and 'Jan 2024' (row 4)"), "\(declared)")
    let used = scratch.harness.runtimeFailure("t = load \"dates.csv\"\nt.v")
    #expect(used.hasPrefix("dates.csv:5:1: error: column 'date' mixes date formats: '2024-01-01' (row 1) and 'Jan 2024' (row 4)"), "\(used)")
  }

  @Test func anUnreadableDateInADeclaredColumnIsNamedWithItsRow() throws {
    let message = Fixture.harness.runtimeFailure("t = load \"bad_date.csv\" date=date")
    #expect(message.hasPrefix("bad_date.csv:4:1: error: column 'date' should hold dates, but row 3 holds '2024-13-45'\n"), "\(message)")
    #expect(message.contains("4 | 2024-13-45,3"))
    #expect(message.contains("help: dates are written like 2024-01-31, 2024-01, 2024-01-31 13:00, Jan 2024, 2024Q1 or 2024"))
    #expect(message.contains("test.tc:1:5: note: while running this statement"))
  }

  @Test(arguments: ["2023-02-29", "2024-00-10", "2024-01-32", "2024-01-01 24:00", "Foo 2024", "2024Q5", "24-01-01"])
  func valuesThatOnlyLookLikeDatesAreRefused(value: String) throws {
    try dated(["2024-01-01", value])
    let message = scratch.harness.runtimeFailure("t = load \"dates.csv\" date=date")
    #expect(message.contains("error: column 'date' should hold dates, but row 2 holds '\(value)'"), "\(message)")
  }

  @Test func oneMalformedDateInAnUndeclaredColumnIsNamedWhenTheColumnIsUsed() throws {
    try dated(["2024-01-01", "2024-01-02", "2024-01-03", "soon", "2024-01-05"])
    let table = try scratch.harness.table("t", in: "t = load \"dates.csv\"")
    #expect(try table.require("date").typeName == "text")
    let message = scratch.harness.runtimeFailure("t = load \"dates.csv\"\nt.v")
    #expect(message.hasPrefix("dates.csv:5:1: error: column 'date' holds dates, but row 4 holds 'soon', which is not a date"), "\(message)")
  }

  @Test func aDeclaredDateColumnWithoutAnyDateIsRefused() throws {
    try scratch.write("nodates.csv", "date,v\n,1\nNA,2\n")
    let message = scratch.harness.runtimeFailure("t = load \"nodates.csv\" date=date")
    #expect(message.contains("error: column 'date' has no dates at all"), "\(message)")
  }

  @Test func aDateColumnNamedWithDateThatDoesNotExistIsRefusedWithTheNearestName() throws {
    let message = Fixture.harness.runtimeFailure("t = load \"sales.csv\" date=dates")
    #expect(message.contains("test.tc:1:22: error: sales.csv has no column 'dates' for date="), "\(message)")
    #expect(message.contains("help: did you mean 'date'? columns: date, units, price, region"))
  }
}
