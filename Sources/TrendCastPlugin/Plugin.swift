import TrendCastValues

/// A family of commands — one algorithm family, one folder under plugins/.
///
/// A plugin declares its commands' signatures (inputs, options with types and defaults, help
/// text, examples) and implements them. The signatures drive parsing, `help`, error messages and
/// tab completion; the interpreter core knows no command by name.
public protocol Plugin: Sendable {
  /// The plugin's name: its folder under plugins/ ("arima").
  var name: String { get }
  /// One line for `plugins` and `help`.
  var summary: String { get }
  var commands: [Command] { get }
}

/// One command: its signature and what it does.
public struct Command: Sendable {
  public var signature: CommandSignature
  public var run: @Sendable (Invocation) throws -> any Value

  public init(_ signature: CommandSignature, run: @escaping @Sendable (Invocation) throws -> any Value) {
    self.signature = signature
    self.run = run
  }
}
