/// How series, bands, rules and markers look, so that they stay apart with and without
/// colour.
///
/// Series (lines, stems, points) are numbered in layer order and take, by number:
/// - a colour: blue, red, green, magenta, yellow, cyan, then the bright variants;
/// - without colour, in braille and block modes, a line pattern: solid `⠒⠒⠒`, dashed `⠒⠂⠒`,
///   dotted `⠂⠂⠂`, sparse dots `⠂ ⠂`, broken `⠒ ⠒` (then repeating); with colour every
///   line is solid;
/// - in ASCII mode a mark character: `*`, `+`, `o`, `x`, `#`, `@`, `%`, `&`, `$`, `~`;
/// - for points in braille and block modes a dot shape: dot, plus, cross, square.
///
/// Bands are shaded by rank of level, widest (e.g. 95 %) lightest: `░`, `▒`, `▓` in braille
/// and block modes, `.`, `:`, `=` in ASCII. Markers are `┊` (`|`), rules `─` or dashed `┄`
/// (`-` or `- -`).
enum Marks {
  static let seriesColors: [ColorCode] = [34, 31, 32, 35, 33, 36, 94, 91, 92, 95, 93, 96]
  static let bandColor: ColorCode = 36
  static let markerColor: ColorCode = 33
  static let ruleColor: ColorCode = 36

  static let patterns: [[Bool]] = [
    [true],
    [true, true, true, false],
    [true, false],
    [true, false, false, false],
    [true, true, false, false],
  ]

  static let asciiMarks: [Character] = ["*", "+", "o", "x", "#", "@", "%", "&", "$", "~"]

  /// Dot offsets (across, up) from the point's own dot, for braille and block points.
  static let pointShapes: [[(Int, Int)]] = [
    [(0, 0)],
    [(0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)],
    [(0, 0), (-1, -1), (1, 1), (-1, 1), (1, -1)],
    [(0, 0), (1, 0), (0, 1), (1, 1)],
  ]

  static func shades(for resolution: ChartStyle.Resolution) -> [Character] {
    resolution == .ascii ? [".", ":", "="] : ["░", "▒", "▓"]
  }

  /// The look of series number `index`.
  static func series(_ index: Int, resolution: ChartStyle.Resolution, color: Bool) -> SeriesLook {
    SeriesLook(
      color: color ? seriesColors[index % seriesColors.count] : nil,
      pattern: color || resolution == .ascii ? [true] : patterns[index % patterns.count],
      mark: resolution == .ascii ? asciiMarks[index % asciiMarks.count] : "•",
      pointShape: pointShapes[index % pointShapes.count])
  }

  static func markerGlyph(_ resolution: ChartStyle.Resolution) -> Character { resolution == .ascii ? "|" : "┊" }

  /// The rule glyph for a given plot column (dashed ASCII rules alternate with blanks).
  static func ruleGlyph(_ resolution: ChartStyle.Resolution, dashed: Bool, column: Int) -> Character? {
    switch (resolution, dashed) {
    case (.ascii, false): return "-"
    case (.ascii, true): return column % 2 == 0 ? "-" : nil
    case (_, false): return "─"
    case (_, true): return "┄"
    }
  }
}

/// The look of one series.
struct SeriesLook: Sendable {
  let color: ColorCode?
  let pattern: [Bool]
  let mark: Character
  let pointShape: [(Int, Int)]

  /// A short horizontal sample of the line, as the legend shows it.
  func lineSample(_ raster: Raster, cells: Int = 3) -> [(Character, ColorCode?)] {
    var canvas = Canvas(columns: cells, rows: 1, raster: raster)
    var phase = 0
    let middle = (raster.dotsDown - 1) / 2 + (raster.dotsDown > 1 ? 1 : 0)
    canvas.drawLine(
      from: (0, middle), to: (canvas.pixelsAcross - 1, middle), pattern: pattern, phase: &phase,
      mark: mark, color: color)
    return (0..<cells).map { canvas.cell(column: $0, row: 0) ?? (" ", nil) }
  }

  /// One point, as the legend shows it.
  func pointSample(_ raster: Raster) -> (Character, ColorCode?) {
    if raster.resolution == .ascii { return (mark, color) }
    var canvas = Canvas(columns: 1, rows: 1, raster: raster)
    let centre = (x: 0, y: raster.dotsDown / 2)
    for (dx, dy) in pointShape {
      canvas.setDot(x: min(max(centre.x + dx, 0), raster.dotsAcross - 1), y: centre.y + dy, mark: mark, color: color)
    }
    return canvas.cell(column: 0, row: 0) ?? (mark, color)
  }
}
