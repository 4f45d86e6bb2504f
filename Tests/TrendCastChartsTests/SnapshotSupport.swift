import Foundation
import Testing

/// Compares rendered text with a stored snapshot file, byte for byte.
///
/// Snapshots live in `Snapshots/` next to this file, one file per case, holding the
/// rendered text plus a final newline. A missing or different snapshot fails the test;
/// snapshots are (re)written only when the environment variable
/// `TRENDCAST_RECORD_SNAPSHOTS=1` is set, and even then the test reports what it wrote.
enum Snapshot {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

  static var recording: Bool { ProcessInfo.processInfo.environment["TRENDCAST_RECORD_SNAPSHOTS"] == "1" }

  static func assertMatches(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = folder.appendingPathComponent(name + ".txt")
    let expected = try? String(contentsOf: url, encoding: .utf8)
    let actual = text + "\n"
    if expected == actual { return }
    if recording {
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name) (TRENDCAST_RECORD_SNAPSHOTS=1); run again without it", sourceLocation: sourceLocation)
      } catch {
        Issue.record("cannot write snapshot \(name): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected else {
      Issue.record("missing snapshot \(name); record it with TRENDCAST_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
      return
    }
    Issue.record("snapshot \(name) differs:\n\(firstDifference(expected: expected, actual: actual))", sourceLocation: sourceLocation)
  }

  /// The first differing line of two texts, shown one above the other.
  static func firstDifference(expected: String, actual: String) -> String {
    let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
    for i in 0..<max(e.count, a.count) {
      let left = i < e.count ? e[i] : "<none>", right = i < a.count ? a[i] : "<none>"
      if left != right { return "line \(i + 1)\nexpected: \(left)\nactual:   \(right)" }
    }
    return "(same lines; different line endings)"
  }
}
