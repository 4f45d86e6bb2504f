import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// `load` of delimited files: separators, the header row, column types, missing values, quoting
/// and UTF-8 text.
@Suite struct LoadCSVTests {
  let harness = Fixture.harness
  let scratch = Scratch()

  @Test func aHeaderRowNamesTheColumnsAndEachColumnGetsTheNarrowestType() throws {
    let sales = try harness.table("s", in: "s = load \"sales.csv\"")
    #expect(sales.columnNames == ["date", "units", "price", "region"])
    #expect(sales.columns.map(\.typeName) == ["date", "integer", "float", "text"])
    #expect(sales.rowCount == 5)
    #expect(sales.timeColumn == "date")
    #expect(try sales.texts("units") == ["12", "15", "NA", "9", "20"])
    #expect(try sales.require("price").doubles?[4] == 3.0)
    #expect(try sales.texts("region") == ["north", "south", "north", "NA", "east"])
  }

  @Test func emptyNAAndNaNFieldsAreMissing() throws {
    let sales = try harness.table("s", in: "s = load \"sales.csv\"")
    let units = try sales.require("units"), price = try sales.require("price"), region = try sales.require("region")
    #expect((0..<5).filter(units.isMissing) == [2])  // NA
    #expect((0..<5).filter(price.isMissing) == [1, 3])  // empty, NaN
    #expect((0..<5).filter(region.isMissing) == [3])  // empty at the end of the line
    // A column with a missing value keeps its type: NA does not make units text.
    #expect(units.typeName == "integer")
  }

  @Test func theMissingMarkersAreExactlyTheDocumentedOnesAndTheirCommonExports() throws {
    try scratch.write("m.csv", "a,b\n1,NA\n2,NaN\n3,nan\n4,N/A\n5,null\n6,\n7,na\n")
    let table = try scratch.harness.table("t", in: "t = load \"m.csv\"")
    // "na" (lower case) is not a missing marker, so column b is text holding it.
    #expect(try table.texts("b") == ["NA", "NA", "NA", "NA", "NA", "NA", "na"])
    #expect(try table.require("b").missingCount == 6)
  }

  @Test func aFileWithoutAHeaderRowGetsNumberedColumnNames() throws {
    let table = try harness.table("t", in: "t = load \"sales_noheader.csv\"")
    #expect(table.columnNames == ["V1", "V2", "V3"])
    #expect(table.rowCount == 3, "the first line is data")
    #expect(table.columns.map(\.typeName) == ["date", "integer", "float"])
    #expect(try table.texts("V1") == ["2023-11", "2023-12", "2024-01"])
    #expect(try table.texts("V2") == ["40", "42", "47"])
  }

  @Test func theHeaderOptionOverridesDetection() throws {
    let forced = try harness.table("t", in: "t = load \"sales_noheader.csv\" header=true")
    #expect(forced.columnNames == ["2023-11", "40", "1.25"])
    #expect(forced.rowCount == 2)
    let noHeader = try harness.table("t", in: "t = load \"sales.csv\" header=false")
    #expect(noHeader.columnNames == ["V1", "V2", "V3", "V4"])
    #expect(noHeader.rowCount == 6)
    #expect(try noHeader.texts("V2").first == "units", "the header line became a row of text")
  }

  @Test func aFileOfOnlyTextTakesItsFirstRowAsTheHeader() throws {
    try scratch.write("names.csv", "city,country\nLyon,France\nOsaka,Japan\n")
    let table = try scratch.harness.table("t", in: "t = load \"names.csv\"")
    #expect(table.columnNames == ["city", "country"])
    #expect(try table.texts("city") == ["Lyon", "Osaka"])
  }

  @Test func aHeaderWithYearsForNamesIsAHeaderWhenAnotherNameIsText() throws {
    // "total" heads a column of numbers, so the first line cannot be data, even though the
    // year columns' names are numbers like their values.
    try scratch.write("wide.csv", "region,2023,2024,total\nNorth,10,12,22\nSouth,5,7,12\n")
    let table = try scratch.harness.table("t", in: "t = load \"wide.csv\"")
    #expect(table.columnNames == ["region", "2023", "2024", "total"])
    #expect(table.columns.map(\.typeName) == ["text", "integer", "integer", "integer"])
    #expect(try table.texts("total") == ["22", "12"])
  }

  @Test func duplicateAndEmptyHeaderNamesAreMadeUnique() throws {
    try scratch.write("dups.csv", "units,units,,units\n1,2,3,4\n")
    let table = try scratch.harness.table("t", in: "t = load \"dups.csv\"")
    #expect(table.columnNames == ["units", "units.1", "V3", "units.2"])
  }

  @Test func integersFloatsAndDatesAreToldApartColumnByColumn() throws {
    try scratch.write("types.csv", "i,f,e,neg,big,d,t\n1,1.5,1e3,-4,123456789012,2024-01-01,x1\n2,2,2.5E-2,+5,2,2024-01-02,2\n")
    let table = try scratch.harness.table("t", in: "t = load \"types.csv\"")
    #expect(table.columns.map(\.typeName) == ["integer", "float", "float", "integer", "integer", "date", "text"])
    #expect(try table.require("e").doubles == [1000, 0.025])
    #expect(try table.texts("neg") == ["-4", "5"])
    #expect(try table.texts("big").first == "123456789012")
    #expect(try table.texts("t") == ["x1", "2"], "one non-number makes the whole column text")
  }

  @Test func codesWithLeadingZerosStayTextWhileDecimalsBelowOneAreNumbers() throws {
    try scratch.write("stores.csv", "store,zip,share,units\n0042,02134,0.5,0\n0107,10001,-0.25,4\n")
    let table = try scratch.harness.table("t", in: "t = load \"stores.csv\"")
    #expect(table.columns.map(\.typeName) == ["text", "text", "float", "integer"])
    #expect(try table.texts("store") == ["0042", "0107"])
    #expect(try table.texts("zip") == ["02134", "10001"])
  }

  @Test func spacesAfterTheSeparatorDoNotTurnNumbersOrMissingMarkersIntoText() throws {
    try scratch.write("spaced.csv", "date, units, price, name\n2024-01-01, 5, 1.5, apple\n2024-01-02, 7,  NA , pear\n")
    let table = try scratch.harness.table("t", in: "t = load \"spaced.csv\"")
    #expect(table.columnNames == ["date", "units", "price", "name"])
    #expect(table.columns.map(\.typeName) == ["date", "integer", "float", "text"])
    #expect(try table.texts("units") == ["5", "7"])
    #expect(try table.require("price").missingCount == 1)
    #expect(try table.texts("name") == [" apple", " pear"], "text is kept as written")
  }

  @Test func aTabSeparatedFileIsReadByItsExtension() throws {
    let table = try harness.table("w", in: "w = load \"weather.tsv\"")
    #expect(table.columnNames == ["date", "units", "note"])
    #expect(try table.texts("note") == ["clear, sunny", "rain"], "commas are ordinary text in TSV")
    #expect(try table.require("units").typeName == "integer")
  }

  @Test func theSeparatorIsSniffedFromTheFirstLineOrGivenWithSep() throws {
    try scratch.write("semi.csv", "date;units;price\n2024-01-01;3;1,5\n2024-01-02;4;2,5\n")
    let semi = try scratch.harness.table("t", in: "t = load \"semi.csv\"")
    #expect(semi.columnNames == ["date", "units", "price"])
    #expect(try semi.texts("price") == ["1,5", "2,5"])
    try scratch.write("pipes.txt", "date|units\n2024-01-01|3\n2024-01-02|4\n")
    let pipes = try scratch.harness.table("t", in: "t = load \"pipes.txt\" format=csv sep=\"|\"")
    #expect(pipes.columnNames == ["date", "units"])
    #expect(try pipes.texts("units") == ["3", "4"])
  }

  @Test func aTieBetweenSemicolonsAndTabsIsAlwaysBrokenTheSameWay() throws {
    // One of each on the first line: semicolon wins (after comma), on every load.
    try scratch.write("tie.csv", "a;b\tc\n1;2\t3\n")
    for _ in 0..<40 {
      let table = try scratch.harness.table("t", in: "t = load \"tie.csv\"")
      try #require(table.columnNames == ["a", "b\tc"], "\(table.columnNames)")
    }
  }

  @Test func quotedFieldsHoldSeparatorsDoubledQuotesAndLineBreaks() throws {
    let table = try harness.table("q", in: "q = load \"quoted.csv\"")
    #expect(table.rowCount == 3)
    #expect(try table.texts("name") == ["Smith, John", "two\nlines", "bare"])
    #expect(try table.texts("note") == ["said \"hi\"", "plain", "a, b, c"])
    #expect(try table.require("qty").typeName == "integer")
    #expect(try table.texts("qty") == ["3", "4", "5"])
    // The row after the quoted line break starts on line 5 of the file.
    #expect(table.location(row: 2, column: "qty")?.line == 5)
  }

  @Test func windowsLineEndingsAndAByteOrderMarkAreNotPartOfTheData() throws {
    try scratch.write("excel.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("date,units,name\r\n2024-01-01,3,a\r\n2024-01-02,4,b\r\n".utf8))
    let table = try scratch.harness.table("t", in: "t = load \"excel.csv\" date=date")
    #expect(table.columnNames == ["date", "units", "name"])
    #expect(try table.texts("name") == ["a", "b"])
    #expect(try table.require("units").typeName == "integer")
  }

  @Test func blankLinesAreSkippedButLineNumbersStayTrue() throws {
    try scratch.write("gaps.csv", "a,b\n1,2\n\n3,4\n\n\n5,x,6\n")
    let message = scratch.harness.runtimeFailure("t = load \"gaps.csv\"")
    #expect(message.contains("gaps.csv:7:"), "\(message)")
    #expect(message.contains("line 7 of gaps.csv has 3 fields, but the first line has 2"))
    try scratch.write("ok.csv", "a,b\n1,2\n\n3,4\n")
    #expect(try scratch.harness.table("t", in: "t = load \"ok.csv\"").rowCount == 2)
  }

  @Test func chineseProductNamesAreReadAsUTF8() throws {
    let table = try harness.table("p", in: "p = load \"products_zh.csv\"")
    #expect(try table.texts("name") == ["苹果", "Orange juice", "绿茶饮料"])
    #expect(try table.texts("units") == ["3", "12", "7"])
  }

  @Test func showAlignsColumnsCountingChineseCharactersAsTwoColumns() throws {
    let output = try harness.run("p = load \"products_zh.csv\"\nshow p")
    let body = lines(output).filter { !$0.isEmpty && !$0.contains("rows ×") }
    #expect(body.count == 5, "header, rule and three rows: \(body)")
    // The last column is right-aligned, so every line has the same display width — but not the
    // same number of characters, as 苹果 takes four columns in two characters.
    #expect(Set(body.map(DisplayWidth.of)).count == 1, "\n\(output)")
    #expect(Set(body.map(\.count)).count > 1)
    let apple = try #require(body.first { $0.contains("苹果") })
    #expect(apple == "A1   苹果              3")
    let tea = try #require(body.first { $0.contains("绿茶饮料") })
    #expect(tea == "C3   绿茶饮料          7")
  }
}

/// Terminal columns of a line, counting CJK ideographs as two (independent of the code under test).
enum DisplayWidth {
  static func of(_ line: String) -> Int {
    line.unicodeScalars.reduce(0) { width, scalar in
      width + ((0x4E00...0x9FFF).contains(scalar.value) || (0x3000...0x303F).contains(scalar.value) ? 2 : 1)
    }
  }
}
