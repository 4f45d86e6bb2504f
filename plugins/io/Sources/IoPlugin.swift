import TrendCastPlugin
import TrendCastValues

/// Reading and writing data: `load` (CSV, TSV, JSON Lines, basket files; tables, panels and
/// transactions), `save` (the formats of LANGUAGE.md §7) and `dataset` (the samples in stdlib/).
public struct IoPlugin: Plugin {
  public init() {}
  public var name: String { "io" }
  public var summary: String { "read and write data: load, save, dataset" }

  public var commands: [Command] {
    [
      Command(Self.loadSignature, run: Load.run),
      Command(Self.saveSignature, run: Save.run),
      Command(Self.datasetSignature, run: Dataset.run),
    ]
  }

  static let frequencies = ["D", "W", "M", "Q", "Y", "H"]

  static let loadSignature = CommandSignature(
    ["load"], summary: "read a CSV, TSV, JSON Lines or basket file",
    discussion: """
      Column types (integer, float, text, date) and date formats are inferred, and so is the \
      frequency of the date column (D, W, M, Q, Y). Numbers written with a leading zero (0042) are \
      codes and stay text. Empty, NA and NaN fields are missing. The \
      first row is a header unless it looks like data (header= overrides). With id=COL the \
      result is a panel of one table per id; with the flag transactions, id= and item= name \
      the order and item columns of order lines, and the result is transactions. \
      format=baskets reads one basket a line (items separated by spaces or commas). \
      Relative paths are looked up next to the notebook, then in the working directory.
      """,
    inputs: [InputSpec("PATH", .text, help: "the file to read")],
    options: [
      OptionSpec("format", .keyword(["csv", "tsv", "jsonl", "baskets"]), defaultDescription: "from the file's extension", help: "the file format"),
      OptionSpec("date", .column, defaultDescription: "the first column of dates", help: "the column holding the dates"),
      OptionSpec("freq", .keyword(frequencies), defaultDescription: "inferred from the dates", help: "the frequency of the dates; needed when the date column holds plain period numbers 1, 2, 3 …"),
      OptionSpec("id", .column, help: "a column of ids: makes a panel of many series, or names the orders of transactions"),
      OptionSpec("item", .column, help: "with transactions: the column of items"),
      OptionSpec("quantity", .column, help: "with transactions: a quantity column; lines with a quantity of 0 or less (returns) are left out"),
      OptionSpec("sep", .string, defaultDescription: "sniffed: , ; or tab", help: "the field separator"),
      OptionSpec("header", .boolean, defaultDescription: "detected", help: "whether the first row holds column names"),
      OptionSpec("dups", .keyword(DuplicateDatePolicy.allCases.map(\.rawValue)), default: .keyword("error"),
        help: "what a series made from this table does with a date that appears twice: refuse (error) or combine (sum, mean, first, last)"),
    ],
    flags: [FlagSpec("transactions", help: "read order lines (id=, item=) as baskets for mining")],
    examples: [
      "sales = load \"data/shop_daily.csv\" date=date",
      "orders = load \"data/baskets_small.csv\" transactions id=order_id item=sku",
      "baskets = load \"data/retail.dat\" format=baskets",
      "skus = load \"data/sales_by_sku.csv\" date=date id=sku",
    ],
    result: .table, readsFile: true)

  static let saveSignature = CommandSignature(
    ["save"], summary: "write a value to a .csv or .json file",
    discussion: """
      The format follows the extension. Tables, series, forecasts, itemsets, rules, ACFs and \
      decompositions are written as CSV; models and tests as JSON (see LANGUAGE.md §7). The \
      file is written whole or not at all, and missing folders are created.
      """,
    inputs: [InputSpec("VALUE", .value([]), help: "what to save"), InputSpec("PATH", .text, help: "the file to write")],
    examples: ["save f \"out/forecast.csv\"", "save m \"out/model.json\""],
    result: .text, cacheable: false)

  static let datasetSignature = CommandSignature(
    ["dataset"], summary: "a sample data set shipped with TrendCast",
    discussion: "Without a name, lists the data sets in the standard library.",
    inputs: [InputSpec("NAME", .word, arity: .optional, help: "the data set, e.g. airpassengers", suggestions: Dataset.names)],
    examples: ["air = dataset airpassengers", "orders = dataset baskets_small", "dataset"],
    result: .table)
}
