import TrendCastPlugin
import TrendCastValues

/// Exponential smoothing: the ETS state-space family by maximum likelihood with automatic
/// selection by AICc (`fit ets`, following R's forecast::ets) and Holt-Winters by least
/// squares (`fit holtwinters`, following statsmodels' ExponentialSmoothing).
public struct EtsPlugin: Plugin {
  public init() {}
  public var name: String { "ets" }
  public var summary: String { "exponential smoothing: ETS models and Holt-Winters" }

  public var commands: [Command] {
    [
      Command(Self.etsSignature, run: FitETSCommand.run),
      Command(Self.holtWintersSignature, run: FitHoltWintersCommand.run),
    ]
  }

  static let etsSignature = CommandSignature(
    ["fit", "ets"], summary: "exponential smoothing state-space model (ETS), chosen by AICc as R's ets()",
    discussion: """
      Fits ETS(error, trend, season) models by maximum likelihood with R's forecast::ets \
      defaults: parameters within the usual and admissible bounds, R's initial states, \
      Nelder-Mead. model=auto (R's "ZZZ") tries every admissible combination — additive or \
      multiplicative errors, no/additive/damped trend, no/additive/multiplicative season — and \
      keeps the one with the lowest AICc; multiplicative components need positive data, \
      seasonal ones a period above 1 (at most 24) and more than one cycle. A code such as \
      "MAdM" fixes the model; Z leaves a letter free ("AZN"); a multiplicative trend is tried \
      only when a code asks for it. Forecasts and intervals follow R's forecast.ets.
      """,
    inputs: [InputSpec("X", .value([.series]), help: "the series to model (or a panel: one model per series)")],
    options: [
      OptionSpec("model", .keywordOrString(["auto"]), default: .keyword("auto"),
        help: "auto, or a code: error A|M|Z, trend N|A|Ad|M|Md|Z, season N|A|M|Z, e.g. \"MAdM\", \"ANN\", \"ZZA\""),
      OptionSpec("period", .integer, defaultDescription: "the series' seasonal period (12 monthly, 7 daily, 4 quarterly)",
        help: "periods in one seasonal cycle (1: non-seasonal)"),
      OptionSpec("damped", .boolean, defaultDescription: "try both", help: "true: damped trend only; false: undamped only"),
    ],
    examples: ["m = fit ets air", "m = fit ets air model=\"MAdM\"", "m = fit ets units period=7 damped=false"],
    result: .model)

  static let holtWintersSignature = CommandSignature(
    ["fit", "holtwinters"], summary: "Holt-Winters exponential smoothing by least squares (as statsmodels)",
    discussion: """
      Level, trend and season smoothed as statsmodels' ExponentialSmoothing with \
      initialization_method="estimated": alpha, beta, gamma (and phi when damped) and the \
      initial level, trend and seasonal states minimise the sum of squared one-step errors, \
      with beta <= alpha and gamma <= 1 - alpha. Prediction intervals come from the ETS \
      model with the same recursion (additive errors for additive models, multiplicative \
      errors for a multiplicative season or trend).
      """,
    inputs: [InputSpec("X", .value([.series]), help: "the series to smooth (or a panel: one model per series)")],
    options: [
      OptionSpec("period", .integer, defaultDescription: "the series' seasonal period (7 for daily sales)", help: "periods in one seasonal cycle"),
      OptionSpec("trend", .keyword(["add", "mul", "none"]), default: .keyword("add"), help: "additive, multiplicative or no trend"),
      OptionSpec("seasonal", .keyword(["add", "mul", "none"]), default: .keyword("add"), help: "additive, multiplicative or no season"),
      OptionSpec("damped", .boolean, default: .boolean(false), help: "damp the trend (phi in [0.8, 0.995])"),
    ],
    examples: ["m = fit holtwinters units period=7", "m = fit holtwinters air period=12 seasonal=mul", "m = fit holtwinters units trend=add damped=true"],
    result: .model)
}

/// `fit ets X [model=…] [period=N] [damped=…]`.
enum FitETSCommand {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let series = try invocation.series(0)
    let period = try FitOptions.period(invocation, series: series)
    var pattern = ETSModelPattern.automatic
    if let code = try invocation.string("model"), code.lowercased() != "auto" {
      guard let parsed = ETSModelPattern(code: code) else {
        throw invocation.optionError("model", "'\(code)' is not an ETS model code",
          hint: "three letters: error A|M|Z, trend N|A|Ad|M|Md|Z, season N|A|M|Z, e.g. model=\"MAdM\", or model=auto")
      }
      pattern = parsed
    }
    if let damped = try invocation.boolean("damped") {
      if pattern.damped == true, !damped {
        throw invocation.optionError("damped", "model=\"\(pattern)\" asks for a damped trend, but damped=false",
          hint: "drop the d from the model code or drop damped=false")
      }
      if damped, pattern.trend == ETSComponent.none {
        throw invocation.optionError("damped", "damped=true needs a trend, but model=\"\(pattern)\" has none (N)",
          hint: "use a trend letter A, M or Z, e.g. model=\"AAdN\"")
      }
      pattern.damped = damped
    }
    let context = invocation.context
    let model = try ETSFitting.fitETS(series, request: ETSRequest(pattern: pattern, period: period)) { try context.checkCancellation() }
    for note in model.notes { invocation.report("\(series.name): \(note)") }
    return model
  }
}

/// `fit holtwinters X [period=N] [trend=…] [seasonal=…] [damped=…]`.
enum FitHoltWintersCommand {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let series = try invocation.series(0)
    let trend = FitOptions.component(try invocation.keyword("trend") ?? "add")
    let season = FitOptions.component(try invocation.keyword("seasonal") ?? "add")
    let damped = try invocation.boolean("damped") ?? false
    if damped, trend == .none {
      throw invocation.optionError("damped", "damped=true needs a trend, but trend=none", hint: "use trend=add or trend=mul")
    }
    var period = 1
    if season != .none {
      period = try FitOptions.period(invocation, series: series)
      guard period > 1 else {
        throw invocation.optionError("period", "a seasonal Holt-Winters model needs a period above 1, but the period is \(period)",
          hint: invocation.isGiven("period") ? "give the cycle length, e.g. period=7 for daily sales, or seasonal=none"
            : "this \(series.frequency.name) series has no seasonal period: give one, e.g. period=7 for daily sales, or use seasonal=none")
      }
    }
    let spec = HoltWintersSpecification(trend: trend, damped: damped, season: season, period: period)
    let model = try ETSFitting.fitHoltWinters(series, spec: spec)
    if model.trainingSeries.count < series.count {
      invocation.report("\(series.name): \(series.missingCount) missing values; fitted to the longest stretch without gaps (\(model.trainingSeries.count) of \(series.count) observations)")
    }
    return model
  }
}

/// Option readings shared by the two commands.
enum FitOptions {
  static func period(_ invocation: Invocation, series: Series) throws -> Int {
    guard let given = try invocation.integer("period") else { return series.index.seasonalPeriod }
    guard given >= 1 else {
      throw invocation.optionError("period", "period must be at least 1 (1: non-seasonal), not \(given)")
    }
    guard given <= 10_000 else {
      throw invocation.optionError("period", "period must be at most 10000, not \(given)")
    }
    return given
  }

  static func component(_ keyword: String) -> ETSComponent {
    switch keyword {
    case "add": return .additive
    case "mul": return .multiplicative
    default: return .none
    }
  }
}
