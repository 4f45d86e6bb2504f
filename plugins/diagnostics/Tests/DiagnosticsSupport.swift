import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// Shared helpers of the diagnostics tests: fixtures, running commands, comparing numbers.
enum DiagnosticsSupport {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

  /// A JSON fixture of this folder (or, with `plugin`, of another plugin's test fixtures).
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

  /// The value `name` after loading `csv` as `data` and running `statement`.
  static func value<T>(_ statement: String, csv: String, as type: T.Type) throws -> T {
    let source = "data = load \"Tests/Reference/\(csv)\" date=date\nresult = \(statement)"
    let value = try ScriptHarness().value(of: "result", in: source)
    guard let typed = value as? T else { throw CocoaError(.fileReadCorruptFile) }
    return typed
  }

  static func values(_ object: Any?) -> [Double] {
    (object as? [Any])?.map { ($0 as? NSNumber)?.doubleValue ?? .nan } ?? []
  }

  /// |a − b| ≤ tolerance × max(1, |b|); both missing counts as equal.
  static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    return abs(a - b) <= tolerance * max(1, abs(b))
  }

  static func allClose(_ a: [Double], _ b: [Double], _ tolerance: Double) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tolerance) }
  }

  /// The message of a script that must fail while running (exit code 4).
  static func failure(_ source: String) -> String {
    do {
      _ = try ScriptHarness().run(source)
      return "(no error)"
    } catch {
      if case .failed(let text, _) = error { return text }
      return "(not a run-time failure: \(error))"
    }
  }
}
