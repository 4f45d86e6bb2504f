import Foundation

/// The accuracy measures of R's forecast package, plus sMAPE:
/// ME = mean(e), RMSE = √mean(e²), MAE = mean|e|, MAPE = 100·mean|e/y|,
/// sMAPE = 200·mean(|e| / (|y| + |f|)), MASE = mean(|e| / scale) with e = y − f and the scale
/// the in-sample MAE of the seasonal naive method (naive for non-seasonal data).
///
/// A measure that cannot be computed is nil, never NaN: MAPE leaves out periods whose actual
/// is 0 (and is nil if all are), sMAPE periods where actual and forecast are both 0, MASE is
/// nil when the scale is 0 or unknown.
public struct AccuracyMeasures: Sendable, Equatable {
  public var me: Double
  public var rmse: Double
  public var mae: Double
  public var mape: Double?
  public var smape: Double?
  public var mase: Double?
  /// Errors the measures are averaged over.
  public var count: Int
  /// Periods left out of MAPE because the actual is 0.
  public var zeroActuals: Int
  /// Periods left out of sMAPE because actual and forecast are both 0.
  public var zeroPairs: Int

  /// One of the measures by name.
  public func value(of metric: AccuracyMetric) -> Double? {
    switch metric {
    case .me: return me
    case .rmse: return rmse
    case .mae: return mae
    case .mape: return mape
    case .smape: return smape
    case .mase: return mase
    }
  }
}

/// The measures by name, in display order; `by=` and the backtest's flags use the lower-case
/// names.
public enum AccuracyMetric: String, Sendable, CaseIterable {
  case me, rmse, mae, mape, smape, mase

  /// The column heading: R's names, and sMAPE.
  public var heading: String {
    switch self {
    case .me: return "ME"
    case .rmse: return "RMSE"
    case .mae: return "MAE"
    case .mape: return "MAPE"
    case .smape: return "sMAPE"
    case .mase: return "MASE"
    }
  }

  /// The measures a ranking can use (ME is signed, so smaller is not better).
  public static let rankable: [AccuracyMetric] = [.rmse, .mae, .mape, .smape, .mase]
}

/// Errors collected over one or many forecasts, each with the MASE scale of its training data.
public struct ForecastErrors: Sendable {
  private var errors: [Double] = []
  private var actuals: [Double] = []
  private var forecasts: [Double] = []
  private var scales: [Double?] = []
  /// Periods left out because the actual (or the forecast) was missing.
  public private(set) var missing = 0

  public init() {}

  /// Adds the errors of forecasts against actuals (aligned), scaled for MASE by `scale`.
  public mutating func add(actual: [Double], forecast: [Double], scale: Double?) {
    for (y, f) in zip(actual, forecast) {
      guard y.isFinite, f.isFinite else {
        missing += 1
        continue
      }
      errors.append(y - f)
      actuals.append(y)
      forecasts.append(f)
      scales.append(scale)
    }
  }

  public mutating func add(_ other: ForecastErrors) {
    errors += other.errors
    actuals += other.actuals
    forecasts += other.forecasts
    scales += other.scales
    missing += other.missing
  }

  public var count: Int { errors.count }

  /// The measures, or nil when there is no error to average.
  public var measures: AccuracyMeasures? {
    guard !errors.isEmpty else { return nil }
    let n = Double(errors.count)
    let me = errors.reduce(0, +) / n
    let mse = errors.reduce(0) { $0 + $1 * $1 } / n
    let mae = errors.reduce(0) { $0 + abs($1) } / n
    var percentSum = 0.0
    var percentCount = 0
    var symmetricSum = 0.0
    var symmetricCount = 0
    var scaledSum = 0.0
    var scaledCount = 0
    var scaleUnknown = false
    for i in errors.indices {
      if actuals[i] != 0 {
        percentSum += abs(errors[i] / actuals[i])
        percentCount += 1
      }
      let denominator = abs(actuals[i]) + abs(forecasts[i])
      if denominator > 0 {
        symmetricSum += abs(errors[i]) / denominator
        symmetricCount += 1
      }
      if let scale = scales[i], scale > 0, scale.isFinite {
        scaledSum += abs(errors[i]) / scale
        scaledCount += 1
      } else {
        scaleUnknown = true
      }
    }
    return AccuracyMeasures(
      me: me, rmse: mse.squareRoot(), mae: mae,
      mape: percentCount > 0 ? 100 * percentSum / Double(percentCount) : nil,
      smape: symmetricCount > 0 ? 200 * symmetricSum / Double(symmetricCount) : nil,
      mase: !scaleUnknown && scaledCount > 0 ? scaledSum / Double(scaledCount) : nil,
      count: errors.count, zeroActuals: errors.count - percentCount, zeroPairs: errors.count - symmetricCount)
  }

  /// The MASE scale of training data y: the mean absolute difference between values one
  /// season apart (one period apart without a season), over pairs where both are present.
  /// Nil when no pair exists.
  public static func scale(of y: [Double], period: Int) -> Double? {
    let lag = max(period, 1)
    guard y.count > lag else { return nil }
    var sum = 0.0
    var count = 0
    for t in lag..<y.count where y[t].isFinite && y[t - lag].isFinite {
      sum += abs(y[t] - y[t - lag])
      count += 1
    }
    return count > 0 ? sum / Double(count) : nil
  }
}
