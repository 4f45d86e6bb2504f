import Foundation
import TrendCastGraph
import TrendCastNotebook
import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// A few commands over numbers: enough to give notebook cells outputs, reports and failures.
struct CellPlugin: Plugin {
  var name: String { "cells" }
  var summary: String { "numbers for notebook tests" }

  static func number(_ invocation: Invocation, _ position: Int) throws -> Double {
    try invocation.input(position, as: NumberValue.self, expecting: "a number").value
  }

  var commands: [Command] {
    [
      Command(CommandSignature(["num"], summary: "a number", inputs: [InputSpec("N", .value([.number]), help: "the number")]),
        run: { NumberValue(try Self.number($0, 0)) }),
      Command(CommandSignature(["add"], summary: "a sum",
        inputs: [InputSpec("A", .value([.number]), help: "a number"), InputSpec("B", .value([.number]), help: "another")]),
        run: { NumberValue(try Self.number($0, 0) + Self.number($0, 1)) }),
      Command(CommandSignature(["scale"], summary: "a product, reported",
        inputs: [InputSpec("X", .value([.number]), help: "a number")],
        options: [OptionSpec("by", .number, default: .number(2), help: "the factor")]), run: { invocation in
          let factor = try invocation.number("by") ?? 2
          invocation.report("scaled by \(NumberFormatting.display(factor))")
          return NumberValue(try Self.number(invocation, 0) * factor)
        }),
      Command(CommandSignature(["width"], summary: "the width outputs are drawn at", result: .number),
        run: { NumberValue(Double($0.context.style.width)) }),
      Command(CommandSignature(["fail"], summary: "always fails", inputs: [InputSpec("X", .value([]), help: "anything")]),
        run: { _ in throw RuntimeError("this always fails", hint: "it is a test") }),
    ]
  }
}

/// Runs notebook text through `NotebookRunner` and describes the outcome as text.
struct NotebookHarness {
  var registry = PluginRegistry(plugins: [LanguagePlugin(), CellPlugin()])
  var directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("trendcast-notebook-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  func removeDirectory() { try? FileManager.default.removeItem(at: directory) }

  func runner(parameters: [String: any Value] = [:], width: Int? = nil, warnings: WarningBox? = nil) -> NotebookRunner {
    let context = RunContext(style: RenderStyle(width: 72), searchDirectories: [directory.path], parallelism: 1)
    return NotebookRunner(registry: registry, context: context, parameters: parameters, widthOverride: width, warn: { warnings?.lines.append($0) })
  }

  /// Runs `text` as the notebook `name`; returns the outcome described and what was emitted.
  func run(_ text: String, name: String = "nb.tcnb", mode: NotebookRunner.Mode = .print, parameters: [String: any Value] = [:],
           width: Int? = nil) -> (outcome: String, emitted: String) {
    var emitted = ""
    let outcome = runner(parameters: parameters, width: width).run(SourceFile(name: name, text: text), mode: mode) { emitted += $0 }
    return (Self.describe(outcome), emitted)
  }

  /// The path of `name` in the harness's folder, holding `text`.
  func write(_ text: String, to name: String) throws -> String {
    let path = directory.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// Runs the notebook file at `path` in `mode`.
  func runFile(_ path: String, mode: NotebookRunner.Mode, parameters: [String: any Value] = [:]) throws -> String {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let outcome = runner(parameters: parameters).run(SourceFile(name: path, text: text), mode: mode) { _ in }
    return Self.describe(outcome)
  }

  static func describe(_ outcome: NotebookRunner.Outcome) -> String {
    switch outcome {
    case .success: return "success"
    case .outputsDiffer(let mismatches):
      return mismatches.map { "cell \($0.cellNumber) at line \($0.line):\n\($0.diff)" }.joined(separator: "\n")
    case .programErrors(let diagnostics): return diagnostics.map(DiagnosticFormatter.format).joined()
    case .failed(let failure): return FailureFormatter.format(failure)
    case .unusable(let message): return "unusable: \(message)"
    }
  }
}

final class WarningBox: @unchecked Sendable {
  var lines: [String] = []
}
