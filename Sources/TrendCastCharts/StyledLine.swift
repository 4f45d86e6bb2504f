/// One output line being assembled: text runs, each with an optional colour, and the
/// number of columns used so far.
struct StyledLine: Sendable {
  private(set) var runs: [(text: String, color: ColorCode?)] = []
  private(set) var width = 0

  init() {}

  init(_ text: String, color: ColorCode? = nil) {
    append(text, color: color)
  }

  mutating func append(_ text: String, color: ColorCode? = nil) {
    guard !text.isEmpty else { return }
    if let last = runs.last, last.color == color {
      runs[runs.count - 1].text += text
    } else {
      runs.append((text, color))
    }
    width += TerminalText.width(of: text)
  }

  mutating func append(_ character: Character, color: ColorCode? = nil) {
    append(String(character), color: color)
  }

  mutating func append(_ other: StyledLine) {
    for run in other.runs { append(run.text, color: run.color) }
  }

  /// Appends spaces until the line is `column` columns wide.
  mutating func pad(to column: Int) {
    if column > width { append(String(repeating: " ", count: column - width)) }
  }

  /// The final text: trailing spaces removed; colours as ANSI escapes when `color` is true.
  func rendered(color: Bool) -> String {
    var kept = runs
    while let last = kept.last {
      let trimmed = String(last.text.reversed().drop(while: { $0 == " " }).reversed())
      if trimmed.isEmpty {
        kept.removeLast()
      } else {
        kept[kept.count - 1].text = trimmed
        break
      }
    }
    var result = ""
    for run in kept {
      if color, let code = run.color, run.text.contains(where: { $0 != " " }) {
        result += "\u{1B}[\(code)m" + run.text + "\u{1B}[0m"
      } else {
        result += run.text
      }
    }
    return result
  }
}
