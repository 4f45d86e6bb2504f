/// The geometry of an x–y plot: where the plot area sits in the output lines, how values
/// map onto it, and the labels of both axes.
struct PlotFrame: Sendable {
  /// Columns of the y tick labels.
  let labelWidth: Int
  /// Columns of canvas cells.
  let columns: Int
  let rows: Int
  let grid: RowGrid
  let xMapping: XMapping
  /// Columns right of the plot, for line-end names and the overhang of the last x label.
  let rightMargin: Int
  /// The y tick labels by canvas row (0 = top).
  let yLabels: [Int: String]
  /// Written after the y axis title when tick labels are relative, e.g. "(ticks + 1T)".
  let yOffsetNote: String?
  /// Candidate x tick sets, finest first.
  let xTickCandidates: [[Tick]]
  /// Whether any layer has a drawable point.
  let hasData: Bool

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
  /// Lays out the plot: value ranges, the y grid and its labels (which set the left
  /// gutter), the x tick candidates (whose widest label sets the right margin) and the
  /// columns left for the canvas.
  func plotFrame(_ context: RenderContext) -> PlotFrame {
    let width = context.width
    let (xExtent, yExtent, integerX) = plotExtents()
    var xRange = xExtent.widened(padding: xPadding(integerX: integerX))
    if layers.contains(where: { if case .stems = $0 { return true } else { return false } }) {
      // Keep the first and last stems off the axis lines.
      let pad = integerX ? 0.5 : (xRange.upper - xRange.lower) * 0.02
      xRange = (xRange.lower - pad, xRange.upper + pad)
    }
    let yRange = yExtent.widened()
    let rows = context.style.plotRows
    let grid = RowGrid.fitting(lower: yRange.lower, upper: yRange.upper, rows: rows)

    let maxLabelWidth = max(width / 3, 4)
    let (tickLabels, offset) = yTickLabels(grid.ticks.map(\.value), maxWidth: maxLabelWidth)
    let yLabels = tickLabels.map { context.fitted($0, to: maxLabelWidth) }
    let labelWidth = max(yLabels.map { TerminalText.width(of: $0) }.max() ?? 1, 1)
    let labelsByRow = Dictionary(zip(grid.ticks.map { rows - 1 - $0.row }, yLabels), uniquingKeysWith: { a, _ in a })

    let candidates = XTicks.candidates(
      scale: x.scale, lower: xRange.lower, upper: xRange.upper, integerOnly: integerX, maxTicks: max(width / 2, 1)
    ).map { $0.map { Tick(position: $0.position, label: context.clean($0.label)) } }
    // Room for half an x label right of the plot, so that a tick at the right end keeps
    // its label centred under it.
    let widestTickLabel = candidates.prefix(8).flatMap { $0.map { TerminalText.width(of: $0.label) } }.max() ?? 1
    let rightMargin = max(lineEndMargin(context), min((widestTickLabel - 1) / 2, width / 10))
    let columns = max(width - labelWidth - 2 - rightMargin, 1)
    let mapping = XMapping(
      lower: xRange.lower, upper: xRange.upper, pixels: columns * context.raster.dotsAcross,
      dotsPerCell: context.raster.dotsAcross)
    return PlotFrame(
      labelWidth: labelWidth, columns: columns, rows: rows, grid: grid, xMapping: mapping, rightMargin: rightMargin,
      yLabels: labelsByRow, yOffsetNote: offset.map { "(ticks + " + $0 + ")" }, xTickCandidates: candidates,
      hasData: !xExtent.isEmpty && !yExtent.isEmpty)
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
  func xPadding(integerX: Bool) -> Double? {
    switch x.scale {
    case .dates(let frequency): return frequency.nominalDays
    case .categories: return 0.5
    case .numeric: return integerX ? 1 : nil
    }
  }
}

extension String {
  var nilIfEmpty: String? { isEmpty ? nil : self }
}
