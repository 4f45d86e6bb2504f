import TrendCastPlugin
import TrendCastValues

/// Changing the shape of data: `resample` into calendar periods, and the table operations
/// `select`, `filter`, `join`, `group`, `pivot` and `calendar`. Each keeps the table's time
/// column and, where rows still come from one file, their file lines for later messages.
public struct ReshapePlugin: Plugin {
  public init() {}
  public var name: String { "reshape" }
  public var summary: String { "resample into calendar periods; select, filter, join, group, pivot, calendar columns" }

  public var commands: [Command] {
    [
      Command(Self.resampleSignature, run: Resample.run),
    ]
  }

  static let resampleSignature = CommandSignature(
    ["resample"], summary: "aggregate a series or table into calendar weeks, months, quarters or years",
    discussion: """
      Periods are calendar periods: ISO weeks run Monday to Sunday and are labelled by their \
      Monday (a week across New Year belongs to neither year alone; ISO week 53 is an ordinary \
      week); months, quarters and years follow the calendar, leap days included. agg= combines \
      the values of a period, skipping missing ones; a period with no value is missing (count: 0). \
      The report names a first or last period the data covers only in part (a week cut by the \
      end of the data) and the periods aggregated from incomplete data; partial=drop leaves the \
      partial edge periods out. Only longer periods can be made: upsampling is refused. A table \
      is aggregated by the dates of its rows (several rows per date are added up), every \
      numeric column at once; text columns are left out and named.
      """,
    inputs: [InputSpec("X", .value([.series, .table]), help: "a series, or a table with a date column")],
    options: [
      OptionSpec("freq", .keyword(["D", "W", "M", "Q", "Y"]), required: true, help: "the new frequency: D days, W ISO weeks, M months, Q quarters, Y years"),
      OptionSpec("agg", .keyword(Aggregation.allCases.map(\.rawValue)), default: .keyword("sum"), help: "how the values of a period are combined"),
      OptionSpec("partial", .keyword(["keep", "drop"]), default: .keyword("keep"), help: "keep or leave out a first or last period the data covers only in part"),
    ],
    examples: [
      "weekly = resample units freq=W",
      "monthly = resample units freq=M agg=mean partial=drop",
      "daily = resample orders freq=D agg=count",
    ],
    result: .series)
}
