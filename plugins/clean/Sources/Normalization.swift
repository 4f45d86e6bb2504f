import TrendCastNumerics

/// How `clean normalize=` rescales a series. Both are affine, so a forecast of the scaled
/// series maps back exactly: original = scaled × scale + offset.
public enum NormalizeMethod: String, Sendable, CaseIterable {
  case none
  /// (x − min) / (max − min): the observed range becomes [0, 1].
  case minmax
  /// (x − mean) / sd with the sample standard deviation (n − 1), as R's `scale()`.
  case zscore
}

/// The affine map a normalisation used.
public struct AffineMap: Sendable, Equatable {
  public var offset: Double
  public var scale: Double
}

/// Why a series cannot be normalised.
public enum NormalizeProblem: Error, Sendable, Equatable {
  case allMissing
  /// Every observed value is the same, so there is no range or spread to divide by.
  case constant(Double)
}

public enum Normalization {
  /// The map of `method` for the observed values of `x` (missing values are skipped).
  public static func map(for x: [Double], method: NormalizeMethod) throws(NormalizeProblem) -> AffineMap? {
    let observed = Descriptive.droppingNaN(x)
    guard method != .none else { return nil }
    guard let low = observed.min(), let high = observed.max() else { throw .allMissing }
    guard high > low else { throw .constant(low) }
    switch method {
    case .none: return nil
    case .minmax: return AffineMap(offset: low, scale: high - low)
    case .zscore: return AffineMap(offset: Descriptive.mean(observed), scale: Descriptive.standardDeviation(observed))
    }
  }

  /// `x` on the scale of `map`: (x − offset) / scale.
  public static func apply(_ map: AffineMap, to x: [Double]) -> [Double] {
    x.map { ($0 - map.offset) / map.scale }
  }
}

/// What clipping changed.
public struct ClipOutcome: Sendable, Equatable {
  public var values: [Double]
  /// Positions raised to the lower bound.
  public var raised: [Int]
  /// Positions lowered to the upper bound.
  public var lowered: [Int]
}

public enum Clipping {
  /// Values below `lower` become `lower`, values above `upper` become `upper` (either bound
  /// may be absent); missing values stay missing.
  public static func clip(_ x: [Double], lower: Double?, upper: Double?) -> ClipOutcome {
    var outcome = ClipOutcome(values: x, raised: [], lowered: [])
    for (i, value) in x.enumerated() where !value.isNaN {
      if let lower, value < lower {
        outcome.values[i] = lower
        outcome.raised.append(i)
      } else if let upper, value > upper {
        outcome.values[i] = upper
        outcome.lowered.append(i)
      }
    }
    return outcome
  }
}
