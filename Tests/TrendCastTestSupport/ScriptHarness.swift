import Foundation
import TrendCastBuiltins
import TrendCastGraph
import TrendCastNotebook
import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// Runs TrendCast source in tests, the way `trendcast run` would, without a process.
public struct ScriptHarness {
  public enum Failure: Error, CustomStringConvertible {
    /// Syntax or name errors (exit code 3), formatted as on stderr.
    case program(String)
    /// A command failed while running (exit code 4), formatted as on stderr.
    case failed(String, EvaluationFailure)
    case unusable(String)

    public var description: String {
      switch self {
      case .program(let text): return text
      case .failed(let text, _): return text
      case .unusable(let text): return text
      }
    }
  }

  public var registry: PluginRegistry
  public var context: RunContext

  /// A harness whose relative paths resolve against `directory` (default: the repository root)
  /// and whose `dataset` finds the repository's stdlib/.
  public init(directory: String? = nil, width: Int = 72, ascii: Bool = false) {
    registry = BuiltinPlugins.registry()
    let root = ReferenceData.repositoryRoot
    context = RunContext(style: RenderStyle(width: width, resolution: ascii ? .ascii : .braille),
      searchDirectories: [directory ?? root], stdlibDirectory: root + "/stdlib", parallelism: 2)
  }

  /// Runs `source` as a script named `name`; returns what `run` would print.
  public func run(_ source: String, name: String = "test.tc", parameters: [String: any Value] = [:]) throws(Failure) -> String {
    let runner = NotebookRunner(registry: registry, context: context, parameters: parameters, warn: { _ in })
    var output = ""
    let outcome = runner.run(SourceFile(name: name, text: source), mode: .print) { output += $0 }
    switch outcome {
    case .success, .outputsDiffer: return output
    case .programErrors(let diagnostics): throw .program(diagnostics.map(DiagnosticFormatter.format).joined())
    case .failed(let failure): throw .failed(FailureFormatter.format(failure), failure)
    case .unusable(let message): throw .unusable(message)
    }
  }

  /// Evaluates `source` and returns the value bound to `name`.
  public func value(of name: String, in source: String) throws(Failure) -> any Value {
    let session = Session(registry: registry, context: context)
    let file = SourceFile(name: "test.tc", text: source)
    let (statements, parseDiagnostics) = Parser.parse(file, vocabulary: registry)
    if !parseDiagnostics.isEmpty { throw .program(parseDiagnostics.map { DiagnosticFormatter.format($0, in: file) }.joined()) }
    let (ids, diagnostics) = session.add([Session.Unit(file: file, statements: statements)])
    if diagnostics.contains(where: { $0.diagnostic.severity == .error }) { throw .program(diagnostics.map(DiagnosticFormatter.format).joined()) }
    for id in ids {
      do { _ = try session.run(id) } catch { throw .failed(FailureFormatter.format(error), error) }
    }
    guard let value = session.value(of: name) else { throw .unusable("'\(name)' is not bound") }
    return value
  }
}
