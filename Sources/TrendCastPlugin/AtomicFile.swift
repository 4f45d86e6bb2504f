import Foundation
import TrendCastValues

/// Writes a file so that readers see either the old contents or the new, never half of it:
/// the text goes to a temporary file in the same folder, which then replaces the target.
public enum AtomicFile {
  public static func write(_ text: String, to path: String) throws {
    try write(to: path) { $0.append(text) }
  }

  /// Writes what `body` puts in the stream; the temporary file grows a chunk at a time, and
  /// replaces the target only when `body` has finished without an error.
  public static func write(to path: String, isCancelled: @escaping () -> Bool = { false }, _ body: (ByteStream) throws -> Void) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
        throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
      }
      let handle = try FileHandle(forWritingTo: temporary)
      do {
        let stream = ByteStream(isCancelled: isCancelled) { chunk in try handle.write(contentsOf: chunk) }
        try body(stream)
        try stream.finish()
        try handle.close()
      } catch {
        try? handle.close()
        throw error
      }
      if rename(temporary.path, url.path) != 0 {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }
}
