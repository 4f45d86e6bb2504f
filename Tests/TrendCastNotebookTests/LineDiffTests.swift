import Testing

@testable import TrendCastNotebook

@Suite struct LineDiffTests {
  @Test func anEmptyStoredOutputShowsOnlyTheNewLines() {
    #expect(LineDiff.describe(expected: "", actual: "a\nb") == "  + a\n  + b")
    #expect(LineDiff.describe(expected: "a", actual: "") == "  - a")
  }

  @Test func changesShowWithContext() {
    let diff = LineDiff.describe(expected: "1\n2\n3\n4\n5\n6\n7", actual: "1\n2\n3\nfour\n5\n6\n7", context: 1)
    #expect(diff == "    3\n  + four\n  - 4\n    5")
  }
}
