/// How one resolution turns the dots set in a character cell into a character.
///
/// Braille cells hold 2 × 4 dots, block cells 2 × 2 quadrants, ASCII cells a single mark
/// (the mark of the series drawn last in the cell).
struct Raster: Sendable, Equatable {
  let resolution: ChartStyle.Resolution
  /// Dots across one cell.
  let dotsAcross: Int
  /// Dots down one cell.
  let dotsDown: Int

  init(_ resolution: ChartStyle.Resolution) {
    self.resolution = resolution
    switch resolution {
    case .braille: (dotsAcross, dotsDown) = (2, 4)
    case .block: (dotsAcross, dotsDown) = (2, 2)
    case .ascii: (dotsAcross, dotsDown) = (1, 1)
    }
  }

  /// The bit of the dot at (`across`, `down`) inside a cell, counted from its top left.
  func bit(across: Int, down: Int) -> UInt8 {
    switch resolution {
    case .braille:
      // Braille numbers dots 1-2-3 down the left column, 4-5-6 down the right, 7 and 8 below.
      let table: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
      return table[down][across]
    case .block:
      return UInt8(1 << (down * 2 + across))
    case .ascii:
      return 1
    }
  }

  /// The character showing `dots` (a mask of `bit(across:down:)` values); nil for none.
  func character(dots: UInt8) -> Character? {
    guard dots != 0 else { return nil }
    switch resolution {
    case .braille:
      return Unicode.Scalar(0x2800 + UInt32(dots)).map(Character.init)
    case .block:
      return Self.quadrants[Int(dots & 0x0F)]
    case .ascii:
      return "*"
    }
  }

  /// Quadrant characters indexed by mask: 1 top left, 2 top right, 4 bottom left, 8 bottom right.
  static let quadrants: [Character?] = [
    nil, "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█",
  ]
}
