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
      Command(Self.selectSignature, run: Select.run),
      Command(Self.filterSignature, run: Filter.run),
      Command(Self.joinSignature, run: Join.run),
      Command(Self.groupSignature, run: Group.run),
      Command(Self.pivotSignature, run: Pivot.run),
      Command(Self.calendarSignature, run: CalendarColumns.run),
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

  static let selectSignature = CommandSignature(
    ["select"], summary: "keep some columns of a table, in the order named",
    discussion: "The table's time column is always kept (first), so the result can still become a series.",
    inputs: [InputSpec("X", .value([.table]), help: "the table"), InputSpec("COL", .column, arity: .oneOrMore, help: "the columns to keep")],
    examples: ["select sales units price", "p = select sales date price"],
    result: .table)

  static let filterSignature = CommandSignature(
    ["filter"], summary: "keep the rows of a table where a condition holds",
    discussion: """
      Compare columns with numbers, quoted text or quoted dates (==, !=, <, <=, >, >=), and join \
      comparisons with and, or. A comparison with a missing value is neither true nor false, so \
      the row is left out and counted in the report; NA tests for missing values \
      (units != NA keeps the rows that have one). Rows keep their file lines.
      """,
    inputs: [InputSpec("X", .value([.table]), help: "the table"), InputSpec("CONDITION", .condition, help: "e.g. units > 0 and date >= \"2024-03-01\"")],
    examples: ["filter sales units > 0", "filter sales sku == \"A1\" and date >= \"2024-03-01\"", "filter sales units != NA"],
    result: .table)

  static let joinSignature = CommandSignature(
    ["join"], summary: "add the columns of a second table to the rows of a first whose key matches",
    discussion: """
      Each key may appear once in the second table (a price per day) and any number of times in \
      the first (sales of many SKUs per day), as pandas' merge(validate="many_to_one"). \
      how=inner keeps matched rows; left keeps every row of the first table, with missing \
      values where the second has no match; outer keeps the rows of both (dated keys in date \
      order). The report counts the rows left out or filled with missing values and names \
      their keys; a column of the second table whose name is taken gets a suffix _2.
      """,
    inputs: [InputSpec("A", .value([.table]), help: "the first table"), InputSpec("B", .value([.table]), help: "the table whose columns are added")],
    options: [
      OptionSpec("on", .column, required: true, help: "the key column, in both tables"),
      OptionSpec("how", .keyword(Join.How.allCases.map(\.rawValue)), default: .keyword("inner"), help: "which rows to keep: matched (inner), all of A (left), all of both (outer)"),
    ],
    examples: ["both = join sales prices on=date", "x = join sales holidays on=date how=left"],
    result: .table)

  static let groupSignature = CommandSignature(
    ["group"], summary: "split a long table into a panel, one table per id",
    discussion: """
      One member per value of by= (in order of first appearance), without the by= column. \
      Commands given a panel run once per member: clean P.units fill=linear cleans every \
      series. Rows without an id form the member NA, and the report says so.
      """,
    inputs: [InputSpec("X", .value([.table]), help: "a long table")],
    options: [OptionSpec("by", .column, required: true, help: "the id column (a SKU, a shop)")],
    examples: ["skus = group sales by=sku", "u = clean skus.units fill=linear"],
    result: .panel)

  static let pivotSignature = CommandSignature(
    ["pivot"], summary: "long table to wide (one column per id) and back (with longer)",
    discussion: """
      To wide: one row per value of by= (default: the time column), one column per value of \
      id=, filled from value=; two rows for one cell are an error unless dups= combines \
      them; cells without a row are missing; other columns are left out (named in the report). \
      With the flag longer: the numeric columns (or columns=[…]) are stacked into two columns, \
      names= (default name) and value= (default value), the others repeat. A panel is first \
      made one long table, id column first: pivot P gives one column per id, pivot P longer \
      the long table.
      """,
    inputs: [InputSpec("X", .value([.table, .panel]), help: "a table, or a panel of series or tables")],
    options: [
      OptionSpec("id", .column, help: "to wide: the column whose values become column names"),
      OptionSpec("value", .column, help: "to wide: the column that fills them; longer: the name of the stacked values (default value)"),
      OptionSpec("by", .column, defaultDescription: "the time column", help: "to wide: the column that keys the rows"),
      OptionSpec("dups", .keyword(["error", "sum", "mean", "median", "min", "max", "first", "last"]), default: .keyword("error"),
        help: "to wide: what to do when two rows fill one cell"),
      OptionSpec("names", .column, help: "longer: the name of the column of former column names (default name)"),
      OptionSpec("columns", .list(.column), defaultDescription: "every numeric column but the time column", help: "longer: the columns to stack"),
    ],
    flags: [FlagSpec("longer", help: "stack columns into rows (wide to long)")],
    examples: ["wide = pivot sales id=sku value=units", "long = pivot wide longer names=sku value=units", "w = pivot skus.units"],
    result: .table)

  static let calendarSignature = CommandSignature(
    ["calendar"], summary: "add calendar columns (weekday, month, holidays …) from a table's dates",
    discussion: """
      columns= chooses among weekday (ISO: 1 Monday … 7 Sunday), weekend (true/false), day \
      (of the month), week (ISO week number), month, quarter, year and dayofyear; by default \
      what suits the frequency (daily: weekday, month; weekly: week, month; monthly: month; \
      quarterly: quarter; yearly: year). holidays= takes dates (["2024-12-25", …]) or a file \
      with one date a line (a header line allowed): daily data gets a true/false column \
      holiday, weekly and longer periods a column holidays counting those in the calendar \
      period of each row's date. A series is first made a table of its dates and values.
      """,
    inputs: [InputSpec("X", .value([.table, .series]), help: "a table with a date column, or a series")],
    options: [
      OptionSpec("columns", .list(.keyword(CalendarColumns.Part.allCases.map(\.rawValue))), defaultDescription: "by frequency", help: "the calendar columns to add"),
      OptionSpec("holidays", .list(.string), help: "holiday dates, or the path of a file of them"),
    ],
    examples: ["c = calendar sales", "c = calendar sales columns=[weekday,weekend,month] holidays=\"data/holidays.csv\"", "c = calendar units holidays=[\"2024-12-25\",\"2025-01-01\"]"],
    result: .table)
}
