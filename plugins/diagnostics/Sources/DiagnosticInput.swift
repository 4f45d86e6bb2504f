import Foundation
import TrendCastNumerics
import TrendCastPlugin
import TrendCastValues

/// What a diagnostic command examines: a series, or the residuals of a fitted model.
struct DiagnosticInput {
  /// "passengers", or "residuals from Naive method".
  var name: String
  var values: [Double]
  /// The seasonal period of the data's frequency.
  var period: Int
  var index: TimeIndex
  /// The model whose residuals these are, if any.
  var model: (any ForecastModel)?

  /// Input `position` as a series (a series, or a table with one numeric column) or, when it
  /// is a model, that model's residuals.
  static func read(_ invocation: Invocation, _ position: Int = 0) throws -> DiagnosticInput {
    if let model = try invocation.value(position) as? any ForecastModel {
      let series = model.trainingSeries
      return DiagnosticInput(name: "residuals from \(model.modelName)", values: model.residuals,
        period: series.index.seasonalPeriod, index: series.index, model: model)
    }
    let series = try invocation.series(position)
    return DiagnosticInput(name: series.name, values: series.values, period: series.index.seasonalPeriod, index: series.index, model: nil)
  }

  var observedCount: Int { values.reduce(0) { $0 + ($1.isNaN ? 0 : 1) } }
  var missingCount: Int { values.count - observedCount }

  /// A numerics error in the words of the command that ran into it.
  func userError(_ error: NumericsError, command: String) -> RuntimeError {
    switch error.kind {
    case .allMissing:
      return RuntimeError("\(command): every value of \(name) is missing", hint: "check the data, or fill it with clean")
    case .constant:
      return RuntimeError("\(command) is undefined for \(name): its values are all the same", hint: "a constant series has no variation to test or correlate")
    case .tooShort:
      return RuntimeError("\(command) on \(name): \(error.message)", hint: "use a longer series")
    case .nonFinite:
      return RuntimeError("\(command) on \(name): the data hold infinite values", hint: "remove or fill them first")
    default:
      return RuntimeError("\(command) on \(name): \(error.message)")
    }
  }
}

/// R's round(): halves go to the even neighbour (IEC 60559), as checkresiduals' lag rule uses.
func roundHalfEven(_ x: Double) -> Int { Int(x.rounded(.toNearestOrEven)) }

/// A p-value as R prints it: "< 2.2e-16" below machine precision, else 4 significant digits.
func pValueText(_ p: Double) -> String {
  guard p.isFinite else { return "n/a" }
  return p < 2.2e-16 ? "< 2.2e-16" : NumberFormatting.display(p, significant: 4)
}

/// The few non-ASCII symbols the diagnostics' text uses, in 7-bit spelling (for --ascii).
func asciiFolded(_ text: String) -> String {
  [("−", "-"), ("–", "-"), ("—", "-"), ("≤", "<="), ("≥", ">="), ("±", "+/-"), ("√", "sqrt"), ("…", "..."), ("Σ", "sum")]
    .reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
}
