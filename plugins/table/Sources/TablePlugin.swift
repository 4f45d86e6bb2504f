import TrendCastPlugin
import TrendCastValues

/// Looking at data: `show` (aligned columns, head and tail, ordering) and `describe`
/// (summary statistics by column).
public struct TablePlugin: Plugin {
  public init() {}
  public var name: String { "table" }
  public var summary: String { "look at data: show, describe" }

  public var commands: [Command] {
    [
      Command(CommandSignature(
        ["show"], summary: "display a value; order and cut the rows of a table, itemsets or rules",
        discussion: """
          Long tables show their first and last rows. by=COL orders the rows (ascending, or with \
          desc largest first); top=N keeps the first N. "top=N by=COL" means the N largest, as in \
          `show rules top=10 by=lift` (add asc for the N smallest).
          """,
        inputs: [InputSpec("X", .value([]), help: "the value to show")],
        options: [
          OptionSpec("top", .integer, help: "show only the first N rows (after ordering)"),
          OptionSpec("by", .column, help: "order the rows by this column or measure"),
        ],
        flags: [FlagSpec("desc", help: "largest first"), FlagSpec("asc", help: "smallest first"), FlagSpec("all", help: "show every row, not just head and tail")],
        examples: ["show sales", "show sales top=5 by=units", "show rules top=10 by=lift"],
        result: .table), run: Show.run),
      Command(CommandSignature(
        ["describe"], summary: "summary statistics of each column",
        discussion: """
          Numbers: count, missing, mean, standard deviation, minimum, quartiles (R's type 7, as \
          pandas), maximum. Dates: range and inferred frequency. Text and true/false columns: \
          distinct values and the most common one.
          """,
        inputs: [InputSpec("X", .value([.table, .series]), help: "a table or a series")],
        examples: ["describe sales", "describe sales.units"],
        result: .text), run: Describe.run),
    ]
  }
}
