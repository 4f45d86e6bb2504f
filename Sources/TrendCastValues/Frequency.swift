/// The frequency of a regular time index. LANGUAGE.md names D, W, M, Q and Y; H (hourly) is an
/// extension for `YYYY-MM-DD HH:MM` data (see docs/language-extensions.md).
public enum Frequency: String, Sendable, CaseIterable, Hashable {
  case hourly = "H"
  case daily = "D"
  case weekly = "W"
  case monthly = "M"
  case quarterly = "Q"
  case yearly = "Y"
  /// No calendar: plain period numbers. Not accepted by `freq=`.
  case unspecified = "N"

  /// The number of periods in one seasonal cycle, as R's `frequency()` would give for a `ts`
  /// (weekly data uses 52, as R's forecast package rounds 365.25/7).
  public var seasonalPeriod: Int {
    switch self {
    case .hourly: return 24
    case .daily: return 7
    case .weekly: return 52
    case .monthly: return 12
    case .quarterly: return 4
    case .yearly, .unspecified: return 1
    }
  }

  public var name: String {
    switch self {
    case .hourly: return "hourly"
    case .daily: return "daily"
    case .weekly: return "weekly"
    case .monthly: return "monthly"
    case .quarterly: return "quarterly"
    case .yearly: return "yearly"
    case .unspecified: return "regular"
    }
  }

  /// Parses `D`, `daily`, `day`, … (case-insensitive).
  public init?(code: String) {
    switch code.lowercased() {
    case "h", "hourly", "hour": self = .hourly
    case "d", "daily", "day": self = .daily
    case "w", "weekly", "week": self = .weekly
    case "m", "monthly", "month": self = .monthly
    case "q", "quarterly", "quarter": self = .quarterly
    case "y", "a", "yearly", "annual", "year": self = .yearly
    default: return nil
    }
  }

  /// Periods of this frequency in one period of `coarser` (e.g. 3 months in a quarter), when exact.
  public func periods(in coarser: Frequency) -> Int? {
    switch (self, coarser) {
    case (.monthly, .quarterly): return 3
    case (.monthly, .yearly): return 12
    case (.quarterly, .yearly): return 4
    case (.hourly, .daily): return 24
    case (.daily, .weekly): return 7
    default: return self == coarser ? 1 : nil
    }
  }
}
