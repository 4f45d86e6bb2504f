extension Chart {
  /// The sampling frequency of a dated x axis; it decides which calendar ticks and label
  /// formats suit the axis. `none` means the x values are epoch days of unknown spacing.
  /// The raw values are the letters of LANGUAGE.md's `freq=` (H, D, W, M, Q, Y; N for none).
  public enum Frequency: String, Sendable, Equatable, CaseIterable {
    case hour = "H"
    case day = "D"
    case week = "W"
    case month = "M"
    case quarter = "Q"
    case year = "Y"
    case none = "N"

    /// The date of `epochDay` written as this frequency writes its periods: `2024-03-04 13:00`
    /// (hour), `2024-03-04` (day, week, none), `2024-03` (month), `2024Q1` (quarter), `2024`
    /// (year).
    public func label(forEpochDay epochDay: Double) -> String {
      guard let date = CivilDate(epochDay: epochDay) else { return NumberFormat.compact(epochDay) }
      switch self {
      case .hour: return date.isoText + " " + CivilDate.hourText(epochDay: epochDay)
      case .day, .week, .none: return date.isoText
      case .month: return date.monthText
      case .quarter: return date.quarterText
      case .year: return date.yearText
      }
    }

    /// The typical length of one period in days, used to widen a degenerate axis.
    var nominalDays: Double {
      switch self {
      case .hour: return 1.0 / 24
      case .day, .none: return 1
      case .week: return 7
      case .month: return 31
      case .quarter: return 92
      case .year: return 366
      }
    }
  }
}
