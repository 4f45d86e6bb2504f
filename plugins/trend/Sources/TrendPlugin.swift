import TrendCastPlugin
import TrendCastValues

/// Trend regression: `fit trend X [period=N] [harmonics=K]`, a linear trend plus Fourier
/// seasonal terms fitted by ordinary least squares, as R's `tslm(y ~ trend + fourier(y, K))`.
public struct TrendPlugin: Plugin {
  public init() {}
  public var name: String { "trend" }
  public var summary: String { "linear trend with sin/cos seasonality by least squares" }

  public var commands: [Command] {
    [Command(Self.fitTrendSignature, run: FitTrend.run)]
  }

  static let fitTrendSignature = CommandSignature(
    ["fit", "trend"], summary: "linear trend plus Fourier seasonality: S_t = a0 + a1·t + Σ (b_k sin(kωt) + c_k cos(kωt))",
    discussion: """
      Ordinary least squares on t = 1, 2, … and K sine/cosine pairs of the season, ω = 2π/period \
      (R's tslm(y ~ trend + fourier(y, K))). Shows the coefficients with standard errors, t values \
      and p-values, R² and the F test; forecasts have prediction intervals from the t distribution \
      with the residual degrees of freedom. 2K must not exceed the period; when 2K equals it the \
      last sine is zero and left out. Missing values are left out of the fit. harmonics=0 fits the \
      trend line alone, as does a series without a seasonal period.
      """,
    inputs: [InputSpec("X", .value([.series, .table]), help: "the series to model (or a panel of them)")],
    options: [
      OptionSpec("period", .integer, defaultDescription: "the series' seasonal period", help: "the season length in periods"),
      OptionSpec("harmonics", .integer, defaultDescription: "⌊period/2⌋, at most 6", help: "K, the number of sine/cosine pairs (2K ≤ period)"),
    ],
    examples: ["m = fit trend units", "m = fit trend air.passengers harmonics=3", "fit trend units period=7 harmonics=2 |> forecast h=28"],
    result: .model)
}

enum FitTrend {
  /// The default number of harmonics: the full seasonal shape for short seasons (⌊m/2⌋ pairs
  /// are as flexible as seasonal dummies), capped at 6 for long ones such as 52 weeks.
  static func defaultHarmonics(period: Int) -> Int { min(period / 2, 6) }

  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let series = try invocation.series(0)
    let period = try invocation.integer("period") ?? series.index.seasonalPeriod
    guard period >= 1 else {
      throw invocation.optionError("period", "period must be at least 1, not \(period)")
    }
    let harmonics = try invocation.integer("harmonics") ?? defaultHarmonics(period: period)
    guard harmonics >= 0 else {
      throw invocation.optionError("harmonics", "harmonics must be 0 or more, not \(harmonics)")
    }
    guard 2 * harmonics <= period else {
      let most = period / 2
      throw invocation.optionError("harmonics", "harmonics=\(harmonics) is too many for period \(period): 2K must not exceed the period, so K is at most \(most)",
        hint: period == 1 ? "the series has no seasonal period; give period=N for a season, or leave out harmonics=" : "use harmonics=\(most) or fewer")
    }
    return try TrendModel.fitting(series, specification: TrendSpecification(period: period, harmonics: harmonics))
  }
}
