import Foundation
import Testing
import TrendCastPlugin
import TrendCastValues

/// A file is replaced whole or not at all: a streamed write that fails or is cancelled leaves
/// the old file and no temporary file.
@Suite struct AtomicFileTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)").path

  init() throws { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }

  func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

  @Test func aStreamedWriteArrivesWholeInChunks() throws {
    let path = folder + "/big.csv"
    let line = Array(repeating: UInt8(ascii: "x"), count: 99) + [0x0A]
    try AtomicFile.write(to: path) { stream in
      for _ in 0..<30_000 {
        stream.append(contentsOf: line)
        try stream.flushIfFull()
      }
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 3_000_000)
    #expect(try listing() == ["big.csv"])
  }

  @Test func aCancelledWriteLeavesTheOldFileAndNoTemporaryFile() throws {
    let path = folder + "/rules.csv"
    try AtomicFile.write("old\n", to: path)
    #expect(throws: CancellationError.self) {
      try AtomicFile.write(to: path, isCancelled: { true }) { stream in
        for _ in 0..<30_000 {
          stream.append(contentsOf: Array(repeating: UInt8(ascii: "y"), count: 100))
          try stream.flushIfFull()
        }
      }
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    #expect(try listing() == ["rules.csv"])
  }
}
