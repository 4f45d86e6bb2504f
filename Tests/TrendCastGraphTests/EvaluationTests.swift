import Testing
import TrendCastGraph
import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// Running statements: dependencies first, displays and reports, defaults, failures that point
/// at the part of the statement at fault, panels run member by member, parameters.
@Suite struct EvaluationTests {
  @Test func aStatementRunsWhatItReadsFirstWhateverTheTextOrder() throws {
    let program = Program()
    let (ids, _) = program.add("c = add a b\nb = num 2\na = num 1")
    #expect(try program.run([ids[0]]) == [""], "a binding displays nothing")
    #expect(program.log.runs == ["num 1", "num 2", "add"])
    #expect(program.show("c") == "3")
    _ = try program.run()
    #expect(program.log.runs.count == 3, "what has run is not run again")
  }

  @Test func displaysShowTheirValueAfterTheirReport() throws {
    let program = Program()
    program.add("a = num 2\nscale a by=3\nadd a a")
    #expect(try program.run() == ["", "scaled by 3\n6", "4"])
  }

  @Test func aReportLandsWithTheStatementThatMadeIt() throws {
    let program = Program()
    let (ids, _) = program.add("s = scale 2\nadd s s")
    #expect(try program.run([ids[1]]) == ["8"], "the dependency's report is not shown with the display")
    #expect(try program.run([ids[0]]) == ["scaled by 2"])
  }

  @Test func optionsNotGivenTakeTheirDefaults() throws {
    let program = Program()
    program.add("opts\nopts n=3 desc k=mean")
    #expect(try program.run() == ["k=linear (default)", "k=mean n=3 +desc"])
  }

  @Test func aFailureInAnOptionPointsAtTheOption() throws {
    let program = Program()
    let (ids, _) = program.add("x = num 1\ny = fail x by=2 where=option")
    #expect {
      try program.run(ids)
    } throws: { error in
      guard let failure = error as? EvaluationFailure else { return false }
      return FailureFormatter.format(failure) == """
        test.tc:2:12: error: bad by
          |
        2 | y = fail x by=2 where=option
          |            ^~~~
        help: try by=1

        """
    }
    #expect(program.show("x") == "1", "values computed before the failure stay")
  }

  @Test(arguments: [("input", "x", "bad input"), ("plain", "fail", "it broke")])
  func aFailurePointsAtItsInputOrElseAtTheCommand(_ place: String, _ marked: String, _ message: String) {
    let program = Program()
    let (ids, _) = program.add("x = num 1\ny = fail x where=\(place)")
    do {
      _ = try program.run(ids)
      Issue.record("fail did not fail")
    } catch {
      #expect(error.message == message)
      #expect(error.file.text(of: error.range) == marked)
    }
  }

  @Test func aFailureInADataFileShowsTheDataLineThenTheStatement() {
    let program = Program()
    let (ids, _) = program.add("x = num 1\ny = fail x where=data")
    do {
      _ = try program.run(ids)
      Issue.record("fail did not fail")
    } catch {
      #expect(FailureFormatter.format(error, fileName: "nb.tcnb") == """
        data.csv:3:12: error: bad value 'x'
          |
        3 | 2024-01-03,x,5
          |            ^
        nb.tcnb:2:5: note: while running this statement
          |
        2 | y = fail x where=data
          |     ^~~~
        help: fix the file

        """)
    }
  }

  @Test func aMissingPartOfAValueIsBlamedOnThePartsName() {
    let program = Program()
    let (ids, _) = program.add("a = num 1\na.units")
    do {
      _ = try program.run(ids)
      Issue.record("a number has no parts")
    } catch {
      #expect(error.message == "a number has no part named 'units'")
      #expect(error.file.text(of: error.range) == "units")
    }
  }

  @Test func aPanelRunsTheCommandOncePerMember() throws {
    let program = Program()
    program.add("p = spread 2\nq = scale p by=3\nq")
    let outputs = try program.run()
    #expect(program.log.count("scale") == 2)
    #expect(outputs[1] == "[A] scaled by 3\n[B] scaled by 3")
    let panel = try #require(program.session.value(of: "q") as? Panel)
    #expect(panel.entries.map(\.id) == ["A", "B"])
    #expect(panel.entries.map { ($0.value as? NumberValue)?.value } == [6, 60])
  }

  @Test func aParameterReplacesTheBindingOfItsName() throws {
    let program = Program(parameters: ["h": NumberValue(7), "unused": NumberValue(1)])
    program.add("h = num 3\nx = add h 1")
    _ = try program.run()
    #expect(program.show("x") == "8")
    #expect(program.log.count("num") == 0, "the binding's own command never runs")
    #expect(program.session.unusedParameters() == ["unused"])
    #expect(program.session.unusedParameters(frontMatterNames: ["unused"]).isEmpty)
  }
}
