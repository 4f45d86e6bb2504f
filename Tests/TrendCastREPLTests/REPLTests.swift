import Testing
import TrendCastREPL

/// The loop: prompts, continuation lines, Ctrl-C and Ctrl-D, meta commands, error format.
@Suite struct REPLTests {
  @Test func unfinishedStatementsContinueAtTheContinuationPrompt() {
    #expect(Continuation.isUnfinished("x = dataset shop_daily |>"))
    #expect(Continuation.isUnfinished("plot a,"))
    #expect(Continuation.isUnfinished("f = forecast m level=[80,"))
    #expect(Continuation.isUnfinished("m = fit arima units order=(1,\n  1"))
    #expect(Continuation.isUnfinished("x |>   # a comment after the pipe"))
    #expect(!Continuation.isUnfinished("x = dataset shop_daily"))
    #expect(!Continuation.isUnfinished("x = load \"a,b.csv"), "an unclosed string is an error, not a continuation")
    #expect(!Continuation.isUnfinished("show x # ends with a comma,"))
    #expect(!Continuation.isUnfinished("f = forecast m level=[80, 95]"))
  }

  @Test func aMultiLineEntryRunsOnceAndIsOneHistoryEntry() {
    let repl = REPLDriver(["sales = dataset shop_daily |>", "  describe", "vars"]).run()
    #expect(repl.reader.prompts == ["tc> ", "...> ", "tc> ", "tc> "])
    #expect(repl.stdout.contains("730 rows × 2 columns"))
    #expect(repl.reader.history == ["sales = dataset shop_daily |>\n  describe", "vars"])
    #expect(repl.stderr.isEmpty, "\(repl.stderr)")
  }

  @Test func anEmptyLineAtTheContinuationPromptSendsTheEntry() {
    let repl = REPLDriver(["show sales,", "", "vars"]).run()
    #expect(repl.reader.prompts == ["tc> ", "...> ", "tc> ", "tc> "])
    #expect(repl.stderr.contains("<repl>:1:"), "\(repl.stderr)")
    #expect(repl.stdout.contains("no names are bound yet"))
  }

  @Test func ctrlCWhileTypingDropsTheEntry() {
    let repl = REPLDriver(["sales = dataset (", .interrupt, "sales = dataset shop_daily", "vars"]).run()
    #expect(repl.reader.prompts == ["tc> ", "...> ", "tc> ", "tc> ", "tc> "])
    #expect(repl.stderr.isEmpty, "\(repl.stderr)")
    #expect(repl.stdout.contains("sales  table"))
  }

  @Test func ctrlCDuringACommandSaysInterruptedAndTheSessionGoesOn() {
    let repl = REPLDriver(["sales = dataset shop_daily", "x = halt", "vars"], registry: TeachingPlugin.registry()).run()
    #expect(repl.stderr == "interrupted\n")
    #expect(repl.stdout.contains("sales  table"))
    #expect(!repl.stdout.contains("x "), "the interrupted binding is not kept")
    #expect(repl.session.context.cancellation.isCancelled == false, "the flag is cleared for the next entry")
  }

  @Test func ctrlDOnAnEmptyLineEndsButFirstDropsAnUnfinishedEntry() {
    let repl = REPLDriver(["show (", .endOfInput, "vars", .endOfInput, "vars"]).run()
    #expect(repl.reader.prompts == ["tc> ", "...> ", "tc> ", "tc> "])
    #expect(repl.stderr.contains("unfinished entry was dropped"))
    #expect(!repl.reader.isFinished, "the second Ctrl-D ends the REPL")
  }

  @Test func errorsUseTheFileFormatWithReplLinesAndTheSessionGoesOn() {
    let repl = REPLDriver(["sales = dataset shop_daily", "units = sales.units", "describe unit", "describe units"]).run()
    let expected = """
      <repl>:3:10: error: unknown name 'unit'
        |
      3 | describe unit
        |          ^~~~
      help: did you mean 'units'?

      """
    #expect(repl.stderr == expected)
    #expect(repl.stdout.contains("units     730"))
  }

  @Test func linesAreCountedAcrossEntriesIncludingContinuations() {
    let repl = REPLDriver(["sales = dataset shop_daily |>", "  describe", ":help", "show nothing"]).run()
    #expect(repl.stderr.hasPrefix("<repl>:4:6: error: unknown name 'nothing'"), "\(repl.stderr)")
  }

  @Test func runtimeErrorsPointAtTheEntry() {
    let repl = REPLDriver(["sales = dataset shop_daily", "x = sales.price", "vars"]).run()
    #expect(repl.stderr.hasPrefix("<repl>:2:11: error: the table has no column 'price'"), "\(repl.stderr)")
    #expect(repl.stderr.contains("help: columns: date, units"))
    #expect(!repl.stdout.contains("x "), "the failed binding is not kept")
  }

  @Test func metaCommandsAndTheirMistakes() {
    let repl = REPLDriver([":help", ":sav x.tcnb", ":save notes.txt", ":save", ":reset now", ":quit", "vars"]).run()
    #expect(repl.stdout.contains(":save FILE.tcnb"))
    #expect(repl.stderr.contains("<repl>:2:1: error: there is no REPL command ':sav'\n"))
    #expect(repl.stderr.contains("help: did you mean ':save'?"))
    #expect(repl.stderr.contains("error: a session is saved to a notebook, whose name ends in .tcnb"))
    #expect(repl.stderr.contains("help: e.g. :save notes.tcnb"))
    #expect(repl.stderr.contains("error: :save needs a file name"))
    #expect(repl.stderr.contains("error: :reset takes nothing after it"))
    #expect(!repl.reader.isFinished, ":quit ends the REPL before vars")
  }

  @Test func languageSessionCommandsAreShownButNotKept() {
    let repl = REPLDriver(["sales = dataset shop_daily", "help describe", "vars", "graph"]).run()
    #expect(repl.stdout.contains("usage: describe"))
    #expect(repl.stdout.contains("dataflow graph: 2 nodes"), "graph lists sales and itself, not the earlier help and vars")
    #expect(repl.session.session.graph.order.count == 1)
  }

  @Test func resetForgetsEveryName() {
    let repl = REPLDriver(["sales = dataset shop_daily", ":reset", "vars", "sales = dataset shop_daily"]).run()
    #expect(repl.stdout.contains("no names are bound yet"))
    #expect(repl.stderr.isEmpty, "a name can be bound again after :reset: \(repl.stderr)")
  }
}
