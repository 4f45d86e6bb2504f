import Testing
import TrendCastGraph
import TrendCastSyntax

/// The graph of a program: one node per statement, edges from the names it reads; and the
/// program errors found before anything runs.
@Suite struct DataflowGraphTests {
  @Test func everyStatementIsANodeAndEveryBindingNamesOne() throws {
    let program = Program()
    let (ids, diagnostics) = program.add("a = num 1\nb = num 2\nc = add a b\nadd c a")
    #expect(diagnostics.isEmpty)
    #expect(ids.count == 4)
    let graph = program.session.graph
    #expect(graph.order == ids)
    #expect(graph.binders == ["a": ids[0], "b": ids[1], "c": ids[2]])
    #expect(program.session.boundNames == ["a", "b", "c"])
    #expect(graph.statements[ids[3]]?.isBinding == false)
  }

  @Test func edgesComeFromTheNamesAStatementReads() throws {
    let program = Program()
    let (ids, _) = program.add("a = num 1\nb = num 2\nc = add a b\nadd c a\nd = scale c by=2")
    let graph = program.session.graph
    #expect(graph.statements[ids[2]]?.dependencies.map(\.name) == ["a", "b"])
    #expect(graph.statements[ids[3]]?.dependencies.map(\.name) == ["c", "a"])
    #expect(graph.dependants(of: ids[0]) == [ids[2], ids[3]])
    #expect(graph.dependants(of: ids[2]) == [ids[3], ids[4]])
    #expect(graph.dependants(of: ids[3]).isEmpty, "a display binds no name, so nothing reads it")
    let c = try #require(graph.statements[ids[2]]?.dependencies.first)
    #expect(c.range == SourceRange(28, 29), "each read keeps where it is written")
  }

  @Test func theOrderOfEvaluationFollowsTheGraphNotTheText() {
    let program = Program()
    let (ids, diagnostics) = program.add("c = add a b\nb = num 2\na = num 1\nd = num 4")
    #expect(diagnostics.isEmpty, "a name may be used above its binding")
    #expect(program.session.graph.topologicalOrder() == [ids[2], ids[1], ids[0], ids[3]])
  }

  @Test func theDependantsOfANodeAreEverythingDownstreamInOrder() {
    let program = Program()
    let (ids, _) = program.add("c = add b a\nb = add a a\na = num 1\nd = num 5\ne = add c d")
    #expect(program.session.graph.transitiveDependants(of: ids[2]) == [ids[1], ids[0], ids[4]])
    #expect(program.session.graph.transitiveDependants(of: ids[3]) == [ids[4]])
    #expect(program.session.graph.transitiveDependants(of: ids[4]).isEmpty)
  }

  @Test func rebindingANameReplacesItsNode() throws {
    let program = Program()
    let (first, _) = program.add("a = num 1\nb = add a a")
    let (second, diagnostics) = program.add("a = num 5")
    #expect(diagnostics.isEmpty, "the REPL may bind a name again")
    #expect(program.session.graph.binder(of: "a")?.id == second[0])
    #expect(program.session.graph.statements[first[0]] == nil)
    #expect(program.session.graph.order == [first[1], second[0]])
  }

  @Test func aNameBoundTwiceNamesBothPlaces() {
    let program = Program()
    let (ids, diagnostics) = program.add("a = num 1\nb = num 2\na = num 3")
    #expect(ids.isEmpty, "nothing is added when there is an error")
    #expect(program.session.graph.order.isEmpty)
    #expect(diagnostics == """
      test.tc:3:1: error: 'a' is bound twice
        |
      3 | a = num 3
        | ^
      test.tc:1:1: note: 'a' is first bound here
        |
      1 | a = num 1
        | ^
      help: a name is bound once per notebook; choose another name for one of them

      """)
  }

  @Test func aCycleNamesEveryMember() {
    let program = Program()
    let (ids, diagnostics) = program.add("p = add q a\na = num 1\nq = add r a\nr = add p a")
    #expect(ids.isEmpty)
    #expect(diagnostics == """
      test.tc:1:1: error: these bindings depend on each other in a cycle: p → q → r → p
        |
      1 | p = add q a
        | ^
      test.tc:3:1: note: 'q' is bound here
        |
      3 | q = add r a
        | ^
      test.tc:4:1: note: 'r' is bound here
        |
      4 | r = add p a
        | ^
      help: a value cannot be computed from itself; break the cycle by renaming one binding

      """)
  }

  @Test func aNodeReadingItselfIsACycleOfOne() {
    let program = Program()
    #expect(program.messages("x = add x x") == ["these bindings depend on each other in a cycle: x → x"])
  }

  @Test func twoCyclesAreTwoErrors() {
    let program = Program()
    #expect(program.messages("a = echo b\nb = echo a\nc = echo d\nd = echo c") == [
      "these bindings depend on each other in a cycle: a → b → a",
      "these bindings depend on each other in a cycle: c → d → c",
    ])
  }

  @Test func anUnknownNameGetsTheNearestBoundName() {
    let program = Program()
    let (_, diagnostics) = program.add("units = num 1\nx = add unit 1")
    #expect(diagnostics == """
      test.tc:2:9: error: unknown name 'unit'
        |
      2 | x = add unit 1
        |         ^~~~
      help: did you mean 'units'?

      """)
  }

  @Test func anUnknownNameNearACommandSuggestsTheCommand() {
    let program = Program()
    let (_, diagnostics) = program.add("x = num 1\ny = add x scal")
    #expect(diagnostics.hasSuffix("help: did you mean the command 'scale'?\n"), "\(diagnostics)")
  }

  @Test func anUnknownNameWithNothingBoundSaysSo() {
    let program = Program()
    let (_, diagnostics) = program.add("add q 1")
    #expect(diagnostics.contains("error: unknown name 'q'"))
    #expect(diagnostics.hasSuffix("help: nothing is bound yet; bind it first: q = …\n"))
  }

  @Test func everyUnknownNameIsReportedInOrder() {
    let program = Program()
    #expect(program.messages("a = add x y\nb = echo z") == ["unknown name 'x'", "unknown name 'y'", "unknown name 'z'"])
  }

  @Test func readersOfABindingThatFailedAreNotReportedAgain() {
    let program = Program()
    #expect(program.messages("m = scale 1 byy=2\nn = add m 1") == ["unknown option 'byy' for scale"])
    #expect(program.messages("m2 = fot 1\nn2 = add m2 1") == ["unknown command 'fot'"])
  }

  @Test func namesBoundEarlierInTheSessionAreKnown() {
    let program = Program()
    program.add("a = num 1")
    let (ids, diagnostics) = program.add("b = add a a")
    #expect(diagnostics.isEmpty)
    #expect(ids.count == 1)
  }

  @Test func aNameBoundTwiceDoesNotHideTheErrorsOfEitherBinding() {
    let program = Program()
    #expect(program.messages("x = add nope 1\nx = num 2") == ["unknown name 'nope'", "'x' is bound twice"])
    #expect(program.messages("y = num 1\ny = add nada 1") == ["'y' is bound twice", "unknown name 'nada'"])
  }

  @Test func errorsOfAllKindsComeInSourceOrder() {
    let program = Program()
    #expect(program.messages("x = add nope 1\nx = num 2\ny = scale 1 bye=3\nz = echo z") == [
      "unknown name 'nope'",
      "'x' is bound twice",
      "unknown option 'bye' for scale",
      "these bindings depend on each other in a cycle: z → z",
    ])
  }
}
