/// The geometry of an x–y plot: where the plot area sits in the output lines and how
/// values map onto it.
struct PlotFrame: Sendable {
  /// Columns of the y tick labels.
  let labelWidth: Int
  /// Columns of canvas cells.
  let columns: Int
  let rows: Int
  let grid: RowGrid
  let xMapping: XMapping
  /// Columns reserved right of the plot for line-end labels.
  let rightMargin: Int

  /// The line column of the first canvas cell: labels, a space, the axis line.
  var plotStart: Int { labelWidth + 2 }

  /// The pixel row (up from the bottom) of `y`, clamped into the plot.
  func pixelRow(of y: Double, dotsDown: Int) -> Int {
    let position = grid.rowPosition(of: y) * Double(dotsDown)
    let clamped = min(max(position, 0), Double(rows * dotsDown - 1))
    return Int(clamped.rounded(.down))
  }

  /// The canvas row (down from the top) holding `y`.
  func cellRow(of y: Double) -> Int {
    let position = min(max(grid.rowPosition(of: y), 0), Double(rows) - 0.5)
    return rows - 1 - Int(position.rounded(.down))
  }
}

extension Chart {
  /// The x–y plot: title, y axis title, plot rows with y ticks, x axis, x tick labels,
  /// x axis title, legend.
  func renderPlot(_ context: RenderContext) -> [StyledLine] {
    let width = context.width
    let (xExtent, yExtent, integerX) = plotExtents()
    let hasData = !xExtent.isEmpty && !yExtent.isEmpty
    var xRange = xExtent.widened(padding: xPadding(integerX: integerX))
    if layers.contains(where: { if case .stems = $0 { return true } else { return false } }) {
      // Keep the first and last stems off the axis lines.
      let pad = integerX ? 0.5 : (xRange.upper - xRange.lower) * 0.02
      xRange = (xRange.lower - pad, xRange.upper + pad)
    }
    let yRange = yExtent.widened()
    let rows = context.style.plotRows
    let grid = RowGrid.fitting(lower: yRange.lower, upper: yRange.upper, rows: rows)

    let tickValues = grid.ticks.map(\.value)
    let maxLabelWidth = max(width / 3, 4)
    let (tickLabels, offset) = yTickLabels(tickValues, maxWidth: maxLabelWidth)
    let yLabels = tickLabels.map { context.fitted($0, to: maxLabelWidth) }
    let labelWidth = max(yLabels.map { TerminalText.width(of: $0) }.max() ?? 1, 1)
    let candidates = XTicks.candidates(
      scale: x.scale, lower: xRange.lower, upper: xRange.upper, integerOnly: integerX, maxTicks: max(width / 2, 1)
    ).map { $0.map { Tick(position: $0.position, label: context.clean($0.label)) } }
    // Room for half an x label right of the plot, so a tick at the right end keeps its
    // label centred under it.
    let widestTickLabel = candidates.prefix(8).flatMap { $0.map { TerminalText.width(of: $0.label) } }.max() ?? 1
    let rightMargin = max(lineEndMargin(context, labelWidth: labelWidth), min((widestTickLabel - 1) / 2, width / 10))
    let columns = max(width - labelWidth - 2 - rightMargin, 1)
    let mapping = XMapping(
      lower: xRange.lower, upper: xRange.upper, pixels: columns * context.raster.dotsAcross,
      dotsPerCell: context.raster.dotsAcross)
    let frame = PlotFrame(
      labelWidth: labelWidth, columns: columns, rows: rows, grid: grid, xMapping: mapping, rightMargin: rightMargin)

    var canvas = Canvas(columns: columns, rows: rows, raster: context.raster)
    drawLayers(on: &canvas, frame: frame, context: context)
    let endLabels = lineEndLabels(canvas: canvas, frame: frame, context: context)

    var lines: [StyledLine] = []
    if let title, !title.isEmpty { lines.append(context.centred(title, in: width)) }
    let offsetNote = offset.map { "(ticks + " + $0 + ")" }
    if let yTitle = [y.title, offsetNote].compactMap({ $0 }).joined(separator: " ").nilIfEmpty {
      lines.append(StyledLine(context.fitted(yTitle, to: width)))
    }

    let labelsByRow = Dictionary(zip(grid.ticks.map { rows - 1 - $0.row }, yLabels), uniquingKeysWith: { a, _ in a })
    for row in 0..<rows {
      var line = StyledLine()
      let label = labelsByRow[row] ?? ""
      line.pad(to: labelWidth - TerminalText.width(of: label))
      line.append(label)
      line.append(" ")
      line.append(axisCharacter(context, tick: labelsByRow[row] != nil))
      for column in 0..<columns {
        if let cell = canvas.cell(column: column, row: row) {
          line.append(cell.character, color: cell.color)
        } else {
          line.append(" ")
        }
      }
      if let endLabel = endLabels[row] {
        line.append(" ")
        line.append(endLabel.text, color: endLabel.color)
      }
      lines.append(line)
    }
    if !hasData { lines[lines.count - 1 - rows / 2] = noDataRow(lines[lines.count - 1 - rows / 2], frame: frame) }

    let placed = XTicks.place(
      candidates: candidates, mapping: mapping, plotStart: frame.plotStart, plotColumns: columns, lineWidth: width)
    lines.append(xAxisLine(context, frame: frame, tickColumns: Set(placed.map(\.column))))
    var labelLine = StyledLine()
    for label in placed {
      labelLine.pad(to: label.start)
      labelLine.append(label.text)
    }
    lines.append(labelLine)
    if let xTitle = x.title {
      lines.append(context.centred(xTitle, in: min(columns, width - frame.plotStart), offset: frame.plotStart))
    }
    lines += legendLines(context, indent: frame.plotStart)
    return lines
  }

  /// The y tick labels; when they would be wider than `maxWidth` (many digits on a large
  /// value, e.g. 1e12 + 1, 1e12 + 2), they are written relative to the first tick, which is
  /// returned as the offset.
  func yTickLabels(_ values: [Double], maxWidth: Int) -> (labels: [String], offset: String?) {
    let labels = NumberFormat.compactDistinct(values)
    guard let base = values.first, labels.contains(where: { $0.count > maxWidth }) else { return (labels, nil) }
    let relative = NumberFormat.compactDistinct(values.map { $0 - base }).map { $0.hasPrefix("-") || $0 == "0" ? $0 : "+" + $0 }
    return (relative, NumberFormat.compact(base, significantDigits: 17))
  }

  /// The extents of all drawable data, and whether every x is a whole number.
  func plotExtents() -> (x: Extent, y: Extent, integerX: Bool) {
    var xs = Extent(), ys = Extent()
    var integerX = true
    func includeX(_ value: Double) {
      guard isDrawable(value) else { return }
      xs.include(value)
      if value.rounded() != value { integerX = false }
    }
    for layer in layers {
      switch layer {
      case .line(let s), .points(let s), .stems(let s):
        for (px, py) in zip(s.x, s.y) {
          includeX(px)
          if isDrawable(px) { ys.include(py) }
        }
        if case .stems = layer, !s.y.isEmpty { ys.include(0) }
      case .band(let b):
        for i in 0..<min(b.x.count, b.lower.count, b.upper.count) where isDrawable(b.x[i]) {
          includeX(b.x[i])
          ys.include(b.lower[i])
          ys.include(b.upper[i])
        }
      case .rule(let r): ys.include(r.y)
      case .marker(let m): includeX(m.x)
      case .bars: break
      }
    }
    if case .dates = x.scale { integerX = false }
    return (xs, ys, integerX)
  }

  /// How far a single x value is widened on each side.
  private func xPadding(integerX: Bool) -> Double? {
    switch x.scale {
    case .dates(let frequency): return frequency.nominalDays
    case .categories: return 0.5
    case .numeric: return integerX ? 1 : nil
    }
  }

  private func axisCharacter(_ context: RenderContext, tick: Bool) -> Character {
    switch (context.ascii, tick) {
    case (true, true): return "+"
    case (true, false): return "|"
    case (false, true): return "┤"
    case (false, false): return "│"
    }
  }

  private func xAxisLine(_ context: RenderContext, frame: PlotFrame, tickColumns: Set<Int>) -> StyledLine {
    var line = StyledLine()
    line.pad(to: frame.labelWidth + 1)
    line.append(context.ascii ? "+" : "└")
    let plain: Character = context.ascii ? "-" : "─"
    let tick: Character = context.ascii ? "+" : "┬"
    line.append(String((0..<frame.columns).map { tickColumns.contains($0) ? tick : plain }))
    return line
  }

  /// A plot row with "no data" written across the middle of the plot area.
  private func noDataRow(_ row: StyledLine, frame: PlotFrame) -> StyledLine {
    var line = StyledLine()
    let message = "no data"
    let text = row.rendered(color: false)
    let prefix = String(text.prefix(frame.plotStart))
    line.append(prefix)
    line.pad(to: frame.plotStart + max(frame.columns - message.count, 0) / 2)
    line.append(String(message.prefix(frame.columns)))
    return line
  }
}

extension String {
  var nilIfEmpty: String? { isEmpty ? nil : self }
}
