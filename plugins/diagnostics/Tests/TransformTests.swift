import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// `diff` and `log` against their definitions.
@Suite struct TransformTests {
  let harness = ScriptHarness()

  func series(_ name: String, _ source: String) throws -> Series {
    let value = try harness.value(of: name, in: source)
    return try #require(value as? Series)
  }

  @Test func differencesFollowTheDefinition() throws {
    let source = "air = dataset airpassengers\np = air.passengers\nd = diff p\ns = diff p seasonal\nt = diff p lag=12 times=2\n"
    let p = try series("p", source)
    let d = try series("d", source)
    let s = try series("s", source)
    let t = try series("t", source)
    #expect(d.count == 143 && s.count == 132 && t.count == 120)
    #expect(d.values[0] == p.values[1] - p.values[0])  // exact: differences of integers
    #expect(s.values[0] == p.values[12] - p.values[0])
    #expect(t.values[0] == (p.values[24] - p.values[12]) - (p.values[12] - p.values[0]))
    #expect(d.index.label(at: 0) == p.index.label(at: 1))
    #expect(t.index.label(at: 0) == p.index.label(at: 24))
  }

  @Test func aNameThatIsAlsoAFlagIsTheInputWhileOneIsMissing() throws {
    let source = "air = dataset airpassengers\nseasonal = diff air.passengers lag=12\nd = diff seasonal\ns = diff seasonal seasonal\n"
    #expect(try series("d", source).count == 131, "diff seasonal: the series named seasonal, once")
    #expect(try series("s", source).count == 120, "then the flag: a seasonal difference of it")
  }

  @Test func logIsTheNaturalLogarithm() throws {
    let source = "air = dataset airpassengers\np = air.passengers\nl = log p\n"
    let p = try series("p", source)
    let l = try series("l", source)
    for (x, y) in zip(p.values, l.values) { #expect(abs(Foundation.log(x) - y) < 1e-15) }
    #expect(l.name == "log(passengers)")
  }

  @Test(arguments: [
    ("n = dataset nile\ndiff n.volume seasonal", "has no season to difference"),
    ("n = dataset nile\ndiff n.volume lag=100", "needs more than 100"),
    ("n = dataset nile\ndiff n.volume lag=0", "lag= must be at least 1"),
    ("n = dataset nile\nd = diff n.volume\nlog d", "the log needs values above 0"),
  ])
  func badInput(source: String, message: String) throws {
    do {
      _ = try harness.run(source)
      Issue.record("expected an error containing \(message)")
    } catch {
      #expect(error.description.contains(message), "\(error.description)")
    }
  }
}
