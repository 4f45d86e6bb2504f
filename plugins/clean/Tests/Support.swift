import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// Paths and small helpers shared by the clean plugin's tests.
enum Fixture {
  /// plugins/clean/Tests/Fixtures, found from this file.
  static var folder: String { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path }
  static func path(_ name: String) -> String { folder + "/" + name }

  /// expected.json (written by make_fixtures.py with pandas and numpy): one entry per data set.
  static func expected(_ set: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path("expected.json")))
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let sets = try #require(root["sets"] as? [String: Any])
    return try #require(sets[set] as? [String: Any])
  }

  /// A list of numbers with JSON nulls as NaN.
  static func numbers(_ entry: [String: Any], _ key: String) throws -> [Double] {
    let items = try #require(entry[key] as? [Any])
    return items.map { ($0 as? NSNumber)?.doubleValue ?? .nan }
  }
}

/// Runs a script that must fail while running; returns the formatted error (as on stderr).
func failure(_ source: String) -> String {
  do {
    let output = try ScriptHarness().run(source)
    Issue.record("expected the script to fail, but it printed:\n\(output)")
    return ""
  } catch {
    if case .failed(let text, _) = error { return text }
    Issue.record("expected a run-time failure (exit 4), got: \(error.description)")
    return error.description
  }
}

/// The series bound to `name` after running `source`.
func series(_ name: String, _ source: String) throws -> Series {
  let value = try ScriptHarness().value(of: name, in: source)
  return try #require(value as? Series, "\(name) is \(value.kind.withArticle)")
}

/// The largest absolute difference, NaN in the same places counting as equal (and a NaN
/// against a number as infinitely far).
func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
  guard a.count == b.count else { return .infinity }
  var worst = 0.0
  for (x, y) in zip(a, b) {
    if x.isNaN && y.isNaN { continue }
    if x.isNaN || y.isNaN { return .infinity }
    worst = max(worst, abs(x - y))
  }
  return worst
}
