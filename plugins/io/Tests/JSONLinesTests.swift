import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// `load` of JSON Lines: one flat object a line.
@Suite struct JSONLinesTests {
  let harness = Fixture.harness
  let scratch = Scratch()

  @Test func keysBecomeColumnsInTheOrderFirstSeenWithInferredTypes() throws {
    let events = try harness.table("e", in: "e = load \"events.jsonl\"")
    #expect(events.columnNames == ["date", "units", "price", "name", "tags", "promo"])
    #expect(events.columns.map(\.typeName) == ["date", "integer", "float", "text", "text", "text"])
    #expect(events.rowCount == 3, "the blank line is skipped")
    #expect(events.timeColumn == "date")
  }

  @Test func nullAndAbsentKeysAreMissingAndNestedValuesAreKeptAsJSONText() throws {
    let events = try harness.table("e", in: "e = load \"events.jsonl\"")
    #expect(try events.texts("units") == ["3", "NA", "NA"])
    #expect(try events.texts("price") == ["1.5", "2", "2.5"])
    #expect(try events.texts("tags") == ["[\"x\", \"y\"]", "NA", "NA"])
    #expect(try events.texts("promo") == ["NA", "NA", "true"])
    #expect(try events.texts("date") == ["2024-01", "2024-02", "2024-03"])
  }

  @Test func theDateKeyGivesAMonthlySeries() throws {
    let output = try harness.run("e = load \"events.jsonl\"\ne.price")
    #expect(lines(output)[0] == "price: monthly series, 3 periods")
    #expect(lines(output).contains("2024-02    2.0"), "\(output)")
  }

  @Test func stringEscapesAndUnicodeAreDecoded() throws {
    try scratch.write("names.jsonl", #"{"name": "say \"hi\"\tnow", "zh": "\u7eff\u8336", "emoji": "\ud83d\ude00", "plain": "茶"}"# + "\n")
    let table = try scratch.harness.table("t", in: "t = load \"names.jsonl\"")
    #expect(try table.texts("name") == ["say \"hi\"\tnow"])
    #expect(try table.texts("zh") == ["绿茶"])
    #expect(try table.texts("emoji") == ["😀"])
    #expect(try table.texts("plain") == ["茶"])
  }

  @Test func aJsonExtensionIsReadAsJSONLines() throws {
    try scratch.write("daily.json", "{\"day\": \"2024-01-01\", \"v\": 1}\n{\"day\": \"2024-01-02\", \"v\": 2}\n")
    let output = try scratch.harness.run("t = load \"daily.json\"\nt.v")
    #expect(lines(output)[0] == "v: daily series, 2 periods")
  }

  @Test func aDeclaredDateKeyOfYearNumbersIsYearly() throws {
    try scratch.write("years.jsonl", "{\"year\": 2001, \"v\": 1}\n{\"year\": 2002, \"v\": 2}\n")
    let output = try scratch.harness.run("t = load \"years.jsonl\" date=year\nt.v")
    #expect(lines(output)[0] == "v: yearly series, 2 periods")
    #expect(lines(output).contains("2002  2"))
  }

  @Test func aByteOrderMarkIsNotPartOfTheFirstObject() throws {
    try scratch.write("bom.jsonl", bytes: [0xEF, 0xBB, 0xBF] + Array("{\"sku\": \"A1\", \"units\": 3}\n{\"sku\": \"B2\", \"units\": 4}\n".utf8))
    let table = try scratch.harness.table("t", in: "t = load \"bom.jsonl\"")
    #expect(table.columnNames == ["sku", "units"])
    #expect(try table.texts("sku") == ["A1", "B2"])
  }

  @Test func windowsLineEndsSeparateTheObjects() throws {
    try scratch.write("crlf.jsonl", "{\"sku\": \"A1\", \"units\": 3}\r\n\r\n{\"sku\": \"B2\", \"units\": 4}\r\n{\"sku\": \"C3\" \"units\": 5}\r\n")
    let message = scratch.harness.runtimeFailure("t = load \"crlf.jsonl\"")
    #expect(message.hasPrefix("crlf.jsonl:4:14: error: line 4 of crlf.jsonl is not a JSON object: expected '}'\n"), "\(message)")
    try scratch.write("crlf.jsonl", "{\"sku\": \"A1\", \"units\": 3}\r\n{\"sku\": \"B2\", \"units\": 4}\r\n")
    let table = try scratch.harness.table("t", in: "t = load \"crlf.jsonl\"")
    #expect(try table.texts("sku") == ["A1", "B2"])
    #expect(try table.require("units").typeName == "integer")
  }

  @Test func aLineThatIsNotAnObjectIsRefusedWithItsLineAndColumn() throws {
    try scratch.write("broken.jsonl", "{\"a\": 1}\n{\"a\": 2 \"b\": 3}\n")
    let message = scratch.harness.runtimeFailure("t = load \"broken.jsonl\"")
    #expect(message.hasPrefix("broken.jsonl:2:9: error: line 2 of broken.jsonl is not a JSON object: expected '}'\n"), "\(message)")
    #expect(message.contains("help: JSON Lines files hold one {\"key\": value, …} object per line"))
  }

  @Test func aDeclaredDateKeyWithAValueThatIsNotADateNamesTheLineAndValue() throws {
    try scratch.write("bad.jsonl", "{\"date\": \"2024-01-01\", \"v\": 1}\n\n{\"date\": \"soon\", \"v\": 2}\n")
    let message = scratch.harness.runtimeFailure("t = load \"bad.jsonl\" date=date")
    #expect(message.hasPrefix("bad.jsonl:3: error: key 'date' should hold dates, but line 3 holds 'soon'\n"), "\(message)")
    #expect(message.contains("help: dates are written like 2024-01-31, 2024-01, 2024-01-31 13:00, Jan 2024, 2024Q1 or 2024"), "every form JSON Lines accepts")
  }

  @Test func aDeclaredDateKeyWithMixedFormatsNamesBothValues() throws {
    try scratch.write("mixed.jsonl", "{\"date\": \"2024-01-01\", \"v\": 1}\n{\"date\": \"2024-01-02\", \"v\": 2}\n{\"date\": \"2024-02\", \"v\": 3}\n")
    let message = scratch.harness.runtimeFailure("t = load \"mixed.jsonl\" date=date")
    #expect(message.hasPrefix("mixed.jsonl:3: error: key 'date' mixes date formats: '2024-01-01' (line 1) and '2024-02' (line 3)\n"), "\(message)")
    #expect(message.contains("help: write every date of a key the same way"))
  }

  @Test func aDateKeyThatIsNotThereIsRefusedWithTheKeysThereAre() throws {
    let message = harness.runtimeFailure("e = load \"events.jsonl\" date=day")
    #expect(message.contains("error: events.jsonl has no key 'day' for date="), "\(message)")
    #expect(message.contains("columns: date, units, price, name, tags, promo"))
  }

  @Test func aFileWithoutObjectsIsRefused() throws {
    try scratch.write("blank.jsonl", "\n  \n")
    let message = scratch.harness.runtimeFailure("t = load \"blank.jsonl\"")
    #expect(message.contains("error: blank.jsonl holds no JSON objects"), "\(message)")
  }
}
