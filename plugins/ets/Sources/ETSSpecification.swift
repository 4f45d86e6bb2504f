/// The three components of an ETS model in Hyndman et al.'s taxonomy and how they combine.
public enum ETSComponent: String, Sendable, Hashable, CaseIterable {
  case none = "N"
  case additive = "A"
  case multiplicative = "M"
}

/// One member of the ETS state-space family: error, trend (possibly damped) and season types,
/// and the seasonal period (1 for non-seasonal models).
public struct ETSSpecification: Sendable, Hashable, CustomStringConvertible {
  /// Additive or multiplicative errors (never `.none`).
  public var error: ETSComponent
  public var trend: ETSComponent
  public var damped: Bool
  public var season: ETSComponent
  /// Periods in one seasonal cycle; 1 when `season == .none`.
  public var period: Int

  public init(error: ETSComponent, trend: ETSComponent, damped: Bool, season: ETSComponent, period: Int) {
    precondition(error != .none, "an ETS model needs an error type")
    precondition(!damped || trend != .none, "only a trend can be damped")
    precondition(season == .none || period > 1, "a seasonal model needs a period above 1")
    self.error = error
    self.trend = trend
    self.damped = damped
    self.season = season
    self.period = season == .none ? 1 : period
  }

  /// "ETS(M,Ad,M)", as R prints it.
  public var description: String {
    "ETS(\(error.rawValue),\(trend.rawValue)\(damped ? "d" : ""),\(season.rawValue))"
  }

  /// "MAdM": the compact code R's `model=` argument takes (with `damped` folded in).
  public var code: String { error.rawValue + trend.rawValue + (damped ? "d" : "") + season.rawValue }

  public var hasTrend: Bool { trend != .none }
  public var hasSeason: Bool { season != .none }

  /// Number of initial states the optimiser estimates: level, trend, and all seasonal states
  /// but one (the last is fixed by the normalisation Σs = 0 or Σs = m).
  public var estimatedStateCount: Int { 1 + (hasTrend ? 1 : 0) + (hasSeason ? period - 1 : 0) }

  /// Number of states carried by the recursion: level, trend and `period` seasonal states.
  public var stateCount: Int { 1 + (hasTrend ? 1 : 0) + (hasSeason ? period : 0) }

  /// Number of smoothing parameters (alpha, beta, gamma, phi) the model has.
  public var smoothingParameterCount: Int { 1 + (hasTrend ? 1 : 0) + (hasSeason ? 1 : 0) + (damped ? 1 : 0) }

  /// R's `restrict = TRUE`: combinations whose forecast variance can be infinite — additive
  /// errors with a multiplicative trend or season, and ETS(M,M,A).
  public var isRestricted: Bool {
    (error == .additive && (trend == .multiplicative || season == .multiplicative))
      || (error == .multiplicative && trend == .multiplicative && season == .additive)
  }

  /// Whether the model can only describe strictly positive data.
  public var needsPositiveData: Bool {
    error == .multiplicative || trend == .multiplicative || season == .multiplicative
  }
}

/// A model request as a user writes it: each letter fixed or `Z` (let the data choose), as the
/// `model=` argument of R's `ets()` ("ZZZ", "MAdM", "AZN").
public struct ETSModelPattern: Sendable, Hashable, CustomStringConvertible {
  /// nil: any (Z).
  public var error: ETSComponent?
  public var trend: ETSComponent?
  public var season: ETSComponent?
  /// nil: try both damped and undamped trends.
  public var damped: Bool?

  public init(error: ETSComponent? = nil, trend: ETSComponent? = nil, season: ETSComponent? = nil, damped: Bool? = nil) {
    self.error = error
    self.trend = trend
    self.season = season
    self.damped = damped
  }

  /// Every letter free: R's default `ets(y)`.
  public static let automatic = ETSModelPattern()

  /// Parses "ANN", "MAdM", "ZZZ", "aadm" (case-insensitive); "d" after the trend letter
  /// fixes the trend as damped. Returns nil for anything else.
  public init?(code: String) {
    var letters = Array(code.uppercased())
    var damped: Bool?
    if letters.count == 4, letters[2] == "D" {
      damped = true
      letters.remove(at: 2)
    }
    guard letters.count == 3 else { return nil }
    /// Whether the letter is allowed here, and its component (nil for Z: free).
    func component(_ letter: Character, allowed: String) -> (valid: Bool, value: ETSComponent?) {
      guard allowed.contains(letter) else { return (false, nil) }
      return (true, letter == "Z" ? nil : ETSComponent(rawValue: String(letter)))
    }
    let error = component(letters[0], allowed: "AMZ")
    let trend = component(letters[1], allowed: "NAMZ")
    let season = component(letters[2], allowed: "NAMZ")
    guard error.valid, trend.valid, season.valid else { return nil }
    if damped == true, trend.value == ETSComponent.none { return nil }
    self.init(error: error.value, trend: trend.value, season: season.value, damped: damped)
  }

  public var description: String {
    (error?.rawValue ?? "Z") + (trend?.rawValue ?? "Z") + (damped == true ? "d" : "") + (season?.rawValue ?? "Z")
  }

  /// True when every letter is fixed, so there is one model to fit (or two: damped and not).
  public var isFullySpecified: Bool { error != nil && trend != nil && season != nil }
}
