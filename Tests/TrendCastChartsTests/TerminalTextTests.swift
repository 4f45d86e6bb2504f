import Testing
import TrendCastCharts

@Suite struct TerminalTextTests {
  // Widths are exact column counts.
  @Test(arguments: [
    ("abc", 3), ("牛奶", 4), ("SKU0072 → SKU0028", 17), ("\u{1B}[31mred\u{1B}[0m", 3), ("é", 1),
    ("e\u{301}", 1), ("🍎", 2), ("⠒⠂░▒┊", 5), ("", 0), ("ｶﾀｶﾅ", 4), ("Ａ", 2),
  ])
  func width(_ text: String, _ expected: Int) {
    #expect(TerminalText.width(of: text) == expected)
  }

  @Test func truncationKeepsWithinWidthAndMarksTheCut() {
    #expect(TerminalText.truncated("SKU0072 → SKU0028", toWidth: 10) == "SKU0072 →…")
    #expect(TerminalText.truncated("short", toWidth: 10) == "short")
    #expect(TerminalText.truncated("牛奶咖啡", toWidth: 6) == "牛奶…")
    #expect(TerminalText.truncated("牛奶咖啡", toWidth: 4) == "牛…")
    #expect(TerminalText.truncated("abcdef", toWidth: 4, ellipsis: "...") == "a...")
    #expect(TerminalText.truncated("abcdef", toWidth: 2, ellipsis: "...") == "..")
    #expect(TerminalText.truncated("abc", toWidth: 0) == "")
  }

  @Test func asciiFoldingIsSevenBitAndReadable() {
    #expect(TerminalText.asciiFolded("SKU0072 → SKU0028") == "SKU0072 -> SKU0028")
    #expect(TerminalText.asciiFolded("±0.07 … 1949–1960") == "+/-0.07 ... 1949-1960")
    #expect(TerminalText.asciiFolded("Café") == "Cafe")
    #expect(TerminalText.asciiFolded("牛奶") == "????")
  }
}
