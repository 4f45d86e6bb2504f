import Foundation

/// The reference data and expected results under Tests/Reference (a copy of shared/reference).
public enum ReferenceData {
  /// The repository root, found from this file's location.
  public static var repositoryRoot: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  }

  /// A path inside Tests/Reference: `path("arima.json")`, `path("data/nile.csv")`.
  public static func path(_ relative: String) -> String {
    repositoryRoot + "/Tests/Reference/" + relative
  }

  /// A JSON file of Tests/Reference, parsed.
  public static func json(_ relative: String) throws -> Any {
    let data = try Data(contentsOf: URL(fileURLWithPath: path(relative)))
    return try JSONSerialization.jsonObject(with: data)
  }

  /// The cases of an expected-results file (`arima.json` → its "cases" array).
  public static func cases(_ relative: String) throws -> [[String: Any]] {
    guard let object = try json(relative) as? [String: Any], let cases = object["cases"] as? [[String: Any]] else {
      throw CocoaError(.fileReadCorruptFile)
    }
    return cases
  }

  /// A numeric column of a reference CSV (first column is the date).
  public static func column(_ csv: String, _ name: String) throws -> [Double] {
    let text = try String(contentsOfFile: path(csv), encoding: .utf8)
    let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    guard let header = lines.first, let index = header.firstIndex(of: name) else { throw CocoaError(.fileReadCorruptFile) }
    return lines.dropFirst().map { index < $0.count ? Double($0[index]) ?? .nan : .nan }
  }
}

/// Numbers in JSON expected files.
extension Dictionary where Key == String, Value == Any {
  public func double(_ key: String) -> Double? { (self[key] as? NSNumber)?.doubleValue }
  public func doubles(_ key: String) -> [Double]? { (self[key] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } }
  public func ints(_ key: String) -> [Int]? { (self[key] as? [Any])?.compactMap { ($0 as? NSNumber)?.intValue } }
  public func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
}
