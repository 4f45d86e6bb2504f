import Foundation
import Testing
import TrendCastBuiltins
import TrendCastPlugin
import TrendCastREPL
import TrendCastTestSupport

/// Tab completion through the scripted reader: each `\t` presses Tab exactly as the terminal
/// reader applies it. The commands come from `TeachingPlugin`, so nothing here depends on a
/// particular real plugin.
@Suite struct CompletionTests {
  /// A REPL where `sales` (a table with columns date and units) and `units` (a series) are bound.
  func driver() -> REPLDriver {
    REPLDriver(["sales = dataset shop_daily", "units = sales.units"], registry: TeachingPlugin.registry()).run()
  }

  @Test func commandWordsCompleteOneWordAtATime() {
    let repl = driver()
    #expect(repl.typing("ti\t") == "tidy ")
    #expect(repl.typing("mode\t") == "model ")
    #expect(repl.typing("model ar\t") == "model arima ")
    #expect(repl.typing("m = model e\t") == "m = model ets ")
    #expect(repl.typing("units |> ti\t") == "units |> tidy ")
  }

  @Test func ambiguousWordsCompleteTheSharedStartThenList() {
    let repl = driver()
    #expect(repl.typing("mo\t") == "mod", "model and modify share mod")
    #expect(repl.listing("mod") == ["model", "modify"])
    #expect(repl.listing("model ") == ["arima", "ets"])
  }

  @Test func optionNamesOfTheCommandBeingTyped() {
    let repl = driver()
    #expect(repl.typing("model arima units or\t") == "model arima units order=")
    #expect(repl.typing("model arima units order=(1,1,1) tr\t") == "model arima units order=(1,1,1) trend=")
    let listed = repl.listing("model arima units order=(1,1,1) ") ?? []
    #expect(listed.contains("trend=") && listed.contains("horizon="))
    #expect(!listed.contains("order="), "an option already given is not offered again")
    #expect(repl.typing("tidy units q\t") == "tidy units quiet ")
  }

  @Test func keywordValuesOfAnOption() {
    let repl = driver()
    #expect(repl.listing("tidy units fill=") == ["linear", "ffill", "mean", "seasonal", "none"])
    #expect(repl.typing("tidy units fill=ff\t") == "tidy units fill=ffill ")
    #expect(repl.typing("tidy units outliers=z\t") == "tidy units outliers=zscore ")
    #expect(repl.typing("model ets units kind=a\t") == "model ets units kind=a", "auto and additive share only 'a'")
    #expect(repl.listing("model ets units kind=a") == ["auto", "additive"])
  }

  @Test func namesInScope() {
    let repl = driver()
    #expect(repl.typing("sal\t") == "sales")
    #expect(repl.typing("tidy un\t") == "tidy units")
    #expect(repl.typing("model arima units horizon=un\t") == "model arima units horizon=units",
      "a number option may take a name")
    #expect(repl.listing("x = ")?.contains("sales") == true)
  }

  @Test func columnNamesAfterADotAndForColumnOptions() {
    let repl = driver()
    #expect(repl.typing("sales.u\t") == "sales.units")
    #expect(repl.listing("sales.") == ["date", "units"])
    #expect(repl.typing("tidy sales.units\t") == "tidy sales.units", "a complete column stays as it is")
    #expect(repl.typing("tidy sales by=u\t") == "tidy sales by=units ")
    #expect(repl.typing("total sales d\t") == "total sales date ")
    #expect(repl.typing("sales |> tidy by=d\t") == "sales |> tidy by=date ")
  }

  @Test func filePathsInsideAString() throws {
    let folder = try temporaryFolder()
    try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
    for name in ["data/shop.csv", "data/stock.csv", "data/.hidden.csv", "notes.txt"] {
      try Data("a\n1\n".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }
    let repl = REPLDriver([], registry: TeachingPlugin.registry(), directory: folder).run()
    #expect(repl.typing("x = load \"da\t") == "x = load \"data/")
    #expect(repl.typing("x = load \"data/sh\t") == "x = load \"data/shop.csv\"")
    #expect(repl.listing("x = load \"data/s") == ["data/shop.csv", "data/stock.csv"], "hidden files only after a dot")
    #expect(repl.typing("x = load \"\(folder)/no\t") == "x = load \"\(folder)/notes.txt\"", "absolute paths")
    #expect(repl.typing(":load da\t") == ":load data/")
  }

  @Test func helpCompletesCommandWords() {
    let repl = driver()
    #expect(repl.typing("help model ar\t") == "help model arima ")
    #expect(repl.typing("he\t") == "help ")
  }

  @Test func metaCommands() {
    let repl = driver()
    #expect(repl.typing(":sa\t") == ":save ")
    #expect(repl.typing(":r\t") == ":reset ")
    #expect(repl.listing(":") == [":help", ":load", ":quit", ":reset", ":save"])
  }

  @Test func continuationLinesCompleteWithTheirEntry() {
    let repl = driver()
    let completions = repl.session.completer().complete("  or", pending: "m = model arima units,")
    #expect(completions.action == .insert(replacing: "or", text: "order="))
  }

  @Test func nothingIsOfferedInsideBracketsOrOnANumber() {
    let repl = driver()
    #expect(repl.typing("model arima units order=(1,\t") == "model arima units order=(1,")
    #expect(repl.typing("model arima units horizon=1\t") == "model arima units horizon=1")
    #expect(repl.typing("nosuch \t") == "nosuch ")
  }

  @Test func completionFollowsTheRealPlugins() {
    // The built-in registry, whatever plugins it holds: every command's first word completes.
    let registry = BuiltinPlugins.registry()
    let repl = REPLDriver([], registry: registry).run()
    for words in registry.commandPaths {
      let first = words[0]
      let others = Set(registry.commandPaths.map { $0[0] }).filter { $0 != first && $0.hasPrefix(first) }
      guard others.isEmpty else { continue }
      #expect(repl.typing(first + "\t") == first + " ", "\(first)")
    }
  }

  @Test func datasetNamesComplete() {
    let repl = REPLDriver([], registry: BuiltinPlugins.registry()).run()
    #expect(repl.typing("air = dataset airp\t") == "air = dataset airpassengers ")
    let listed = repl.listing("dataset shop_daily") ?? []
    #expect(listed.contains("shop_daily") && listed.contains("shop_daily_gaps"))
    #expect(repl.listing("dataset airpassengers ")?.contains("airpassengers") != true, "one name only")
  }
}

/// A fresh empty folder for one test.
func temporaryFolder() throws -> String {
  let path = NSTemporaryDirectory() + "trendcast-repl-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}
