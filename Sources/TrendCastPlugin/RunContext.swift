import Foundation
import Synchronization
import TrendCastValues

/// What a running command may use from its surroundings: where files are, how output is drawn,
/// where to report, and whether the user asked it to stop.
public struct RunContext: Sendable {
  public var style: RenderStyle
  /// Relative paths are resolved against these, in order (the notebook's folder, then the
  /// working directory). Files are written relative to the first.
  public var searchDirectories: [String]
  /// The folder of the standard library (sample data sets), if found.
  public var stdlibDirectory: String?
  public var cancellation: CancellationFlag
  /// Progress bars on stderr; silent when not in a terminal.
  public var progress: any ProgressReporter
  /// Lines a command reports (what `clean` changed, the models an automatic search tried);
  /// they become part of the statement's output.
  public var report: ReportSink
  /// Worker threads for commands that map over many series.
  public var parallelism: Int
  /// The session as the language's own commands see it (set only while they run).
  public var session: SessionSnapshot?

  public init(style: RenderStyle = RenderStyle(), searchDirectories: [String] = [FileManager.default.currentDirectoryPath],
              stdlibDirectory: String? = nil, cancellation: CancellationFlag = CancellationFlag(),
              progress: any ProgressReporter = SilentProgress(), report: ReportSink = ReportSink(),
              parallelism: Int = ProcessorCount.available) {
    self.style = style
    self.searchDirectories = searchDirectories
    self.stdlibDirectory = stdlibDirectory
    self.cancellation = cancellation
    self.progress = progress
    self.report = report
    self.parallelism = max(1, parallelism)
  }

  /// Throws `CancellationError` once the user has pressed Ctrl-C; long loops call it.
  public func checkCancellation() throws {
    if cancellation.isCancelled { throw CancellationError() }
  }

  /// The path a relative file name refers to for reading: the first search directory where
  /// it exists, else the first search directory.
  public func resolveForReading(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    let expanded = (path as NSString).expandingTildeInPath
    if expanded.hasPrefix("/") { return expanded }
    for directory in searchDirectories {
      let candidate = (directory as NSString).appendingPathComponent(path)
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
    }
    return resolveForWriting(path)
  }

  /// The path a relative file name refers to for writing (relative to the first directory).
  public func resolveForWriting(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    let expanded = (path as NSString).expandingTildeInPath
    if expanded.hasPrefix("/") { return expanded }
    guard let base = searchDirectories.first else { return path }
    return (base as NSString).appendingPathComponent(path)
  }
}

/// Set from the SIGINT handler; read by running commands.
public final class CancellationFlag: Sendable {
  private let flag = Atomic<Bool>(false)
  public init() {}
  public var isCancelled: Bool { flag.load(ordering: .relaxed) }
  public func cancel() { flag.store(true, ordering: .relaxed) }
  public func reset() { flag.store(false, ordering: .relaxed) }
}

/// Collects the report lines of one statement (thread-safe: panel members report in parallel).
public final class ReportSink: Sendable {
  private let lines = Mutex<[String]>([])
  public init() {}
  public func callAsFunction(_ text: String) {
    lines.withLock { $0.append(text) }
  }
  public var text: String { lines.withLock { $0.joined(separator: "\n") } }
  public var isEmpty: Bool { lines.withLock { $0.isEmpty } }
  public func drain() -> [String] {
    lines.withLock { current in
      defer { current = [] }
      return current
    }
  }
}

/// Progress of a long command: `start` once, `advance` as work completes, `finish` at the end.
public protocol ProgressReporter: Sendable {
  func start(_ label: String, total: Int)
  func advance(by steps: Int)
  func finish()
}

/// Reports nothing (files, pipes, tests).
public struct SilentProgress: ProgressReporter {
  public init() {}
  public func start(_ label: String, total: Int) {}
  public func advance(by steps: Int) {}
  public func finish() {}
}
