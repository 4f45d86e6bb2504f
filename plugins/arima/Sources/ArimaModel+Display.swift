import TrendCastCharts
import Foundation
import TrendCastValues

extension ArimaModel {
  /// LANGUAGE.md §7: model, params (R's names), sigma2, loglik, aic, aicc, bic, nobs.
  public var jsonDocument: JSON {
    let params = zip(fit.parameterNames, fit.parameters).map { ($0, JSON.number($1)) }
    func optional(_ value: Double?) -> JSON { value.map(JSON.number) ?? .null }
    return .object([
      ("model", .string(modelName)),
      ("params", .object(params)),
      ("sigma2", .number(fit.sigma2)),
      ("loglik", optional(fit.logLikelihood)),
      ("aic", optional(fit.aic)),
      ("aicc", optional(fit.aicc)),
      ("bic", optional(fit.bic)),
      ("nobs", .number(Double(fit.nobs))),
    ])
  }

  public var memberNames: [String] { ["residuals", "fitted"] }

  /// `m.residuals`, `m.fitted` as series on the training index.
  public func member(_ name: String) throws -> any Value {
    switch name {
    case "residuals": return Series(name: "residuals", index: trainingSeries.index, values: residuals)
    case "fitted": return Series(name: "fitted", index: trainingSeries.index, values: fittedValues)
    default: throw RuntimeError("a model has no part '\(name)'", hint: "parts: \(memberNames.joined(separator: ", "))")
    }
  }

  /// Like R's `print(Arima)`: the model, the coefficients with standard errors, σ², the
  /// log-likelihood and the information criteria; for an automatic model, why it was chosen.
  public func render(_ style: RenderStyle) -> String {
    var lines: [String] = []
    let scale = specification.logTransform ? " (log scale)" : ""
    let fitted = "\(modelName) fitted to \(trainingSeries.name)\(scale)"
    let used = "\(fit.nobs) observations used"
    lines += TerminalText.width(of: fitted + ", " + used) <= style.width ? [fitted + ", " + used] : [fitted, "  " + used]
    if !fit.parameters.isEmpty {
      lines.append("")
      lines.append("Coefficients:")
      let errors = fit.standardErrors
      let rows = [[""] + fit.parameters.map(Self.coefficientText),
                  ["s.e."] + fit.parameters.indices.map { i in errors.map { Self.coefficientText($0[i]) } ?? "n/a" }]
      lines.append(TextTable(headers: [""] + fit.parameterNames, alignments: [.left] + fit.parameterNames.map { _ in .right }, rows: rows)
        .render(ascii: style.asciiOnly))
      if errors == nil { lines.append("(standard errors unavailable: the Hessian of the likelihood is not positive definite)") }
    }
    lines.append("")
    lines.append("sigma^2 = \(NumberFormatting.display(fit.sigma2, significant: 5)):  log likelihood = \(fit.logLikelihood.map { NumberFormatting.fixed($0, decimals: 2) } ?? "n/a")")
    let ic = [("AIC", fit.aic), ("AICc", fit.aicc), ("BIC", fit.bic)].map { "\($0.0)=\($0.1.map { NumberFormatting.fixed($0, decimals: 2) } ?? "n/a")" }
    lines.append(ic.joined(separator: "   "))
    if let report = searchReport { lines += ["", ""] + Self.searchSummary(report, fourier: specification.fourier).flatMap { TerminalText.wrapped($0, width: style.width) } }
    return lines.joined(separator: "\n").replacingOccurrences(of: "\n\n\n", with: "\n\n")
  }

  /// Four decimals as R prints coefficients; four significant digits for tiny ones.
  static func coefficientText(_ value: Double) -> String {
    value != 0 && abs(value) < 0.001 ? NumberFormatting.display(value, significant: 4) : NumberFormatting.fixed(value, decimals: 4)
  }

  /// The teaching account of an automatic search: the tests behind d and D and the winner.
  static func searchSummary(_ report: AutoARIMA.Report, fourier: FourierTerms? = nil) -> [String] {
    let criterion = report.criterion.rawValue.uppercased().replacingOccurrences(of: "AICC", with: "AICc")
    var lines = ["Chosen by the Hyndman–Khandakar search (\(report.stepwise ? "stepwise" : "all models"), lowest \(criterion)):"]
    if report.period > 1 {
      if report.seasonalDGiven {
        lines.append("  seasonal period \(report.period); D = \(report.seasonalD) as given")
      } else if let test = report.seasonalTest {
        let verdict = test.value > test.threshold ? "above" : "not above"
        lines.append("  seasonal period \(report.period); \(test.name) \(NumberFormatting.fixed(test.value, decimals: 3)) is \(verdict) \(NumberFormatting.display(test.threshold)), so D = \(report.seasonalD)")
      } else {
        lines.append("  seasonal period \(report.period); D = \(report.seasonalD) (too few seasons to test)")
      }
    } else if let fourier {
      lines.append("  the season (period \(fourier.period)) is \(fourier.pairs) Fourier pair\(fourier.pairs == 1 ? "" : "s") (fourier=\(fourier.pairs)): a non-seasonal model")
    } else {
      lines.append("  no seasonal period (yearly or plain data): a non-seasonal model")
    }
    if report.dGiven {
      lines.append("  d = \(report.d) as given")
    } else {
      for step in report.kpss {
        let p = step.pValue <= 0.01 ? "p ≤ 0.01" : step.pValue >= 0.1 ? "p ≥ 0.10" : "p = \(NumberFormatting.fixed(step.pValue, decimals: 3))"
        let verdict = step.pValue < 0.05 ? "not stationary: difference" : "stationary"
        lines.append("  KPSS after \(step.differences) difference\(step.differences == 1 ? "" : "s"): statistic \(NumberFormatting.fixed(step.statistic, decimals: 3)), \(p) → \(verdict)")
      }
      lines.append("  so d = \(report.d)")
    }
    let scored = report.tried.filter { $0.criterion != nil && $0.approximated == report.approximation }
    let ranked = scored.sorted { ($0.criterion ?? .infinity) < ($1.criterion ?? .infinity) }
    let searched = report.tried.filter { $0.approximated == report.approximation }.count
    lines.append("  \(searched) models tried" + (report.approximation ? " with the fast CSS approximation, the best re-fitted by exact ML" : ""))
    // With the approximation, approximate and exact criteria are on different scales: the
    // ranking is told in approximate values and the winner's exact value beside them.
    let rejected = report.approximation ? report.tried.filter { !$0.approximated && $0.criterion == nil } : []
    if let first = rejected.first {
      let count = rejected.count == 1 ? "1 better-ranked model was" : "\(rejected.count) better-ranked models were"
      lines.append("  \(count) rejected when re-fitted exactly; the first,")
      lines.append("    \(candidateLabel(first)): \(first.note ?? "could not be fitted")")
    }
    if let chosen = report.chosen.criterion {
      let approximate = report.approximation ? ranked.first(where: { sameModel($0, report.chosen) })?.criterion : nil
      let shown = approximate.map { ", approximate \(NumberFormatting.fixed($0, decimals: 2))" } ?? ""
      lines.append("  winner: \(candidateLabel(report.chosen)), \(criterion) \(NumberFormatting.fixed(chosen, decimals: 2))\(shown)")
    }
    if let runnerUp = ranked.first(where: { candidate in !sameModel(candidate, report.chosen) && !rejected.contains { sameModel($0, candidate) } }),
       let value = runnerUp.criterion {
      lines.append("  runner-up: \(candidateLabel(runnerUp)), \(report.approximation ? "approximate " : "")\(criterion) \(NumberFormatting.fixed(value, decimals: 2))")
    }
    lines.append("  (trace=true lists every model tried)")
    return lines
  }

  static func sameModel(_ a: AutoARIMA.Candidate, _ b: AutoARIMA.Candidate) -> Bool {
    a.order == b.order && a.constant == b.constant
  }

  /// "ARIMA(2,1,1)(0,1,0)[12] with drift" as R's trace prints a candidate.
  static func candidateLabel(_ candidate: AutoARIMA.Candidate) -> String {
    let base = candidate.order.description
    let differences = candidate.order.differenceCount
    if candidate.constant && differences == 0 { return base + " with non-zero mean" }
    if candidate.constant && differences == 1 { return base + " with drift" }
    if differences == 0 { return base + " with zero mean" }
    return base
  }

  /// The search path, one line per model in the order tried (trace=true).
  static func traceLines(_ report: AutoARIMA.Report) -> [String] {
    let criterion = report.criterion.rawValue.uppercased().replacingOccurrences(of: "AICC", with: "AICc")
    var lines = ["search path (\(criterion)\(report.approximation ? ", CSS approximation" : "")):"]
    var announcedRefit = false
    let width = report.tried.map { candidateLabel($0).count }.max() ?? 0
    for candidate in report.tried {
      if report.approximation && !candidate.approximated && !announcedRefit {
        lines.append("re-fitting the best model(s) without the approximation:")
        announcedRefit = true
      }
      let label = candidateLabel(candidate).padding(toLength: width, withPad: " ", startingAt: 0)
      let value = candidate.criterion.map { NumberFormatting.fixed($0, decimals: 2) } ?? "rejected (\(candidate.note ?? "could not be fitted"))"
      lines.append("  \(label) : \(value)")
    }
    lines.append("best model: \(candidateLabel(report.chosen))")
    return lines
  }
}
