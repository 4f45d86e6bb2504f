import Foundation
import TrendCastGraph
import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// Runs a notebook (`.tcnb`) or a script (`.tc`, stdin): binds everything first (so a syntax or
/// name error anywhere stops the run before anything executes), then runs cell by cell.
public struct NotebookRunner {
  public enum Mode: Sendable { case print, check, update }

  /// How a run ended; the front end maps each case to an exit code.
  public enum Outcome {
    case success
    /// `--check`: cells whose fresh output differs from the stored one.
    case outputsDiffer([Mismatch])
    case programErrors([LocatedDiagnostic])
    case failed(EvaluationFailure)
    /// The notebook itself cannot be used (unreadable, malformed front matter, unknown --param).
    case unusable(String)
  }

  public struct Mismatch: Sendable {
    public var cellNumber: Int
    public var line: Int
    public var diff: String
  }

  public var registry: PluginRegistry
  public var context: RunContext
  public var parameters: [String: any Value]
  /// `--width`, overriding the front matter's width.
  public var widthOverride: Int?
  /// Warnings (non-fatal diagnostics) go here.
  public var warn: (String) -> Void

  public init(registry: PluginRegistry, context: RunContext, parameters: [String: any Value] = [:], widthOverride: Int? = nil, warn: @escaping (String) -> Void) {
    self.registry = registry
    self.context = context
    self.parameters = parameters
    self.widthOverride = widthOverride
    self.warn = warn
  }

  /// Runs `file` (its name decides notebook or script) and emits what `run` prints.
  public func run(_ file: SourceFile, mode: Mode, emit: (String) -> Void) -> Outcome {
    if file.name.hasSuffix(".tcnb") {
      let document: NotebookDocument
      do {
        document = try NotebookDocument(file: file)
      } catch {
        return .unusable("\(file.name):\(error.line): \(error.message)")
      }
      return runNotebook(document, mode: mode, emit: emit)
    }
    return runScript(file, emit: emit)
  }

  // MARK: Scripts

  func runScript(_ file: SourceFile, emit: (String) -> Void) -> Outcome {
    var style = context.style
    style.width = widthOverride ?? style.width
    let session = makeSession(style: style)
    let (statements, parseDiagnostics) = Parser.parse(file, vocabulary: registry)
    let (ids, bindDiagnostics) = session.add([Session.Unit(file: file, statements: statements)])
    let diagnostics = parseDiagnostics.map { LocatedDiagnostic($0, in: file) } + bindDiagnostics
    if let outcome = stopForDiagnostics(diagnostics, session: session, frontMatterNames: []) { return outcome }
    var first = true
    for id in ids {
      do {
        let output = try session.run(id).text
        guard !output.isEmpty else { continue }
        emit((first ? "" : "\n") + output + "\n")
        first = false
      } catch {
        return .failed(error)
      }
    }
    return .success
  }

  // MARK: Notebooks

  func runNotebook(_ document: NotebookDocument, mode: Mode, isSecondPass: Bool = false, emit: (String) -> Void) -> Outcome {
    let file = document.file
    var style = context.style
    style.width = widthOverride ?? document.frontMatter.width ?? 72
    let session = makeSession(style: style)

    var units: [Session.Unit] = []
    var parseDiagnostics: [LocatedDiagnostic] = []
    for parameter in document.frontMatter.parameters {
      let source = SourceFile(name: file.name, text: "\(parameter.name) = \(parameter.literal)", firstLine: parameter.line)
      let (statements, diagnostics) = Parser.parse(source, vocabulary: registry)
      parseDiagnostics += diagnostics.map { LocatedDiagnostic($0, in: source) }
      units.append(Session.Unit(file: source, statements: statements))
    }
    var cellStatements: [[Statement]] = []
    for cell in document.cells {
      let (statements, diagnostics) = Parser.parse(file, range: cell.code, vocabulary: registry)
      cellStatements.append(statements)
      if !cell.expectsError { parseDiagnostics += diagnostics.map { LocatedDiagnostic($0, in: file) } }
    }
    // Ordinary cells are bound together; a cell marked `tc error` is bound on its own, after them,
    // so its (expected) error becomes its output instead of stopping the notebook.
    let normalIndices = document.cells.indices.filter { !document.cells[$0].expectsError }
    let (normalIDs, bindDiagnostics) = session.add(units + normalIndices.map { Session.Unit(file: file, statements: cellStatements[$0]) })
    let frontMatterNames = Set(document.frontMatter.parameters.map(\.name))
    if let outcome = stopForDiagnostics(parseDiagnostics + bindDiagnostics, session: session, frontMatterNames: frontMatterNames) {
      return outcome
    }
    var idsByCell: [Int: [Int]] = [:]
    var cursor = normalIDs.count - normalIndices.reduce(0) { $0 + cellStatements[$1].count }
    for index in normalIndices {
      let count = cellStatements[index].count
      idsByCell[index] = Array(normalIDs[cursor..<(cursor + count)])
      cursor += count
    }

    let displayName = (file.name as NSString).lastPathComponent
    var rendered = ""
    var position = 0
    var mismatches: [Mismatch] = []
    func write(_ text: String) {
      rendered += text
      if mode == .print { emit(text) }
    }
    for (index, cell) in document.cells.enumerated() {
      write(file.text(of: SourceRange(position, cell.block.end)))
      position = cell.output?.block.end ?? cell.block.end
      let output: String
      if cell.expectsError {
        output = runExpectingError(cellStatements[index], cell: cell, document: document, session: session, displayName: displayName)
      } else {
        var parts: [String] = []
        for id in idsByCell[index] ?? [] {
          do {
            let text = try session.run(id).text
            if !text.isEmpty { parts.append(text) }
          } catch {
            return .failed(error)
          }
        }
        output = parts.joined(separator: "\n\n")
      }
      if !output.isEmpty {
        let gap = cell.output.map { file.text(of: $0.gap) } ?? "\n"
        let needsNewline = !(rendered.hasSuffix("\n"))
        write((needsNewline ? "\n" : "") + gap + Self.outputBlock(output))
      }
      let stored = cell.output?.text ?? ""
      if output != stored {
        mismatches.append(Mismatch(cellNumber: index + 1, line: file.location(of: cell.block.start).line,
          diff: LineDiff.describe(expected: stored, actual: output)))
      }
    }
    write(file.text(of: SourceRange(position, file.bytes.count)))

    switch mode {
    case .print:
      return .success
    case .check:
      return mismatches.isEmpty ? .success : .outputsDiffer(mismatches)
    case .update:
      // The second pass starts from text not yet on disk, so it always writes.
      if rendered != file.text || isSecondPass {
        // New output blocks move the cells below them, and the output of a `tc error` cell
        // quotes line numbers: one more pass over the updated text makes them agree, so an
        // update is always followed by a passing --check.
        if !isSecondPass, document.cells.contains(where: \.expectsError),
           let updated = try? NotebookDocument(file: SourceFile(name: file.name, text: rendered, firstLine: file.firstLine)) {
          return runNotebook(updated, mode: .update, isSecondPass: true, emit: emit)
        }
        do {
          try AtomicFile.write(rendered, to: file.name)
        } catch {
          return .unusable("cannot write \(file.name): \(error.localizedDescription)")
        }
      }
      return .success
    }
  }

  /// Runs a `tc error` cell: its error, drawn as it would be on stderr, is its output.
  private func runExpectingError(_ statements: [Statement], cell: NotebookDocument.Cell, document: NotebookDocument, session: Session, displayName: String) -> String {
    let file = document.file
    let shown = SourceFile(name: displayName, text: file.text, firstLine: file.firstLine)
    let (_, parseDiagnostics) = Parser.parse(file, range: cell.code, vocabulary: registry)
    if !parseDiagnostics.isEmpty {
      return parseDiagnostics.map { DiagnosticFormatter.format($0, in: shown) }.joined().trimmingTrailingNewlines
    }
    let (ids, diagnostics) = session.add([Session.Unit(file: file, statements: statements)])
    let errors = diagnostics.filter { $0.diagnostic.severity == .error }
    if !errors.isEmpty {
      return errors.map { DiagnosticFormatter.format($0.diagnostic, in: shown) }.joined().trimmingTrailingNewlines
    }
    for id in ids {
      do {
        _ = try session.run(id)
      } catch {
        return FailureFormatter.format(error, fileName: displayName).trimmingTrailingNewlines
      }
    }
    return "error: this cell is marked `tc error`, but it ran without an error"
  }

  private func makeSession(style: RenderStyle) -> Session {
    var context = self.context
    context.style = style
    return Session(registry: registry, context: context, parameters: parameters)
  }

  private func stopForDiagnostics(_ diagnostics: [LocatedDiagnostic], session: Session, frontMatterNames: Set<String>) -> Outcome? {
    let errors = diagnostics.filter { $0.diagnostic.severity == .error }
      .sorted { lhs, rhs in
        let (left, right) = (lhs.file.location(of: lhs.diagnostic.range.start), rhs.file.location(of: rhs.diagnostic.range.start))
        return (left.line, left.column) < (right.line, right.column)
      }
    if !errors.isEmpty { return .programErrors(errors) }
    for warning in diagnostics { warn(DiagnosticFormatter.format(warning)) }
    let unused = session.unusedParameters(frontMatterNames: frontMatterNames)
    if !unused.isEmpty {
      let bound = session.boundNames
      let hint = unused.compactMap { Suggestions.nearest($0, among: bound).map { "did you mean '\($0)'?" } }.first
      return .unusable("--param \(unused.joined(separator: ", ")): no binding of that name in the program" + (hint.map { " (\($0))" } ?? ""))
    }
    return nil
  }

  /// An output block, with a fence longer than any backtick run inside the text.
  static func outputBlock(_ text: String) -> String {
    var longest = 0
    for line in text.split(separator: "\n") {
      let run = line.prefix { $0 == "`" }.count
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    return "\(fence)output\n\(text)\n\(fence)\n"
  }
}

extension String {
  var trimmingTrailingNewlines: String {
    var text = self
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}
