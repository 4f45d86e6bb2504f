import Foundation
import Testing

/// Locates the reference data and fixtures relative to this file, so tests run from a clean
/// clone wherever it is checked out.
enum ReferenceData {
  static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let referenceDirectory = testsDirectory.deletingLastPathComponent().appendingPathComponent("Reference")
  static let fixturesDirectory = testsDirectory.appendingPathComponent("Fixtures")

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// A numeric column of a CSV file under Tests/Reference (empty fields and NA read as NaN).
  static func column(_ csv: String, _ name: String) throws -> [Double] {
    let text = try String(contentsOf: referenceDirectory.appendingPathComponent(csv), encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    guard !lines.isEmpty else { throw Failure(description: "\(csv) is empty") }
    let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    guard let index = header.firstIndex(of: name) else { throw Failure(description: "\(csv) has no column \(name)") }
    return lines.map { line in
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard index < fields.count, let value = Double(fields[index]) else { return .nan }
      return value
    }
  }

  /// A JSON file under Tests/Reference, decoded as `T`.
  static func reference<T: Decodable>(_ file: String, as type: T.Type) throws -> T {
    let data = try Data(contentsOf: referenceDirectory.appendingPathComponent(file))
    return try JSONDecoder().decode(T.self, from: data)
  }

  /// A JSON file under Tests/TrendCastNumericsTests/Fixtures, decoded as `T`.
  static func fixture<T: Decodable>(_ file: String, as type: T.Type) throws -> T {
    let data = try Data(contentsOf: fixturesDirectory.appendingPathComponent(file))
    return try JSONDecoder().decode(T.self, from: data)
  }
}

/// |a − b| ≤ tolerance, elementwise, recording each failing index.
func expectClose(
  _ actual: [Double], _ expected: [Double], tolerance: Double, _ label: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, "\(label): length \(actual.count) vs \(expected.count)", sourceLocation: sourceLocation)
  for (i, (a, e)) in zip(actual, expected).enumerated() {
    #expect(abs(a - e) <= tolerance, "\(label)[\(i)]: \(a) vs \(e) (tolerance \(tolerance))", sourceLocation: sourceLocation)
  }
}

/// |a − b| ≤ tolerance for one number.
func expectClose(
  _ actual: Double, _ expected: Double, tolerance: Double, _ label: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(abs(actual - expected) <= tolerance, "\(label): \(actual) vs \(expected) (tolerance \(tolerance))", sourceLocation: sourceLocation)
}

/// A deterministic pseudo-random generator (SplitMix64) so tests do not depend on the system RNG.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
