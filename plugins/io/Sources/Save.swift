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
    let contents = try value.export(as: format)
    let resolved = invocation.context.resolveForWriting(path)
    let directory = (resolved as NSString).deletingLastPathComponent
    do {
      if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
      try AtomicFile.write(contents, to: resolved)
    } catch {
      throw RuntimeError("cannot write '\(path)': \(error.localizedDescription)", hint: "check that the folder is writable").focused(on: .input(1))
    }
    return TextValue("saved \(value.kind.rawValue) to \(path)")
  }
}
