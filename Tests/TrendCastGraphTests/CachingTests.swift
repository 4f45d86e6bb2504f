import Foundation
import Testing
import TrendCastGraph
import TrendCastValues

/// The cache: a node's result is keyed by its command, options and the fingerprints of its
/// inputs, so unchanged nodes are not evaluated again and a change re-runs only its dependants.
@Suite struct CachingTests {
  /// The runs logged while `body` ran.
  func newRuns(_ program: Program, _ body: () throws -> Void) rethrows -> [String] {
    let before = program.log.runs.count
    try body()
    return Array(program.log.runs.dropFirst(before))
  }

  @Test func runningUnchangedNodesAgainEvaluatesNothing() throws {
    let program = Program()
    program.add("a = num 1\nb = add a a\nc = scale b\nc")
    _ = try program.run()
    #expect(program.log.runs == ["num 1", "add", "scale"])
    #expect(try newRuns(program) { _ = try program.run() }.isEmpty)
  }

  @Test func theSameComputationUnderTwoNamesRunsOnce() throws {
    let program = Program()
    program.add("a = num 1\nx = add a a\ny = add a a")
    _ = try program.run()
    #expect(program.log.count("add") == 1)
    #expect(program.show("y") == "2")
  }

  @Test func aChangedNodeReRunsItsDependantsAndNothingElse() throws {
    let program = Program()
    program.add("a = num 1\nb = add a a\nc = scale b\nd = num 7\ne = add d d")
    _ = try program.run()
    program.add("a = num 5")
    let runs = try newRuns(program) { _ = try program.run() }
    #expect(runs == ["num 5", "add", "scale"])
    #expect(program.show("c") == "20")
    #expect(program.show("e") == "14")
  }

  @Test func rebindingToTheSameCommandChangesNothing() throws {
    let program = Program()
    program.add("a = num 1\nb = add a a")
    _ = try program.run()
    program.add("a = num 1")
    #expect(try newRuns(program) { _ = try program.run() }.isEmpty)
  }

  @Test func optionsArePartOfTheKey() throws {
    let program = Program()
    program.add("s = scale 3 by=2")
    _ = try program.run()
    program.add("s = scale 3 by=4")
    #expect(try newRuns(program) { _ = try program.run() } == ["scale"])
    #expect(program.show("s") == "12")
    program.add("s = scale 3 by=4 mode=down")
    #expect(try newRuns(program) { _ = try program.run() } == ["scale"])
    #expect(program.show("s") == "0.75")
    program.add("s = scale 3 by=2")
    #expect(try newRuns(program) { _ = try program.run() }.isEmpty, "an earlier result is still in the cache")
    #expect(program.show("s") == "6")
  }

  @Test func literalsThatDifferOnlyBeyondTheirDisplayAreDifferentInputs() throws {
    let program = Program()
    program.add("a = 0.1234567\nb = 0.1234568\nx = echo a\ny = echo b")
    _ = try program.run()
    #expect(program.log.count("echo") == 2)
    #expect((program.session.value(of: "y") as? NumberValue)?.value == 0.1234568)
  }

  @Test func longTextsThatShareABeginningAreDifferentInputs() throws {
    let program = Program()
    let stem = "a path that is the same for well over forty characters"
    program.add("a = \"\(stem)/one.csv\"\nb = \"\(stem)/two.csv\"\nx = echo a\ny = echo b")
    _ = try program.run()
    #expect((program.session.value(of: "y") as? TextValue)?.text == "\(stem)/two.csv")
  }

  @Test func optionValuesThatDifferOnlyBeyondTheirDisplayAreDifferentOptions() throws {
    let program = Program()
    program.add("x = scale 1 by=0.1234567\ny = scale 1 by=0.1234568")
    _ = try program.run()
    #expect(program.log.count("scale") == 2)
    #expect((program.session.value(of: "y") as? NumberValue)?.value == 0.1234568)
  }

  @Test func commandsThatMustNotBeReusedRunForEveryStatement() throws {
    let program = Program()
    program.add("stamp\nstamp")
    #expect(try program.run() == ["1", "2"])
  }

  @Test func aFileThatChangesIsReadAgain() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trendcast-cache-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("data.txt").path
    try "first".write(toFile: path, atomically: true, encoding: .utf8)
    let program = Program()
    program.add("t = read \"\(path)\"")
    _ = try program.run()
    program.add("t = read \"\(path)\"")
    #expect(try newRuns(program) { _ = try program.run() }.isEmpty, "an unchanged file comes from the cache")
    try "second, longer".write(toFile: path, atomically: true, encoding: .utf8)
    program.add("t = read \"\(path)\"")
    #expect(try newRuns(program) { _ = try program.run() } == ["read"])
    #expect((program.session.value(of: "t") as? TextValue)?.text == "second, longer")
  }

  @Test func fingerprintsAreStable64BitHashes() {
    #expect(Fingerprint("").description == "cbf29ce484222325")
    #expect(Fingerprint("a").description == "af63dc4c8601ec8c")
    #expect(Fingerprint("cmd(add)") == Fingerprint("cmd(add)"))
    #expect(Fingerprint("cmd(add)") != Fingerprint("cmd(adds)"))
    var small = Fingerprint("")
    small.value = 0x1f
    #expect(small.description == "000000000000001f")
  }
}
