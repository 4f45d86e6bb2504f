import TrendCastPlugin
import TrendCastValues

/// Diagnostics for teaching and model checking: `acf`, `pacf`, `test adf`, `test kpss`,
/// `test ljungbox` and `decompose`. The numbers follow statsmodels (ACF, PACF, ADF, KPSS) and
/// R (Ljung–Box on residuals as checkresiduals, STL as mstl, classical as decompose).
public struct DiagnosticsPlugin: Plugin {
  public init() {}
  public var name: String { "diagnostics" }
  public var summary: String { "ACF, PACF, unit-root and white-noise tests, decomposition" }

  static let seriesOrModel = InputSpec("X", .value([.series, .table, .model]), help: "a series, or a fitted model (its residuals)")
  static let seriesInput = InputSpec("X", .value([.series, .table]), help: "the series to examine")

  public var commands: [Command] {
    [
      Command(Transforms.diffSignature, run: Transforms.diff),
      Command(Transforms.logSignature, run: Transforms.log),
      Command(Self.correlogramSignature(.acf), run: { try CorrelogramCommand.run($0, function: .acf) }),
      Command(Self.correlogramSignature(.pacf), run: { try CorrelogramCommand.run($0, function: .pacf) }),
      Command(CommandSignature(
        ["test", "adf"], summary: "augmented Dickey-Fuller test: H0 a unit root",
        discussion: """
          statsmodels' adfuller: the regression Δy_t = [c + βt] + γ y_{t−1} + Σ δ_i Δy_{t−i}; the \
          number of lagged differences minimises AIC over 0…⌈12(n/100)^¼⌉ (all fitted on the same \
          sample) unless lags= fixes it; MacKinnon (1994) p-value and (2010) critical values. \
          Missing values are dropped first. A model given here is tested on its residuals.
          """,
        inputs: [Self.seriesOrModel],
        options: [
          OptionSpec("regression", .keyword(["c", "ct", "n"]), default: .keyword("c"), help: "deterministic terms: c constant, ct constant and trend, n none"),
          OptionSpec("lags", .integer, defaultDescription: "chosen by AIC", help: "a fixed number of lagged differences"),
        ],
        examples: ["test adf units", "test adf units regression=ct", "test adf m"], result: .test),
        run: UnitRootCommands.adf),
      Command(CommandSignature(
        ["test", "kpss"], summary: "KPSS test: H0 stationary around a level (or a trend)",
        discussion: """
          statsmodels' kpss: residuals from the mean (type=level) or a linear trend (type=trend), \
          partial sums over the Bartlett long-run variance with the automatic lag of Hobijn et \
          al. (1998) unless lags= fixes it; the p-value is interpolated in the KPSS (1992) table \
          and shown as a bound (< 0.01, > 0.1) beyond it. Missing values are dropped first.
          """,
        inputs: [Self.seriesOrModel],
        options: [
          OptionSpec("type", .keyword(["level", "trend"]), default: .keyword("level"), help: "stationarity around a level or a linear trend"),
          OptionSpec("lags", .integer, defaultDescription: "automatic (Hobijn et al.)", help: "a fixed truncation lag"),
        ],
        examples: ["test kpss units", "test kpss units type=trend"], result: .test),
        run: UnitRootCommands.kpss),
      Command(CommandSignature(
        ["test", "ljungbox"], summary: "Ljung-Box test: H0 no autocorrelation (a series, or a model's residuals)",
        discussion: """
          Q* = n(n+2) Σ r_k²/(n−k) over lags 1…N against χ²(N − fitdf). On a series: fitdf 0 and \
          10 lags unless lags= says otherwise. On a model, as R's checkresiduals: fitdf is the \
          number of estimated parameters (p+q+P+Q for ARIMA), lags default to min(2·period, n/5) \
          (10 for non-seasonal data) and at least fitdf + 3; interior gaps in the residuals are \
          interpolated linearly.
          """,
        inputs: [Self.seriesOrModel],
        options: [OptionSpec("lags", .integer, defaultDescription: "10, or R's checkresiduals rule for a model", help: "how many autocorrelations to sum")],
        examples: ["test ljungbox m", "test ljungbox units lags=14"], result: .test),
        run: LjungBoxCommand.run),
      Command(CommandSignature(
        ["decompose"], summary: "trend, season and remainder, with the strength of trend and seasonality",
        discussion: """
          method=stl (default) is R's mstl for one season: STL with seasonal window 11 (swindow=N \
          changes it, periodic fixes the pattern, robust adds robustness iterations), missing \
          values filled by seasonal interpolation first and left out of the remainder. \
          method=classical is R's decompose (centred moving average), additive or multiplicative. \
          Strengths: F = max(0, 1 − Var(R)/Var(component + R)) (Hyndman & Athanasopoulos).
          """,
        inputs: [Self.seriesInput],
        options: [
          OptionSpec("period", .integer, defaultDescription: "the series' seasonal period", help: "the season length (at least 2)"),
          OptionSpec("method", .keyword(["stl", "classical"]), default: .keyword("stl"), help: "STL (loess) or classical (moving averages)"),
          OptionSpec("type", .keyword(["additive", "multiplicative"]), default: .keyword("additive"), help: "how the components combine (multiplicative: classical only)"),
          OptionSpec("swindow", .integer, defaultDescription: "11", help: "STL seasonal smoothing window (odd)"),
        ],
        flags: [FlagSpec("periodic", help: "STL: the same seasonal pattern every cycle"), FlagSpec("robust", help: "STL: downweight outliers")],
        examples: ["d = decompose air.passengers", "decompose units swindow=7 robust", "decompose units method=classical type=multiplicative"],
        result: .result),
        run: DecomposeCommand.run),
    ]
  }

  static func correlogramSignature(_ function: Correlogram.Function) -> CommandSignature {
    let name = function.rawValue
    return CommandSignature(
      [name], summary: function == .acf ? "autocorrelations with a correlogram" : "partial autocorrelations with a correlogram",
      discussion: """
        \(function == .acf ? "Sample autocorrelations (biased autocovariances, as R's acf and statsmodels)" : "Partial autocorrelations by Durbin-Levinson on the biased autocovariances (R's pacf, statsmodels method='ywm')") \
        at lags 1…N, shown as values and a correlogram with the ±1.96/√n band. The default N is \
        max(10·log₁₀ n, 2·period) as forecast's Acf, at most n − 1. Missing values are dropped \
        first. A model given here is examined through its residuals.
        """,
      inputs: [Self.seriesOrModel],
      options: [OptionSpec("lags", .integer, defaultDescription: "max(10·log₁₀ n, 2·period)", help: "the largest lag")],
      examples: ["\(name) units", "\(name) air.passengers lags=36", "\(name) m"], result: .result)
  }
}
