/// A number bound by `h = 28` or produced by a command.
public struct NumberValue: Value {
  public var value: Double
  public var isPercent: Bool
  public init(_ value: Double, isPercent: Bool = false) {
    self.value = value
    self.isPercent = isPercent
  }
  public var kind: ValueKind { .number }
  public var summary: String { text }
  public func render(_ style: RenderStyle) -> String { text }
  private var text: String {
    isPercent ? NumberFormatting.display(value * 100) + "%" : NumberFormatting.display(value)
  }
}

/// Text: a string literal, help pages, messages.
public struct TextValue: Value {
  public var text: String
  public init(_ text: String) { self.text = text }
  public var kind: ValueKind { .text }
  public var summary: String {
    let firstLine = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    return firstLine.count > 40 ? "\"\(firstLine.prefix(39))…\"" : "\"\(firstLine)\""
  }
  public func render(_ style: RenderStyle) -> String { text }
}

/// A list such as `levels = [80, 95]`.
public struct ListValue: Value {
  public var items: [any Value]
  public init(_ items: [any Value]) { self.items = items }
  public var kind: ValueKind { .list }
  public var summary: String { "\(items.count) item\(items.count == 1 ? "" : "s")" }
  public func render(_ style: RenderStyle) -> String {
    "[" + items.map { item in
      if let text = item as? TextValue { return "\"\(text.text)\"" }
      return item.render(style)
    }.joined(separator: ", ") + "]"
  }
}

/// A value drawn as a chart: `plot` returns one. It renders at the width of the place it is shown.
public struct ChartValue: Value {
  public var title: String?
  public var draw: @Sendable (RenderStyle) -> String
  public init(title: String?, draw: @escaping @Sendable (RenderStyle) -> String) {
    self.title = title
    self.draw = draw
  }
  public var kind: ValueKind { .chart }
  public var summary: String { title.map { "\"\($0)\"" } ?? "chart" }
  public func render(_ style: RenderStyle) -> String { draw(style) }
}
