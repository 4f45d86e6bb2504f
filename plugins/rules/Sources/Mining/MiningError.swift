import Foundation

/// An error raised while reading baskets or mining itemsets and rules.
///
/// A struct wrapping a private enum, so that cases can be added without breaking callers.
/// `description` is a complete message for the user that says what to do next.
public struct MiningError: Error, Equatable, Sendable, CustomStringConvertible {
  private enum Kind: Equatable, Sendable {
    case malformedInput(line: Int, detail: String)
    case unreadableFile(path: String, reason: String)
    case invalidSupport(String)
    case invalidOption(String)
    case unknownItem(String)
    case limitExceeded(limit: Int, what: String, suggestion: String)
    case cancelled
  }

  private let kind: Kind

  private init(_ kind: Kind) { self.kind = kind }

  /// Input that cannot be read as baskets, with the 1-based line of the problem.
  public static func malformedInput(line: Int, detail: String) -> MiningError {
    MiningError(.malformedInput(line: line, detail: detail))
  }

  /// A file that could not be opened or read.
  public static func unreadableFile(path: String, reason: String) -> MiningError {
    MiningError(.unreadableFile(path: path, reason: reason))
  }

  /// A support threshold that is negative, not finite, or above the number of baskets.
  public static func invalidSupport(_ detail: String) -> MiningError { MiningError(.invalidSupport(detail)) }

  /// Any other option value out of its range.
  public static func invalidOption(_ detail: String) -> MiningError { MiningError(.invalidOption(detail)) }

  /// An item name in a constraint or a basket that the database does not contain.
  public static func unknownItem(_ name: String) -> MiningError { MiningError(.unknownItem(name)) }

  /// The run would produce more than `limit` results; `suggestion` says what to change.
  public static func limitExceeded(limit: Int, what: String, suggestion: String) -> MiningError {
    MiningError(.limitExceeded(limit: limit, what: what, suggestion: suggestion))
  }

  /// The caller's cancellation check returned true (e.g. Ctrl-C).
  public static let cancelled = MiningError(.cancelled)

  /// True for the error thrown when the output cap is reached.
  public var isLimitExceeded: Bool {
    if case .limitExceeded = kind { return true }
    return false
  }

  /// True for the error thrown when the run was cancelled.
  public var isCancelled: Bool { kind == .cancelled }

  /// The 1-based input line of a malformed-input error.
  public var line: Int? {
    if case .malformedInput(let line, _) = kind { return line }
    return nil
  }

  public var description: String {
    switch kind {
    case .malformedInput(let line, let detail):
      return "line \(line): \(detail)"
    case .unreadableFile(let path, let reason):
      return "cannot read '\(path)': \(reason)"
    case .invalidSupport(let detail):
      return "invalid support: \(detail); give a fraction such as 0.01, a percent such as 1%, or a count such as 50"
    case .invalidOption(let detail):
      return detail
    case .unknownItem(let name):
      return "unknown item '\(name)': it does not occur in any basket"
    case .limitExceeded(let limit, let what, let suggestion):
      return "stopped after \(limit) \(what) (limit=\(limit)); \(suggestion)"
    case .cancelled:
      return "mining cancelled"
    }
  }
}
