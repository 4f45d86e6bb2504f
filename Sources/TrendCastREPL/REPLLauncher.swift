import Foundation
import TrendCastGraph
import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// Starts an interactive session on the terminal.
public enum REPLLauncher {
  /// Runs until end of input; returns false if the session could not start.
  public static func run(registry: PluginRegistry, context: RunContext, fixedWidth: Int?) -> Bool {
    let session = REPLSession(registry: registry, context: context)
    var line = 1
    var pending = ""
    while true {
      FileHandle.standardOutput.write(Data((pending.isEmpty ? "tc> " : "...> ").utf8))
      guard let input = readLine(strippingNewline: true) else { break }
      pending += (pending.isEmpty ? "" : "\n") + input
      if REPLSession.needsContinuation(pending) { continue }
      let result = session.submit(pending, firstLine: line)
      line += pending.split(separator: "\n", omittingEmptySubsequences: false).count
      pending = ""
      if !result.output.isEmpty { print(result.output) }
      if !result.errors.isEmpty { FileHandle.standardError.write(Data(result.errors.utf8)) }
    }
    return true
  }
}
