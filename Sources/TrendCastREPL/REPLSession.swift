import TrendCastGraph
import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// A session fed one entry at a time. Rebinding a name replaces its node and re-runs every node
/// that depends on it; an entry that fails leaves the previous values in place.
public final class REPLSession {
  public let session: Session

  public struct Result {
    /// What to print: displays, reports, and which nodes re-ran.
    public var output: String
    /// Formatted errors, for stderr.
    public var errors: String
    /// Names of dependants that re-ran because a name was rebound.
    public var reran: [String]
  }

  public init(registry: PluginRegistry, context: RunContext) {
    session = Session(registry: registry, context: context)
  }

  /// Whether `text` is an unfinished statement: an open bracket, or a trailing `|>` or `,`.
  public static func needsContinuation(_ text: String) -> Bool {
    var lexer = Lexer(SourceFile(name: "<repl>", text: text))
    _ = lexer.tokenize()
    if lexer.diagnostics.contains(where: { $0.message.contains("never closed") && !$0.message.contains("string") }) { return true }
    let trimmed = text.split(separator: "\n").last.map { line -> Substring in
      let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? line
      return code.drop(while: { $0 == " " })
    } ?? ""
    let end = trimmed.reversed().drop(while: { $0 == " " || $0 == "\t" })
    return end.starts(with: ">|") || end.first == ","
  }

  public func submit(_ text: String, firstLine: Int) -> Result {
    let file = SourceFile(name: "<repl>", text: text, firstLine: firstLine)
    let (statements, parseDiagnostics) = Parser.parse(file, vocabulary: session.registry)
    if !parseDiagnostics.isEmpty {
      return Result(output: "", errors: parseDiagnostics.map { DiagnosticFormatter.format($0, in: file) }.joined(), reran: [])
    }
    let before = session.graph
    let rebound = statements.compactMap(\.boundName?.name).filter { session.graph.binders[$0] != nil }
    let (ids, diagnostics) = session.add([Session.Unit(file: file, statements: statements)])
    let errors = diagnostics.filter { $0.diagnostic.severity == .error }
    if !errors.isEmpty {
      return Result(output: "", errors: errors.map { DiagnosticFormatter.format($0) }.joined(), reran: [])
    }
    var outputs: [String] = []
    for id in ids {
      do {
        let output = try session.run(id)
        if !output.text.isEmpty { outputs.append(output.text) }
      } catch {
        session.restoreGraph(before)
        return Result(output: outputs.joined(separator: "\n\n"), errors: FailureFormatter.format(error), reran: [])
      }
    }
    var reran: [String] = []
    if !rebound.isEmpty {
      var seen = Set(ids)
      for id in ids {
        for dependant in session.graph.transitiveDependants(of: id) where seen.insert(dependant).inserted {
          guard let statement = session.graph.statements[dependant] else { continue }
          do {
            let output = try session.run(dependant)
            reran.append(statement.name?.name ?? "line \(statement.file.location(of: statement.range.start).line)")
            if !output.text.isEmpty { outputs.append(output.text) }
          } catch {
            return Result(output: outputs.joined(separator: "\n\n"), errors: FailureFormatter.format(error), reran: reran)
          }
        }
      }
      if !reran.isEmpty { outputs.insert("re-ran: \(reran.joined(separator: ", "))", at: 0) }
    }
    return Result(output: outputs.joined(separator: "\n\n"), errors: "", reran: reran)
  }
}
