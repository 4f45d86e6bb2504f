import Foundation

/// The orders of a seasonal ARIMA model, (p,d,q)(P,D,Q)[s], and the deterministic terms that
/// go with it, as R's `arima` and forecast's `Arima` understand them.
public struct ARIMAOrder: Sendable, Hashable, CustomStringConvertible {
  public var p: Int
  public var d: Int
  public var q: Int
  public var seasonalP: Int
  public var seasonalD: Int
  public var seasonalQ: Int
  /// The seasonal period s (1 when the model has no seasonal part).
  public var period: Int

  public init(p: Int, d: Int, q: Int, seasonalP: Int = 0, seasonalD: Int = 0, seasonalQ: Int = 0, period: Int = 1) {
    precondition(min(p, d, q, seasonalP, seasonalD, seasonalQ) >= 0 && period >= 1, "ARIMA orders must not be negative")
    let seasonal = period > 1
    self.p = p
    self.d = d
    self.q = q
    self.seasonalP = seasonal ? seasonalP : 0
    self.seasonalD = seasonal ? seasonalD : 0
    self.seasonalQ = seasonal ? seasonalQ : 0
    self.period = seasonal ? period : 1
  }

  /// Degree of the expanded AR polynomial φ(B)Φ(B^s).
  public var fullARDegree: Int { p + period * seasonalP }
  /// Degree of the expanded MA polynomial θ(B)Θ(B^s).
  public var fullMADegree: Int { q + period * seasonalQ }
  /// Observations lost to differencing: d + D·s.
  public var differencingLength: Int { d + seasonalD * period }
  /// d + D: how many differences the model takes.
  public var differenceCount: Int { d + seasonalD }
  /// ARMA coefficients to estimate: p + q + P + Q.
  public var armaParameterCount: Int { p + q + seasonalP + seasonalQ }
  public var hasSeasonalPart: Bool { period > 1 && seasonalP + seasonalD + seasonalQ > 0 }

  /// "ARIMA(0,1,1)(0,1,1)[12]" — the seasonal part only when it is not empty, as R prints it.
  public var description: String {
    "ARIMA(\(p),\(d),\(q))" + (hasSeasonalPart ? "(\(seasonalP),\(seasonalD),\(seasonalQ))[\(period)]" : "")
  }

  /// R's coefficient names in R's order: ar1…, ma1…, sar1…, sma1….
  public var armaParameterNames: [String] {
    (0..<p).map { "ar\($0 + 1)" } + (0..<q).map { "ma\($0 + 1)" }
      + (0..<seasonalP).map { "sar\($0 + 1)" } + (0..<seasonalQ).map { "sma\($0 + 1)" }
  }

  /// The coefficients of the differencing operator (1 − B)^d (1 − B^s)^D written as
  /// y_t = Σ δ_i y_{t−i} + w_t (R's `Delta`), length d + D·s.
  public var differencingCoefficients: [Double] {
    var polynomial = [1.0]
    for _ in 0..<d { polynomial = Polynomial.multiply(polynomial, [1, -1]) }
    for _ in 0..<seasonalD {
      var factor = Array(repeating: 0.0, count: period + 1)
      factor[0] = 1
      factor[period] = -1
      polynomial = Polynomial.multiply(polynomial, factor)
    }
    return polynomial.dropFirst().map { -$0 }
  }
}

/// ARMA coefficients in R's order (ar, ma, sar, sma) split by part, and their expansion to
/// the full lag polynomials the filters use.
public struct ARMACoefficients: Sendable, Hashable {
  public var ar: [Double]
  public var ma: [Double]
  public var seasonalAR: [Double]
  public var seasonalMA: [Double]

  public init(ar: [Double] = [], ma: [Double] = [], seasonalAR: [Double] = [], seasonalMA: [Double] = []) {
    self.ar = ar
    self.ma = ma
    self.seasonalAR = seasonalAR
    self.seasonalMA = seasonalMA
  }

  /// Splits a flat vector laid out as `order.armaParameterNames`.
  public init(_ values: some Collection<Double>, order: ARIMAOrder) {
    let all = Array(values)
    precondition(all.count >= order.armaParameterCount, "too few ARMA coefficients for the order")
    var position = 0
    func take(_ count: Int) -> [Double] {
      defer { position += count }
      return Array(all[position..<(position + count)])
    }
    ar = take(order.p)
    ma = take(order.q)
    seasonalAR = take(order.seasonalP)
    seasonalMA = take(order.seasonalQ)
  }

  public var flattened: [Double] { ar + ma + seasonalAR + seasonalMA }

  /// φ of w_t = Σ φ_k w_{t−k} + …: the expansion of (1 − Σ ar_i B^i)(1 − Σ sar_j B^{sj}).
  public func expandedAR(period: Int) -> [Double] {
    let product = Polynomial.multiply([1] + ar.map { -$0 }, Polynomial.seasonal(seasonalAR.map { -$0 }, period: period))
    return product.dropFirst().map { -$0 }
  }

  /// θ of … + ε_t + Σ θ_k ε_{t−k}: the expansion of (1 + Σ ma_i B^i)(1 + Σ sma_j B^{sj}).
  public func expandedMA(period: Int) -> [Double] {
    Array(Polynomial.multiply([1] + ma, Polynomial.seasonal(seasonalMA, period: period)).dropFirst())
  }
}

/// Lag polynomials as coefficient arrays, constant term first.
public enum Polynomial {
  public static func multiply(_ a: [Double], _ b: [Double]) -> [Double] {
    guard !a.isEmpty, !b.isEmpty else { return [] }
    var result = Array(repeating: 0.0, count: a.count + b.count - 1)
    for i in a.indices where a[i] != 0 {
      for j in b.indices { result[i + j] += a[i] * b[j] }
    }
    return result
  }

  /// 1 + Σ c_j B^{s·j}.
  static func seasonal(_ coefficients: [Double], period: Int) -> [Double] {
    var result = Array(repeating: 0.0, count: coefficients.count * period + 1)
    result[0] = 1
    for (j, c) in coefficients.enumerated() { result[(j + 1) * period] = c }
    return result
  }

  /// Whether every root of 1 − Σ φ_k z^k lies outside the circle |z| = `radius`, decided
  /// without root finding: the polynomial in u = z / radius is tested by the Schur–Cohn
  /// (reverse Durbin–Levinson) recursion, whose partial autocorrelations must all be inside
  /// (−1, 1). `radius` 1.01 is forecast's test for roots too close to the unit circle.
  public static func isStationary(_ phi: [Double], radius: Double = 1) -> Bool {
    var current = phi.enumerated().map { $0.element * Foundation.pow(radius, Double($0.offset + 1)) }
    while let last = current.last, last == 0 { current.removeLast() }
    while let k = current.indices.last {
      let r = current[k]
      guard r.isFinite, abs(r) < 1 else { return false }
      let denominator = 1 - r * r
      current = (0..<k).map { (current[$0] + r * current[k - 1 - $0]) / denominator }
    }
    return true
  }

  /// Whether 1 + Σ θ_k z^k has all its roots outside |z| = `radius`.
  public static func isInvertible(_ theta: [Double], radius: Double = 1) -> Bool {
    isStationary(theta.map { -$0 }, radius: radius)
  }
}
