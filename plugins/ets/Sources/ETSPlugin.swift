import TrendCastPlugin
import TrendCastValues

/// Exponential smoothing: the ETS state-space family by maximum likelihood with automatic
/// selection (`fit ets`, following R's forecast::ets) and Holt-Winters by least squares
/// (`fit holtwinters`, following statsmodels' ExponentialSmoothing).
public struct EtsPlugin: Plugin {
  public init() {}
  public var name: String { "ets" }
  public var summary: String { "exponential smoothing: ETS models and Holt-Winters" }
  public var commands: [Command] { [] }
}
