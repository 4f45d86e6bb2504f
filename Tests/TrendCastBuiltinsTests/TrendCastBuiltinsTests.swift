import Foundation
import Testing
import TrendCastBuiltins

/// The one explicit plugin list stays in step with the folders under plugins/.
@Suite struct BuiltinPluginsTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var pluginFolders: [String] {
    let folder = root.appendingPathComponent("plugins").path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { name in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: folder + "/" + name + "/Sources", isDirectory: &isDirectory) && isDirectory.boolValue
    }.sorted()
  }

  @Test func everyPluginFolderIsInTheBuiltinList() {
    let registered = Set(BuiltinPlugins.all.map(\.name))
    #expect(!Self.pluginFolders.isEmpty)
    for folder in Self.pluginFolders {
      #expect(registered.contains(folder), "plugins/\(folder) is not in BuiltinPlugins.all (Sources/TrendCastBuiltins/BuiltinPlugins.swift)")
    }
  }

  @Test func everyPluginFolderIsATargetInThePackage() throws {
    let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
    let listStart = try #require(manifest.range(of: "let pluginNames = ["))
    let listEnd = try #require(manifest.range(of: "]", range: listStart.upperBound..<manifest.endIndex))
    let listed = manifest[listStart.upperBound..<listEnd.lowerBound]
    for folder in Self.pluginFolders {
      #expect(listed.contains("\"\(folder)\""), "plugins/\(folder) is missing from pluginNames in Package.swift")
    }
  }

  @Test func pluginAndCommandNamesAreUnique() {
    let names = BuiltinPlugins.all.map(\.name)
    #expect(Set(names).count == names.count)
    let commands = BuiltinPlugins.all.flatMap { $0.commands.map { $0.signature.name } }
    #expect(Set(commands).count == commands.count, "a command is declared twice: \(commands)")
  }

  @Test func everyCommandHasHelpAndAnExample() {
    for plugin in BuiltinPlugins.all {
      for command in plugin.commands {
        #expect(!command.signature.summary.isEmpty, "\(command.signature.name) has no summary")
        #expect(!command.signature.examples.isEmpty, "\(command.signature.name) has no example")
      }
    }
  }
}
