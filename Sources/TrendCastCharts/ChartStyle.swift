#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ChartStyle {
  /// How finely lines are drawn inside one character cell.
  public enum Resolution: String, Sendable, Equatable, CaseIterable {
    /// Braille patterns: 2 × 4 dots a cell.
    case braille
    /// Quadrant block characters: 2 × 2 a cell.
    case block
    /// Plain 7-bit ASCII: one mark a cell; every character of the output is ASCII.
    case ascii
  }
}

/// How to render a chart: size, resolution and colour.
///
/// Sizes: `width` is the total width in terminal columns, clamped to
/// `minimumWidth...maximumWidth`; every line of the output fits in it. `height` is the
/// number of rows of the plot area (title, axes and legend come on top of it), at least 1;
/// when nil it is `defaultPlotRows(forWidth:)`: a quarter of the width, between 5 and 20.
/// Bar charts draw one row per bar; a given `height` caps the number of bars shown.
public struct ChartStyle: Sendable, Equatable {
  public static let minimumWidth = 20
  public static let maximumWidth = 1000
  public static let maximumHeight = 500
  /// The width of charts in notebooks run with `trendcast run`, unless the front matter sets one.
  public static let notebookWidth = 72

  public var width: Int
  public var height: Int?
  public var resolution: Resolution
  /// Emit ANSI colours (one colour per series). Marks keep series apart either way.
  public var color: Bool

  public init(width: Int = ChartStyle.notebookWidth, height: Int? = nil, resolution: Resolution = .braille, color: Bool = false) {
    self.width = width
    self.height = height
    self.resolution = resolution
    self.color = color
  }

  /// The width actually used: `width` clamped to `minimumWidth...maximumWidth`.
  public var effectiveWidth: Int { min(max(width, Self.minimumWidth), Self.maximumWidth) }

  /// The plot rows actually used for an x–y plot.
  public var plotRows: Int {
    guard let height else { return Self.defaultPlotRows(forWidth: effectiveWidth) }
    return min(max(height, 1), Self.maximumHeight)
  }

  /// The plot rows used when no height is given: width / 4, clamped to 5...20
  /// (40 columns → 10 rows, 72 → 18, 100 → 20).
  public static func defaultPlotRows(forWidth width: Int) -> Int {
    min(max(width / 4, 5), 20)
  }

  /// Whether to colour output, after the usual conventions: only on a terminal, never
  /// with `--no-color`, and never when the environment has a non-empty `NO_COLOR`
  /// (see no-color.org).
  public static func colorEnabled(isTerminal: Bool, environment: [String: String], noColorFlag: Bool) -> Bool {
    guard isTerminal, !noColorFlag else { return false }
    if let value = environment["NO_COLOR"], !value.isEmpty { return false }
    return true
  }

  /// The width of the terminal on `fileDescriptor` (default: standard output), or nil
  /// when it is not a terminal or does not say.
  public static func terminalColumns(fileDescriptor: Int32 = 1) -> Int? {
    #if canImport(Glibc) || canImport(Darwin)
      var size = winsize()
      guard isatty(fileDescriptor) == 1, ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
        return nil
      }
      return Int(size.ws_col)
    #else
      return nil
    #endif
  }
}
