/// A JSON document with object keys in the order they were given, so `save` writes the same
/// bytes every time and the keys read in a sensible order (`model`, `params`, `sigma2`, …).
public indirect enum JSON: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.serialized() == rhs.serialized() }

  /// Pretty-printed with two-space indentation and a final newline. Non-finite numbers (which
  /// JSON cannot hold) are written as `null`.
  public func serialized() -> String {
    var out = ""
    write(into: &out, indent: 0)
    return out + "\n"
  }

  private func write(into out: inout String, indent: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .number(let value): out += value.isFinite ? NumberFormatting.exact(value) : "null"
    case .string(let value): out += Self.escaped(value)
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      if items.allSatisfy(\.isScalar) {
        out += "["
        for (index, item) in items.enumerated() {
          if index > 0 { out += ", " }
          item.write(into: &out, indent: indent)
        }
        out += "]"
        return
      }
      out += "[\n"
      for (index, item) in items.enumerated() {
        out += String(repeating: "  ", count: indent + 1)
        item.write(into: &out, indent: indent + 1)
        out += index + 1 < items.count ? ",\n" : "\n"
      }
      out += String(repeating: "  ", count: indent) + "]"
    case .object(let members):
      if members.isEmpty { out += "{}"; return }
      out += "{\n"
      for (index, (key, value)) in members.enumerated() {
        out += String(repeating: "  ", count: indent + 1) + Self.escaped(key) + ": "
        value.write(into: &out, indent: indent + 1)
        out += index + 1 < members.count ? ",\n" : "\n"
      }
      out += String(repeating: "  ", count: indent) + "}"
    }
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }

  static func escaped(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

/// A value that saves as a JSON document.
public protocol JSONExportable: Value {
  var jsonDocument: JSON { get }
}

extension JSONExportable {
  public func export(as format: ExportFormat) throws -> String {
    guard format == .json else {
      throw RuntimeError("\(kind.withArticle) is saved as .json, not .\(format.rawValue)", hint: "use a file name ending in .json")
    }
    return jsonDocument.serialized()
  }
}
