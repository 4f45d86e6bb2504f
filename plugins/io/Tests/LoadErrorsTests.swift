import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// What `load` says about files it cannot read: the message, where (file, line, column) and
/// the `help:` line, in the format of LANGUAGE.md §6.
@Suite struct LoadErrorsTests {
  let harness = Fixture.harness
  let scratch = Scratch()

  @Test func aMissingFileIsNamedAndTheNearestFileSuggested() throws {
    let message = harness.runtimeFailure("t = load \"sale.csv\"")
    #expect(message.hasPrefix("test.tc:1:10: error: cannot read 'sale.csv': no such file\n"), "\(message)")
    #expect(message.contains("1 | t = load \"sale.csv\"\n  |          ^" + String(repeating: "~", count: 9) + "\n"), "the caret is under the path:\n\(message)")
    #expect(message.hasSuffix("help: did you mean 'sales.csv'?\n"), "\(message)")
  }

  @Test func aMissingFileWithNothingAlikeSaysWherePathsAreLookedUp() throws {
    let message = harness.runtimeFailure("t = load \"inventory_2031.parquet.csv\"")
    #expect(message.contains("error: cannot read 'inventory_2031.parquet.csv': no such file"), "\(message)")
    #expect(message.contains("help: paths are relative to the notebook's folder, then the working directory"))
  }

  @Test func aMissingFolderIsSaidToBeMissing() throws {
    let message = scratch.harness.runtimeFailure("t = load \"archive/2023/sales.csv\"")
    #expect(message.contains("error: cannot read 'archive/2023/sales.csv': no such file"), "\(message)")
    #expect(message.contains("help: the folder '\(scratch.path("archive/2023"))' does not exist either"), "\(message)")
  }

  @Test func aFolderIsNotAFile() throws {
    try scratch.write("data.csv/readme", "")
    let message = scratch.harness.runtimeFailure("t = load \"data.csv\"")
    #expect(message.contains("test.tc:1:10: error: cannot read 'data.csv': it is a folder, not a file"), "\(message)")
  }

  @Test func aShortRowIsRefusedNamingTheFileAndLine() throws {
    let message = harness.runtimeFailure("t = load \"ragged.csv\"")
    #expect(message.hasPrefix("ragged.csv:3:3: error: line 3 of ragged.csv has 2 fields, but the first line has 3\n"), "\(message)")
    #expect(message.contains("3 | 4,5\n  |   ^"), "the data line is quoted with a caret:\n\(message)")
    #expect(message.contains("test.tc:1:5: note: while running this statement"))
    #expect(message.contains("help: every row needs the same number of fields; quote fields that contain the separator ','"))
  }

  @Test func aLongRowPointsAtItsFirstExtraField() throws {
    try scratch.write("long.tsv", "a\tb\n1\t2\n3\t4\t5\n")
    let message = scratch.harness.runtimeFailure("t = load \"long.tsv\"")
    #expect(message.hasPrefix("long.tsv:3:5: error: line 3 of long.tsv has 3 fields, but the first line has 2\n"), "\(message)")
    #expect(message.contains("quote fields that contain the separator '\t'"))
  }

  @Test func aRaggedRowAfterAQuotedLineBreakIsPlacedOnItsRealLine() throws {
    try scratch.write("notes.csv", "id,note\n1,\"first\nsecond\nthird\"\n2,ok\n3\n")
    let message = scratch.harness.runtimeFailure("t = load \"notes.csv\"")
    #expect(message.hasPrefix("notes.csv:6:"), "\(message)")
    #expect(message.contains("line 6 of notes.csv has 1 field, but the first line has 2"))
  }

  @Test func aQuoteThatIsNeverClosedIsPlacedWhereItOpens() throws {
    try scratch.write("open.csv", "a,b\n1,\"open\n2,3\n")
    let message = scratch.harness.runtimeFailure("t = load \"open.csv\"")
    #expect(message.hasPrefix("open.csv:2:3: error: open.csv: a quoted field is never closed\n"), "\(message)")
    #expect(message.contains("help: close the quote, or double quotes inside a quoted field (\"\")"))
  }

  @Test func textAfterAClosingQuoteIsRefused() throws {
    try scratch.write("after.csv", "a,b\n1,\"x\"y\n")
    let message = scratch.harness.runtimeFailure("t = load \"after.csv\"")
    #expect(message.hasPrefix("after.csv:2:6: error: after.csv: unexpected text after a closing quote\n"), "\(message)")
  }

  @Test(arguments: ["", "\n\n", "\r\n"])
  func anEmptyFileIsRefused(contents: String) throws {
    try scratch.write("empty.csv", contents)
    let message = scratch.harness.runtimeFailure("t = load \"empty.csv\"")
    #expect(message.contains("error: empty.csv is empty"), "\(message)")
    #expect(message.contains("help: a table file needs a header row and at least one row of data"))
  }

  @Test func aSeparatorMustBeOneCharacter() throws {
    let message = harness.runtimeFailure("t = load \"sales.csv\" sep=\";;\"")
    #expect(message.contains("test.tc:1:22: error: the separator must be a single character, not \";;\""), "\(message)")
  }

  @Test func aTextColumnUsedAsASeriesIsRefused() throws {
    try scratch.write("stock.csv", "date,units\n2024-01-01,4\n2024-01-02,five\n2024-01-03,6\n")
    let table = try scratch.harness.table("t", in: "t = load \"stock.csv\"")
    #expect(try table.require("units").typeName == "text", "one word makes the column text")
    let message = scratch.harness.runtimeFailure("t = load \"stock.csv\"\nc = clean t")
    #expect(message.contains("test.tc:2:11: error: the table has no numeric column to use as a series"), "\(message)")
    #expect(message.contains("help: columns: date, units"))
  }

  @Test func aQuantityColumnThatIsNotNumericIsRefused() throws {
    try scratch.write("lines.csv", "order,sku,qty\nO1,milk,1\nO1,tea,one\n")
    let message = scratch.harness.runtimeFailure("o = load \"lines.csv\" transactions id=order item=sku quantity=qty")
    #expect(message.hasPrefix("lines.csv:3:8: error: column 'qty' for quantity= is not numeric: row 2 holds 'one'\n"), "\(message)")
    #expect(message.contains("3 | O1,tea,one"))
    #expect(message.contains("help: quantities are numbers; fix the value in the file, or leave out quantity="))
  }

  @Test func aQuantityColumnThatIsNotThereIsRefusedWithTheNearestName() throws {
    try scratch.write("lines.csv", "order,sku,qty\nO1,milk,1\n")
    let message = scratch.harness.runtimeFailure("o = load \"lines.csv\" transactions id=order item=sku quantity=qt")
    #expect(message.contains("test.tc:1:53: error: there is no column 'qt' for quantity="), "\(message)")
    #expect(message.contains("help: did you mean 'qty'? columns: order, sku, qty"))
  }

  /// Files of 4 MB or more without quotes are split in two and parsed in parallel; line numbers
  /// in the second half must still be the file's.
  @Test func aLargeFileParsedInTwoHalvesKeepsItsLineNumbers() throws {
    var text = "id,value,tag\n"
    text.reserveCapacity(5_000_000)
    for i in 1...300_000 {
      text += i == 290_000 ? "\(i),1\n" : "\(i),\(i % 97).5,t\(i % 13)\n"
      if i == 280_000 { text += "\n" }
    }
    #expect(text.utf8.count > 4_000_000)
    try scratch.write("big.csv", text)
    let message = scratch.harness.runtimeFailure("t = load \"big.csv\"")
    #expect(message.hasPrefix("big.csv:290002:8: error: line 290002 of big.csv has 2 fields, but the first line has 3"), "\(message.prefix(300))")
  }

  @Test func aLargeFileParsedInTwoHalvesHasEveryRow() throws {
    var text = "id,value\n"
    for i in 1...300_000 { text += "\(i),\(i % 10).25\n" }
    try scratch.write("big.csv", text)
    let table = try scratch.harness.table("t", in: "t = load \"big.csv\"")
    #expect(table.rowCount == 300_000)
    let ids = try #require(table.require("id").doubles)
    #expect(ids.first == 1 && ids.last == 300_000)
    let total: Double = ids.reduce(0, +)
    #expect(total == 45_000_150_000)
    #expect(try table.require("value").doubles?[149_999] == 0.25)
  }
}
