/// An error raised by TrendCastNumerics when its input cannot be used: a series that is too short,
/// constant or entirely missing, a matrix that is singular or not positive definite, an
/// argument outside its domain.
///
/// It wraps a private enum so new cases can be added without breaking callers; callers read
/// `message` (a readable sentence) and may compare with the static values (`.tooShort`, ...)
/// through `kind`.
public struct NumericsError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The broad category of a `NumericsError`, for callers that branch on it.
  public struct Kind: Sendable, Equatable, Hashable, CustomStringConvertible {
    fileprivate enum Base: String, Sendable {
      case tooShort = "series too short"
      case constant = "series constant"
      case allMissing = "all values missing"
      case singular = "singular matrix"
      case notPositiveDefinite = "matrix not positive definite"
      case invalidArgument = "invalid argument"
      case notConverged = "not converged"
      case nonFinite = "non-finite value"
    }
    fileprivate let base: Base
    public static let tooShort = Kind(base: .tooShort)
    public static let constant = Kind(base: .constant)
    public static let allMissing = Kind(base: .allMissing)
    public static let singular = Kind(base: .singular)
    public static let notPositiveDefinite = Kind(base: .notPositiveDefinite)
    public static let invalidArgument = Kind(base: .invalidArgument)
    public static let notConverged = Kind(base: .notConverged)
    public static let nonFinite = Kind(base: .nonFinite)
    public var description: String { base.rawValue }
  }

  /// What went wrong, broadly.
  public let kind: Kind
  /// A readable sentence saying what went wrong, suitable for a user message.
  public let message: String

  public var description: String { message }

  private init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// The series has fewer usable values than the method needs.
  public static func tooShort(_ what: String, needed: Int, got: Int) -> NumericsError {
    NumericsError(.tooShort, "\(what) needs at least \(needed) values, got \(got)")
  }

  /// The series is constant, so the statistic is undefined.
  public static func constant(_ what: String) -> NumericsError {
    NumericsError(.constant, "\(what) is undefined for a constant series")
  }

  /// Every value of the series is missing (NaN).
  public static func allMissing(_ what: String) -> NumericsError {
    NumericsError(.allMissing, "\(what): every value is missing")
  }

  /// A matrix that had to be inverted or solved with is (numerically) singular.
  public static func singular(_ what: String) -> NumericsError {
    NumericsError(.singular, "\(what): the matrix is singular")
  }

  /// A matrix that had to be Cholesky-factored is not positive definite.
  public static func notPositiveDefinite(_ what: String) -> NumericsError {
    NumericsError(.notPositiveDefinite, "\(what): the matrix is not positive definite")
  }

  /// An argument lies outside the range the method accepts.
  public static func invalidArgument(_ message: String) -> NumericsError {
    NumericsError(.invalidArgument, message)
  }

  /// An iterative method did not reach its tolerance.
  public static func notConverged(_ what: String) -> NumericsError {
    NumericsError(.notConverged, "\(what) did not converge")
  }

  /// A computation met NaN or infinity where a finite number was needed.
  public static func nonFinite(_ what: String) -> NumericsError {
    NumericsError(.nonFinite, "\(what): non-finite value")
  }
}
