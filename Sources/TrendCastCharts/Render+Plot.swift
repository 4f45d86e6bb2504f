extension Chart {
  /// The x–y plot: title, y axis title, plot rows with y ticks, x axis, x tick labels,
  /// x axis title, legend.
  func renderPlot(_ context: RenderContext) -> [StyledLine] {
    let width = context.width
    let frame = plotFrame(context)
    var canvas = Canvas(columns: frame.columns, rows: frame.rows, raster: context.raster)
    drawLayers(on: &canvas, frame: frame, context: context)

    var lines: [StyledLine] = []
    if let title, !title.isEmpty { lines.append(context.centred(title, in: width)) }
    if let yTitle = [y.title, frame.yOffsetNote].compactMap({ $0 }).joined(separator: " ").nilIfEmpty {
      lines.append(StyledLine(context.fitted(yTitle, to: width)))
    }
    lines += plotRows(canvas, frame: frame, context: context)

    let placed = XTicks.place(
      candidates: frame.xTickCandidates, mapping: frame.xMapping, plotStart: frame.plotStart,
      plotColumns: frame.columns, lineWidth: width)
    lines.append(xAxisLine(context, frame: frame, tickColumns: Set(placed.map(\.column))))
    var labelLine = StyledLine()
    for label in placed {
      labelLine.pad(to: label.start)
      labelLine.append(label.text)
    }
    lines.append(labelLine)
    if let xTitle = x.title {
      lines.append(context.centred(xTitle, in: min(frame.columns, width - frame.plotStart), offset: frame.plotStart))
    }
    lines += legendLines(context, indent: frame.plotStart)
    return lines
  }

  /// The rows of the plot area: y tick label, axis, canvas cells, line-end name.
  private func plotRows(_ canvas: Canvas, frame: PlotFrame, context: RenderContext) -> [StyledLine] {
    let endLabels = lineEndLabels(frame: frame, context: context)
    var lines = (0..<frame.rows).map { row in
      var line = StyledLine()
      let label = frame.yLabels[row] ?? ""
      line.pad(to: frame.labelWidth - TerminalText.width(of: label))
      line.append(label)
      line.append(" ")
      line.append(axisCharacter(context, tick: frame.yLabels[row] != nil))
      for column in 0..<frame.columns {
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
      return line
    }
    if !frame.hasData { lines[frame.rows / 2] = noDataRow(lines[frame.rows / 2], frame: frame) }
    return lines
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
