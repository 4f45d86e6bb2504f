import Foundation
import TrendCastValues

extension TransactionDatabase {
  /// Reads a basket file (the FIMI format): one basket a line, items separated by spaces,
  /// commas or tabs (runs of separators count as one). Every line is a basket, an empty line
  /// an empty basket; a final newline does not start another basket; `\r\n` endings are
  /// accepted. Item names are any UTF-8 text without separators.
  public static func readBaskets(path: String) throws -> TransactionDatabase {
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
      throw MiningError.unreadableFile(path: path, reason: reason)
    }
    return try readBaskets(data: data)
  }

  /// Reads baskets from the bytes of a basket file; see `readBaskets(path:)`.
  public static func readBaskets(data: Data) throws -> TransactionDatabase {
    try data.withUnsafeBytes { raw in try read(raw.bindMemory(to: UInt8.self)) }
  }

  /// Reads baskets from text; see `readBaskets(path:)`.
  public static func readBaskets(text: String) throws -> TransactionDatabase {
    var text = text
    return try text.withUTF8 { try read($0) }
  }

  private static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws -> TransactionDatabase {
    do {
      let baskets = try BasketFileReader.read(bytes)
      return TransactionDatabase(itemNames: baskets.itemNames, flatItems: baskets.items, offsets: baskets.offsets)
    } catch let error as BasketFileError {
      throw MiningError.malformedInput(line: error.line, detail: error.detail)
    }
  }
}
