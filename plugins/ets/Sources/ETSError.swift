/// Why an exponential-smoothing model could not be fitted or used: a message that names the
/// limit and the value, and what to try. The command layer turns it into a `RuntimeError`
/// (exit code 4).
public struct ETSError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public var hint: String?

  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }

  public var description: String { message }

  static func tooShort(needed: Int, got: Int, what: String, hint: String? = nil) -> ETSError {
    ETSError("the series is too short for \(what): it has \(got) observation\(got == 1 ? "" : "s"), at least \(needed) are needed",
      hint: hint ?? "use a longer series or a simpler model")
  }

  static func notPositive(_ model: String, minimum: Double, position: Int) -> ETSError {
    ETSError("\(model) needs strictly positive data, but observation \(position + 1) is \(formatted(minimum))",
      hint: "use additive components (e.g. model=\"AAA\", or seasonal=add), or shift the data above zero")
  }

  static func formatted(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
