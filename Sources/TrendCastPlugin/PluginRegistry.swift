import TrendCastSyntax
import TrendCastValues

/// The plugins in use and their commands, built once at start-up and passed down (there is no
/// global registry). It is the parser's `CommandVocabulary`.
public struct PluginRegistry: CommandVocabulary {
  public struct Entry: Sendable {
    public var plugin: String
    public var command: Command
  }

  public let plugins: [any Plugin]
  private let entries: [[String]: Entry]
  public let commandPaths: [[String]]

  /// Registers `plugins` in order. Two plugins declaring the same command is a programming
  /// error caught by the registry test.
  public init(plugins: [any Plugin]) {
    self.plugins = plugins
    var entries: [[String]: Entry] = [:]
    var paths: [[String]] = []
    for plugin in plugins {
      for command in plugin.commands {
        let words = command.signature.words
        precondition(entries[words] == nil, "command '\(words.joined(separator: " "))' is declared twice")
        entries[words] = Entry(plugin: plugin.name, command: command)
        paths.append(words)
      }
    }
    self.entries = entries
    self.commandPaths = paths
  }

  public func entry(_ words: [String]) -> Entry? { entries[words] }
  public func command(_ words: [String]) -> Command? { entries[words]?.command }

  /// Commands whose words start with `prefix` (for `help fit`).
  public func commands(startingWith prefix: [String]) -> [Entry] {
    commandPaths.filter { Array($0.prefix(prefix.count)) == prefix }.compactMap { entries[$0] }
  }

  /// Every command name, for hints.
  public var commandNames: [String] { commandPaths.map { $0.joined(separator: " ") } }
}
