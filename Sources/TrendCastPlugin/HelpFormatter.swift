import TrendCastValues

/// Help pages drawn from command signatures — the same signatures that parse statements, so
/// help can never disagree with the language.
public enum HelpFormatter {
  /// All commands grouped by plugin.
  public static func overview(_ registry: PluginRegistry) -> String {
    var lines = ["TrendCast commands (help COMMAND for details):"]
    for plugin in registry.plugins where !plugin.commands.isEmpty {
      lines.append("")
      lines.append("\(plugin.name) — \(plugin.summary)")
      let width = plugin.commands.map { $0.signature.name.count }.max() ?? 0
      for command in plugin.commands {
        let name = command.signature.name
        lines.append("  \(name)\(String(repeating: " ", count: width - name.count))  \(command.signature.summary)")
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The page of one command: usage, description, inputs, options with types and defaults, flags, examples.
  public static func page(_ signature: CommandSignature) -> String {
    var lines = ["\(signature.name) — \(signature.summary)", "", "usage: \(signature.usage)"]
    if !signature.discussion.isEmpty {
      lines.append("")
      lines.append(contentsOf: wrap(signature.discussion, width: 72))
    }
    if !signature.inputs.isEmpty {
      lines.append("")
      lines.append("inputs:")
      for input in signature.inputs {
        lines.append("  \(input.name)  \(input.help)")
      }
    }
    if !signature.options.isEmpty {
      lines.append("")
      lines.append("options:")
      for option in signature.options {
        var text = "  \(option.name)=\(option.type.placeholder)"
        if option.isRequired {
          text += "  (required)"
        } else if let description = option.defaultDescription {
          text += "  (default: \(description))"
        } else if let value = option.defaultValue {
          text += "  (default: \(value.sourceText))"
        }
        lines.append(text)
        lines.append(contentsOf: wrap(option.help, width: 68).map { "      " + $0 })
      }
    }
    if !signature.flags.isEmpty {
      lines.append("")
      lines.append("flags:")
      for flag in signature.flags {
        lines.append("  \(flag.name)  \(flag.help)")
      }
    }
    if !signature.examples.isEmpty {
      lines.append("")
      lines.append("examples:")
      lines.append(contentsOf: signature.examples.map { "  " + $0 })
    }
    return lines.joined(separator: "\n")
  }

  /// A page for a command group (`help fit`): its commands and their summaries.
  public static func group(_ prefix: [String], entries: [PluginRegistry.Entry]) -> String {
    let width = entries.map { $0.command.signature.name.count }.max() ?? 0
    var lines = ["\(prefix.joined(separator: " ")) commands:"]
    for entry in entries {
      let name = entry.command.signature.name
      lines.append("  \(name)\(String(repeating: " ", count: width - name.count))  \(entry.command.signature.summary)")
    }
    return lines.joined(separator: "\n")
  }

  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ") {
        if line.isEmpty {
          line = String(word)
        } else if line.count + 1 + word.count > width {
          lines.append(line)
          line = String(word)
        } else {
          line += " " + word
        }
      }
      lines.append(line)
    }
    return lines
  }
}
