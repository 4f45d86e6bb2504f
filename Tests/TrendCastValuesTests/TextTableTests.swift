import Testing

@testable import TrendCastValues

@Suite struct TextTableTests {
  @Test func columnsAlignWithWideCharactersAndNumbersRight() {
    let table = TextTable(headers: ["item", "n"], alignments: [.left, .right], rows: [["茶", "5"], ["bread", "12"]])
    #expect(table.render() == "item    n\n─────  ──\n茶      5\nbread  12")
  }

  @Test func aLineBreakInsideACellKeepsTheRowOnOneLine() {
    let table = TextTable(headers: ["note", "n"], alignments: [.left, .right], rows: [["two\nlines", "1"], ["cr\r\nlf\tx", "2"]])
    #expect(table.render() == "note       n\n─────────  ─\ntwo↵lines  1\ncr↵lf x    2")
    #expect(table.render(ascii: true).contains("two\\nlines"))
  }

  @Test func longTablesShowHeadAndTail() {
    let short = TextTable.visibleRows(count: 16, head: 10, tail: 5)
    #expect(short.head == 0..<16 && short.tail == nil)
    let visible = TextTable.visibleRows(count: 100, head: 10, tail: 5)
    #expect(visible.head == 0..<10 && visible.tail == 95..<100)
  }
}
