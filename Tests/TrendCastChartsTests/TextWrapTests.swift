import Testing
import TrendCastCharts

/// Folding report lines to the display width: fields first, then clauses, then words.
@Suite struct TextWrapTests {
  @Test func aLineThatFitsIsUntouched() {
    #expect(TerminalText.wrapped("  statistic = 1.0   p-value = 0.5", width: 72) == ["  statistic = 1.0   p-value = 0.5"])
  }

  @Test func fieldsBreakBeforeWordsAndContinuationsAreIndented() {
    let line = "  statistic = -1.7170   p-value = 0.4224   lags = 13 (chosen by AIC from 0…14)   observations = 130"
    #expect(TerminalText.wrapped(line, width: 50) == [
      "  statistic = -1.7170   p-value = 0.4224",
      "    lags = 13 (chosen by AIC from 0…14)",
      "    observations = 130",
    ])
  }

  @Test func clausesBreakAfterTheirColonBeforeWords() {
    let line = "  outliers by hampel (window 15, 3 MADs from the window median): 7 flagged, values kept:"
    #expect(TerminalText.wrapped(line, width: 72) == [
      "  outliers by hampel (window 15, 3 MADs from the window median):",
      "    7 flagged, values kept:",
    ])
  }

  @Test func aOneWordLabelStaysWithItsValue() {
    let line = "  winner: ARIMA(2,1,1)(0,1,1)[12] with drift, AICc 1234.56; runner-up: ARIMA(1,1,1)(0,1,1)[12], AICc 1236.01"
    let folded = TerminalText.wrapped(line, width: 60)
    #expect(folded.first?.hasPrefix("  winner: ARIMA(2,1,1)") == true)
    #expect(folded.allSatisfy { TerminalText.width(of: $0) <= 60 })
  }

  @Test func conclusionsAlignAfterTheirArrowAndLongClausesBreakBetweenWords() {
    let line = "  => at the 5% level, no evidence against stationarity around a constant level"
    let folded = TerminalText.wrapped(line, width: 40)
    #expect(folded.first == "  => at the 5% level, no evidence")
    #expect(folded.dropFirst().allSatisfy { $0.hasPrefix("     ") && !$0.hasPrefix("      ") })
    #expect(folded.allSatisfy { TerminalText.width(of: $0) <= 40 })
    #expect(folded.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == line.trimmingCharacters(in: .whitespaces))
  }

  @Test func aWordWiderThanTheWidthStaysWhole() {
    let folded = TerminalText.wrapped("see https://example.com/a/very/long/path/that/cannot/break", width: 20)
    #expect(folded == ["see", "  https://example.com/a/very/long/path/that/cannot/break"])
  }

  @Test func wideCharactersCountTwoColumns() {
    let folded = TerminalText.wrapped("商品 商品 商品 商品 商品 商品", width: 12)
    #expect(folded.allSatisfy { TerminalText.width(of: $0) <= 12 })
    #expect(folded.count == 3)
  }
}
