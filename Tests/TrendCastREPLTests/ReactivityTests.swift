import Testing
import TrendCastREPL

/// Rebinding a name re-runs what depends on it; errors leave every value as it was.
@Suite struct ReactivityTests {
  static let session: [ScriptedLineReader.Step] = [
    "sales = dataset shop_daily",
    "units = sales.units",
    "describe units",
    "n = dataset nile",
  ]

  @Test func rebindingReRunsTheDependantsAndShowsTheirNewDisplays() {
    let repl = REPLDriver(Self.session + ["sales = dataset shop_daily_gaps"]).run()
    let lines = repl.stdout.components(separatedBy: "\n")
    #expect(lines.contains("re-ran 2 statements that depend on sales: units, line 3"), "\(repl.stdout)")
    #expect(lines.contains("[line 3] describe units"))
    #expect(repl.stdout.contains("units     705       25"), "the new display: 25 values missing")
    #expect(repl.stderr.isEmpty, "\(repl.stderr)")
    let units = repl.session.session.value(of: "units")
    #expect(units?.summary.contains("25 missing") == true || units?.summary.contains("730") == true)
  }

  @Test func onlyDependantsReRun() {
    let repl = REPLDriver(Self.session + ["n = dataset lynx"]).run()
    #expect(!repl.stdout.contains("re-ran"), "nothing reads n")
  }

  @Test func aDependantThatFailsUndoesTheRebinding() {
    let repl = REPLDriver(Self.session + ["sales = dataset airpassengers", "vars"]).run()
    #expect(repl.stderr.contains("<repl>:2:15: error: the table has no column 'units'"), "\(repl.stderr)")
    #expect(repl.stderr.contains("note: this stopped units, which depends on 'sales', from running again; "
      + "the entry was undone, so 'sales' keeps its previous value"))
    #expect(repl.stdout.contains("sales  table   730 × 2"), "sales keeps the shop data")
    #expect(repl.session.session.graph.binder(of: "sales")?.file.text == "sales = dataset shop_daily")
    #expect(repl.session.session.value(of: "units")?.summary.contains("730") == true)
  }

  @Test func aFailedNewBindingLeavesThePreviousValue() {
    let repl = REPLDriver(Self.session + ["units = sales.nosuch", "describe units"]).run()
    #expect(repl.stderr.contains("error: the table has no column 'nosuch'"))
    #expect(repl.stdout.components(separatedBy: "units     730").count == 3, "describe shows the old units twice")
  }

  @Test func aCycleIsRefused() {
    let repl = REPLDriver(Self.session + ["sales = describe units"]).run()
    #expect(repl.stderr.hasPrefix("<repl>:5:1: error: 'sales' would depend on itself: sales → units → sales"), "\(repl.stderr)")
    #expect(repl.session.session.graph.binder(of: "sales")?.file.text == "sales = dataset shop_daily")
  }

  @Test func aMultiStatementEntryIsUndoneAsAWhole() {
    let repl = REPLDriver(["a = dataset nile", "b = dataset lynx\nc = b.nosuch"]).run()
    #expect(repl.stderr.contains("error:"))
    #expect(repl.session.session.boundNames == ["a"])
  }
}
