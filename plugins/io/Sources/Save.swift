import Foundation
import TrendCastPlugin
import TrendCastValues

/// `save VALUE PATH`
enum Save {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let value = try invocation.value(0)
    let path = try invocation.text(1)
    let extensionName = (path as NSString).pathExtension.lowercased()
    guard let format = ExportFormat(rawValue: extensionName) else {
      throw RuntimeError("save writes .csv or .json files, not '\(path)'", hint: "end the file name with .csv or .json").focused(on: .input(1))
    }
    let resolved = invocation.context.resolveForWriting(path)
    let directory = (resolved as NSString).deletingLastPathComponent
    do {
      if directory.isEmpty || FileManager.default.fileExists(atPath: directory) {
        // Streamed to a temporary file: a value that cannot be saved so fails before writing,
        // and the temporary file is removed.
        let cancellation = invocation.context.cancellation
        try AtomicFile.write(to: resolved, isCancelled: { cancellation.isCancelled }) { stream in
          try value.export(as: format, into: stream)
        }
      } else {
        // Made in memory first, so that a failing export leaves no new folder behind.
        let contents = try value.export(as: format)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try AtomicFile.write(contents, to: resolved)
      }
    } catch let error as RuntimeError {
      throw error
    } catch let error as CancellationError {
      throw error
    } catch {
      throw RuntimeError("cannot write '\(path)': \(error.localizedDescription)", hint: "check that the folder is writable").focused(on: .input(1))
    }
    return TextValue("saved \(value.kind.rawValue) to \(path)")
  }
}
