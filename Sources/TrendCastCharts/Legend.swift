extension Chart {
  /// The legend: one entry per named layer, each its sample mark and name, packed into
  /// lines three spaces apart. It is left out when it would only name a single series
  /// (the title and axis titles say enough then).
  func legendLines(_ context: RenderContext, indent: Int) -> [StyledLine] {
    let entries = legendEntries(context)
    let explainsShapes = layers.contains { layer in
      switch layer {
      case .band, .rule, .marker: return layer.name != nil
      default: return false
      }
    }
    guard entries.count >= 2 || (explainsShapes && !entries.isEmpty) else { return [] }
    let width = context.width
    let start = width - indent >= 24 ? indent : 0
    let separator = 3
    var lines: [StyledLine] = []
    var current = StyledLine()
    for entry in entries {
      let fitted = fit(entry, to: width - start, context: context)
      if current.width > 0, start + current.width + separator + fitted.width > width {
        lines.append(current)
        current = StyledLine()
      }
      if current.width > 0 { current.append(String(repeating: " ", count: separator)) }
      current.append(fitted)
    }
    if current.width > 0 { lines.append(current) }
    return lines.map { line in
      var indented = StyledLine()
      indented.pad(to: start)
      indented.append(line)
      return indented
    }
  }

  /// The legend entries: series in layer order, then bands from the narrowest, then
  /// rules and markers; each a sample of its mark and its name.
  func legendEntries(_ context: RenderContext) -> [(sample: StyledLine, name: String)] {
    let numbers = seriesNumbers()
    let ranks = bandRanks()
    let color = context.style.color
    var entries: [(group: Int, order: Int, sample: StyledLine, name: String)] = []
    for (index, layer) in layers.enumerated() {
      var group = 0
      var order = index
      var sample = StyledLine()
      var name = layer.name
      switch layer {
      case .line:
        guard lineLabels == .legend, let number = numbers[index] else { continue }
        let look = Marks.series(number, resolution: context.resolution, color: color)
        for (character, code) in look.lineSample(context.raster) { sample.append(character, color: code) }
      case .points:
        guard let number = numbers[index] else { continue }
        let look = Marks.series(number, resolution: context.resolution, color: color)
        let (character, code) = look.pointSample(context.raster)
        sample.append(character, color: code)
      case .stems:
        guard let number = numbers[index] else { continue }
        let look = Marks.series(number, resolution: context.resolution, color: color)
        let stem: Character = context.ascii ? stemMark(number, look: look) : "│"
        sample.append(stem, color: look.color)
      case .band(let band):
        group = 1
        order = -(ranks[index] ?? 0)
        let shades = Marks.shades(for: context.resolution)
        let shade = shades[min(ranks[index] ?? 0, shades.count - 1)]
        sample.append(String(repeating: shade, count: 2), color: color ? Marks.bandColor : nil)
        if name == nil, let level = band.level { name = NumberFormat.compact(level) + "% interval" }
      case .rule(let rule):
        group = 2
        let glyphs = (0..<3).map { Marks.ruleGlyph(context.resolution, dashed: rule.dashed, column: $0) ?? " " }
        sample.append(String(glyphs), color: color ? Marks.ruleColor : nil)
      case .marker:
        group = 3
        sample.append(Marks.markerGlyph(context.resolution), color: color ? Marks.markerColor : nil)
      case .bars:
        continue
      }
      guard let name, !name.isEmpty else { continue }
      entries.append((group, order, sample, name))
    }
    return entries.sorted { ($0.group, $0.order) < ($1.group, $1.order) }.map { ($0.sample, $0.name) }
  }

  private func fit(_ entry: (sample: StyledLine, name: String), to width: Int, context: RenderContext) -> StyledLine {
    var line = entry.sample
    line.append(" ")
    line.append(context.fitted(entry.name, to: max(width - line.width, 1)))
    return line
  }

  /// Columns right of the plot for the names written at line ends: the longest name and a
  /// space, at most a quarter of the width.
  func lineEndMargin(_ context: RenderContext) -> Int {
    guard lineLabels == .lineEnds else { return 0 }
    let names = layers.compactMap { layer -> String? in
      if case .line(let series) = layer { return series.name.map(context.clean) }
      return nil
    }
    guard let widest = names.map({ TerminalText.width(of: $0) }).max(), widest > 0 else { return 0 }
    return min(widest + 1, context.width / 4)
  }

  /// The names to write right of the plot, by canvas row: each on the row of its line's
  /// last point, or the nearest free row within two; left out when none is free.
  func lineEndLabels(frame: PlotFrame, context: RenderContext) -> [Int: (text: String, color: ColorCode?)] {
    guard lineLabels == .lineEnds, frame.rightMargin > 1 else { return [:] }
    let numbers = seriesNumbers()
    var labels: [Int: (String, ColorCode?)] = [:]
    for (index, layer) in layers.enumerated() {
      guard case .line(let series) = layer, let name = series.name, let number = numbers[index] else { continue }
      let count = min(series.x.count, series.y.count)
      guard let last = (0..<count).last(where: { isDrawable(series.x[$0]) && isDrawable(series.y[$0]) }) else { continue }
      let row = frame.cellRow(of: series.y[last])
      let look = Marks.series(number, resolution: context.resolution, color: context.style.color)
      for offset in [0, -1, 1, -2, 2] where labels[row + offset] == nil && (0..<frame.rows).contains(row + offset) {
        labels[row + offset] = (context.fitted(name, to: frame.rightMargin - 1), look.color)
        break
      }
    }
    return labels
  }
}
