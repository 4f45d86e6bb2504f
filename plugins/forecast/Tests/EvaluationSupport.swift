import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// Shared helpers of the evaluation tests.
enum EvaluationSupport {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// A JSON fixture of this folder, or of another plugin's test fixtures.
  static func fixture(_ name: String, plugin: String? = nil) throws -> [String: Any] {
    var url = fixtures.appendingPathComponent(name)
    if let plugin {
      url = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(plugin).appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }
    guard let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
      throw CocoaError(.fileReadCorruptFile)
    }
    return object
  }

  /// The fit command for a method name of the R fixtures.
  static func fit(_ method: String, _ input: String) -> String {
    method == "trend2" ? "fit trend \(input) harmonics=2" : "fit \(method) \(input)"
  }

  /// The value bound to `name` after `source` runs.
  static func value<T>(_ name: String, _ source: String, as type: T.Type) throws -> T {
    let value = try ScriptHarness().value(of: name, in: source)
    guard let typed = value as? T else { throw CocoaError(.fileReadCorruptFile) }
    return typed
  }

  /// |a − b| ≤ tolerance × max(1, |b|).
  static func close(_ a: Double?, _ b: Double?, _ tolerance: Double) -> Bool {
    guard let a, let b else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
  }

  /// The message of a script that must fail while running (exit code 4).
  static func failure(_ source: String, directory: String? = nil) -> String {
    do {
      _ = try ScriptHarness(directory: directory).run(source)
      return "(no error)"
    } catch {
      if case .failed(let text, _) = error { return text }
      return "(not a run-time failure: \(error))"
    }
  }
}
