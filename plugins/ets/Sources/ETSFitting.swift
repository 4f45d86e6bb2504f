import Foundation
import TrendCastValues

/// From a series to a fitted model: missing values, constant and non-positive data, R's
/// length limits, then estimation; numeric failures become `RuntimeError`s (exit code 4).
public enum ETSFitting {
  /// The longest run of observations without missing values (R's `na.contiguous`), with a
  /// note when that is not the whole series.
  static func contiguous(_ series: Series) throws -> (series: Series, note: String?) {
    var bestStart = 0, bestLength = 0, start = 0
    for (i, value) in series.values.enumerated() {
      if value.isNaN {
        start = i + 1
      } else if i + 1 - start > bestLength {
        bestStart = start
        bestLength = i + 1 - start
      }
    }
    guard bestLength > 0 else {
      throw RuntimeError("the series '\(series.name)' has no observations (every value is missing)")
    }
    if bestLength == series.count { return (series, nil) }
    let part = series.slice(bestStart..<(bestStart + bestLength))
    let note = "\(series.missingCount) missing value\(series.missingCount == 1 ? "" : "s") in '\(series.name)': using the longest stretch without gaps, "
      + "\(part.index.label(at: 0)) to \(part.index.label(at: part.count - 1)) (\(part.count) of \(series.count) observations); "
      + "fill gaps first with clean … fill=linear to use them all"
    return (part, note)
  }

  static func checkNotConstant(_ series: Series) throws {
    guard let first = series.values.first, series.values.allSatisfy({ $0 == first }) else { return }
    throw RuntimeError("the series '\(series.name)' is constant (all \(series.count) values are \(NumberFormatting.display(first))), so there is nothing to smooth",
      hint: "its forecast is that value; a model needs a series that varies")
  }

  static func runtimeError(_ error: ETSError) -> RuntimeError { RuntimeError(error.message, hint: error.hint) }

  /// The first value that is not strictly positive, with its date, for messages.
  static func firstNonPositive(_ series: Series) -> (position: Int, value: Double)? {
    series.values.enumerated().first { $0.element <= 0 }.map { ($0.offset, $0.element) }
  }

  /// Fits `request` to the series: one model, or R's AICc search.
  public static func fitETS(_ original: Series, request: ETSRequest, checkCancellation: @Sendable () throws -> Void = {}) throws -> ETSModel {
    let (series, gapNote) = try contiguous(original)
    try checkNotConstant(series)
    let pattern = request.pattern
    if pattern.error == .multiplicative || pattern.trend == .multiplicative || pattern.season == .multiplicative,
      let (position, value) = firstNonPositive(series)
    {
      throw RuntimeError("ETS(\(pattern.description)) has multiplicative components and needs strictly positive data, but the value on \(series.index.label(at: position)) (observation \(position + 1)) is \(NumberFormatting.display(value))",
        hint: "use additive components, e.g. model=\"A\(pattern.trend?.rawValue ?? "Z")\(pattern.damped == true ? "d" : "")\(pattern.season == .multiplicative ? "A" : pattern.season?.rawValue ?? "Z")\", or shift the data above zero")
    }
    // R's ets(): with fewer than (parameters + 5) observations it falls back to HoltWinters.
    var required = 2
    if pattern.trend == .additive || pattern.trend == .multiplicative { required += 2 }
    if (pattern.season == .additive || pattern.season == .multiplicative), request.period > 1, series.count > request.period { required += request.period }
    if pattern.damped == true { required += 1 }
    if series.count <= required + 4 {
      throw RuntimeError("the series is too short for ETS(\(pattern.description)): it has \(series.count) observations, at least \(required + 5) are needed",
        hint: pattern.season != nil && pattern.season != ETSComponent.none ? "use a non-seasonal model, e.g. model=\"AAN\", or a longer series" : "use a longer series")
    }
    do {
      let result = try ETSSelection.select(series.values, pattern: pattern, period: request.period, space: request.space, checkCancellation: checkCancellation)
      let notes = (gapNote.map { [$0] } ?? []) + result.notes
      return ETSModel(fit: result.best, request: request, trainingSeries: series, candidates: result.candidates.count > 1 ? result.candidates : nil, notes: notes)
    } catch let error as ETSError {
      throw runtimeError(error)
    }
  }

  /// Fits a Holt-Winters model, checking the data against its limits first.
  public static func fitHoltWinters(_ original: Series, spec: HoltWintersSpecification) throws -> HoltWintersModel {
    let (series, _) = try contiguous(original)
    try checkNotConstant(series)
    if spec.trend == .multiplicative || spec.season == .multiplicative, let (position, value) = firstNonPositive(series) {
      let which = [spec.trend == .multiplicative ? "trend=mul" : nil, spec.season == .multiplicative ? "seasonal=mul" : nil].compactMap { $0 }.joined(separator: " and ")
      throw RuntimeError("\(which) needs strictly positive data, but the value on \(series.index.label(at: position)) (observation \(position + 1)) is \(NumberFormatting.display(value))",
        hint: "use trend=add seasonal=add, or shift the data above zero")
    }
    do {
      return HoltWintersModel(fit: try HoltWintersEstimation.fit(series.values, spec: spec), trainingSeries: series)
    } catch let error as ETSError {
      throw runtimeError(error)
    }
  }
}
