import Foundation
import Testing
import TrendCastBuiltins
import TrendCastNotebook
import TrendCastPlugin
import TrendCastREPL
import TrendCastSyntax
import TrendCastTestSupport

/// `:save FILE.tcnb` writes a notebook that `trendcast run FILE --check` accepts; `:load` runs
/// one into the session.
@Suite struct SaveLoadTests {
  /// Runs `trendcast run PATH --check` in process, from the repository root.
  func check(_ path: String) throws -> NotebookRunner.Outcome {
    let root = ReferenceData.repositoryRoot
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let folder = (path as NSString).deletingLastPathComponent
    let context = RunContext(searchDirectories: [folder, root], stdlibDirectory: root + "/stdlib", parallelism: 2)
    let runner = NotebookRunner(registry: BuiltinPlugins.registry(), context: context, warn: { _ in })
    return runner.run(SourceFile(name: path, text: text), mode: .check, emit: { _ in })
  }

  func codeCells(_ path: String) throws -> [String] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let document = try NotebookDocument(file: SourceFile(name: path, text: text))
    return document.cells.map { document.file.text(of: $0.code).trimmingCharacters(in: .newlines) }
  }

  @Test func savedSessionPassesCheckAndKeepsOnlyTheLiveStatements() throws {
    let folder = try temporaryFolder()
    let path = folder + "/session.tcnb"
    let repl = REPLDriver([
      "describe sales",  // fails: nothing bound yet
      "sales = dataset shop_daily",
      "units = sales.units",
      "describe units",
      "vars",
      "sales = dataset shop_daily_gaps",  // rebinding: replaces the first binding
      "units = sales.nosuch",  // fails: undone
      "help describe",
      ":save \(path)",
    ]).run()
    #expect(repl.stdout.contains("saved 3 statements to \(path)"), "\(repl.stdout)\n\(repl.stderr)")
    #expect(try codeCells(path) == ["sales = dataset shop_daily_gaps", "units = sales.units", "describe units"],
      "failed entries, transient displays and the superseded binding are left out; each statement follows what it reads")
    guard case .success = try check(path) else {
      Issue.record("trendcast run --check failed on the saved notebook")
      return
    }
    let saved = try String(contentsOfFile: path, encoding: .utf8)
    #expect(saved.contains("units     705       25"), "the output reflects the latest binding")
  }

  @Test func outputsAreRenderedAtTheNotebookWidthNotTheTerminals() throws {
    let folder = try temporaryFolder()
    let path = folder + "/wide.tcnb"
    let repl = REPLDriver(["air = dataset airpassengers", "show air", ":save \(path)"], width: 140).run()
    #expect(repl.stdout.contains("saved 2 statements"))
    guard case .success = try check(path) else {
      Issue.record("the saved notebook does not pass --check: \(repl.stderr)")
      return
    }
  }

  @Test func savingAnEmptySessionSaysSoAndWritesNothing() throws {
    let folder = try temporaryFolder()
    let repl = REPLDriver([":save \(folder)/empty.tcnb"]).run()
    #expect(repl.stderr.contains("nothing to save yet"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/empty.tcnb"))
  }

  @Test func loadRunsANotebookIntoTheSession() throws {
    let folder = try temporaryFolder()
    let path = folder + "/lesson.tcnb"
    try """
      ---
      title: Lesson
      ---
      # Lesson

      ```tc
      sales = dataset shop_daily
      units = sales.units
      ```

      ```tc error
      nosuch
      ```

      ```tc
      describe units
      ```
      """.write(toFile: path, atomically: true, encoding: .utf8)
    let repl = REPLDriver([":load \(path)", "vars", "sales = dataset shop_daily_gaps"]).run()
    #expect(repl.stderr.isEmpty, "\(repl.stderr)")
    #expect(repl.stdout.contains("loaded \(path): 3 statements; bound sales, units"))
    #expect(repl.stdout.contains("units     730"), "the notebook's display is shown")
    #expect(repl.stdout.contains("re-ran 2 statements that depend on sales: units, line 16"),
      "statements loaded from a notebook carry its line numbers: \(repl.stdout)")
  }

  @Test func loadReportsErrorsInTheFileAndKeepsNothing() throws {
    let folder = try temporaryFolder()
    let path = folder + "/broken.tc"
    try "a = dataset nile\nb = a.nosuch\n".write(toFile: path, atomically: true, encoding: .utf8)
    let repl = REPLDriver([":load \(path)", ":load \(folder)/missing.tcnb", "vars"]).run()
    #expect(repl.stderr.contains("\(path):2:7: error: the table has no column 'nosuch'"), "\(repl.stderr)")
    #expect(repl.stderr.contains("nothing from \(path) was kept"))
    #expect(repl.stderr.contains("cannot read \(folder)/missing.tcnb: no such file"))
    #expect(repl.stdout.contains("no names are bound yet"))
  }

  @Test func aSavedSessionLoadsBackIntoAFreshOne() throws {
    let folder = try temporaryFolder()
    let path = folder + "/roundtrip.tcnb"
    REPLDriver(["sales = dataset shop_daily", "units = sales.units", "describe units", ":save \(path)"]).run()
    let repl = REPLDriver([":load \(path)", "vars"]).run()
    #expect(repl.stderr.isEmpty, "\(repl.stderr)")
    #expect(repl.stdout.contains("units  series"))
  }
}
