import Foundation
import Testing
import TrendCastTestSupport

/// A temporary folder for the data files a test writes, removed with the suite instance, and a
/// harness whose relative paths resolve there.
final class Scratch {
  let directory: String
  let harness: ScriptHarness

  init(ascii: Bool = false) {
    directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("trendcast-table-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    harness = ScriptHarness(directory: directory, ascii: ascii)
  }

  deinit { try? FileManager.default.removeItem(atPath: directory) }

  func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)))
  }
}


/// The output lines of a display.
func lines(_ text: String) -> [String] {
  text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

/// The whitespace-separated fields of the first line that starts with `label` and a space.
func row(_ label: String, in output: String) -> [String]? {
  lines(output).first { $0.hasPrefix(label + " ") }.map { $0.split(separator: " ").map(String.init) }
}

/// The first field of each row of a table display: the lines between the rule under the header
/// and the footer (or the end).
func firstColumn(_ output: String) -> [String] {
  let all = lines(output)
  guard let rule = all.firstIndex(where: { $0.hasPrefix("─") || $0.hasPrefix("--") }) else { return [] }
  return all[(rule + 1)...].prefix { !$0.contains(" × ") && !$0.isEmpty }.map { String($0.split(separator: " ").first ?? "") }
}

/// `day,units` for days 1…count of January 2024 with units = day × 7 mod 23, all different:
/// 7, 14, 21, 5, 12, 19, 3, 10, 17, 1, 8, 15, 22, 6, 13, 20, 4, 11, 18, 2 …
func januaryUnits(_ count: Int) -> String {
  precondition((1...22).contains(count))
  return "day,units\n" + (1...count).map { "2024-01-\($0 < 10 ? "0" : "")\($0),\($0 * 7 % 23)\n" }.joined()
}
