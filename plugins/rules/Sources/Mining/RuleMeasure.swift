import Foundation

/// The interest measures of a rule A → C, with mlxtend 0.25's formulas.
///
/// With sA, sC, sAC the supports (fractions of baskets) of A, C and A ∪ C:
/// confidence = sAC/sA; lift = confidence/sC; leverage = sAC − sA·sC;
/// conviction = (1 − sC)/(1 − confidence), +∞ when confidence is 1;
/// Zhang = leverage / max(sAC·(1 − sA), sA·(sC − sAC)), 0 when that maximum is 0;
/// Jaccard = sAC/(sA + sC − sAC); certainty = (confidence − sC)/(1 − sC), 0 when sC is 1;
/// Kulczynski = (sAC/sA + sAC/sC)/2. None of them is ever NaN.
public enum RuleMeasure: String, Sendable, CaseIterable {
  case support, count, confidence, lift, leverage, conviction, zhang, jaccard, certainty, kulczynski
  /// The support of the antecedent alone, and of the consequent alone.
  case antecedentSupport = "antecedent_support"
  case consequentSupport = "consequent_support"

  /// Accepts the spellings users and other tools write (`zhangs_metric`, `conf`...).
  public init?(name: String) {
    let key = name.lowercased().replacingOccurrences(of: "-", with: "_")
    switch key {
    case "zhangs_metric", "zhangs", "zhang_metric": self = .zhang
    case "conf": self = .confidence
    case "supp": self = .support
    case "cert": self = .certainty
    default:
      guard let measure = RuleMeasure(rawValue: key) else { return nil }
      self = measure
    }
  }

  /// The measure from basket counts: of A ∪ C, of A, of C, and of all baskets. Each case
  /// computes only the supports it uses (the rankings call this millions of times), always
  /// with the same operations, so a measure has one value wherever it is computed.
  @inline(__always)
  public func value(ruleCount: Int, antecedentCount: Int, consequentCount: Int, basketCount: Int) -> Double {
    let n = Double(basketCount)
    var sAC: Double { Double(ruleCount) / n }
    var sA: Double { Double(antecedentCount) / n }
    var sC: Double { Double(consequentCount) / n }
    switch self {
    case .count: return Double(ruleCount)
    case .support: return sAC
    case .antecedentSupport: return sA
    case .consequentSupport: return sC
    case .confidence: return sAC / sA
    case .lift: return sAC / sA / sC
    case .leverage: return sAC - sA * sC
    case .conviction:
      let confidence = sAC / sA
      return confidence < 1 ? (1 - sC) / (1 - confidence) : .infinity
    case .zhang:
      let (sAC, sA, sC) = (sAC, sA, sC)
      let denominator = max(sAC * (1 - sA), sA * (sC - sAC))
      return denominator == 0 ? 0 : (sAC - sA * sC) / denominator
    case .jaccard: return sAC / (sA + sC - sAC)
    case .certainty:
      let denominator = 1 - sC
      return denominator == 0 ? 0 : (sAC / sA - sC) / denominator
    case .kulczynski: return (sAC / sA + sAC / sC) / 2
    }
  }
}
