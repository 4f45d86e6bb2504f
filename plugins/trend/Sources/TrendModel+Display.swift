import TrendCastValues

extension TrendModel {
  /// Like R's summary.lm: the equation, the coefficient table with standard errors, t values
  /// and p-values, the residual standard error, R², the F test and information criteria.
  public func render(_ style: RenderStyle) -> String {
    let ols = regression.ols
    let missing = trainingSeries.missingCount
    var lines = ["\(modelName) fitted to \(trainingSeries.name): \(trainingSeries.index.summary)"
      + (missing > 0 ? ", \(missing) missing value\(missing == 1 ? "" : "s") left out" : "")]
    lines.append(equation(ascii: style.asciiOnly))
    lines.append("")
    lines.append("Coefficients:")
    let names = specification.parameterNames
    let pValues = regression.pValues
    let rows = names.indices.map { i in
      [names[i], Self.coefficientText(regression.coefficients[i]), Self.coefficientText(regression.standardErrors[i]),
       Self.tValueText(ols.tStatistics[i]), Self.pValueText(pValues[i])]
    }
    lines.append(TextTable(headers: ["", "estimate", "std. error", "t value", "Pr(>|t|)"],
      alignments: [.left, .right, .right, .right, .right], rows: rows).render(ascii: style.asciiOnly))
    lines.append("")
    lines.append("Residual standard error: \(NumberFormatting.display(ols.sigma2.squareRoot(), significant: 4)) on \(ols.residualDegreesOfFreedom) degrees of freedom")
    lines.append("Multiple R-squared: \(NumberFormatting.fixed(ols.rSquared, decimals: 4)),  adjusted R-squared: \(NumberFormatting.fixed(ols.adjustedRSquared, decimals: 4))")
    if specification.coefficientCount > 1 {
      let f = regression.fStatistic
      let value = f.value.isFinite ? NumberFormatting.display(f.value, significant: 4) : "very large"
      lines.append("F-statistic: \(value) on \(f.numerator) and \(f.denominator) DF, p-value: \(Self.pValueText(f.pValue))")
    }
    let criteria = [("AIC", regression.aic), ("AICc", regression.aicc), ("BIC", regression.bic)]
      .map { "\($0.0)=\($0.1.map { NumberFormatting.fixed($0, decimals: 2) } ?? "n/a")" }
    lines.append(criteria.joined(separator: "   "))
    if !(ols.rSquared < 1 - 1e-10) { lines.append("(an essentially perfect fit, as R warns: the standard errors and tests are unreliable)") }
    return lines.joined(separator: "\n")
  }

  /// The fitted equation, and where t = 1 falls (two lines).
  func equation(ascii: Bool) -> String {
    let start = trainingSeries.count > 0 ? trainingSeries.index.label(at: 0) : "the first period"
    let m = specification.period
    let k = specification.harmonics
    let pi = ascii ? "pi" : "π"
    var first = "S_t = a0 + a1\(ascii ? "*" : "·")t"
    var second = "t = 1 at \(start)"
    if k > 0 {
      first += " + \(ascii ? "sum" : "Σ") k=1..\(k) of (b_k sin(2\(pi)kt/\(m)) + c_k cos(2\(pi)kt/\(m)))"
      if 2 * k == m { second += "; no b\(k), as sin(\(pi)t) = 0" }
    }
    return first + "\n" + second
  }

  /// Four decimals as R prints coefficients; four significant digits for tiny ones.
  static func coefficientText(_ value: Double) -> String {
    value != 0 && abs(value) < 0.001 ? NumberFormatting.display(value, significant: 4) : NumberFormatting.fixed(value, decimals: 4)
  }

  /// Two decimals; four significant digits when huge; "n/a" when undefined (no residual variation).
  static func tValueText(_ t: Double) -> String {
    guard t.isFinite else { return "n/a" }
    return abs(t) < 1e5 ? NumberFormatting.fixed(t, decimals: 2) : NumberFormatting.display(t, significant: 4)
  }

  /// R's format.pval: three significant digits, "< 2.2e-16" below machine precision.
  static func pValueText(_ p: Double) -> String {
    guard p.isFinite else { return "n/a" }
    return p < 2.2e-16 ? "< 2.2e-16" : NumberFormatting.display(p, significant: 3)
  }
}
