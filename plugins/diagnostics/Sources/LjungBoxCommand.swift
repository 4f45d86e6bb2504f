import TrendCastNumerics
import TrendCastPlugin
import TrendCastValues

/// `test ljungbox X|M [lags=N]`: the Ljung–Box test of no autocorrelation, on a series
/// (fitdf 0, 10 lags by default) or on a model's residuals as R's checkresiduals does it
/// (fitdf = the model's parameters; lags min(2m or 10, n/5), at least fitdf + 3; interior
/// gaps in the residuals interpolated linearly, leading and trailing ones dropped).
enum LjungBoxCommand {
  /// checkresiduals' lag rule: 2·period (10 without a season), at most n/5, at least fitdf + 3.
  static func defaultModelLags(period: Int, length: Int, fitdf: Int) -> Int {
    let base = period > 1 ? 2 * period : 10
    return max(fitdf + 3, min(base, roundHalfEven(Double(length) / 5)))
  }

  /// zoo's na.approx as checkresiduals uses it: interior gaps linearly interpolated, gaps at
  /// the ends dropped.
  static func interpolatedInterior(_ x: [Double]) -> [Double] {
    guard let first = x.firstIndex(where: { !$0.isNaN }), let last = x.lastIndex(where: { !$0.isNaN }) else { return [] }
    let inner = Array(x[first...last])
    return (try? MissingValues.interpolateLinearly(inner)) ?? inner.filter { !$0.isNaN }
  }

  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let input = try DiagnosticInput.read(invocation)
    let fitdf = input.model?.parameterCount ?? 0
    let values = input.model == nil ? input.values : interpolatedInterior(input.values)
    let n = values.filter { !$0.isNaN }.count
    let defaultLags = input.model == nil ? 10 : defaultModelLags(period: input.period, length: input.values.count, fitdf: fitdf)
    let lags = try invocation.integer("lags") ?? defaultLags
    guard lags >= 1 else { throw invocation.optionError("lags", "lags must be at least 1, not \(lags)") }
    guard lags > fitdf else {
      throw invocation.optionError("lags", "lags=\(lags) must be more than the model's \(fitdf) estimated parameters (the test has lags − \(fitdf) degrees of freedom)",
        hint: "use lags=\(fitdf + 1) or more")
    }
    guard lags < n else {
      throw RuntimeError("test ljungbox with \(lags) lags needs more than \(lags) observed values, but \(input.name) has \(n)",
        hint: invocation.isGiven("lags") ? "use fewer lags=" : "give fewer lags= (at most \(max(n - 1, 1)))").focused(on: invocation.isGiven("lags") ? .option("lags") : .input(0))
    }
    let result: PortmanteauResult
    do {
      result = try Portmanteau.ljungBox(values, lags: lags, fitdf: fitdf)
    } catch let error as NumericsError {
      throw input.userError(error, command: "test ljungbox")
    }
    let dfText = input.model == nil ? "df = \(result.degreesOfFreedom)" : "df = \(result.degreesOfFreedom) (\(lags) lags − \(fitdf) model parameter\(fitdf == 1 ? "" : "s"))"
    let conclusion: String
    switch (result.pValue < 0.05, input.model == nil) {
    case (true, true): conclusion = "at the 5% level, \(input.name) is autocorrelated (not white noise)"
    case (true, false): conclusion = "at the 5% level, the residuals are autocorrelated: the model leaves structure unexplained"
    case (false, true): conclusion = "at the 5% level, no evidence of autocorrelation in \(input.name) up to lag \(lags)"
    case (false, false): conclusion = "at the 5% level, no evidence of autocorrelation in the residuals up to lag \(lags): they look like white noise"
    }
    var extra: [(String, JSON)] = [("df", .number(Double(result.degreesOfFreedom))), ("fitdf", .number(Double(fitdf))), ("nobs", .number(Double(n)))]
    if let model = input.model { extra.append(("model", .string(model.modelName))) }
    return TestResult(
      test: "ljungbox", title: "Ljung-Box test", subject: input.name, statistic: result.statistic, pValue: result.pValue,
      pValueDisplay: nil, lags: lags,
      details: [
        "H0: no autocorrelation up to lag \(lags)",
        "Q* = \(NumberFormatting.fixed(result.statistic, decimals: 4))   \(dfText)   p-value \(pValueText(result.pValue).hasPrefix("<") ? "" : "= ")\(pValueText(result.pValue))   observations = \(n)",
      ],
      conclusion: conclusion, extra: extra)
  }
}
