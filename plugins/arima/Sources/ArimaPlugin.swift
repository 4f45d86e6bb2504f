import TrendCastPlugin
import TrendCastValues

/// Seasonal ARIMA models: `fit arima` (fixed orders or the automatic Hyndman–Khandakar search).
public struct ArimaPlugin: Plugin {
  public init() {}
  public var name: String { "arima" }
  public var summary: String { "seasonal ARIMA models with regressors, fixed or automatic orders" }
  public var commands: [Command] { [Command(FitArimaCommand.signature, run: FitArimaCommand.run)] }
}
