import Foundation
import TrendCastGraph
import TrendCastNotebook
import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

extension REPLSession {
  /// `:save FILE.tcnb`: the session's statements as a notebook, one cell each, with outputs.
  ///
  /// The statements are those in the graph now: an entry that failed was undone, a rebinding
  /// replaced the statement it rebound (so every name is bound once, as a notebook requires),
  /// and displays of `help`, `vars`, `graph` and `plugins` were never kept. They are written in
  /// an order where each comes after the statements it reads (otherwise in the order typed).
  /// The outputs are those `trendcast run FILE` produces — the notebook is run as that command
  /// would run it, at the notebook width of 72 columns without colour — so `--check` passes.
  /// The file is written whole or not at all.
  public func save(to path: String) -> EntryResult {
    let graph = session.graph
    let statements = graph.topologicalOrder().compactMap { graph.statements[$0] }
    guard !statements.isEmpty else {
      return .failure("trendcast: nothing to save yet: no statement has run in this session\n")
    }
    let resolved = context.resolveForWriting(path)
    let name = (resolved as NSString).lastPathComponent
    var text = "# TrendCast session\n\nSaved from the REPL; `trendcast run \(name) --check` runs it again and compares the outputs.\n"
    for statement in statements {
      text += "\n```tc\n" + statement.file.text(of: statement.range) + "\n```\n"
    }

    let folder = (resolved as NSString).deletingLastPathComponent
    let runContext = RunContext(searchDirectories: [folder] + context.searchDirectories, stdlibDirectory: context.stdlibDirectory,
      cancellation: context.cancellation, progress: context.progress, parallelism: context.parallelism)
    let runner = NotebookRunner(registry: registry, context: runContext, warn: { _ in })
    var rendered = ""
    let outcome = runner.run(SourceFile(name: resolved, text: text), mode: .print) { rendered += $0 }
    let problem: String
    switch outcome {
    case .success:
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicFile.write(rendered, to: resolved)
      } catch {
        return .failure("trendcast: cannot write \(path): \(error.localizedDescription)\n")
      }
      let count = statements.count == 1 ? "1 statement" : "\(statements.count) statements"
      return EntryResult(output: "saved \(count) to \(path); check it with: trendcast run \(path) --check",
        errors: "", reran: [], succeeded: true)
    case .failed(let failure):
      problem = failure.isCancellation ? "interrupted\n" : FailureFormatter.format(failure)
    case .programErrors(let diagnostics):
      problem = diagnostics.map(DiagnosticFormatter.format).joined()
    case .outputsDiffer:
      problem = ""
    case .unusable(let message):
      problem = message + "\n"
    }
    return .failure(problem + "trendcast: \(path) was not written: the session did not run again as a notebook\n")
  }

  /// `:load FILE.tcnb` (or a `.tc` script): binds its statements into the session and runs them,
  /// as one entry: names it binds that were bound before are rebound, and if anything fails,
  /// nothing is kept.
  public func load(_ path: String) -> EntryResult {
    let resolved = context.resolveForReading(path)
    guard let data = FileManager.default.contents(atPath: resolved) else {
      let exists = FileManager.default.fileExists(atPath: resolved)
      return .failure("trendcast: cannot read \(path): \(exists ? "permission denied or not a file" : "no such file")\n")
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      return .failure("trendcast: \(path) is not UTF-8 text\n")
    }
    let file = SourceFile(name: path, text: text)
    var units: [Session.Unit] = []
    var diagnostics: [LocatedDiagnostic] = []
    if path.hasSuffix(".tcnb") {
      let document: NotebookDocument
      do {
        document = try NotebookDocument(file: file)
      } catch {
        return .failure("\(path):\(error.line): \(error.message)\n")
      }
      for parameter in document.frontMatter.parameters {
        let source = SourceFile(name: path, text: "\(parameter.name) = \(parameter.literal)", firstLine: parameter.line)
        let (statements, found) = Parser.parse(source, vocabulary: registry)
        diagnostics += found.map { LocatedDiagnostic($0, in: source) }
        units.append(Session.Unit(file: source, statements: statements))
      }
      // A cell marked `tc error` shows an error on purpose; it has no place in a session.
      for cell in document.cells where !cell.expectsError {
        let (statements, found) = Parser.parse(file, range: cell.code, vocabulary: registry)
        diagnostics += found.map { LocatedDiagnostic($0, in: file) }
        units.append(Session.Unit(file: file, statements: statements))
      }
    } else {
      let (statements, found) = Parser.parse(file, vocabulary: registry)
      diagnostics += found.map { LocatedDiagnostic($0, in: file) }
      units.append(Session.Unit(file: file, statements: statements))
    }
    if !diagnostics.isEmpty {
      return .failure(diagnostics.map(DiagnosticFormatter.format).joined() + "trendcast: nothing from \(path) was run\n")
    }
    let count = units.reduce(0) { $0 + $1.statements.count }
    var result = run(units)
    if result.succeeded {
      let bound = units.flatMap { $0.statements.compactMap(\.boundName?.name) }
      let summary = "loaded \(path): \(count) statement\(count == 1 ? "" : "s")"
        + (bound.isEmpty ? "" : "; bound \(bound.joined(separator: ", "))")
      result.output += (result.output.isEmpty ? "" : "\n\n") + summary
    } else {
      result.errors += "trendcast: nothing from \(path) was kept\n"
    }
    return result
  }
}
