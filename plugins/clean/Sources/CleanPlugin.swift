import TrendCastPlugin
import TrendCastValues

/// Making a series fit for modelling: `clean` clips impossible values, finds outliers
/// (Tukey's fences, z-scores, Hampel), fills missing values (linear, carried, mean, seasonal)
/// and normalises reversibly, reporting every value it changed.
public struct CleanPlugin: Plugin {
  public init() {}
  public var name: String { "clean" }
  public var summary: String { "make a series fit for modelling: fill, outliers, clip, normalize" }

  public var commands: [Command] {
    [Command(Self.cleanSignature, run: Clean.run)]
  }

  static let cleanSignature = CommandSignature(
    ["clean"], summary: "fill missing values, find outliers, clip and normalize a series; reports what it changed",
    discussion: """
      Steps run in this order: clip=, then outliers=, then fill=, then normalize=. Nothing is \
      done unless asked. Outliers are judged on the observed values (missing ones skipped): \
      iqr flags values outside Tukey's fences Q1 − k·IQR, Q3 + k·IQR (k = threshold, 1.5); \
      zscore flags |x − mean|/sd > threshold (3, sample sd); hampel flags values more than \
      threshold (3) scaled MADs from the median of a centred window of window= (7) values. \
      action=flag only reports them; replace puts the fence, the mean ± threshold·sd or the \
      window median in their place; drop makes them missing, and fill= then fills them. \
      fill=linear interpolates as pandas' interpolate(); ffill and bfill carry observations; \
      mean uses the observed mean; seasonal interpolates the seasonally adjusted series (robust \
      STL) and adds the season back, as R's forecast::na.interp. Missing values before the \
      first observation take the first observed value (after the last: the last one), and the \
      report says so. normalize=minmax|zscore rescales and remembers how, so forecasts of the \
      series come back on the original scale. A table with one numeric column is taken as \
      that series; a panel is cleaned series by series.
      """,
    inputs: [InputSpec("X", .value([.series, .table]), help: "the series to clean (or a table with one numeric column)")],
    options: [
      OptionSpec("fill", .keyword(FillMethod.allCases.map(\.rawValue)), default: .keyword("none"), help: "how to fill missing values"),
      OptionSpec("outliers", .keyword(["none", "iqr", "zscore", "hampel"]), default: .keyword("none"), help: "the rule that finds outliers"),
      OptionSpec("action", .keyword(CleanPlan.OutlierAction.allCases.map(\.rawValue)), default: .keyword("flag"),
        help: "what to do with outliers: report them (flag), put the rule's replacement in their place (replace), or make them missing (drop)"),
      OptionSpec("threshold", .number, defaultDescription: "1.5 for iqr, 3 for zscore and hampel",
        help: "how far out an outlier is: the IQR factor, the |z| limit, or the number of MADs"),
      OptionSpec("window", .integer, defaultDescription: "7 with hampel", help: "hampel: the odd number of values in the window centred on each value"),
      OptionSpec("period", .integer, defaultDescription: "from the series' frequency (7 for daily, 52 weekly, 12 monthly)", help: "fill=seasonal: the seasonal period"),
      OptionSpec("normalize", .keyword(NormalizeMethod.allCases.map(\.rawValue)), default: .keyword("none"),
        help: "rescale to [0, 1] (minmax) or to mean 0 and sd 1 (zscore); forecasts map back"),
      OptionSpec("clip", .list(.number), help: "[lower, upper]: raise values below lower, lower values above upper (clip=0: a lower bound alone)"),
    ],
    examples: [
      "units = clean sales.units fill=linear",
      "units = clean sales.units clip=0 outliers=hampel action=replace fill=seasonal",
      "z = clean units outliers=iqr threshold=3 normalize=zscore",
    ],
    result: .series)
}
