/// An error a user can act on: what went wrong, what to try, and where in the data.
/// The front end turns any `UserFacingError` thrown while running into exit code 4 and the
/// `FILE:LINE:COL: error:` format of LANGUAGE.md §6.
public protocol UserFacingError: Error, Sendable {
  var message: String { get }
  var hint: String? { get }
  /// A place in a data file, when the problem is there rather than in the program.
  var dataLocation: DataLocation? { get }
  /// The option (by name) or input (by position) of the statement to point at, if any.
  var focus: ErrorFocus? { get }
}

extension UserFacingError {
  public var dataLocation: DataLocation? { nil }
  public var focus: ErrorFocus? { nil }
}

/// Which part of a statement an error is about.
public enum ErrorFocus: Sendable, Equatable {
  case option(String)
  case input(Int)
}

/// A position in a data file: 1-based line, and where in the line if known — a character
/// column, or a field number (the error formatter then finds the field in the line).
public struct DataLocation: Sendable, Equatable {
  /// The file as the program names it.
  public var file: String
  public var line: Int
  public var column: Int?
  public var field: Int?
  /// The line's text, when the reader has it at hand.
  public var lineText: String?
  /// Where to read the line from when `lineText` is nil.
  public var path: String?

  public init(file: String, line: Int, column: Int? = nil, field: Int? = nil, lineText: String? = nil, path: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.field = field
    self.lineText = lineText
    self.path = path
  }
}

/// The general-purpose error of commands and values.
public struct RuntimeError: UserFacingError, CustomStringConvertible {
  public var message: String
  public var hint: String?
  public var dataLocation: DataLocation?
  public var focus: ErrorFocus?

  public init(_ message: String, hint: String? = nil, at dataLocation: DataLocation? = nil, focus: ErrorFocus? = nil) {
    self.message = message
    self.hint = hint
    self.dataLocation = dataLocation
    self.focus = focus
  }

  public var description: String { message }

  /// The same error pointing at an option of the statement.
  public func focused(on focus: ErrorFocus) -> RuntimeError {
    var copy = self
    copy.focus = focus
    return copy
  }
}

/// Thrown when the user interrupts a running command (Ctrl-C).
public struct CancellationError: UserFacingError {
  public init() {}
  public var message: String { "interrupted" }
  public var hint: String? { nil }
}
