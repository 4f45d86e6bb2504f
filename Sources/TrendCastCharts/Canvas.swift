/// An ANSI SGR foreground colour code (31 red … 97 bright white).
typealias ColorCode = UInt8

/// A grid of character cells with three planes, from back to front: shading (bands),
/// glyphs (rules, markers) and strokes (lines, stems, points). A cell shows its front-most
/// non-empty plane.
///
/// Strokes are drawn in dots: pixel (0, 0) is the bottom-left dot of the plot; the number
/// of dots per cell depends on the `Raster`.
struct Canvas: Sendable {
  let columns: Int
  let rows: Int
  let raster: Raster

  private var dots: [UInt8]
  private var strokeMark: [Character?]
  private var strokeColor: [ColorCode?]
  private var glyph: [Character?]
  private var glyphColor: [ColorCode?]
  private var shade: [Character?]
  private var shadeColor: [ColorCode?]

  init(columns: Int, rows: Int, raster: Raster) {
    self.columns = max(columns, 1)
    self.rows = max(rows, 1)
    self.raster = raster
    let count = self.columns * self.rows
    dots = Array(repeating: 0, count: count)
    strokeMark = Array(repeating: nil, count: count)
    strokeColor = Array(repeating: nil, count: count)
    glyph = Array(repeating: nil, count: count)
    glyphColor = Array(repeating: nil, count: count)
    shade = Array(repeating: nil, count: count)
    shadeColor = Array(repeating: nil, count: count)
  }

  var pixelsAcross: Int { columns * raster.dotsAcross }
  var pixelsDown: Int { rows * raster.dotsDown }

  /// The cell index of (column, row from the top), or nil outside the grid.
  private func index(column: Int, row: Int) -> Int? {
    guard column >= 0, column < columns, row >= 0, row < rows else { return nil }
    return row * columns + column
  }

  /// Sets the dot at pixel (`x`, `y`), y counted up from the bottom; ignores dots outside.
  mutating func setDot(x: Int, y: Int, mark: Character, color: ColorCode?) {
    guard x >= 0, y >= 0, x < pixelsAcross, y < pixelsDown else { return }
    let column = x / raster.dotsAcross
    let rowFromBottom = y / raster.dotsDown
    guard let i = index(column: column, row: rows - 1 - rowFromBottom) else { return }
    let across = x % raster.dotsAcross
    let down = raster.dotsDown - 1 - y % raster.dotsDown
    dots[i] |= raster.bit(across: across, down: down)
    strokeMark[i] = mark
    strokeColor[i] = color
  }

  /// Draws a line of dots from one pixel to another (Bresenham), switching dots on and off
  /// after `pattern`; `phase` carries the position in the pattern from segment to segment.
  mutating func drawLine(
    from start: (x: Int, y: Int), to end: (x: Int, y: Int), pattern: [Bool], phase: inout Int,
    mark: Character, color: ColorCode?
  ) {
    let limit = 4 * (pixelsAcross + pixelsDown) + 8
    let x0 = clamp(start.x, -1, pixelsAcross), y0 = clamp(start.y, -1, pixelsDown)
    let x1 = clamp(end.x, -1, pixelsAcross), y1 = clamp(end.y, -1, pixelsDown)
    let dx = abs(x1 - x0), dy = -abs(y1 - y0)
    let stepX = x0 < x1 ? 1 : -1, stepY = y0 < y1 ? 1 : -1
    var error = dx + dy
    var (x, y) = (x0, y0)
    for _ in 0..<limit {
      if pattern.isEmpty || pattern[phase % pattern.count] {
        setDot(x: x, y: y, mark: mark, color: color)
      }
      phase += 1
      if x == x1 && y == y1 { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += stepX
      }
      if doubled <= dx {
        error += dx
        y += stepY
      }
    }
  }

  /// Puts `character` in a cell's glyph plane (row counted from the top).
  mutating func setGlyph(column: Int, row: Int, _ character: Character, color: ColorCode?) {
    guard let i = index(column: column, row: row) else { return }
    glyph[i] = character
    glyphColor[i] = color
  }

  /// Puts `character` in a cell's shading plane (row counted from the top).
  mutating func setShade(column: Int, row: Int, _ character: Character, color: ColorCode?) {
    guard let i = index(column: column, row: row) else { return }
    shade[i] = character
    shadeColor[i] = color
  }

  /// What a cell shows: its character and colour, or nil for a blank cell.
  func cell(column: Int, row: Int) -> (character: Character, color: ColorCode?)? {
    guard let i = index(column: column, row: row) else { return nil }
    if dots[i] != 0 {
      let character = raster.resolution == .ascii ? strokeMark[i] : raster.character(dots: dots[i])
      if let character { return (character, strokeColor[i]) }
    }
    if let g = glyph[i] { return (g, glyphColor[i]) }
    if let s = shade[i] { return (s, shadeColor[i]) }
    return nil
  }

  private func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), high) }
}
