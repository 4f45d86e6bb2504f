import Foundation
import TrendCastPlugin
import TrendCastValues

/// `diff` and `log`: the transformations a learner applies before reading an ACF or testing
/// for a unit root (and that `fit arima` applies itself through d, D and transform=log).
enum Transforms {
  static let diffSignature = CommandSignature(
    ["diff"], summary: "differences of a series: y(t) − y(t − lag), repeated",
    discussion: """
      lag=1 removes a trend, lag=12 (or the flag seasonal: the series' period) a seasonal \
      pattern; times=2 differences \
      twice. The first lag·times periods have no difference and are dropped, so the result \
      starts later; a difference that touches a missing value is missing.
      """,
    inputs: [InputSpec("X", .value([.series, .table]), help: "a series")],
    options: [
      OptionSpec("lag", .integer, default: .integer(1), help: "the distance in periods"),
      OptionSpec("times", .integer, default: .integer(1), help: "how many times to difference"),
    ],
    flags: [FlagSpec("seasonal", help: "difference at the series' seasonal period (12 for monthly data, 7 for daily)")],
    examples: ["diff air.passengers", "log air.passengers |> diff seasonal", "d2 = diff units times=2"],
    result: .series)

  static let logSignature = CommandSignature(
    ["log"], summary: "natural logarithm of a series (turns growing swings into even ones)",
    discussion: "Every value must be above 0; a value that is not is named with its date.",
    inputs: [InputSpec("X", .value([.series, .table]), help: "a series of positive values")],
    examples: ["log air.passengers", "l = log units"],
    result: .series)

  @Sendable static func diff(_ invocation: Invocation) throws -> any Value {
    let series = try invocation.series(0)
    var lag = try invocation.integer("lag") ?? 1
    if invocation.has(flag: "seasonal") {
      if invocation.isGiven("lag") { throw invocation.optionError("lag", "lag= and seasonal both set the lag; give one") }
      lag = series.frequency.seasonalPeriod
      guard lag > 1 else {
        throw RuntimeError("'\(series.name)' is \(series.frequency.name) and has no season to difference", hint: "give the lag as a number, e.g. lag=12")
          .focused(on: .input(0))
      }
    }
    let times = try invocation.integer("times") ?? 1
    guard lag >= 1 else { throw invocation.optionError("lag", "lag= must be at least 1, not \(lag)") }
    guard (1...3).contains(times) else { throw invocation.optionError("times", "times= must be 1, 2 or 3, not \(times)") }
    guard series.count > lag * times else {
      throw RuntimeError("'\(series.name)' has \(series.count) periods; differencing \(times == 1 ? "" : "\(times) times ")at lag \(lag) needs more than \(lag * times)")
        .focused(on: .input(0))
    }
    var values = series.values
    for _ in 0..<times {
      values = (lag..<values.count).map { values[$0] - values[$0 - lag] }
    }
    let dropped = lag * times
    let name = "diff(\(series.name)\(lag == 1 ? "" : ", \(lag)"))" + (times == 1 ? "" : "×\(times)")
    return Series(name: name, index: series.slice(dropped..<series.count).index, values: values)
  }

  @Sendable static func log(_ invocation: Invocation) throws -> any Value {
    let series = try invocation.series(0)
    if let position = series.values.firstIndex(where: { !$0.isNaN && $0 <= 0 }) {
      throw RuntimeError("the log needs values above 0; '\(series.name)' is \(NumberFormatting.display(series.values[position])) at \(series.index.label(at: position))",
        hint: "log applies to positive data such as sales or prices").focused(on: .input(0))
    }
    return Series(name: "log(\(series.name))", index: series.index, values: series.values.map { $0.isNaN ? .nan : Foundation.log($0) })
  }
}
