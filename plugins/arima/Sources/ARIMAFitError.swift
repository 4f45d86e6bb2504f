/// Why an ARIMA model could not be fitted, with what to try. The command layer shows
/// `message` and `hint` as a runtime error (exit code 4).
public struct ARIMAFitError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Reason: Sendable, Equatable {
    case tooFewObservations, constantSeries, allMissing, periodTooLong, notEstimable, notConverged, badRegressors, badData
  }

  public let reason: Reason
  public let message: String
  public let hint: String?

  public init(_ reason: Reason, _ message: String, hint: String? = nil) {
    self.reason = reason
    self.message = message
    self.hint = hint
  }

  public var description: String { message }
}
