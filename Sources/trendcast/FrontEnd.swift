import ArgumentParser
import Foundation
import TrendCastCharts
import TrendCastBuiltins
import TrendCastGraph
import TrendCastNotebook
import TrendCastPlugin
import TrendCastREPL
import TrendCastSyntax
import TrendCastValues

/// What trendcast does with its arguments — and the one place where every error becomes text
/// on stderr and an exit code.
enum FrontEnd {
  static func main(_ arguments: [String]) -> ExitStatus {
    let registry = BuiltinPlugins.registry()
    if arguments.first == "help" {
      return help(Array(arguments.dropFirst()), registry: registry)
    }
    let command: any ParsableCommand
    do {
      command = try TrendCastCommand.parseAsRoot(arguments)
    } catch {
      let message = TrendCastCommand.fullMessage(for: error)
      if TrendCastCommand.exitCode(for: error) == .success {
        write(message + "\n")
        return .success
      }
      writeError(message + "\n")
      return .usage
    }
    switch command {
    case let run as RunCommand:
      return self.run(run, registry: registry)
    case is PluginsCommand:
      write(LanguagePlugin.pluginList(registry) + "\n")
      return .success
    case let root as TrendCastCommand:
      return interactiveOrStdin(root.display, registry: registry)
    default:
      writeError("trendcast: unexpected command\n")
      return .usage
    }
  }

  // MARK: help and run

  static func help(_ words: [String], registry: PluginRegistry) -> ExitStatus {
    do {
      write(try LanguagePlugin.helpText(for: words, registry: registry) + "\n")
      return .success
    } catch let error as RuntimeError {
      writeError("trendcast: \(error.message)\n" + (error.hint.map { "help: \($0)\n" } ?? ""))
      return .usage
    } catch {
      writeError("trendcast: \(error)\n")
      return .usage
    }
  }

  static func run(_ command: RunCommand, registry: PluginRegistry) -> ExitStatus {
    guard let data = FileManager.default.contents(atPath: command.file) else {
      let exists = FileManager.default.fileExists(atPath: command.file)
      writeError("trendcast: cannot read \(command.file): \(exists ? "permission denied or not a file" : "no such file")\n")
      return .usage
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      writeError("trendcast: \(command.file) is not UTF-8 text\n")
      return .usage
    }
    let file = SourceFile(name: command.file, text: text)
    let isNotebook = command.file.hasSuffix(".tcnb")
    let directory = (command.file as NSString).deletingLastPathComponent
    let color = !isNotebook && Environment.colorEnabled(noColorFlag: command.display.noColor)
    let context = makeContext(display: command.display, width: command.display.width ?? 72, color: color,
      searchDirectories: [directory.isEmpty ? "." : directory, FileManager.default.currentDirectoryPath])
    var parameters: [String: any Value] = [:]
    for assignment in command.param {
      guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
        writeError("trendcast: --param needs NAME=VALUE, not '\(assignment)'\n")
        return .usage
      }
      parameters[String(assignment[..<equals])] = LiteralValue.parse(String(assignment[assignment.index(after: equals)...]))
    }
    let runner = NotebookRunner(registry: registry, context: context, parameters: parameters,
      widthOverride: command.display.width, warn: { writeError($0) })
    let mode: NotebookRunner.Mode = command.check ? .check : (command.update ? .update : .print)
    let outcome = runner.run(file, mode: mode, emit: output(command.display))
    return report(outcome, file: command.file)
  }

  static func interactiveOrStdin(_ display: DisplayOptions, registry: PluginRegistry) -> ExitStatus {
    let cwd = FileManager.default.currentDirectoryPath
    if Environment.stdinIsTerminal {
      let context = makeContext(display: display, width: display.width ?? Environment.terminalWidth,
        color: Environment.colorEnabled(noColorFlag: display.noColor), searchDirectories: [cwd])
      REPLLauncher.run(registry: registry, context: context, widthOverride: display.width, write: write, writeError: writeError)
      return .success
    }
    let data = FileHandle.standardInput.readDataToEndOfFile()
    guard let text = String(validating: data, as: UTF8.self) else {
      writeError("trendcast: standard input is not UTF-8 text\n")
      return .usage
    }
    let context = makeContext(display: display, width: display.width ?? 72,
      color: Environment.colorEnabled(noColorFlag: display.noColor), searchDirectories: [cwd])
    let runner = NotebookRunner(registry: registry, context: context, widthOverride: display.width, warn: { writeError($0) })
    return report(runner.run(SourceFile(name: "<stdin>", text: text), mode: .print, emit: output(display)), file: "<stdin>")
  }

  static func makeContext(display: DisplayOptions, width: Int, color: Bool, searchDirectories: [String]) -> RunContext {
    let style = RenderStyle(width: width, resolution: display.ascii ? .ascii : display.blocks ? .block : .braille, color: color && !display.ascii)
    return RunContext(style: style, searchDirectories: searchDirectories, stdlibDirectory: Environment.stdlibDirectory,
      progress: Environment.stderrIsTerminal ? TerminalProgress() : SilentProgress())
  }

  // MARK: The one place errors become messages and exit codes

  static func report(_ outcome: NotebookRunner.Outcome, file: String) -> ExitStatus {
    switch outcome {
    case .success:
      return .success
    case .outputsDiffer(let mismatches):
      for mismatch in mismatches {
        writeError("\(file):\(mismatch.line): cell \(mismatch.cellNumber): output differs from the stored output (- stored, + now)\n\(mismatch.diff)\n")
      }
      writeError("\(file): \(mismatches.count) \(mismatches.count == 1 ? "cell differs" : "cells differ"); run with --update to store the new outputs\n")
      return .outputsDiffer
    case .programErrors(let diagnostics):
      for diagnostic in diagnostics { writeError(DiagnosticFormatter.format(diagnostic)) }
      let count = diagnostics.count
      writeError("\(count) error\(count == 1 ? "" : "s"); nothing ran\n")
      return .programError
    case .failed(let failure):
      writeError(FailureFormatter.format(failure))
      return .commandFailed
    case .unusable(let message):
      writeError("trendcast: \(message)\n")
      return .usage
    }
  }

  /// Where displays go: stdout, folded to 7-bit text under --ascii (tables and messages use
  /// symbols such as × and … that the chart renderer alone does not replace).
  static func output(_ display: DisplayOptions) -> (String) -> Void {
    display.ascii ? { write(TerminalText.asciiFolded($0)) } : write
  }

  /// Writes to stdout; a closed pipe (`| head`) is not an error worth reporting.
  static func write(_ text: String) {
    writeAll(text, to: STDOUT_FILENO)
  }

  static func writeError(_ text: String) {
    writeAll(text, to: STDERR_FILENO)
  }

  private static func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count, let base = buffer.baseAddress {
        let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }
}
