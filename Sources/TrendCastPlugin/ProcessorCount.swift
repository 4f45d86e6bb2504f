import Foundation

/// How many processors this process may run on.
public enum ProcessorCount {
  /// The processors in the process's CPU affinity mask (`taskset`, a container's cpuset) on
  /// Linux, where Foundation's `activeProcessorCount` counts every online processor: more
  /// worker threads than allowed processors only take turns on the same cores.
  public static var available: Int {
    let online = ProcessInfo.processInfo.activeProcessorCount
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let allowed = allowedCount(status: status)
    else { return online }
    return max(1, min(allowed, online))
  }

  /// The number of processors in the `Cpus_allowed:` mask of a `/proc/<pid>/status` text
  /// (hexadecimal words separated by commas), or nil if there is none.
  static func allowedCount(status: String) -> Int? {
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) else { return nil }
    var count = 0
    for character in line.dropFirst("Cpus_allowed:".count) where character != "," && !character.isWhitespace {
      guard let digit = character.hexDigitValue else { return nil }
      count += digit.nonzeroBitCount
    }
    return count > 0 ? count : nil
  }
}
