import Foundation
import Testing
import TrendCastTestSupport

/// `show X [top=N] [by=COL] [desc|asc] [all]`: aligned columns, head and tail of long tables,
/// ordering and cutting.
@Suite struct ShowTests {
  let scratch = Scratch()

  func show(_ options: String, rows: Int = 20) throws -> String {
    try scratch.write("units.csv", januaryUnits(rows))
    return try scratch.harness.run("t = load \"units.csv\"\nshow t\(options.isEmpty ? "" : " " + options)")
  }

  @Test func numbersAreRightAlignedTextLeftAlignedUnderARule() throws {
    try scratch.write("fruit.csv", "item,units,price\napple,3,1.5\nbanana,12,0.25\nkiwi,NA,2\n")
    let output = try scratch.harness.run("t = load \"fruit.csv\"\nshow t")
    #expect(output == """
      item    units  price
      ──────  ─────  ─────
      apple       3   1.50
      banana     12   0.25
      kiwi       NA   2.00
      3 rows × 3 columns

      """)
  }

  @Test func aLongTableShowsItsFirstTenAndLastFiveRowsAroundAnElisionLine() throws {
    let output = try show("")
    let shown = lines(output)
    #expect(shown[0] == "day         units")
    #expect(shown[2] == "2024-01-01      7")
    #expect(shown[11] == "2024-01-10      1")
    #expect(shown[12] == "…" + String(repeating: " ", count: 15) + "…")
    #expect(shown[13] == "2024-01-16     20")
    #expect(shown[17] == "2024-01-20      2")
    #expect(shown[18] == "20 rows × 2 columns")
    #expect(firstColumn(output).count == 16)
  }

  @Test(arguments: [(16, false), (17, true)])
  func onlyTablesLongerThanHeadAndTailAreCut(rows: Int, cut: Bool) throws {
    let output = try show("", rows: rows)
    #expect(output.contains("…") == cut, "\(output)")
    #expect(firstColumn(output).count == (cut ? 16 : rows))
    #expect(output.contains("\(rows) rows × 2 columns"))
  }

  @Test func allShowsEveryRow() throws {
    let output = try show("all")
    #expect(!output.contains("…"))
    #expect(firstColumn(output) == (1...20).map { "2024-01-\($0 < 10 ? "0" : "")\($0)" })
  }

  @Test func topKeepsTheFirstRowsAsTheyAre() throws {
    let output = try show("top=3")
    #expect(firstColumn(output) == ["2024-01-01", "2024-01-02", "2024-01-03"])
    #expect(output.hasSuffix("3 rows × 2 columns\n"))
  }

  @Test func topWithByKeepsTheLargestAndAscTheSmallest() throws {
    let largest = try show("top=3 by=units")
    #expect(row("2024-01-13", in: largest) == ["2024-01-13", "22"])
    #expect(firstColumn(largest) == ["2024-01-13", "2024-01-03", "2024-01-16"], "22, 21, 20")
    let smallest = try show("top=3 by=units asc")
    #expect(firstColumn(smallest) == ["2024-01-10", "2024-01-20", "2024-01-07"], "1, 2, 3")
  }

  @Test func byAloneOrdersSmallestFirstAndDescLargestFirst() throws {
    let ascending = try show("by=units all")
    #expect(lines(ascending)[2] == "2024-01-10      1")
    #expect(lines(ascending)[21] == "2024-01-13     22")
    let descending = try show("by=units desc all")
    #expect(lines(descending)[2] == "2024-01-13     22")
    #expect(lines(descending)[21] == "2024-01-10      1")
    let units = lines(descending)[2...21].compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }
    #expect(units == units.sorted(by: >) && units.count == 20)
  }

  @Test func aLongOrderedTableIsStillCutToHeadAndTail() throws {
    let output = try show("by=units")
    #expect(output.contains("…"))
    #expect(firstColumn(output).first == "2024-01-10" && firstColumn(output).last == "2024-01-13")
  }

  @Test func tiesKeepTheirOrderAndMissingValuesComeLastBothWays() throws {
    try scratch.write("scores.csv", "name,score\na,2\nb,NA\nc,1\nd,2\ne,\nf,3\n")
    let ascending = try scratch.harness.run("t = load \"scores.csv\"\nshow t by=score")
    #expect(firstColumn(ascending) == ["c", "a", "d", "f", "b", "e"])
    let descending = try scratch.harness.run("t = load \"scores.csv\"\nshow t by=score desc")
    #expect(firstColumn(descending) == ["f", "a", "d", "c", "b", "e"])
  }

  @Test func textColumnsOrderAlphabeticallyAndDatesInTime() throws {
    try scratch.write("visits.csv", "city,when\nOslo,2024-03-01\nBergen,2024-01-15\nÅlesund,2024-02-10\nAlta,2023-12-31\n")
    let byCity = try scratch.harness.run("t = load \"visits.csv\"\nshow t by=city")
    #expect(firstColumn(byCity) == ["Alta", "Bergen", "Oslo", "Ålesund"], "by Unicode code point")
    let byDate = try scratch.harness.run("t = load \"visits.csv\"\nshow t by=when desc")
    #expect(firstColumn(byDate) == ["Oslo", "Ålesund", "Bergen", "Alta"])
  }

  @Test func aSeriesIsShownAsDatesAndValuesAndCanBeOrdered() throws {
    let harness = ScriptHarness()
    let output = try harness.run("a = dataset airpassengers\nshow a.passengers top=3 by=passengers")
    #expect(lines(output)[0] == "date        passengers")
    #expect(firstColumn(output) == ["1960-07-01", "1960-08-01", "1959-08-01"])
    #expect(row("1960-07-01", in: output) == ["1960-07-01", "622"])
    #expect(output.hasSuffix("3 rows × 2 columns\n"))
  }

  @Test func aSeriesOrderedByDateFollowsTheCalendarNotTheAlphabet() throws {
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    try scratch.write("months.csv", "month,v\n" + months.enumerated().map { "\($0.element) 1980,\($0.offset)\n" }.joined())
    let named = try scratch.harness.run("t = load \"months.csv\"\nshow t.v by=date desc top=3")
    #expect(firstColumn(named) == ["Dec", "Nov", "Oct"], "\(named)")
    try scratch.write("periods.csv", "period,v\n" + (1...12).map { "\($0),\(100 - $0)\n" }.joined())
    let numbered = try scratch.harness.run("t = load \"periods.csv\" date=period\nshow t.v by=date desc top=3")
    #expect(firstColumn(numbered) == ["12", "11", "10"], "\(numbered)")
    let ascending = try scratch.harness.run("t = load \"periods.csv\" date=period\nshow t.v by=date top=3 asc")
    #expect(firstColumn(ascending) == ["1", "2", "3"], "\(ascending)")
  }

  @Test func valuesWithoutRowsAreShownAsTheyAre() throws {
    #expect(try scratch.harness.run("show 5%") == "5%\n")
    #expect(try scratch.harness.run("x = [80, 95]\nshow x") == "[80, 95]\n")
  }

  @Test func asciiOutputUsesDashesAndThreeDots() throws {
    let ascii = Scratch(ascii: true)
    try ascii.write("units.csv", januaryUnits(20))
    let output = try ascii.harness.run("t = load \"units.csv\"\nshow t")
    #expect(lines(output)[1] == "----------  -----")
    #expect(lines(output)[12] == "..." + String(repeating: " ", count: 11) + "...")
    // (The footer's × is folded to x by the front end's --ascii, not by the table.)
  }

  @Test func theSameScriptShowsTheSameText() throws {
    try scratch.write("units.csv", januaryUnits(20))
    let source = "t = load \"units.csv\"\nshow t\nshow t top=5 by=units\nshow t by=day desc"
    let first = try scratch.harness.run(source)
    let again = try scratch.harness.run(source)
    #expect(again == first)
    let elsewhere = try Scratch().harness.run(source.replacingOccurrences(of: "units.csv", with: scratch.directory + "/units.csv"))
    #expect(elsewhere == first, "run from another folder")
  }

  @Test(arguments: [
    ("show t top=0", "test.tc:2:8: error: top= must be at least 1, not 0", nil),
    ("show t by=unit", "test.tc:2:8: error: there is no column 'unit' to order by", "help: did you mean 'units'?"),
    ("show t by=weight", "error: there is no column 'weight' to order by", "help: columns: day, units"),
    ("o = dataset baskets_small\nshow o top=3", "error: transactions has no rows to order or cut", "help: top= and by= work on tables, series, itemsets and rules"),
    ("show 5 by=units", "error: a number has no rows to order or cut", nil),
    ("show t desc", "error: desc says which way to order, but no column is given to order by", "help: add by=COL, e.g. show t by=day desc"),
  ] as [(String, String, String?)])
  func orderingWhatCannotBeOrderedIsRefused(statement: String, message: String, hint: String?) throws {
    try scratch.write("units.csv", januaryUnits(5))
    let failure = scratch.harness.runtimeFailure("t = load \"units.csv\"\n" + statement)
    #expect(failure.contains(message), "\(failure)")
    if let hint { #expect(failure.contains(hint), "\(failure)") }
  }
}
