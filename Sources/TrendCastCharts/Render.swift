extension Chart {
  /// The chart as text: lines joined by "\n", no trailing spaces, no trailing newline.
  ///
  /// Every line fits in `style.effectiveWidth` terminal columns (wide characters count two,
  /// colour escapes none). With `.ascii` resolution every character is 7-bit ASCII (labels
  /// are transliterated). The same chart and style always give the same bytes.
  public func render(_ style: ChartStyle) -> String {
    let context = RenderContext(style: style)
    let lines = layers.contains(where: { if case .bars = $0 { return true } else { return false } })
      ? renderBars(context)
      : renderPlot(context)
    var text = lines.map { $0.rendered(color: style.color) }
    while text.last?.isEmpty == true { text.removeLast() }
    return text.joined(separator: "\n")
  }
}

/// What every part of rendering needs to know about the output.
struct RenderContext: Sendable {
  let style: ChartStyle
  let width: Int
  let raster: Raster
  var resolution: ChartStyle.Resolution { style.resolution }
  var ascii: Bool { style.resolution == .ascii }

  init(style: ChartStyle) {
    self.style = style
    width = style.effectiveWidth
    raster = Raster(style.resolution)
  }

  /// User text made safe to print: control characters become spaces, and in ASCII mode
  /// everything is transliterated to 7-bit.
  func clean(_ text: String) -> String {
    let visible = String(text.map { character -> Character in
      guard let scalar = character.unicodeScalars.first else { return " " }
      return scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) ? " " : character
    })
    return ascii ? TerminalText.asciiFolded(visible) : visible
  }

  /// `text`, cleaned and cut to `maxWidth` columns with an ellipsis.
  func fitted(_ text: String, to maxWidth: Int) -> String {
    TerminalText.truncated(clean(text), toWidth: maxWidth, ellipsis: ascii ? "..." : "…")
  }

  /// A line holding `text` centred in `width` columns, starting at column `offset`.
  func centred(_ text: String, in width: Int, offset: Int = 0, color: ColorCode? = nil) -> StyledLine {
    let fitted = fitted(text, to: max(width, 1))
    var line = StyledLine()
    line.pad(to: offset + max(width - TerminalText.width(of: fitted), 0) / 2)
    line.append(fitted, color: color)
    return line
  }
}

/// Values that can be drawn: finite and within ±1e300 (so that differences stay finite).
func isDrawable(_ value: Double) -> Bool {
  value.isFinite && abs(value) <= 1e300
}

/// The smallest interval holding the values seen so far.
struct Extent: Equatable, Sendable {
  var lower = Double.infinity
  var upper = -Double.infinity

  var isEmpty: Bool { lower > upper }

  mutating func include(_ value: Double) {
    guard isDrawable(value) else { return }
    lower = min(lower, value)
    upper = max(upper, value)
  }

  /// A non-degenerate interval: empty becomes 0...1, a single value is widened by
  /// `padding` (or by 10 % of its size, or 1) on each side.
  func widened(padding: Double? = nil) -> (lower: Double, upper: Double) {
    if isEmpty { return (0, 1) }
    let middle = lower / 2 + upper / 2
    if upper - lower > abs(middle) * 1e-12 { return (lower, upper) }
    let pad = padding ?? (middle == 0 ? 1 : abs(middle) * 0.1)
    return (middle - pad, middle + pad)
  }
}
