import Foundation
import Testing
import TrendCastREPL

#if canImport(Glibc)
import Glibc
#endif

/// The parts of the line reader that need no terminal: the history file, what Tab does with a
/// set of completions, and the plain reader.
@Suite struct LineReaderTests {
  @Test func historyKeepsMultiLineEntriesWholeAcrossSessions() throws {
    let path = try temporaryFolder() + "/state/trendcast/history"
    let file = HistoryFile(path: path)
    let entries = ["x = load \"a\\\\b.csv\" |>\n  describe", "vars", "say \"é, ü, 中\""]
    for entry in entries { try file.append(entry) }
    #expect(HistoryFile(path: path).load() == entries)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600, "history is private to its owner")
  }

  @Test func historyIsCappedAndSkipsRepeats() throws {
    let file = HistoryFile(path: try temporaryFolder() + "/history", limit: 3)
    for entry in ["a", "b", "b", "c", "d"] { try file.append(entry) }
    #expect(file.load() == ["b", "c", "d"])
  }

  @Test func historyLivesUnderXDGStateHomeOrTheHomeFolder() {
    #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/trendcast/history")
    #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/trendcast/history",
      "a relative XDG_STATE_HOME is ignored, as the XDG spec says")
    #expect(HistoryFile.defaultPath(environment: [:]) == nil)
  }

  @Test func anUnwritableHistoryFileThrows() {
    let file = HistoryFile(path: "/proc/no/such/history")
    #expect(throws: (any Error).self) { try file.append("x") }
  }

  @Test func tabInsertsOneCandidateWithItsSuffix() {
    let one = Completions(word: "fi", candidates: [.init("fit", suffix: " ")])
    #expect(one.action == .insert(replacing: "fi", text: "fit "))
  }

  @Test func tabNarrowsSeveralCandidatesToTheirCommonStartThenLists() {
    let several = Completions(word: "f", candidates: [.init("fill="), .init("fit", suffix: " "), .init("filter")])
    #expect(several.action == .insert(replacing: "f", text: "fi"))
    let narrowed = Completions(word: "fi", candidates: several.candidates)
    #expect(narrowed.action == .list(["fill=", "fit", "filter"]))
    #expect(Completions(word: "x", candidates: []).action == .none)
    let duplicates = Completions(word: "u", candidates: [.init("units"), .init("units")])
    #expect(duplicates.action == .insert(replacing: "u", text: "units"), "duplicates count once")
  }

  @Test func plainReaderReadsLinesWithoutPrompts() throws {
    var descriptors: [Int32] = [0, 0]
    #expect(pipe(&descriptors) == 0)
    let text = "a = 1\r\nb = 2\nlast"
    _ = text.withCString { write(descriptors[1], $0, strlen($0)) }
    close(descriptors[1])
    let reader = PlainLineReader(input: descriptors[0])
    #expect(reader.readLine(prompt: "tc> ") == .line("a = 1"))
    #expect(reader.readLine(prompt: "tc> ") == .line("b = 2"))
    #expect(reader.readLine(prompt: "tc> ") == .line("last"))
    #expect(reader.readLine(prompt: "tc> ") == .endOfInput)
    close(descriptors[0])
  }
}
