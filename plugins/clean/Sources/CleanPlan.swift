import TrendCastPlugin
import TrendCastValues

/// What one `clean` statement asks for, read from its options and checked before any data is
/// touched, so a wrong option fails with a pointer to it.
struct CleanPlan {
  enum OutlierAction: String, CaseIterable {
    /// Report the points, leave the values.
    case flag
    /// Put the rule's own replacement in their place (fence, mean ± threshold·sd, window median).
    case replace
    /// Make them missing; `fill=` then fills them.
    case drop
  }

  var fill: FillMethod
  /// Set for `fill=seasonal` (from `period=` or the series' frequency).
  var period: Int?
  var outliers: OutlierRule?
  var action: OutlierAction
  var normalize: NormalizeMethod
  var clipLower: Double?
  var clipUpper: Double?

  static let defaultIQRFactor = 1.5
  static let defaultZThreshold = 3.0
  static let defaultHampelThreshold = 3.0
  static let defaultHampelWindow = 7

  init(_ invocation: Invocation, frequency: Frequency) throws {
    let fillWord = try invocation.keyword("fill") ?? FillMethod.none.rawValue
    guard let fill = FillMethod(rawValue: fillWord) else {
      throw invocation.optionError("fill", "unknown fill method '\(fillWord)'", hint: "fill=\(FillMethod.allCases.map(\.rawValue).joined(separator: "|"))")
    }
    self.fill = fill
    let ruleWord = try invocation.keyword("outliers") ?? "none"
    let actionWord = try invocation.keyword("action") ?? OutlierAction.flag.rawValue
    guard let action = OutlierAction(rawValue: actionWord) else {
      throw invocation.optionError("action", "unknown action '\(actionWord)'", hint: "action=flag|replace|drop")
    }
    self.action = action
    let threshold = try invocation.number("threshold")
    if let threshold, !(threshold > 0) {
      throw invocation.optionError("threshold", "threshold= must be above 0, not \(NumberFormatting.display(threshold))")
    }
    let window = try invocation.integer("window")
    switch ruleWord {
    case "none":
      for option in ["action", "threshold", "window"] where invocation.isGiven(option) {
        throw invocation.optionError(option, "\(option)= only applies when outliers are looked for", hint: "add outliers=iqr, zscore or hampel")
      }
      outliers = nil
    case "iqr":
      outliers = .iqr(k: threshold ?? Self.defaultIQRFactor)
    case "zscore":
      outliers = .zscore(threshold: threshold ?? Self.defaultZThreshold)
    case "hampel":
      let size = window ?? Self.defaultHampelWindow
      guard size >= 3, size % 2 == 1 else {
        throw invocation.optionError("window", "window= must be an odd number of at least 3 (a window centred on each value), not \(size)", hint: "e.g. window=7 (3 values on each side)")
      }
      outliers = .hampel(window: size, threshold: threshold ?? Self.defaultHampelThreshold)
    default:
      throw invocation.optionError("outliers", "unknown outlier rule '\(ruleWord)'", hint: "outliers=iqr|zscore|hampel|none")
    }
    if window != nil, ruleWord != "hampel", ruleWord != "none" {
      throw invocation.optionError("window", "window= is used by outliers=hampel only", hint: "\(ruleWord) judges every value against the whole series")
    }
    let normalizeWord = try invocation.keyword("normalize") ?? NormalizeMethod.none.rawValue
    guard let normalize = NormalizeMethod(rawValue: normalizeWord) else {
      throw invocation.optionError("normalize", "unknown normalisation '\(normalizeWord)'", hint: "normalize=minmax|zscore|none")
    }
    self.normalize = normalize
    if let bounds = try invocation.numbers("clip") {
      guard (1...2).contains(bounds.count) else {
        throw invocation.optionError("clip", "clip= takes [lower, upper] or a lower bound alone, not \(bounds.count) numbers", hint: "e.g. clip=[0, 500], or clip=0 to raise negative values to 0")
      }
      clipLower = bounds[0]
      clipUpper = bounds.count == 2 ? bounds[1] : nil
      if let upper = clipUpper, let lower = clipLower, upper < lower {
        throw invocation.optionError("clip", "clip=[\(NumberFormatting.display(lower)), \(NumberFormatting.display(upper))] has its lower bound above its upper bound")
      }
    }
    let periodOption = try invocation.integer("period")
    if fill == .seasonal {
      let chosen = periodOption ?? frequency.seasonalPeriod
      if let periodOption, periodOption < 2 {
        throw invocation.optionError("period", "period= must be at least 2, not \(periodOption)")
      }
      guard chosen >= 2 else {
        throw invocation.optionError("fill", "fill=seasonal needs a seasonal period, and a \(frequency.name) series has none",
          hint: "give one with period=N, or use fill=linear")
      }
      period = chosen
    } else if periodOption != nil {
      throw invocation.optionError("period", "period= is used by fill=seasonal only")
    }
  }

  /// Whether the plan changes anything at all.
  var isEmpty: Bool { fill == .none && outliers == nil && normalize == .none && clipLower == nil && clipUpper == nil }
}
