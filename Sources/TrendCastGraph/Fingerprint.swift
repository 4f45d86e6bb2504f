import Foundation

/// A stable 64-bit FNV-1a hash of text: the cache key of a node. It covers the command, its
/// options, the fingerprints of its inputs and, for commands that read files, the file's size
/// and modification time — so a changed node (or file) invalidates its dependants and nothing else.
public struct Fingerprint: Sendable, Hashable, CustomStringConvertible {
  public var value: UInt64

  public init(_ text: String) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    value = hash
  }

  public var description: String {
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// Size and modification time of a file, or a marker when it cannot be read.
  static func fileStamp(_ path: String) -> String {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "missing:\(path)" }
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(path):\(size):\(modified)"
  }
}
