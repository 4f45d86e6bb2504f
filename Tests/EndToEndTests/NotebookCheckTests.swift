import Foundation
import Testing
import TrendCastTestSupport

/// Every notebook in notebooks/ passes `trendcast run NOTEBOOK --check`, twice over: its stored
/// outputs are what the program prints today, byte for byte.
@Suite struct NotebookCheckTests {
  static var notebooks: [String] {
    let folder = ReferenceData.repositoryRoot + "/notebooks"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".tcnb") }.sorted()
  }

  /// Language cases: small notebooks whose stored outputs are the expected results,
  /// error messages included (`tc error` cells).
  static var cases: [String] {
    let folder = ReferenceData.repositoryRoot + "/Tests/EndToEndTests/Cases"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".tcnb") }.sorted()
  }

  @Test(arguments: NotebookCheckTests.cases)
  func languageCasePassesCheck(_ name: String) throws {
    let binary = try #require(BuiltBinary.path, BuiltBinary.missingMessage)
    let result = try BuiltBinary.run(binary, ["run", "Tests/EndToEndTests/Cases/\(name)", "--check"], in: ReferenceData.repositoryRoot)
    #expect(result.status == 0, "trendcast run Tests/EndToEndTests/Cases/\(name) --check exited \(result.status):\n\(result.stderr)")
  }

  @Test func thereAreNotebooksToCheck() {
    #expect(!Self.notebooks.isEmpty, "notebooks/ holds no .tcnb file")
  }

  @Test(arguments: NotebookCheckTests.notebooks)
  func notebookPassesCheck(_ name: String) throws {
    let binary = try #require(BuiltBinary.path, BuiltBinary.missingMessage)
    let result = try BuiltBinary.run(binary, ["run", "notebooks/\(name)", "--check"], in: ReferenceData.repositoryRoot)
    #expect(result.status == 0, "trendcast run notebooks/\(name) --check exited \(result.status):\n\(result.stderr)")
  }
}

/// The `trendcast` executable built next to the test bundle (or in .build/debug).
enum BuiltBinary {
  static var path: String? {
    let beside = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("trendcast").path
    let candidates = [ProcessInfo.processInfo.environment["TRENDCAST_BINARY"], beside, ReferenceData.repositoryRoot + "/.build/debug/trendcast"]
    return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  static let missingMessage: Comment = "the trendcast binary is not built: run `swift build` before `swift test` (or set TRENDCAST_BINARY)"

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs the binary to completion with `arguments` in `directory`, capturing both streams.
  static func run(_ binary: String, _ arguments: [String], in directory: String) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Drain stderr on another thread while stdout is read here, so neither pipe can fill up
    // and stall the child.
    let errorData = LockedData()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errorData.set(err.fileHandleForReading.readDataToEndOfFile())
      group.leave()
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: errorData.get(), as: UTF8.self))
  }
}

/// Bytes handed from the thread that reads stderr.
final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  func set(_ value: Data) { lock.withLock { data = value } }
  func get() -> Data { lock.withLock { data } }
}
