/// The kinds of value LANGUAGE.md §3 names. `vars`, `help` and error messages speak of kinds.
public enum ValueKind: String, Sendable, CaseIterable, Hashable {
  case table, series, panel, model, forecast, transactions, itemsets, rules
  case test, chart, text, number, list
  /// Results that are neither of the above (an ACF, a decomposition, an accuracy table).
  case result

  /// "a table", "an itemsets value" — for messages.
  public var withArticle: String {
    switch self {
    case .itemsets, .rules, .transactions: return "\(rawValue)"
    case .result: return "a result"
    case .test: return "a test result"
    default: return "aeiou".contains(rawValue.prefix(1)) ? "an \(rawValue)" : "a \(rawValue)"
    }
  }
}

/// How values are drawn: the width for charts and tables, the chart resolution and colour.
public struct RenderStyle: Sendable, Hashable {
  public enum Resolution: String, Sendable, Hashable {
    case braille, block, ascii
  }
  public var width: Int
  public var height: Int?
  public var resolution: Resolution
  public var color: Bool
  /// Rows of a long table shown at its head (and `tailRows` at its end).
  public var headRows: Int
  public var tailRows: Int

  public init(width: Int = 72, height: Int? = nil, resolution: Resolution = .braille, color: Bool = false, headRows: Int = 10, tailRows: Int = 5) {
    self.width = width
    self.height = height
    self.resolution = resolution
    self.color = color
    self.headRows = headRows
    self.tailRows = tailRows
  }

  /// Plain 7-bit text only.
  public var asciiOnly: Bool { resolution == .ascii }
}

/// A file format `save` can write, chosen from the extension.
public enum ExportFormat: String, Sendable, CaseIterable {
  case csv, json
}

/// Anything a TrendCast statement evaluates to.
///
/// Values render themselves (the REPL and notebooks print `render`), export themselves (`save`)
/// and expose named parts (`table.column`). Concrete kinds shared by several plugins live in this
/// module (tables, series, forecasts, transactions); a plugin may add its own types (the rules
/// plugin's itemsets and rules) as long as they conform.
public protocol Value: Sendable {
  var kind: ValueKind { get }
  /// One line for `vars`: size and shape ("730 × 3", "ARIMA(1,1,1)").
  var summary: String { get }
  /// The full display.
  func render(_ style: RenderStyle) -> String
  /// The file contents `save` writes.
  func export(as format: ExportFormat) throws -> String
  /// The same contents, written to `stream` as they are made (for values whose files can be
  /// large; the default writes `export(as:)`).
  func export(as format: ExportFormat, into stream: ByteStream) throws
  /// Names usable after a dot (`sales.units`).
  var memberNames: [String] { get }
  func member(_ name: String) throws -> any Value
}

extension Value {
  public func export(as format: ExportFormat, into stream: ByteStream) throws {
    stream.append(try export(as: format))
  }
  public func export(as format: ExportFormat) throws -> String {
    throw RuntimeError("\(kind.withArticle) cannot be saved as .\(format.rawValue)",
      hint: "save writes tables and series as .csv, models and tests as .json")
  }
  public var memberNames: [String] { [] }
  public func member(_ name: String) throws -> any Value {
    throw RuntimeError("\(kind.withArticle) has no part named '\(name)'",
      hint: memberNames.isEmpty ? nil : "parts: \(memberNames.joined(separator: ", "))")
  }
}

/// A value made of rows that `show … top=N by=COL` can order and cut: tables, and the rules
/// plugin's itemsets and rules.
public protocol RowOrderable: Value {
  /// Names that can be used with `by=`.
  var orderableColumns: [String] { get }
  /// Whether ordering by `column` defaults to largest first (measures such as lift).
  func prefersDescending(_ column: String) -> Bool
  /// The rows ordered by `column` (nil: as they are) and cut to the first `limit`.
  func ordered(by column: String?, descending: Bool, limit: Int?) throws -> any Value
}
