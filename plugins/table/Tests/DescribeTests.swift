import Foundation
import Testing
import TrendCastTestSupport

/// `describe X`: per-column statistics, checked against numbers worked out by hand.
@Suite struct DescribeTests {
  let scratch = Scratch()

  /// x = 1 2 3 4 10; y = 0.5 1.5 NA 2.5 4.0; name = b a b NA a; day with one date missing.
  static let small = """
    x,y,name,day
    1,0.5,b,2024-01-01
    2,1.5,a,2024-01-02
    3,,b,2024-01-03
    4,2.5,NA,2024-01-05
    10,4.0,a,

    """

  func describe(_ csv: String, load options: String = "") throws -> String {
    try scratch.write("data.csv", csv)
    return try scratch.harness.run("t = load \"data.csv\"\(options)\ndescribe t")
  }

  @Test func theFirstLineGivesTheSizeAndSectionsComeNumbersDatesText() throws {
    let output = try describe(Self.small)
    #expect(lines(output)[0] == "5 rows × 4 columns")
    let sections = ["column  count  missing", "date column  count  missing  first", "text column  count  missing  distinct  most common  times"]
    let positions = sections.compactMap { output.range(of: $0)?.lowerBound }
    #expect(positions.count == 3 && positions == positions.sorted(), "\(output)")
  }

  @Test func oneRowAndOneColumnAreSingular() throws {
    #expect(lines(try describe("units\n4\n"))[0] == "1 row × 1 column")
  }

  @Test func integerStatisticsMatchTheHandComputedValues() throws {
    // mean 20/5 = 4; sd √((9+4+1+0+36)/4) = √12.5 = 3.53553…; type-7 quartiles of 1 2 3 4 10:
    // positions 2, 3, 4 → 2, 3, 4.
    let output = try describe(Self.small)
    #expect(row("x", in: output) == ["x", "5", "0", "4", "3.5355", "1", "2", "3", "4", "10"], "\(output)")
  }

  @Test func floatStatisticsSkipTheMissingValueAndMatchTheHandComputedValues() throws {
    // 0.5 1.5 2.5 4.0: mean 8.5/4 = 2.125; squares about the mean 2.640625 + 0.390625 +
    // 0.140625 + 3.515625 = 6.6875, sd √(6.6875/3) = 1.49304…; quartiles at positions 1.75, 2.5,
    // 3.25: 0.5 + 0.75 × 1 = 1.25, 2, 2.5 + 0.25 × 1.5 = 2.875.
    let output = try describe(Self.small)
    #expect(row("y", in: output) == ["y", "4", "1", "2.125", "1.493", "0.5", "1.25", "2", "2.875", "4"], "\(output)")
  }

  @Test func dateColumnsGiveTheirRangeAndInferredFrequency() throws {
    let output = try describe(Self.small)
    let dates = output.components(separatedBy: "date column").last ?? ""
    #expect(row("day", in: dates) == ["day", "4", "1", "2024-01-01", "2024-01-05", "daily"], "\(output)")
  }

  @Test func textColumnsGiveDistinctValuesAndTheMostCommonFirstAlphabeticallyOnTies() throws {
    let output = try describe(Self.small)
    #expect(row("name", in: output) == ["name", "4", "1", "2", "a", "2"], "\(output)")
    let clear = try describe("city\nOslo\nBergen\nOslo\nAlta\nBergen\nOslo\n")
    #expect(row("city", in: clear) == ["city", "6", "0", "3", "Oslo", "3"], "\(clear)")
  }

  @Test func monthlyQuarterlyAndYearlyDatesAreNamedAsSuch() throws {
    let monthly = try describe("month,v\nJan 1980,1\nFeb 1980,2\nApr 1980,3\n")
    #expect(row("month", in: monthly.components(separatedBy: "date column").last ?? "") == ["month", "3", "0", "Jan", "1980", "Apr", "1980", "monthly"])
    let quarterly = try describe("q,v\n1959Q1,1\n1959Q2,2\n")
    #expect(row("q", in: quarterly.components(separatedBy: "date column").last ?? "")?.last == "quarterly")
    let yearly = try describe("year,v\n1990,1\n1991,2\n", load: " date=year")
    #expect(row("year", in: yearly.components(separatedBy: "date column").last ?? "") == ["year", "2", "0", "1990", "1991", "yearly"])
  }

  @Test func trueFalseColumnsAreDescribedLikeText() throws {
    // 2024-01-01 is a Monday: five weekdays, then a weekend.
    try scratch.write("week.csv", "day,units\n" + (1...7).map { "2024-01-0\($0),\($0)\n" }.joined())
    let output = try scratch.harness.run("t = load \"week.csv\"\nc = calendar t columns=[weekend]\ndescribe c")
    #expect(output.contains("7 rows × 3 columns"))
    #expect(row("weekend", in: output) == ["weekend", "7", "0", "2", "false", "5"], "every column is described:\n\(output)")
  }

  @Test func aSingleValueHasNoStandardDeviation() throws {
    let output = try describe("v\n7\n")
    #expect(row("v", in: output) == ["v", "1", "0", "7", "NA", "7", "7", "7", "7", "7"], "\(output)")
  }

  @Test func aColumnWithoutValuesCountsThemAllAsMissing() throws {
    let output = try describe("a,b\n1,\n2,NA\n")
    #expect(row("a", in: output) == ["a", "2", "0", "1.5", "0.70711", "1", "1.25", "1.5", "1.75", "2"], "\(output)")
    #expect(row("b", in: output)?.prefix(4) == ["b", "0", "2", "0"], "\(output)")
  }

  @Test func aSeriesIsDescribedWithItsCalendar() throws {
    let output = try ScriptHarness().run("a = dataset airpassengers\ndescribe a.passengers")
    let shown = lines(output)
    #expect(shown[0] == "monthly series, 144 periods from 1949-01-01 to 1960-12-01")
    // R: summary(AirPassengers) — Min 104, 1st Qu. 180, Median 265.5, Mean 280.3, 3rd Qu. 360.5, Max 622.
    #expect(row("passengers", in: output) == ["passengers", "144", "0", "280.3", "119.97", "104", "180", "265.5", "360.5", "622"])
  }

  @Test func aSeriesWithGapsCountsTheMissingPeriods() throws {
    try scratch.write("gaps.csv", "date,v\n2024-01-01,1\n2024-01-02,3\n2024-01-05,5\n")
    let output = try scratch.harness.run("t = load \"gaps.csv\"\ndescribe t.v")
    #expect(lines(output)[0] == "daily series, 5 periods from 2024-01-01 to 2024-01-05")
    #expect(row("v", in: output) == ["v", "3", "2", "3", "2", "1", "2", "3", "4", "5"])
  }

  @Test func theSameScriptDescribesTheSameWay() throws {
    try scratch.write("data.csv", Self.small)
    let source = "t = load \"data.csv\"\ndescribe t\na = dataset airpassengers\ndescribe a.passengers"
    let first = try scratch.harness.run(source)
    let again = try scratch.harness.run(source)
    #expect(again == first)
  }

  @Test func onlyTablesAndSeriesAreDescribed() throws {
    let failure = ScriptHarness().runtimeFailure("o = dataset baskets_small\ndescribe o")
    #expect(failure.contains("test.tc:2:10: error: describe needs a table or a series, not transactions"), "\(failure)")
  }
}
