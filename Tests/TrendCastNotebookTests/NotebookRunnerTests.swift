import Foundation
import Testing
import TrendCastNotebook
import TrendCastValues

/// Running notebooks: printing with fresh outputs, `--check` naming each differing cell with its
/// line, `--update` rewriting only output blocks, `tc error` cells, parameters, widths.
@Suite struct NotebookRunnerTests {
  static let notebook = "# Title\n\nProse *with* markdown.  \n```tc\na = num 2\na\n```\n\nBetween.\n\n```tc\nb = add a a\n```\n\n```tc\nb\nscale b by=3\n```\nEnd."

  /// `notebook` as `run` prints it: an output block after every cell that shows something.
  static let printed = """
    # Title

    Prose *with* markdown.  \n```tc
    a = num 2
    a
    ```

    ```output
    2
    ```

    Between.

    ```tc
    b = add a a
    ```

    ```tc
    b
    scale b by=3
    ```

    ```output
    4

    scaled by 3
    12
    ```
    End.
    """

  @Test func printingWritesTheNotebookWithFreshOutputs() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let (outcome, emitted) = harness.run(Self.notebook)
    #expect(outcome == "success")
    #expect(emitted == Self.printed)
  }

  @Test func theSameNotebookPrintsTheSameBytesEveryTime() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    #expect(harness.run(Self.notebook).emitted == harness.run(Self.notebook).emitted)
    #expect(harness.run(Self.printed).emitted == Self.printed, "printing a current notebook changes nothing")
  }

  @Test func checkPassesWhenEveryStoredOutputIsCurrent() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let (outcome, emitted) = harness.run(Self.printed, mode: .check)
    #expect(outcome == "success")
    #expect(emitted.isEmpty, "check prints nothing of the notebook")
  }

  @Test func checkNamesTheCellAndItsLineWithALineDiff() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let changed = Self.printed.replacingOccurrences(of: "12\n```", with: "13\n```")
    #expect(harness.run(changed, mode: .check).outcome == "cell 3 at line 19:\n    \n    scaled by 3\n  + 12\n  - 13")
  }

  @Test func checkNoticesMissingAndSurplusOutputBlocks() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let missing = Self.printed.replacingOccurrences(of: "\n```output\n2\n```\n", with: "")
    #expect(harness.run(missing, mode: .check).outcome == "cell 1 at line 4:\n  + 2")
    let surplus = Self.printed.replacingOccurrences(of: "b = add a a\n```\n", with: "b = add a a\n```\n```output\nstale\n```\n")
    #expect(harness.run(surplus, mode: .check).outcome == "cell 2 at line 15:\n  - stale")
  }

  @Test func updateRewritesOutputsAndLeavesProseByteForByte() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let stale = Self.printed.replacingOccurrences(of: "12\n```", with: "13\n```")
      .replacingOccurrences(of: "b = add a a\n```\n", with: "b = add a a\n```\n\n\n```output\nstale\n```\n")
    let path = try harness.write(stale, to: "nb.tcnb")
    #expect(try harness.runFile(path, mode: .update) == "success")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.printed)
    #expect(try harness.runFile(path, mode: .check) == "success")
    #expect(try harness.runFile(path, mode: .update) == "success")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.printed, "an update of a current notebook changes nothing")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: harness.directory.path)
    #expect(leftovers == ["nb.tcnb"], "no temporary file is left behind")
  }

  @Test func updateKeepsTheBlankLinesBeforeAStoredOutput() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let path = try harness.write("```tc\nnum 1\n```\n\n\n\n```output\n0\n```\ntext\n", to: "nb.tcnb")
    #expect(try harness.runFile(path, mode: .update) == "success")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "```tc\nnum 1\n```\n\n\n\n```output\n1\n```\ntext\n")
  }

  @Test func anOutputHoldingBackticksGetsALongerFence() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let (_, emitted) = harness.run("```tc\n\"```\"\n```\n")
    #expect(emitted == "```tc\n\"```\"\n```\n\n````output\n```\n````\n")
    #expect(harness.run(emitted, mode: .check).outcome == "success")
  }

  @Test func aTcErrorCellShowsItsErrorWithTheNotebooksLinesAndTheRunGoesOn() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let (outcome, emitted) = harness.run("```tc error\nx = num 1\ny = fail x\n```\n```tc error\nd = nope 1\n```\n```tc\nnum 7\n```\n", name: "some/dir/nb.tcnb")
    #expect(outcome == "success")
    #expect(emitted == """
      ```tc error
      x = num 1
      y = fail x
      ```

      ```output
      nb.tcnb:3:5: error: this always fails
        |
      3 | y = fail x
        |     ^~~~
      help: it is a test
      ```
      ```tc error
      d = nope 1
      ```

      ```output
      nb.tcnb:6:5: error: unknown command 'nope'
        |
      6 | d = nope 1
        |     ^~~~
      ```
      ```tc
      num 7
      ```

      ```output
      7
      ```

      """)
  }

  @Test func namesBoundInATcErrorCellAreNotSeenByOrdinaryCells() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let outcome = harness.run("```tc error\nx = num 1\nfail x\n```\n```tc\nx\n```\n").outcome
    #expect(outcome.hasPrefix("nb.tcnb:6:1: error: unknown name 'x'\n"), "\(outcome)")
  }

  @Test func aTcErrorCellThatSucceedsFailsTheCheck() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let (_, emitted) = harness.run("```tc error\nnum 1\n```\n")
    #expect(emitted.contains("```output\nerror: this cell is marked `tc error`, but it ran without an error\n```"))
    let stored = "```tc error\nnum 1\n```\n```output\nnb.tcnb:2:1: error: it failed\n```\n"
    #expect(harness.run(stored, mode: .check).outcome.hasPrefix("cell 1 at line 1:\n"))
  }

  @Test func updateAgreesWithCheckWhenNewOutputsMoveATcErrorCell() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let path = try harness.write("```tc\na = num 1\na\n```\n\n```tc error\nb = fail a\n```\n", to: "nb.tcnb")
    #expect(try harness.runFile(path, mode: .update) == "success")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == """
      ```tc
      a = num 1
      a
      ```

      ```output
      1
      ```

      ```tc error
      b = fail a
      ```

      ```output
      nb.tcnb:11:5: error: this always fails
         |
      11 | b = fail a
         |     ^~~~
      help: it is a test
      ```

      """)
    #expect(try harness.runFile(path, mode: .check) == "success")
  }

  @Test func aProgramErrorAnywhereStopsTheRunBeforeAnythingRuns() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let (outcome, emitted) = harness.run("```tc\nx = fail 1\n```\nprose\n```tc\ny = add x q\nz = scale 1 bye=2\n```\n")
    #expect(emitted.isEmpty)
    #expect(outcome.hasPrefix("nb.tcnb:6:11: error: unknown name 'q'\n"))
    #expect(outcome.contains("nb.tcnb:7:13: error: unknown option 'bye' for scale\n"))
  }

  @Test func aFailingCellStopsTheRunAfterTheCellsBeforeIt() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let (outcome, emitted) = harness.run("```tc\nnum 1\n```\n```tc\nx = fail 1\n```\n```tc\nnum 3\n```\n")
    #expect(outcome.hasPrefix("nb.tcnb:5:5: error: this always fails\n"))
    #expect(emitted == "```tc\nnum 1\n```\n\n```output\n1\n```\n```tc\nx = fail 1\n```\n")
  }

  @Test func frontMatterParametersAreBindingsThatParamsOverride() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let source = "---\nparams:\n  h: 3\n---\n```tc\nx = add h 1\nx\n```\n"
    #expect(harness.run(source).emitted.hasSuffix("```output\n4\n```\n"))
    #expect(harness.run(source, parameters: ["h": NumberValue(10)]).emitted.hasSuffix("```output\n11\n```\n"))
    let cellBinding = "```tc\ny = num 1\ny\n```\n"
    #expect(harness.run(cellBinding, parameters: ["y": NumberValue(5)]).emitted.hasSuffix("```output\n5\n```\n"))
  }

  @Test func aParameterThatNothingBindsMakesTheNotebookUnusable() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let source = "---\nparams:\n  h: 3\n---\n```tc\nx = add h 1\n```\n"
    #expect(harness.run(source, parameters: ["hh": NumberValue(1)]).outcome
      == "unusable: --param hh: no binding of that name in the program (did you mean 'h'?)")
  }

  @Test func aFrontMatterParameterMayNotAlsoBeBoundInACell() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let outcome = harness.run("---\nparams: {h: 3}\n---\n```tc\nh = num 5\n```\n").outcome
    #expect(outcome.hasPrefix("nb.tcnb:5:1: error: 'h' is bound twice\n"), "\(outcome)")
    #expect(outcome.contains("nb.tcnb:2:1: note: 'h' is first bound here\n"))
  }

  @Test func chartsAndTablesAreDrawnAtTheFrontMattersWidthUnlessOverridden() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    #expect(harness.run("```tc\nwidth\n```\n").emitted.hasSuffix("```output\n72\n```\n"))
    #expect(harness.run("---\nwidth: 50\n---\n```tc\nwidth\n```\n").emitted.hasSuffix("```output\n50\n```\n"))
    #expect(harness.run("---\nwidth: 50\n---\n```tc\nwidth\n```\n", width: 90).emitted.hasSuffix("```output\n90\n```\n"))
  }

  @Test func malformedFrontMatterMakesTheNotebookUnusable() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    #expect(harness.run("---\ntitle: x\n```tc\nnum 1\n```\n").outcome
      == "unusable: nb.tcnb:1: the front matter that starts on line 1 is never closed with '---'")
  }

  @Test func aScriptPrintsEachOutputSeparatedByABlankLine() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let (outcome, emitted) = harness.run("a = num 2\na\nscale a\n", name: "s.tc")
    #expect(outcome == "success")
    #expect(emitted == "2\n\nscaled by 2\n4\n")
  }

  @Test func aNotebookWithWindowsLineEndingsIsCheckedLikeAnyOther() throws {
    let harness = try NotebookHarness()
    defer { harness.removeDirectory() }
    let current = "# Title\r\n\r\n```tc\r\na = num 1\r\na\r\n```\r\n\r\n```output\r\n1\r\n```\r\n"
    #expect(harness.run(current, mode: .check).outcome == "success")
    let stale = current.replacingOccurrences(of: "```output\r\n1\r\n", with: "```output\r\n2\r\n")
    #expect(harness.run(stale, mode: .check).outcome == "cell 1 at line 3:\n  + 1\n  - 2")
  }
}
