import TrendCastSyntax
import TrendCastValues

/// A statement that failed while running (exit code 4): which statement, where in it, and the
/// error a command or value threw.
public struct EvaluationFailure: Error, Sendable {
  public var file: SourceFile
  public var range: SourceRange
  public var message: String
  public var hint: String?
  public var dataLocation: DataLocation?
  public var isCancellation: Bool

  /// The diagnostic pointing into the program.
  public var diagnostic: Diagnostic {
    .error(message, at: range, help: hint)
  }
}

/// Output of one evaluated statement.
public struct StatementOutput: Sendable {
  public var statementID: Int
  public var value: (any Value)?
  /// What the command reported (what `clean` changed, the search path of a fit).
  public var report: [String]
  /// The rendered value of a display statement.
  public var display: String?

  /// The text shown for the statement: the report, then the display.
  public var text: String {
    (report + (display.map { [$0] } ?? [])).joined(separator: "\n")
  }
}
