import Foundation
import Testing
import TrendCastTestSupport

/// The built binary: every exit code of LANGUAGE.md §6, the error format, and no partial files.
@Suite struct ExitCodeTests {
  let root = ReferenceData.repositoryRoot

  func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("trendcast-e2e-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  func run(_ arguments: [String], script: String? = nil, in directory: String? = nil) throws -> BuiltBinary.Result {
    let binary = try #require(BuiltBinary.path, BuiltBinary.missingMessage)
    let place = try directory ?? folder()
    var arguments = arguments
    if let script {
      try script.write(toFile: place + "/script.tc", atomically: true, encoding: .utf8)
      arguments += ["script.tc"]
    }
    return try BuiltBinary.run(binary, arguments, in: place)
  }

  @Test func successIsZeroAndOutputIsDeterministic() throws {
    let script = "air = dataset airpassengers\nplot air.passengers\ndescribe air\n"
    let first = try run(["run"], script: script)
    let second = try run(["run"], script: script)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout == second.stdout)
    #expect(first.stdout.contains("passengers"))
  }

  @Test func checkFindingDifferencesIsOne() throws {
    let place = try folder()
    let source = "# n\n\n```tc\nx = dataset nile\ndescribe x\n```\n\n```output\nnot this\n```\n"
    try source.write(toFile: place + "/n.tcnb", atomically: true, encoding: .utf8)
    let result = try run(["run", "n.tcnb", "--check"], in: place)
    #expect(result.status == 1)
    #expect(result.stderr.contains("cell 1: output differs"))
    let updated = try run(["run", "n.tcnb", "--update"], in: place)
    #expect(updated.status == 0)
    #expect(try run(["run", "n.tcnb", "--check"], in: place).status == 0)
  }

  @Test func wrongUsageIsTwo() throws {
    #expect(try run(["run"]).status == 2)
    #expect(try run(["--no-such-flag"]).status == 2)
    #expect(try run(["run", "x.tc", "--param", "novalue"]).status == 2)
  }

  @Test func programErrorsAreThreeAndNothingRuns() throws {
    let place = try folder()
    let result = try run(["run"], script: "save (dataset nile) \"out.csv\"\nplot nile kind=pie\nx = fot arima y\n", in: place)
    #expect(result.status == 3)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("script.tc:3:5: error: unknown command 'fot'"))
    #expect(result.stderr.contains("help: did you mean 'fit'?"))
    #expect(result.stderr.contains("  | ^") || result.stderr.contains("^~~"))
    #expect(!FileManager.default.fileExists(atPath: place + "/out.csv"), "nothing ran, so nothing was saved")
  }

  @Test func runtimeFailuresAreFourWithTheDataLocation() throws {
    let place = try folder()
    try "date,units\n2024-01-01,3\n2024-01-02,x7\n".write(toFile: place + "/bad.csv", atomically: true, encoding: .utf8)
    let missing = try run(["run"], script: "t = load \"missing.csv\"\nt\n", in: place)
    #expect(missing.status == 4)
    #expect(missing.stderr.contains("script.tc:1:10: error: cannot read 'missing.csv'"))
    let ragged = try run(["run"], script: "t = load \"bad.csv\"\nm = fit arima t.units\n", in: place)
    #expect(ragged.status == 4, "\(ragged.stderr)")
  }

  @Test func aFailedSaveLeavesNoFile() throws {
    let place = try folder()
    let result = try run(["run"], script: "f = dataset airpassengers\nsave f \"out/f.json\"\n", in: place)
    #expect(result.status == 4)
    #expect(!FileManager.default.fileExists(atPath: place + "/out/f.json"))
  }

  @Test func stdinScriptsRunWithoutPrompts() throws {
    let binary = try #require(BuiltBinary.path, BuiltBinary.missingMessage)
    let place = try folder()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.currentDirectoryURL = URL(fileURLWithPath: place)
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    input.fileHandleForWriting.write(Data("n = dataset nile\nn\n".utf8))
    try input.fileHandleForWriting.close()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(!text.contains("tc>"))
    #expect(text.contains("100 rows × 2 columns"))
  }

  @Test func asciiOutputIsSevenBitAndWidthIsHonoured() throws {
    let result = try run(["--ascii", "--width", "50", "run"], script: "a = dataset airpassengers\nplot a.passengers\nshow a top=3\n")
    #expect(result.status == 0)
    let sevenBit = result.stdout.unicodeScalars.allSatisfy(\.isASCII)
    let widest = result.stdout.split(separator: "\n").map(\.count).max() ?? 0
    #expect(sevenBit)
    #expect(widest <= 50)
  }

  @Test func blocksDrawWithBlockCharactersAndExcludeAscii() throws {
    let result = try run(["--blocks", "run"], script: "a = dataset airpassengers\nplot a.passengers\n")
    #expect(result.status == 0)
    let scalars = result.stdout.unicodeScalars
    #expect(scalars.contains { (0x2580...0x259F).contains($0.value) }, "block elements")
    #expect(!scalars.contains { (0x2800...0x28FF).contains($0.value) }, "no braille")
    let both = try run(["--blocks", "--ascii", "run"], script: "a = dataset airpassengers\n")
    #expect(both.status == 2 && both.stderr.contains("--ascii and --blocks"))
  }

  @Test func paramsOverrideBindings() throws {
    let result = try run(["run", "--param", "h=2"], script: "h = 5\nn = dataset nile\nm = fit naive n\nforecast m h=h\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("2 years ahead") || result.stdout.split(separator: "\n").count < 12)
  }

  @Test func helpAndPluginsAreCommandsToo() throws {
    let help = try run(["help", "fit", "arima"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("usage: fit arima"))
    let plugins = try run(["plugins"])
    #expect(plugins.status == 0)
    #expect(plugins.stdout.contains("arima") && plugins.stdout.contains("rules"))
  }
}
