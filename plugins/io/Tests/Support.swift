import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// The small data files next to these tests.
enum Fixture {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
  static var harness: ScriptHarness { ScriptHarness(directory: directory) }
}

/// A temporary folder for files a test writes (inputs made on the fly, or what `save` writes),
/// removed when the test's suite instance goes away.
final class Scratch {
  let directory: String
  let harness: ScriptHarness

  init() {
    directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("trendcast-io-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    harness = ScriptHarness(directory: directory)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

  func write(_ name: String, _ text: String) throws {
    try write(name, bytes: Array(text.utf8))
  }

  func write(_ name: String, bytes: [UInt8]) throws {
    let target = path(name)
    try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: target))
  }

  func read(_ name: String) throws -> String {
    try String(contentsOfFile: path(name), encoding: .utf8)
  }

  func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

  /// Every entry of a folder of the scratch area, hidden ones included, sorted.
  func listing(_ folder: String = "") -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? directory : path(folder))) ?? []).sorted()
  }
}

extension ScriptHarness {
  /// The table bound to `name` by `source`.
  func table(_ name: String, in source: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Table {
    let value = try value(of: name, in: source)
    return try #require(value as? Table, "\(name) is \(value.kind.withArticle), not a table", sourceLocation: sourceLocation)
  }
}

extension Table {
  /// A column that must exist.
  func require(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Column {
    try #require(column(named: name), "no column '\(name)' among \(columnNames)", sourceLocation: sourceLocation)
  }

  /// Every cell of a column as display text ("NA" when missing).
  func texts(_ name: String) throws -> [String] {
    let column = try require(name)
    return (0..<column.count).map { column.text(at: $0) }
  }
}

/// The output lines of a display.
func lines(_ text: String) -> [String] {
  text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

/// The whitespace-separated fields of the first output line that starts with `label` and a space.
func row(_ label: String, in output: String) -> [String]? {
  lines(output).first { $0.hasPrefix(label + " ") }.map { $0.split(separator: " ").map(String.init) }
}
