import Testing
import TrendCastGraph
import TrendCastSyntax

/// The binder: every option checked against its declared type, every input counted, bare words
/// decided to be names, keywords, columns or flags — with the nearest spelling as help.
@Suite struct BinderTests {
  @Test func optionsOfEveryTypeReachTheCommandTyped() throws {
    let program = Program()
    let (_, diagnostics) = program.add("""
      h = num 4
      method = "mean"
      opts n=3 x=5% s="a" k=method b=false t=(1,0,1) l=95 c=units cols=[date, "units"] r=h m="AAN"
      opts n=h k="mean" m=auto x=-2 t=[1,2,3,4] l=(80,95) b=true
      """)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let outputs = try program.run()
    #expect(outputs[2] == "b=false c=\"units\" cols=[\"date\",\"units\"] k=mean l=[95] m=\"AAN\" n=3 r=4 s=\"a\" t=(1,0,1) x=5%")
    #expect(outputs[3] == "b=true k=mean l=[80,95] m=auto n=4 t=(1,2,3,4) x=-2")
  }

  @Test(arguments: [
    ("opts n=2.5", "option 'n' of opts needs a whole number", "write it as n=N", "2.5"),
    ("opts n=5%", "option 'n' of opts needs a whole number", "write it as n=N", "5%"),
    ("opts n=\"3\"", "option 'n' of opts needs a whole number", "write it as n=N", "\"3\""),
    ("opts x=\"a\"", "option 'x' of opts needs a number", "write it as x=N", "\"a\""),
    ("opts s=3", "option 's' of opts needs text in quotes", "write it as s=\"TEXT\"", "3"),
    ("opts k=cubic", "'cubic' is not a value of option 'k'", "allowed: linear, mean", "cubic"),
    ("opts k=lineer", "'lineer' is not a value of option 'k'", "did you mean 'linear'?", "lineer"),
    ("opts k=\"cubic\"", "option 'k' of opts needs one of: linear, mean", "write it as k=linear|mean", "\"cubic\""),
    ("opts b=yes", "option 'b' of opts needs true or false", "write it as b=true|false", "yes"),
    ("opts b=1", "option 'b' of opts needs true or false", "write it as b=true|false", "1"),
    ("opts t=(1,0)", "option 't' of opts needs 3 to 4 values, not 2", "write it as t=(n,n,n,n)", "(1,0)"),
    ("opts t=5", "option 't' of opts needs a tuple such as (n,n,n,n)", "write it as t=(n,n,n,n)", "5"),
    ("opts t=(1,0.5,1)", "option 't' of opts needs a whole number", "write it as t=N", "0.5"),
    ("opts l=[80,\"x\"]", "option 'l' of opts needs a number", "write it as l=N", "\"x\""),
    ("opts c=3", "option 'c' of opts needs a column name", "write it as c=COL", "3"),
  ])
  func aValueOfTheWrongTypeIsReportedWithAnExample(_ source: String, _ message: String, _ help: String, _ marked: String) {
    let found = Program().diagnostics(source)
    #expect(found.map(\.diagnostic.message) == [message])
    #expect(found.map(\.diagnostic.help) == [help])
    #expect(found.map(\.marked) == [marked])
  }

  @Test(arguments: [
    ("opts zz=1", "unknown option 'zz' for opts", "options: n, x, s, k, b, t, l, c, cols, r, m", "zz"),
    ("opts nn=1", "unknown option 'nn' for opts", "did you mean 'n'?", "nn"),
    ("scale 1 bye=2", "unknown option 'bye' for scale", "did you mean 'by'?", "bye"),
    ("num 1 by=2", "unknown option 'by' for num", "num has no options", "by"),
    ("opts desc=true", "unknown option 'desc' for opts", "'desc' is a flag: write it on its own, without '='", "desc"),
    ("opts n=1 n=2", "option 'n' is given twice", nil, "n"),
  ])
  func unknownAndRepeatedOptionsAreReported(_ source: String, _ message: String, _ help: String?, _ marked: String) {
    let found = Program().diagnostics(source)
    #expect(found.map(\.diagnostic.message) == [message])
    #expect(found.map(\.diagnostic.help) == [help])
    #expect(found.map(\.marked) == [marked])
  }

  @Test(arguments: [
    ("opts 3", "opts takes no inputs; this one is extra",
      "usage: opts [n=N] [x=N] [s=\"TEXT\"] [k=linear|mean] [b=true|false] [t=(n,n,n,n)] [l=[N,…]] [c=COL] [cols=[COL,…]] [r=NUMBER] [m=auto|\"…\"] [desc]", "3"),
    ("opts dsc", "opts takes no inputs; this one is extra", "did you mean the flag 'desc'?", "dsc"),
    ("opts k", "opts takes no inputs; this one is extra", "options are written key=value: did you mean 'k=…'?", "k"),
    ("opts cols", "opts takes no inputs; this one is extra", "options are written key=value: did you mean 'cols=…'?", "cols"),
    ("scale 1 bi", "scale takes 1 input; this one is extra", "options are written key=value: did you mean 'by=…'?", "bi"),
    ("add 1 2 3", "add takes 2 inputs; this one is extra", "usage: add A B", "3"),
  ])
  func anExtraInputSaysWhatWasProbablyMeant(_ source: String, _ message: String, _ help: String, _ marked: String) {
    let found = Program().diagnostics(source)
    #expect(found.map(\.diagnostic.message) == [message])
    #expect(found.map(\.diagnostic.help) == [help])
    #expect(found.map(\.marked) == [marked])
  }

  @Test func missingInputsAndRequiredOptionsNameWhatIsMissing() {
    let input = Program().diagnostics("need h=3")
    #expect(input.map(\.diagnostic.message) == ["need needs X: the value"])
    #expect(input.map(\.diagnostic.help) == ["usage: need X h=N"])
    #expect(input.map(\.marked) == ["need"])
    let option = Program().diagnostics("need 1")
    #expect(option.map(\.diagnostic.message) == ["need needs the option h=N"])
    #expect(option.map(\.diagnostic.help) == ["how far ahead"])
  }

  @Test func aPipedValueIsTheFirstInput() throws {
    let program = Program()
    program.add("num 2 |> scale by=3\ncalc sum 1, 2, 3 |> scale")
    #expect(try program.run() == ["scaled by 3\n6", "scaled by 2\n12"])
  }

  @Test func nothingCanBePipedIntoACommandWithoutInputs() {
    let found = Program().diagnostics("num 1 |> opts")
    #expect(found.map(\.diagnostic.message) == ["opts takes no input, so nothing can be piped into it"])
    #expect(found.map(\.marked) == ["opts"])
  }

  @Test func conditionsAreOnlyInputsOfCommandsThatFilter() {
    let input = Program().diagnostics("echo a > 1")
    #expect(input.map(\.diagnostic.message) == ["echo does not take a condition"])
    #expect(input.map(\.diagnostic.help) == ["conditions are inputs of filter: filter TABLE units > 0"])
    #expect(input.map(\.marked) == ["a > 1"])
    let value = Program().diagnostics("x = a > 1 and b < 2")
    #expect(value.map(\.diagnostic.message) == ["a condition can only be an input of a command that filters"])
    #expect(value.map(\.marked) == ["a > 1 and b < 2"])
  }

  @Test func aFlagGivenTwiceIsOnlyAWarning() {
    let program = Program()
    let found = program.diagnostics("opts desc desc")
    #expect(found.map(\.diagnostic.severity) == [.warning])
    #expect(found.map(\.diagnostic.message) == ["flag 'desc' is given twice"])
    #expect(found.map(\.marked) == ["desc"])
    #expect(program.ids.count == 1, "the statement is still added")
  }

  @Test func aKeywordOptionMayReadABoundName() throws {
    let program = Program()
    program.add("method = \"cubic\"\nopts k=method")
    do {
      _ = try program.run()
      Issue.record("cubic is not a keyword of k")
    } catch {
      #expect(error.message == "'method' is \"cubic\", which option 'k' cannot take")
      #expect(error.hint == "option 'k' needs linear|mean")
      #expect(error.file.text(of: error.range) == "method")
    }
  }

  @Test func aNameOfTheWrongKindIsRefusedWhenItIsKnown() throws {
    let program = Program()
    program.add("t = \"x\"\nopts n=t")
    do {
      _ = try program.run()
      Issue.record("text is not an integer")
    } catch {
      #expect(error.message == "'t' is \"x\", which option 'n' cannot take")
      #expect(error.hint == "option 'n' needs N")
    }
  }

  @Test func everyErrorOfAStatementIsReported() {
    #expect(Program().messages("opts n=2.5 k=cubic zz=1") == [
      "option 'n' of opts needs a whole number",
      "'cubic' is not a value of option 'k'",
      "unknown option 'zz' for opts",
    ])
  }
}
