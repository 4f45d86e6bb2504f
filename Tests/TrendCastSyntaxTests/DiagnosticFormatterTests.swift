import Testing
import TrendCastSyntax

/// The drawing of diagnostics (LANGUAGE.md §6): `FILE:LINE:COL: error: MESSAGE`, the source line
/// with a caret under the place, notes, and a `help:` line.
@Suite struct DiagnosticFormatterTests {
  /// The range of the first occurrence of `needle` in `file` (optionally after `offset` bytes).
  func range(of needle: String, in file: SourceFile, after offset: Int = 0) throws -> SourceRange {
    let bytes = Array(needle.utf8)
    let start = try #require((offset...(file.bytes.count - bytes.count)).first { Array(file.bytes[$0..<($0 + bytes.count)]) == bytes })
    return SourceRange(start, start + bytes.count)
  }

  @Test func anErrorShowsPlaceSourceLineCaretAndHelp() throws {
    let file = SourceFile(name: "sales.tcnb", text: "x = 1\nunits = clean sales.units fil=linear\n")
    let diagnostic = Diagnostic.error("unknown option 'fil' for clean", at: try range(of: "fil", in: file), help: "did you mean 'fill'?")
    #expect(DiagnosticFormatter.format(diagnostic, in: file) == """
      sales.tcnb:2:27: error: unknown option 'fil' for clean
        |
      2 | units = clean sales.units fil=linear
        |                           ^~~
      help: did you mean 'fill'?

      """)
  }

  @Test func withoutHelpThereIsNoHelpLine() throws {
    let file = SourceFile(name: "a.tc", text: "t = dataset nile $")
    let text = DiagnosticFormatter.format(.error("unexpected character '$'", at: try range(of: "$", in: file)), in: file)
    #expect(text == "a.tc:1:18: error: unexpected character '$'\n  |\n1 | t = dataset nile $\n  |                  ^\n")
  }

  @Test func theGutterIsAsWideAsTheLineNumber() {
    let file = SourceFile(name: "n.tcnb", text: "a\nfot x", firstLine: 99)
    let text = DiagnosticFormatter.format(.error("unknown command 'fot'", at: SourceRange(2, 5)), in: file)
    #expect(text == "n.tcnb:100:1: error: unknown command 'fot'\n    |\n100 | fot x\n    | ^~~\n")
  }

  @Test func notesFollowTheErrorEachWithItsOwnPlaceAndHelpComesLast() throws {
    let file = SourceFile(name: "n.tcnb", text: "a = dataset nile\na = dataset lynx\n")
    let second = try range(of: "a", in: file, after: 17)
    let diagnostic = Diagnostic.error("'a' is bound twice", at: SourceRange(second.start, second.start + 1),
      help: "choose another name", notes: [.init(message: "'a' is first bound here", range: SourceRange(0, 1))])
    #expect(DiagnosticFormatter.format(diagnostic, in: file) == """
      n.tcnb:2:1: error: 'a' is bound twice
        |
      2 | a = dataset lynx
        | ^
      n.tcnb:1:1: note: 'a' is first bound here
        |
      1 | a = dataset nile
        | ^
      help: choose another name

      """)
  }

  @Test func aWarningSaysWarning() {
    let file = SourceFile(name: "a.tc", text: "show t desc desc")
    let text = DiagnosticFormatter.format(Diagnostic(.warning, "flag 'desc' is given twice", at: SourceRange(12, 16)), in: file)
    #expect(text.hasPrefix("a.tc:1:13: warning: flag 'desc' is given twice\n"))
    #expect(text.hasSuffix("  |             ^~~~\n"))
  }

  @Test func theCaretIsAsWideAsTheRangeInCharacters() throws {
    let file = SourceFile(name: "a.tc", text: "größe = fot größe")
    let text = DiagnosticFormatter.format(.error("m", at: try range(of: "größe", in: file, after: 1)), in: file)
    #expect(text.hasPrefix("a.tc:1:13: error: m\n"))
    #expect(text.hasSuffix("1 | größe = fot größe\n  |             ^~~~~\n"))
  }

  @Test func wideCharactersBeforeTheCaretTakeTwoColumns() throws {
    let file = SourceFile(name: "a.tc", text: "销量 = fot 1")
    let text = DiagnosticFormatter.format(.error("m", at: try range(of: "fot", in: file)), in: file)
    #expect(text.hasPrefix("a.tc:1:6: error: m\n"), "the column counts characters")
    #expect(text.hasSuffix("  |        ^~~\n"), "the caret sits under the text as a terminal shows it")
  }

  @Test func tabsBeforeTheCaretAreKeptSoTheCaretLinesUp() throws {
    let file = SourceFile(name: "a.tc", text: "\tx = fot")
    let text = DiagnosticFormatter.format(.error("m", at: try range(of: "fot", in: file)), in: file)
    #expect(text.hasSuffix("  | \t    ^~~\n"))
  }

  @Test func aRangeOverSeveralLinesIsMarkedToTheEndOfItsFirstLine() throws {
    let file = SourceFile(name: "a.tc", text: "f = forecast m level=[80,\n  95]\n")
    let start = try range(of: "[", in: file).start
    let text = DiagnosticFormatter.format(.error("m", at: SourceRange(start, file.bytes.count - 1)), in: file)
    #expect(text.hasSuffix("1 | f = forecast m level=[80,\n  |                      ^~~~\n"))
  }

  @Test func anEmptyRangeOrTheEndOfALineGetsOneCaret() {
    let file = SourceFile(name: "a.tc", text: "x =\ny")
    let atBreak = DiagnosticFormatter.format(.error("expected a value", at: SourceRange(3, 3)), in: file)
    #expect(atBreak == "a.tc:1:4: error: expected a value\n  |\n1 | x =\n  |    ^\n")
    let atEnd = DiagnosticFormatter.format(.error("m", at: SourceRange(5, 5)), in: file)
    #expect(atEnd.hasPrefix("a.tc:2:2: error: m\n"))
    #expect(atEnd.hasSuffix("2 | y\n  |  ^\n"))
  }

  @Test func aLocatedDiagnosticFormatsInItsOwnFile() {
    let file = SourceFile(name: "b.tc", text: "oops")
    let diagnostic = Diagnostic.error("unknown name 'oops'", at: SourceRange(0, 4), help: "nothing is bound yet")
    #expect(DiagnosticFormatter.format(LocatedDiagnostic(diagnostic, in: file)) == DiagnosticFormatter.format(diagnostic, in: file))
  }

  @Test func caretSnippetDrawsAnyLine() {
    #expect(DiagnosticFormatter.caretSnippet(lineNumber: 12, line: "2024-01-03,x,5", column: 12, length: 1)
      == "   |\n12 | 2024-01-03,x,5\n   |            ^\n")
    #expect(DiagnosticFormatter.caretSnippet(lineNumber: 3, line: "abc", column: 2, length: 0) == "  |\n3 | abc\n  |  ^\n")
  }
}

/// A note about a place in another file (a front matter parameter is parsed from its own text).
@Suite struct NotesInOtherFilesTests {
  @Test func aNoteInAnotherFileIsDrawnFromThatFile() {
    let cell = SourceFile(name: "nb.tcnb", text: "---\nparams: {h: 3}\n---\n```tc\nh = num 5\n```\n")
    let parameter = SourceFile(name: "nb.tcnb", text: "h = 3", firstLine: 2)
    let diagnostic = Diagnostic.error("'h' is bound twice", at: SourceRange(29, 30),
      notes: [.init(message: "'h' is first bound here", range: SourceRange(0, 1), file: parameter)])
    #expect(DiagnosticFormatter.format(diagnostic, in: cell) == """
      nb.tcnb:5:1: error: 'h' is bound twice
        |
      5 | h = num 5
        | ^
      nb.tcnb:2:1: note: 'h' is first bound here
        |
      2 | h = 3
        | ^

      """)
  }
}
