import Testing
import TrendCastNotebook
import TrendCastSyntax

/// Reading `.tcnb` Markdown (LANGUAGE.md §5): front matter, `tc` and `tc error` cells, stored
/// outputs; everything else is prose the document keeps as bytes.
@Suite struct NotebookDocumentTests {
  static let notebook = """
    ---
    title: "Weekly sales"
    author: someone
    width: 60
    params:
      h: 28
      # a comment
      file: data/x.csv
    ---
    # Weekly sales
    Prose that mentions ```tc inline.

    ```tc
    a = num 1
    a
    ```


    ```output
    1
    ```

    More prose.

    ```python
    print("not a cell")
    ```

    ```tc error
    b = nope
    ```
    ~~~tc
    c = num 3
    ~~~
    ````tc
    x = "```"
    ````
    ```output
    ```

    """

  func document(_ text: String, name: String = "nb.tcnb") throws -> NotebookDocument {
    try NotebookDocument(file: SourceFile(name: name, text: text))
  }

  @Test func frontMatterSetsTitleWidthAndParameters() throws {
    let front = try document(Self.notebook).frontMatter
    #expect(front.title == "Weekly sales")
    #expect(front.width == 60)
    #expect(front.parameters.map(\.name) == ["h", "file"])
    #expect(front.parameters.map(\.literal) == ["28", "\"data/x.csv\""])
    #expect(front.parameters.map(\.line) == [6, 8])
  }

  @Test func everyTcBlockIsACellAndOtherBlocksAreProse() throws {
    let notebook = try document(Self.notebook)
    let codes = notebook.cells.map { notebook.file.text(of: $0.code) }
    #expect(codes == ["a = num 1\na\n", "b = nope\n", "c = num 3\n", "x = \"```\"\n"])
    #expect(notebook.cells.map(\.expectsError) == [false, true, false, false])
    #expect(notebook.cells.map { notebook.file.location(of: $0.block.start).line } == [13, 29, 32, 35])
    #expect(notebook.cells.map { notebook.file.location(of: $0.code.start).line } == [14, 30, 33, 36])
  }

  @Test func anOutputBlockBelongsToTheCellAboveItAcrossBlankLines() throws {
    let notebook = try document(Self.notebook)
    let output = try #require(notebook.cells[0].output)
    #expect(output.text == "1")
    #expect(notebook.file.text(of: output.gap) == "\n\n")
    #expect(notebook.file.text(of: output.block) == "```output\n1\n```\n")
    #expect(notebook.cells[1].output == nil)
    #expect(notebook.cells[2].output == nil)
    #expect(notebook.cells[3].output?.text == "", "an empty output block")
  }

  @Test func anOutputBlockAfterProseIsNotACellsOutput() throws {
    let notebook = try document("```tc\na\n```\nprose\n```output\nx\n```\n")
    #expect(notebook.cells.count == 1)
    #expect(notebook.cells[0].output == nil)
  }

  @Test func fencesMayBeIndentedUpToThreeSpacesAndCarryAttributes() throws {
    let notebook = try document("   ```tc\na\n   ```\n    ```tc\nb\n    ```\n```tc {error}\nc\n```\n```tcx\nd\n```\n")
    #expect(notebook.cells.map { notebook.file.text(of: $0.code) } == ["a\n", "c\n"])
    #expect(notebook.cells.map(\.expectsError) == [false, true])
  }

  @Test func aCellLeftOpenRunsToTheEndOfTheFile() throws {
    let notebook = try document("prose\n```tc\na = num 1\nb = num 2")
    #expect(notebook.cells.map { notebook.file.text(of: $0.code) } == ["a = num 1\nb = num 2"])
  }

  @Test func aNotebookWithoutFrontMatterStartsWithProse() throws {
    let notebook = try document("# Title\n---\ntitle: not front matter\n---\n```tc\na\n```\n")
    #expect(notebook.frontMatter.title == nil)
    #expect(notebook.frontMatter.parameters.isEmpty)
    #expect(notebook.cells.count == 1)
  }

  @Test func parametersMayBeAnInlineMap() throws {
    let front = try document("---\nparams: {h: 28, level: [80, 95], name: 'x', rate: 5%}\n---\n").frontMatter
    #expect(front.parameters.map(\.name) == ["h", "level", "name", "rate"])
    #expect(front.parameters.map(\.literal) == ["28", "[80, 95]", "\"x\"", "5%"])
  }

  @Test(arguments: [
    ("---\ntitle: x\n", 1, "the front matter that starts on line 1 is never closed with '---'"),
    ("---\nwidth: 10\n---\n", 2, "width must be a whole number of columns between 20 and 1000"),
    ("---\nwidth: wide\n---\n", 2, "width must be a whole number of columns between 20 and 1000"),
    ("---\ntitle: x\njust words\n---\n", 3, "expected 'key: value' in the front matter"),
    ("---\nparams:\n  2x: 1\n---\n", 3, "'2x' is not a valid parameter name"),
    ("---\nparams: h=28\n---\n", 2, "params is an indented block or an inline map {name: value, …}"),
    ("---\nparams: {h 28}\n---\n", 2, "expected 'name: value' in params"),
  ])
  func malformedFrontMatterIsAnErrorWithItsLine(_ text: String, _ line: Int, _ message: String) {
    #expect {
      try document(text)
    } throws: { error in
      guard let error = error as? FrontMatter.Error else { return false }
      return error.line == line && error.message == message
    }
  }

  @Test(arguments: [
    ("28", "28"), ("5%", "5%"), ("-3.5", "-3.5"), ("data/x.csv", "\"data/x.csv\""), ("'quoted'", "\"quoted\""),
    ("\"kept\"", "\"kept\""), ("[80, 95]", "[80, 95]"), ("a\"b\\c", "\"a\\\"b\\\\c\""), ("  padded  ", "\"padded\""),
  ])
  func parameterValuesAreLiteralsOrElseText(_ value: String, _ literal: String) {
    #expect(ParameterLiteral.normalize(value) == literal)
  }
}
