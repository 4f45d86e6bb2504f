import Testing
import TrendCastGraph
import TrendCastPlugin
import TrendCastValues

/// The language's own commands: `graph`, `vars`, `help`, `plugins` describe the session.
@Suite struct LanguageCommandsTests {
  @Test func graphListsEveryNodeWhatItReadsAndItsKind() throws {
    let program = Program()
    program.add("a = num 1\nb = add a a\nb\ngraph")
    #expect(try program.run().last == """
      dataflow graph: 4 nodes, 2 edges
      node      command  reads  kind
      ────────  ───────  ─────  ───────
      a         num             number
      b         add      ← a    number
      (line 3)  b        ← b    number
      (line 4)  graph           not run
      """)
  }

  @Test func graphInPlainASCII() throws {
    let program = Program(ascii: true)
    program.add("a = num 1\nb = calc sum a, a, 2\ngraph")
    #expect(try program.run().last == """
      dataflow graph: 3 nodes, 1 edge
      node      command   reads  kind
      --------  --------  -----  -------
      a         num              number
      b         calc sum  <- a   number
      (line 3)  graph            not run
      """)
  }

  @Test func varsListsTheNamesWithKindAndSize() throws {
    let program = Program()
    program.add("vars\na = num 1\nt = \"some text\"\nvars")
    let outputs = try program.run()
    #expect(outputs[0] == """
      name  kind  size
      ────  ────  ───────────
      a           not run yet
      t           not run yet
      """)
    #expect(outputs[3] == """
      name  kind    size
      ────  ──────  ───────────
      a     number  1
      t     text    "some text"
      """, "the second vars is not the first one's cached result")
  }

  @Test func varsWithNothingBoundSaysSo() throws {
    let program = Program()
    program.add("vars")
    #expect(try program.run() == ["no names are bound yet"])
  }

  @Test func helpShowsACommandsPageAGroupOrTheOverview() throws {
    let program = Program()
    program.add("help add\nhelp calc\nhelp\nhelp calc sum")
    let outputs = try program.run()
    #expect(outputs[0] == """
      add — the sum of two numbers

      usage: add A B

      inputs:
        A  a number
        B  another
      """)
    #expect(outputs[1] == "calc commands:\n  calc sum  the sum of numbers\n  calc max  the largest of numbers")
    #expect(outputs[2].hasPrefix("TrendCast commands (help COMMAND for details):\n\nlanguage — help and the session"))
    #expect(outputs[2].contains("\narith — numbers, logged\n  num       a number\n"))
    let signature = try #require(program.registry.command(["calc", "sum"])?.signature)
    #expect(outputs[3] == HelpFormatter.page(signature))
  }

  @Test func helpForAnUnknownCommandSuggestsTheNearestOne() {
    let program = Program()
    program.add("help scal")
    do {
      _ = try program.run()
      Issue.record("help scal should fail")
    } catch {
      #expect(error.message == "there is no command 'scal'")
      #expect(error.hint == "did you mean 'scale'?")
      #expect(error.file.text(of: error.range) == "scal")
    }
    #expect(throws: RuntimeError.self) { try LanguagePlugin.helpText(for: ["zzzz"], registry: program.registry) }
  }

  @Test func pluginsListsEachPluginWithItsCommands() throws {
    let program = Program()
    program.add("plugins")
    let lines = try program.run()[0].split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("plugin    commands"))
    #expect(lines.contains { $0.hasPrefix("language  help, vars, graph, plugins  ") && $0.hasSuffix("  help and the session: names in scope, the dataflow graph, plugins") })
    #expect(lines.contains { $0.hasPrefix("arith     num, add, scale, calc sum, calc max, echo, read, stamp, need, spread, fail, opts  numbers, logged") })
  }
}
