extension Chart {
  /// The series number of each line, points and stems layer (by layer index), which picks
  /// its colour, pattern and mark.
  func seriesNumbers() -> [Int: Int] {
    var numbers: [Int: Int] = [:]
    for (index, layer) in layers.enumerated() {
      switch layer {
      case .line, .points, .stems: numbers[index] = numbers.count
      default: break
      }
    }
    return numbers
  }

  /// The shading rank of each band (by layer index): 0 for the widest (highest level).
  func bandRanks() -> [Int: Int] {
    let bands = layers.enumerated().compactMap { index, layer -> (Int, Double?)? in
      if case .band(let band) = layer { return (index, band.level) }
      return nil
    }
    let ordered = bands.enumerated().sorted { a, b in
      switch (a.element.1, b.element.1) {
      case let (x?, y?) where x != y: return x > y
      case (_?, nil): return true
      case (nil, _?): return false
      default: return a.offset < b.offset
      }
    }
    var ranks: [Int: Int] = [:]
    for (rank, entry) in ordered.enumerated() { ranks[entry.element.0] = rank }
    return ranks
  }

  /// Draws every layer: bands widest first, then rules, markers, and the series on top.
  func drawLayers(on canvas: inout Canvas, frame: PlotFrame, context: RenderContext) {
    let ranks = bandRanks()
    for (index, rank) in ranks.sorted(by: { $0.value < $1.value }) {
      if case .band(let band) = layers[index] { drawBand(band, rank: rank, on: &canvas, frame: frame, context: context) }
    }
    for layer in layers {
      if case .rule(let rule) = layer { drawRule(rule, on: &canvas, frame: frame, context: context) }
    }
    for layer in layers {
      guard case .marker(let marker) = layer else { continue }
      let column = frame.xMapping.column(of: marker.x)
      guard isDrawable(marker.x), column >= 0, column < frame.columns else { continue }
      let color = context.style.color ? Marks.markerColor : nil
      for row in 0..<frame.rows {
        canvas.setGlyph(column: column, row: row, Marks.markerGlyph(context.resolution), color: color)
      }
    }
    let numbers = seriesNumbers()
    for (index, layer) in layers.enumerated() {
      guard let number = numbers[index] else { continue }
      let look = Marks.series(number, resolution: context.resolution, color: context.style.color)
      switch layer {
      case .line(let series): drawLine(series, look: look, on: &canvas, frame: frame)
      case .points(let series): drawPoints(series, look: look, on: &canvas, frame: frame)
      case .stems(let series): drawStems(series, look: look, stemMark: stemMark(number, look: look), on: &canvas, frame: frame)
      default: break
      }
    }
  }

  /// ASCII stems of the first series are `|`; later ones use their series mark.
  func stemMark(_ number: Int, look: SeriesLook) -> Character { number == 0 ? "|" : look.mark }

  private func pixel(_ x: Double, _ y: Double, frame: PlotFrame, raster: Raster) -> (x: Int, y: Int) {
    (frame.xMapping.pixel(of: x), frame.pixelRow(of: y, dotsDown: raster.dotsDown))
  }

  private func drawLine(_ series: Series, look: SeriesLook, on canvas: inout Canvas, frame: PlotFrame) {
    let count = min(series.x.count, series.y.count)
    var phase = 0
    var previous: (x: Int, y: Int)?
    for i in 0..<count {
      guard isDrawable(series.x[i]), isDrawable(series.y[i]) else {
        previous = nil
        continue
      }
      let point = pixel(series.x[i], series.y[i], frame: frame, raster: canvas.raster)
      if let previous {
        canvas.drawLine(from: previous, to: point, pattern: look.pattern, phase: &phase, mark: look.mark, color: look.color)
      } else {
        let nextIsDrawable = i + 1 < count && isDrawable(series.x[i + 1]) && isDrawable(series.y[i + 1])
        if !nextIsDrawable { canvas.setDot(x: point.x, y: point.y, mark: look.mark, color: look.color) }
      }
      previous = point
    }
  }

  private func drawPoints(_ series: Series, look: SeriesLook, on canvas: inout Canvas, frame: PlotFrame) {
    for (x, y) in zip(series.x, series.y) where isDrawable(x) && isDrawable(y) {
      let point = pixel(x, y, frame: frame, raster: canvas.raster)
      let shape = canvas.raster.resolution == .ascii ? [(0, 0)] : look.pointShape
      for (dx, dy) in shape {
        canvas.setDot(x: point.x + dx, y: point.y + dy, mark: look.mark, color: look.color)
      }
    }
  }

  private func drawStems(_ series: Series, look: SeriesLook, stemMark: Character, on canvas: inout Canvas, frame: PlotFrame) {
    let base = frame.pixelRow(of: 0, dotsDown: canvas.raster.dotsDown)
    for (x, y) in zip(series.x, series.y) where isDrawable(x) && isDrawable(y) {
      let top = pixel(x, y, frame: frame, raster: canvas.raster)
      var phase = 0
      canvas.drawLine(from: (top.x, base), to: top, pattern: [true], phase: &phase, mark: stemMark, color: look.color)
    }
  }

  private func drawRule(_ rule: Rule, on canvas: inout Canvas, frame: PlotFrame, context: RenderContext) {
    guard isDrawable(rule.y), rule.y >= frame.grid.lower, rule.y <= frame.grid.upper else { return }
    let row = frame.cellRow(of: rule.y)
    let color = context.style.color && rule.name != nil ? Marks.ruleColor : nil
    for column in 0..<frame.columns {
      if let glyph = Marks.ruleGlyph(context.resolution, dashed: rule.dashed, column: column) {
        canvas.setGlyph(column: column, row: row, glyph, color: color)
      }
    }
  }

  /// Shades the cells a band covers: a cell is shaded when the band covers at least half
  /// of it, or when the whole band lies inside it (so thin bands still show).
  private func drawBand(_ band: Band, rank: Int, on canvas: inout Canvas, frame: PlotFrame, context: RenderContext) {
    let shades = Marks.shades(for: context.resolution)
    let shade = shades[min(rank, shades.count - 1)]
    let color = context.style.color ? Marks.bandColor : nil
    let count = min(band.x.count, band.lower.count, band.upper.count)
    let valid = (0..<count).map { isDrawable(band.x[$0]) && isDrawable(band.lower[$0]) && isDrawable(band.upper[$0]) }
    func shadeColumn(_ column: Int, _ low: Double, _ high: Double) {
      guard column >= 0, column < frame.columns else { return }
      let bottom = frame.grid.rowPosition(of: min(low, high))
      let top = frame.grid.rowPosition(of: max(low, high))
      guard top >= 0, bottom <= Double(frame.rows) else { return }
      let first = max(Int(max(bottom, 0).rounded(.down)), 0)
      let last = min(Int(min(top, Double(frame.rows)).rounded(.down)), frame.rows - 1)
      guard first <= last else { return }
      for k in first...last {
        let overlap = min(top, Double(k + 1)) - max(bottom, Double(k))
        let inside = bottom >= Double(k) && top <= Double(k + 1)
        if overlap >= 0.5 || inside {
          canvas.setShade(column: column, row: frame.rows - 1 - k, shade, color: color)
        }
      }
    }
    for i in 0..<count where valid[i] {
      let column = frame.xMapping.column(of: band.x[i])
      let hasNext = i + 1 < count && valid[i + 1]
      let hadPrevious = i > 0 && valid[i - 1]
      guard hasNext else {
        if !hadPrevious { shadeColumn(column, band.lower[i], band.upper[i]) }
        continue
      }
      let nextColumn = frame.xMapping.column(of: band.x[i + 1])
      let (from, to) = (min(column, nextColumn), max(column, nextColumn))
      for c in max(from, 0)...max(min(to, frame.columns - 1), max(from, 0)) {
        let t = from == to ? 0 : Double(c - column) / Double(nextColumn - column)
        let low = band.lower[i] + (band.lower[i + 1] - band.lower[i]) * t
        let high = band.upper[i] + (band.upper[i + 1] - band.upper[i]) * t
        shadeColumn(c, low, high)
      }
    }
  }
}
