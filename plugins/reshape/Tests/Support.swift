import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// Paths and helpers shared by the reshape plugin's tests.
enum Fixture {
  /// plugins/reshape/Tests/Fixtures, found from this file.
  static var folder: String { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path }
  static func path(_ name: String) -> String { folder + "/" + name }
  /// A `load` statement binding `name` to a fixture file.
  static func load(_ name: String, as binding: String, _ options: String = "") -> String {
    "\(binding) = load \"\(path(name))\"\(options.isEmpty ? "" : " " + options)"
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

func value<T>(_ name: String, _ source: String, as type: T.Type) throws -> T {
  let value = try ScriptHarness().value(of: name, in: source)
  return try #require(value as? T, "\(name) is \(value.kind.withArticle)")
}

/// A daily CSV of `count` days from `start` (ISO date), every value `value`, in a temporary file.
func dailyFile(from start: String, days count: Int, value: Double = 1, name: String) throws -> String {
  let first = try #require(DateParser.parse(start)).timestamp.days
  var text = "date,units\n"
  for day in first..<(first + count) { text += "\(CivilDate(daysSinceEpoch: day).iso),\(NumberFormatting.exact(value))\n" }
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("trendcast-reshape-\(name).csv").path
  try text.write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

extension Table {
  /// The cells of a column as display text, for compact comparisons.
  func texts(_ name: String) -> [String] {
    guard let column = column(named: name) else { return [] }
    return (0..<column.count).map { column.text(at: $0) }
  }
}
