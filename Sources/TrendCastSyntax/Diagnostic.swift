/// A problem found in a program, as a value: what went wrong, where, and what might help.
/// Diagnostics are collected (a cell may have several) and drawn by `DiagnosticFormatter`.
public struct Diagnostic: Sendable, Equatable {
  public enum Severity: String, Sendable {
    case error
    case warning
    case note
  }

  public var severity: Severity
  public var message: String
  public var range: SourceRange
  /// A short suggestion, printed as `help: …` (a nearest spelling, an allowed value).
  public var help: String?
  /// Further places involved (the other binding of a name bound twice, the members of a cycle).
  public var notes: [Note]

  public struct Note: Sendable, Equatable {
    public var message: String
    public var range: SourceRange
    /// The file `range` is in, when it is not the diagnostic's own (a front matter parameter
    /// bound again in a cell).
    public var file: SourceFile?
    public init(message: String, range: SourceRange, file: SourceFile? = nil) {
      self.message = message
      self.range = range
      self.file = file
    }
  }

  public init(_ severity: Severity = .error, _ message: String, at range: SourceRange, help: String? = nil, notes: [Note] = []) {
    self.severity = severity
    self.message = message
    self.range = range
    self.help = help
    self.notes = notes
  }

  public static func error(_ message: String, at range: SourceRange, help: String? = nil, notes: [Note] = []) -> Diagnostic {
    Diagnostic(.error, message, at: range, help: help, notes: notes)
  }
}

/// A diagnostic together with the file it refers to, ready to print.
public struct LocatedDiagnostic: Sendable {
  public var diagnostic: Diagnostic
  public var file: SourceFile
  public init(_ diagnostic: Diagnostic, in file: SourceFile) {
    self.diagnostic = diagnostic
    self.file = file
  }
}
