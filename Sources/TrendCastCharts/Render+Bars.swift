extension Chart {
  /// Bar fills by bar layer: the first gets eighth-cell precision, the others whole cells.
  static let barFills: [Character] = ["█", "▓", "▒", "░"]
  static let asciiBarFills: [Character] = ["#", "=", "*", "+", "o"]
  static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// The horizontal bar chart: title, one row per bar (label, `┤`, bar, value), the x axis
  /// title under the bars, and a legend when several named bar layers share the chart.
  func renderBars(_ context: RenderContext) -> [StyledLine] {
    let width = context.width
    let barLayers = layers.compactMap { layer -> Bars? in
      if case .bars(let bars) = layer { return bars }
      return nil
    }
    typealias Row = (label: String, value: Double, text: String, layer: Int)
    var rows: [Row] = []
    for (number, bars) in barLayers.enumerated() {
      for i in 0..<min(bars.labels.count, bars.values.count) {
        let value = bars.values[i]
        let text = bars.valueLabels.flatMap { i < $0.count ? $0[i] : nil } ?? NumberFormat.compact(value)
        rows.append((context.clean(bars.labels[i]), value, context.clean(text), number))
      }
    }
    var lines: [StyledLine] = []
    if let title, !title.isEmpty { lines.append(context.centred(title, in: width)) }
    guard !rows.isEmpty else {
      lines.append(context.centred("no data", in: width))
      return lines
    }
    var hidden = 0
    if let cap = context.style.height, rows.count > max(cap, 1) {
      hidden = rows.count - max(cap, 1)
      rows.removeLast(hidden)
    }

    let valueWidth = min(rows.map { TerminalText.width(of: $0.text) }.max() ?? 0, width / 4)
    let longestLabel = rows.map { TerminalText.width(of: $0.label) }.max() ?? 0
    // Labels get what is left once the bars have at least a quarter of the width.
    var labelWidth = min(longestLabel, max(width - 3 - valueWidth - max(width / 4, 4), 3))
    var area = width - labelWidth - 3 - valueWidth
    if area < 4 {
      labelWidth = max(width - 3 - valueWidth - 4, 1)
      area = max(width - labelWidth - 3 - valueWidth, 1)
    }
    let drawable = rows.map(\.value).filter(isDrawable)
    let positive = max(drawable.max() ?? 0, 0)
    let negative = max(-(drawable.min() ?? 0), 0)
    let total = positive + negative
    let zero = total > 0 ? Int((Double(area) * negative / total).rounded()) : 0
    let colors = context.style.color

    for row in rows {
      var line = StyledLine()
      let label = context.fitted(row.label, to: labelWidth)
      line.append(label)
      line.pad(to: labelWidth + 1)
      line.append(context.ascii ? "|" : "┤")
      let color = colors ? Marks.seriesColors[row.layer % Marks.seriesColors.count] : nil
      if isDrawable(row.value), total > 0 {
        let available = row.value >= 0 ? area - zero : zero
        let eighths = Int((abs(row.value) / total * Double(area) * 8).rounded())
        let units = min(max(eighths, row.value == 0 ? 0 : 1), available * 8)
        let bar = barText(units: units, layer: row.layer, leftward: row.value < 0, context: context)
        if row.value < 0 {
          line.pad(to: labelWidth + 2 + zero - TerminalText.width(of: bar))
          line.append(bar, color: color)
          line.pad(to: labelWidth + 2 + zero)
        } else {
          line.pad(to: labelWidth + 2 + zero)
          line.append(bar, color: color)
        }
      } else {
        line.pad(to: labelWidth + 2 + zero)
      }
      line.append(" ")
      line.append(TerminalText.truncated(row.text, toWidth: max(width - line.width, 0), ellipsis: context.ascii ? "." : "…"))
      lines.append(line)
    }
    if hidden > 0 {
      let note = context.ascii ? "... \(hidden) more" : "… \(hidden) more"
      var line = StyledLine()
      line.pad(to: min(labelWidth + 2, max(width - note.count, 0)))
      line.append(note)
      lines.append(line)
    }
    if let xTitle = x.title {
      lines.append(context.centred(xTitle, in: area, offset: labelWidth + 2))
    }
    lines += barLegend(barLayers, context: context)
    return lines
  }

  /// The bar for `units` eighths of a cell; ASCII and later layers round to whole cells.
  private func barText(units: Int, layer: Int, leftward: Bool, context: RenderContext) -> String {
    let fills = context.ascii ? Self.asciiBarFills : Self.barFills
    let fill = fills[layer % fills.count]
    let full = units / 8
    let remainder = units % 8
    guard !context.ascii, layer == 0 else {
      return String(repeating: fill, count: max(Int((Double(units) / 8).rounded()), units > 0 ? 1 : 0))
    }
    if leftward {
      return (remainder >= 4 ? "▐" : "") + String(repeating: fill, count: full)
    }
    return String(repeating: fill, count: full) + (remainder > 0 ? String(Self.eighths[remainder - 1]) : "")
  }

  private func barLegend(_ barLayers: [Bars], context: RenderContext) -> [StyledLine] {
    let named = barLayers.enumerated().filter { $0.element.name != nil }
    guard barLayers.count >= 2, !named.isEmpty else { return [] }
    let fills = context.ascii ? Self.asciiBarFills : Self.barFills
    var lines: [StyledLine] = []
    var current = StyledLine()
    for (number, bars) in named {
      var entry = StyledLine()
      let color = context.style.color ? Marks.seriesColors[number % Marks.seriesColors.count] : nil
      entry.append(String(repeating: fills[number % fills.count], count: 2), color: color)
      entry.append(" " + context.fitted(bars.name ?? "", to: max(context.width - 3, 1)))
      if current.width > 0, current.width + 3 + entry.width > context.width {
        lines.append(current)
        current = StyledLine()
      }
      if current.width > 0 { current.append("   ") }
      current.append(entry)
    }
    if current.width > 0 { lines.append(current) }
    return lines
  }
}
