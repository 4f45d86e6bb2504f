import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// `save`: the files of LANGUAGE.md §7, read back; and a failed save leaves nothing behind.
@Suite struct SaveTests {
  let scratch = Scratch()
  var harness: ScriptHarness { scratch.harness }
  let fixtures = Fixture.directory

  func savedLines(_ name: String) throws -> [String] {
    var text = try scratch.read(name)
    #expect(text.hasSuffix("\n"), "the file ends with a line break")
    text.removeLast()
    return text.components(separatedBy: "\n")
  }

  // MARK: - Tables and series

  @Test func aTableIsCSVWithAHeaderAndMissingValuesAsEmptyFields() throws {
    let output = try harness.run("s = load \"\(fixtures)/sales.csv\"\nsave s \"sales_out.csv\"")
    #expect(output == "saved table to sales_out.csv\n")
    #expect(try scratch.read("sales_out.csv") == """
      date,units,price,region
      2024-03-01,12,2.5,north
      2024-03-02,15,,south
      2024-03-03,,2.75,north
      2024-03-04,9,,
      2024-03-05,20,3,east

      """)
  }

  @Test func fieldsWithSeparatorsQuotesOrLineBreaksAreQuotedAndReadBackTheSame() throws {
    _ = try harness.run("q = load \"\(fixtures)/quoted.csv\"\nsave q \"q.csv\"")
    #expect(try scratch.read("q.csv") == "name,note,qty\n\"Smith, John\",\"said \"\"hi\"\"\",3\n\"two\nlines\",plain,4\nbare,\"a, b, c\",5\n")
    let again = try harness.table("r", in: "r = load \"q.csv\"")
    #expect(try again.texts("name") == ["Smith, John", "two\nlines", "bare"])
    #expect(try again.texts("note") == ["said \"hi\"", "plain", "a, b, c"])
  }

  @Test func chineseTextIsWrittenAsUTF8() throws {
    _ = try harness.run("p = load \"\(fixtures)/products_zh.csv\"\nsave p \"p.csv\"")
    #expect(try savedLines("p.csv") == ["sku,name,units", "A1,苹果,3", "B22,Orange juice,12", "C3,绿茶饮料,7"])
  }

  @Test func aSeriesIsCSVOfDateAndItsName() throws {
    let output = try harness.run("a = dataset airpassengers\nsave a.passengers \"air.csv\"")
    #expect(output == "saved series to air.csv\n")
    let saved = try savedLines("air.csv")
    #expect(saved.count == 145)
    #expect(saved.first == "date,passengers")
    #expect(saved[1] == "1949-01-01,112")
    #expect(saved[13] == "1950-01-01,115")
    #expect(saved.last == "1960-12-01,432")
  }

  @Test func aSeriesKeepsItsDateFormAndWritesMissingPeriodsEmpty() throws {
    try scratch.write("m.csv", "month,v\nJan 1980,1.5\nFeb 1980,2\nApr 1980,NA\nMay 1980,4.25\n")
    _ = try harness.run("t = load \"m.csv\"\nsave t.v \"v.csv\"")
    #expect(try savedLines("v.csv") == ["date,v", "Jan 1980,1.5", "Feb 1980,2", "Mar 1980,", "Apr 1980,", "May 1980,4.25"])
  }

  @Test func missingFoldersAreCreated() throws {
    _ = try harness.run("s = load \"\(fixtures)/sales.csv\"\nsave s \"out/2024/march.csv\"")
    #expect(try savedLines("out/2024/march.csv").first == "date,units,price,region")
  }

  @Test func savingAgainReplacesTheFileWhole() throws {
    try scratch.write("s.csv", String(repeating: "old contents that are longer than the new ones\n", count: 50))
    _ = try harness.run("s = load \"\(fixtures)/sales_noheader.csv\"\nsave s \"s.csv\"")
    #expect(try scratch.read("s.csv") == "V1,V2,V3\n2023-11,40,1.25\n2023-12,42,1.5\n2024-01,47,1.75\n")
    #expect(scratch.listing() == ["s.csv"], "no temporary file is left")
  }

  // MARK: - Forecasts and models

  static let airModel = """
    a = dataset airpassengers
    m = fit arima a order=(0,1,1) seasonal=(0,1,1,12)
    """

  @Test func aForecastIsDateMeanAndALowHighPairPerLevel() throws {
    let output = try harness.run(Self.airModel + "\nf = forecast m h=3 level=[80,95]\nsave f \"f.csv\"")
    #expect(output == "saved forecast to f.csv\n")
    let saved = try savedLines("f.csv")
    #expect(saved.count == 4)
    #expect(saved[0] == "date,mean,lo80,hi80,lo95,hi95")
    #expect(saved.dropFirst().map { $0.prefix(11) } == ["1961-01-01,", "1961-02-01,", "1961-03-01,"])
    for line in saved.dropFirst() {
      let numbers = line.split(separator: ",").dropFirst().compactMap { Double($0) }
      try #require(numbers.count == 5, "\(line)")
      let (mean, lo80, hi80, lo95, hi95) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4])
      #expect(lo95 < lo80 && lo80 < mean && mean < hi80 && hi80 < hi95, "\(line)")
      #expect(abs((hi80 - mean) - (mean - lo80)) < 1e-6, "ARIMA intervals are symmetric: \(line)")
    }
    // The file holds the numbers the display rounds.
    let shown = try harness.run(Self.airModel + "\nf = forecast m h=3 level=[80,95]\nf")
    let displayed = try #require(row("1961-01-01", in: shown))
    let written = saved[1].split(separator: ",").dropFirst().compactMap { Double($0) }
    #expect(displayed.dropFirst().compactMap(Double.init) == written.map { ($0 * 1000).rounded() / 1000 }, "\(displayed) vs \(written)")
  }

  @Test func aForecastWritesTheLevelsAskedFor() throws {
    _ = try harness.run(Self.airModel + "\nf = forecast m h=2 level=[90]\nsave f \"f.csv\"")
    #expect(try savedLines("f.csv").first == "date,mean,lo90,hi90")
  }

  @Test func aPanelForecastStartsWithTheIdColumn() throws {
    try scratch.write("stores.csv", "date,store,units\n2024-01,north,10\n2024-01,south,20\n2024-02,north,12\n2024-02,south,21\n2024-03,north,13\n2024-03,south,23\n2024-04,north,15\n2024-04,south,22\n")
    _ = try harness.run("p = load \"stores.csv\" id=store\nm = fit arima p.units order=(0,1,0)\nf = forecast m h=2\nsave f \"pf.csv\"")
    let saved = try savedLines("pf.csv")
    #expect(saved.first == "store,date,mean,lo80,hi80,lo95,hi95")
    #expect(saved.dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
      == ["north,2024-05,15", "north,2024-06,15", "south,2024-05,22", "south,2024-06,22"], "a random walk forecasts its last value")
  }

  @Test func anARIMAModelIsJSONWithParametersNamedAsInR() throws {
    let output = try harness.run(Self.airModel + "\nsave m \"model.json\"")
    #expect(output == "saved model to model.json\n")
    let text = try scratch.read("model.json")
    let keys = ["\"model\"", "\"params\"", "\"sigma2\"", "\"loglik\"", "\"aic\"", "\"aicc\"", "\"bic\"", "\"nobs\""]
    let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
    #expect(positions.count == keys.count && positions == positions.sorted(), "keys in the order of LANGUAGE.md §7:\n\(text)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(json["model"] as? String == "ARIMA(0,1,1)(0,1,1)[12]")
    let params = try #require(json["params"] as? [String: Double])
    #expect(params.keys.sorted() == ["ma1", "sma1"])
    #expect(try #require(params["ma1"]) < 0 && params["sma1"].map { $0 < 0 } == true)
    #expect(json["nobs"] as? Int == 131, "144 months less 13 lost to differencing")
    let loglik = try #require(json["loglik"] as? Double), aic = try #require(json["aic"] as? Double)
    let bic = try #require(json["bic"] as? Double), sigma2 = try #require(json["sigma2"] as? Double)
    // Two coefficients and the variance: k = 3.
    #expect(abs(aic - (-2 * loglik + 6)) < 1e-6)
    #expect(abs(bic - (-2 * loglik + 3 * log(131))) < 1e-6)
    #expect(sigma2 > 0)
  }

  @Test func anETSModelNamesItsSmoothingParameters() throws {
    _ = try harness.run("a = dataset airpassengers\ne = fit ets a model=\"AAN\"\nsave e \"ets.json\"")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(try scratch.read("ets.json").utf8)) as? [String: Any])
    #expect(json["model"] as? String == "ETS(A,A,N)")
    #expect((json["params"] as? [String: Double])?.keys.sorted() == ["alpha", "beta"])
    #expect(json["nobs"] as? Int == 144)
  }

  // MARK: - Failed saves

  @Test(arguments: [
    ("s = load \"SALES\"\nsave s \"out/s.txt\"", "test.tc:2:8: error: save writes .csv or .json files, not 'out/s.txt'", "help: end the file name with .csv or .json"),
    ("s = load \"SALES\"\nsave s \"out/s.json\"", "error: a table is saved as .csv, not .json", "help: use a file name ending in .csv"),
    // Into a folder that exists the file is streamed: the refusal leaves no temporary file.
    ("s = load \"SALES\"\nsave s \"s.json\"", "error: a table is saved as .csv, not .json", "help: use a file name ending in .csv"),
    ("a = dataset airpassengers\nm = fit arima a order=(0,1,0)\nsave m \"out/m.csv\"", "error: a model is saved as .json, not .csv", "help: use a file name ending in .json"),
  ])
  func aSaveInTheWrongFormatIsRefusedAndWritesNothing(source: String, message: String, hint: String) throws {
    let failure = harness.runtimeFailure(source.replacingOccurrences(of: "SALES", with: "\(fixtures)/sales.csv"))
    #expect(failure.contains(message), "\(failure)")
    #expect(failure.contains(hint), "\(failure)")
    #expect(scratch.listing() == [], "not even the folder out/ is made, nor a temporary file")
  }

  @Test func aSaveThatCannotWriteLeavesTheOldFileAndNoTemporaryFile() throws {
    // The target is a folder: the temporary file is written, then cannot replace it.
    try scratch.write("out/s.csv/keep.txt", "kept")
    let failure = harness.runtimeFailure("s = load \"\(fixtures)/sales.csv\"\nsave s \"out/s.csv\"")
    #expect(failure.contains("test.tc:2:8: error: cannot write 'out/s.csv'"), "\(failure)")
    #expect(failure.contains("help: check that the folder is writable"))
    #expect(scratch.listing("out") == ["s.csv"], "no temporary file is left beside it")
    #expect(try scratch.read("out/s.csv/keep.txt") == "kept")
  }

  @Test func aSaveIntoAPathThroughAFileFailsAndWritesNothing() throws {
    try scratch.write("report", "a file, not a folder")
    let failure = harness.runtimeFailure("s = load \"\(fixtures)/sales.csv\"\nsave s \"report/s.csv\"")
    #expect(failure.contains("error: cannot write 'report/s.csv'"), "\(failure)")
    #expect(scratch.listing() == ["report"])
    #expect(try scratch.read("report") == "a file, not a folder")
  }

  @Test func aFailedRunWritesNoFileOfTheStatementsThatDidNotRun() throws {
    try scratch.write("bad.csv", "date,v\n2024-01-01,1\n2024-01-02\n")
    _ = harness.runtimeFailure("s = load \"bad.csv\"\nsave s \"out.csv\"")
    #expect(!scratch.exists("out.csv"))
  }
}
