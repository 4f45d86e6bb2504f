import TrendCastNumerics
import TrendCastPlugin
import TrendCastValues

/// `test adf` and `test kpss`: unit-root and stationarity tests with statsmodels' defaults
/// (ADF lag by AIC, MacKinnon p-values; KPSS automatic lags, p-value from the KPSS table).
enum UnitRootCommands {
  static func terms(_ keyword: String?) -> DeterministicTerms {
    switch keyword {
    case "ct": return .constantAndTrend
    case "n": return DeterministicTerms.none
    default: return .constant
    }
  }

  static func describe(_ terms: DeterministicTerms) -> String {
    switch terms {
    case .none: return "no constant, no trend (n)"
    case .constant: return "a constant (c)"
    case .constantAndTrend: return "a constant and a linear trend (ct)"
    }
  }

  @Sendable static func adf(_ invocation: Invocation) throws -> any Value {
    let input = try DiagnosticInput.read(invocation)
    let regression = terms(try invocation.keyword("regression"))
    let fixed = try invocation.integer("lags")
    if let fixed, fixed < 0 { throw invocation.optionError("lags", "lags must be 0 or more, not \(fixed)") }
    let n = input.observedCount
    let cap = n / 2 - regression.count - 1
    let minimum = max(4, 2 * (regression.count + 1))
    guard n >= minimum, cap >= 0 else {
      throw RuntimeError("test adf with \(describe(regression)) needs at least \(minimum) observed values, but \(input.name) has \(n)", hint: "use a longer series")
    }
    if let fixed, fixed > cap {
      throw invocation.optionError("lags", "lags=\(fixed) is too many for \(n) observed values: at most \(cap) (n/2 − \(regression.count + 1))")
    }
    let maxLag = min(ADF.defaultMaxLag(observations: n, regression: regression), cap)
    let result: ADFResult
    do {
      result = try ADF.test(input.values, regression: regression, lags: fixed.map { .fixed($0) } ?? .aic(maxLag: maxLag))
    } catch let error as NumericsError {
      throw input.userError(error, command: "test adf")
    }
    let critical = result.criticalValues
    let pText = pValueText(result.pValue)
    let lagText = fixed == nil ? "lags = \(result.usedLag) (chosen by AIC from 0…\(maxLag))" : "lags = \(result.usedLag) (as given)"
    let stationaryAround = regression == .constantAndTrend ? "around a linear trend" : regression == .constant ? "around a constant level" : "around zero"
    let conclusion = result.pValue < 0.05
      ? "at the 5% level, reject the unit root: the series looks stationary \(stationaryAround)"
      : "at the 5% level, no evidence against a unit root: the series looks non-stationary; consider differencing"
    return TestResult(
      test: "adf", title: "Augmented Dickey-Fuller test", subject: input.name, statistic: result.statistic, pValue: result.pValue,
      pValueDisplay: nil, lags: result.usedLag,
      details: [
        "H0: a unit root (not stationary); test regression with \(describe(regression))",
        TestResult.mainLine(statisticName: "statistic", statistic: result.statistic, pValue: pText, lags: lagText) + "   observations = \(result.observations)",
        "critical values (MacKinnon 2010): 1% \(fixed4(critical.onePercent))   5% \(fixed4(critical.fivePercent))   10% \(fixed4(critical.tenPercent))",
      ],
      conclusion: conclusion,
      extra: [
        ("regression", .string(regression.rawValue)),
        ("nobs", .number(Double(result.observations))),
        ("lag_selection", .string(fixed == nil ? "aic" : "fixed")),
        ("max_lag", .number(Double(fixed ?? maxLag))),
        ("critical_values", .object([("1%", .number(critical.onePercent)), ("5%", .number(critical.fivePercent)), ("10%", .number(critical.tenPercent))])),
      ])
  }

  @Sendable static func kpss(_ invocation: Invocation) throws -> any Value {
    let input = try DiagnosticInput.read(invocation)
    let trend = try invocation.keyword("type") == "trend"
    let regression: DeterministicTerms = trend ? .constantAndTrend : .constant
    let n = input.observedCount
    let fixed = try invocation.integer("lags")
    if let fixed, fixed < 0 { throw invocation.optionError("lags", "lags must be 0 or more, not \(fixed)") }
    guard n >= 3 else {
      throw RuntimeError("test kpss needs at least 3 observed values, but \(input.name) has \(n)", hint: "use a longer series")
    }
    if let fixed, fixed >= n {
      throw invocation.optionError("lags", "lags=\(fixed) is too many for \(n) observed values: at most \(n - 1)")
    }
    let result: KPSSResult
    do {
      result = try KPSS.test(input.values, regression: regression, lags: fixed.map { .fixed($0) } ?? .auto)
    } catch let error as NumericsError {
      throw input.userError(error, command: "test kpss")
    }
    let critical = result.criticalValues
    var pText = pValueText(result.pValue)
    if result.pValueOutsideTable { pText = result.statistic > (critical.last ?? 0) ? "< 0.01" : "> 0.1" }
    let kind = trend ? "trend" : "level"
    let around = trend ? "around a linear trend" : "around a constant level"
    // The statistic at or beyond the 5 % critical value rejects stationarity.
    let conclusion = result.pValue <= 0.05
      ? "at the 5% level, reject stationarity \(around): consider differencing"
      : "at the 5% level, no evidence against stationarity \(around)"
    let levels = ["10%", "5%", "2.5%", "1%"]
    return TestResult(
      test: "kpss", title: "KPSS test of \(kind) stationarity", subject: input.name, statistic: result.statistic, pValue: result.pValue,
      pValueDisplay: result.pValueOutsideTable ? pText : nil, lags: result.lags,
      details: [
        "H0: stationary \(around)",
        TestResult.mainLine(statisticName: "statistic", statistic: result.statistic, pValue: pText + (result.pValueOutsideTable ? " (beyond the table)" : ""),
          lags: "lags = \(result.lags) (\(fixed == nil ? "automatic, Hobijn et al. 1998" : "as given"))") + "   observations = \(n)",
        "critical values (KPSS 1992): " + zip(levels, critical).map { "\($0) \(NumberFormatting.fixed($1, decimals: 3))" }.joined(separator: "   "),
      ],
      conclusion: conclusion,
      extra: [
        ("type", .string(kind)),
        ("regression", .string(regression.rawValue)),
        ("nobs", .number(Double(n))),
        ("lag_selection", .string(fixed == nil ? "auto" : "fixed")),
        ("critical_values", .object(zip(levels, critical).map { ($0, JSON.number($1)) })),
        ("pvalue_outside_table", .bool(result.pValueOutsideTable)),
      ])
  }

  static func fixed4(_ value: Double) -> String { NumberFormatting.fixed(value, decimals: 4) }
}
