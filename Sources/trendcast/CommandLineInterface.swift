import ArgumentParser

/// The command line of LANGUAGE.md §6, declared for swift-argument-parser. Parsing only: what
/// each invocation does is in `FrontEnd`.
struct TrendCastCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trendcast",
    abstract: "A notebook-style interpreter for market-trend analysis: forecasting and market-basket mining.",
    discussion: """
      Without a subcommand, trendcast starts the REPL when standard input is a terminal, and
      otherwise runs the script it reads from standard input.
      `trendcast help [COMMAND]` explains the language's commands; `trendcast plugins` lists plugins.
      Exit codes: 0 success, 1 --check found differences, 2 usage, 3 syntax or name error, 4 a command failed.
      """,
    subcommands: [RunCommand.self, PluginsCommand.self])

  @OptionGroup var display: DisplayOptions
}

struct DisplayOptions: ParsableArguments {
  @Option(name: .long, help: "Chart width in columns (default: 72 in `run`, the terminal's width in the REPL).")
  var width: Int?

  @Flag(name: .long, help: "Plain 7-bit ASCII output.")
  var ascii = false

  @Flag(name: .long, help: "Charts in block characters (▀ ▄ █) instead of braille, for fonts without braille.")
  var blocks = false

  @Flag(name: .customLong("no-color"), help: "No ANSI colours (also when NO_COLOR is set or output is not a terminal).")
  var noColor = false

  func validate() throws {
    if ascii && blocks {
      throw ValidationError("--ascii and --blocks are two resolutions; give one")
    }
    if let width, width < 20 || width > 1000 {
      throw ValidationError("--width must be between 20 and 1000 columns")
    }
  }
}

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a .tcnb notebook or a .tc script.")

  @Argument(help: "The notebook (.tcnb) or script (.tc) to run.")
  var file: String

  @Flag(name: .long, help: "Compare fresh outputs with the stored ones; exit 1 and report each differing cell.")
  var check = false

  @Flag(name: .long, help: "Write fresh outputs into the notebook (atomically).")
  var update = false

  @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Override a binding: NAME=VALUE (repeatable).", valueName: "NAME=VALUE"))
  var param: [String] = []

  @OptionGroup var display: DisplayOptions

  func validate() throws {
    if check && update { throw ValidationError("--check and --update cannot be used together") }
    for assignment in param {
      guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
        throw ValidationError("--param needs NAME=VALUE, not '\(assignment)'")
      }
    }
  }
}

struct PluginsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "plugins", abstract: "List the loaded plugins and their commands.")
}
