import Testing
import TrendCastSyntax

/// Byte offsets to lines and columns: what every diagnostic's place is computed from.
@Suite struct SourceFileTests {
  @Test func offsetsMapToOneBasedLinesAndColumns() {
    let file = SourceFile(name: "a.tc", text: "ab\ncd")
    #expect(file.location(of: 0) == SourceLocation(line: 1, column: 1))
    #expect(file.location(of: 2) == SourceLocation(line: 1, column: 3), "the line break belongs to its line")
    #expect(file.location(of: 3) == SourceLocation(line: 2, column: 1))
    #expect(file.location(of: 5) == SourceLocation(line: 2, column: 3), "the end of the text is a place too")
    #expect(file.lineCount == 2)
  }

  @Test func columnsCountCharactersNotBytes() {
    let file = SourceFile(name: "a.tc", text: "größe = 1")
    #expect(file.location(of: 8) == SourceLocation(line: 1, column: 7))
    #expect(file.location(of: 8).description == "1:7")
  }

  @Test func aFileMayStartAtALaterLine() {
    let file = SourceFile(name: "<repl>", text: "a\nb", firstLine: 7)
    #expect(file.location(of: 2) == SourceLocation(line: 8, column: 1))
  }

  @Test func lineTextDropsTheLineBreakAndACarriageReturn() {
    let file = SourceFile(name: "a.tc", text: "a = 1\r\nb = 2\n")
    #expect(file.lineText(containing: 3) == "a = 1")
    #expect(file.lineText(containing: 7) == "b = 2")
    #expect(file.lineText(containing: 14) == "", "the empty last line")
    #expect(file.lineCount == 3)
  }

  @Test func textOfARangeIsClampedToTheFile() {
    let file = SourceFile(name: "a.tc", text: "abc")
    #expect(file.text(of: SourceRange(1, 2)) == "b")
    #expect(file.text(of: SourceRange(2, 99)) == "c")
    #expect(file.text(of: SourceRange(50, 60)) == "")
  }

  @Test func rangesNeverRunBackwardsAndUnionCoversBoth() {
    #expect(SourceRange(5, 2) == SourceRange(5, 5))
    #expect(SourceRange(3, 4).union(SourceRange(8, 10)) == SourceRange(3, 10))
    #expect(SourceRange(8, 10).union(SourceRange(3, 4)) == SourceRange(3, 10))
  }
}
