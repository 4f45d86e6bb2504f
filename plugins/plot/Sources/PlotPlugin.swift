import TrendCastPlugin
import TrendCastValues

/// Terminal charts of any value: lines of series (several overlaid), a forecast with its
/// interval bands, bars, histograms, scatter plots, seasonal plots, and the charts that other
/// plugins' values bring (correlograms, decompositions, top rules).
public struct PlotPlugin: Plugin {
  public init() {}
  public var name: String { "plot" }
  public var summary: String { "terminal charts of series, forecasts, rules and diagnostics" }

  public static let kinds = ["line", "bar", "hist", "scatter", "seasonal"]

  public var commands: [Command] {
    [Command(CommandSignature(
      ["plot"], summary: "draw values as a chart in the terminal",
      discussion: """
        Several series are drawn on one date axis, each with its own mark (and colour in a \
        terminal). A forecast draws its history, the point forecast and each prediction \
        interval as a band (95 % lightest), with the forecast origin marked; series given with \
        it are drawn as actuals (a held-out test set). Itemsets and rules draw bars of the top \
        ones; ACFs draw a correlogram; decompositions their components. kind=bar draws the last \
        values of a series as bars, hist a histogram, scatter two series against each other \
        (matched by date), seasonal one line per year (monthly, quarterly, weekly data) or per \
        week (daily data). Width: width=, else --width, else 72 in notebooks and the terminal \
        width in the REPL; the height follows the width unless height= is given.
        """,
      inputs: [InputSpec("X", .value([]), arity: .oneOrMore, help: "series, tables, forecasts, or other plottable values")],
      options: [
        OptionSpec("title", .string, defaultDescription: "from the values", help: "the chart's title"),
        OptionSpec("kind", .keyword(Self.kinds), default: .keyword("line"), help: "the type of chart"),
        OptionSpec("width", .integer, help: "width in columns (20 to 1000)"),
        OptionSpec("height", .integer, help: "height of the plot area in rows"),
        OptionSpec("ylabel", .string, help: "a label for the y axis"),
        OptionSpec("unit", .string, help: "the unit of the y values, shown with the axis"),
        OptionSpec("top", .integer, default: .integer(10), help: "bars drawn for rules and itemsets, or the last periods of a series with kind=bar"),
        OptionSpec("last", .integer, defaultDescription: "all", help: "draw only the last N periods of the series (a forecast's history; the forecast itself is drawn in full)"),
        OptionSpec("bins", .integer, defaultDescription: "Sturges or Freedman–Diaconis, whichever gives more", help: "histogram bins (kind=hist)"),
      ],
      examples: [
        "plot units", "plot units, f title=\"Units sold per day\"", "plot rules top=10",
        "plot f last=90", "plot units kind=hist", "plot air kind=seasonal", "plot price, units kind=scatter",
      ],
      result: .chart), run: Plot.run)]
  }
}
