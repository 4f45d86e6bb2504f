import Foundation

/// The parameter transformation of the exact-likelihood search, as R's `arima` with
/// `transform.pars = TRUE`: each AR polynomial (non-seasonal, seasonal) has its partial
/// autocorrelations as tanh of free parameters, turned into coefficients by the Durbin–Levinson
/// recursion, so it stays stationary; MA coefficients and regression terms pass through.
enum ParameterTransform {
  private static func arParts(_ order: ARIMAOrder) -> [(start: Int, count: Int)] {
    [(0, order.p), (order.p + order.q, order.seasonalP)]
  }

  static func constrained(_ raw: [Double], order: ARIMAOrder) -> [Double] {
    var result = raw
    for (start, count) in arParts(order) where count > 0 {
      let coefficients = fromPartialAutocorrelations(raw[start..<(start + count)].map { tanh($0) })
      for i in 0..<count { result[start + i] = coefficients[i] }
    }
    return result
  }

  /// The inverse map. AR coefficients outside the region are first pulled inside (each
  /// coefficient of lag k multiplied by 0.9^k until the polynomial qualifies); MA parts are
  /// made invertible.
  static func unconstrained(_ natural: [Double], order: ARIMAOrder) -> [Double] {
    var result = invertingMA(natural, order: order)
    for (start, count) in arParts(order) where count > 0 {
      var coefficients = Array(natural[start..<(start + count)])
      var shrink = 0
      while !Polynomial.isStationary(coefficients, radius: 1.001) && shrink < 200 {
        coefficients = coefficients.enumerated().map { $0.element * pow(0.9, Double($0.offset + 1)) }
        shrink += 1
      }
      let partials = toPartialAutocorrelations(coefficients)
      for i in 0..<count { result[start + i] = atanh(max(-0.999, min(0.999, partials[i]))) }
    }
    return result
  }

  /// The parameters with each MA polynomial made invertible (R's `maInvert`).
  static func invertingMA(_ parameters: [Double], order: ARIMAOrder) -> [Double] {
    var result = parameters
    for (start, count) in [(order.p, order.q), (order.p + order.q + order.seasonalP, order.seasonalQ)] where count > 0 {
      let inverted = Polynomial.invertibleMA(Array(parameters[start..<(start + count)]))
      for i in 0..<count { result[start + i] = inverted[i] }
    }
    return result
  }

  /// Durbin–Levinson: partial autocorrelations → AR coefficients.
  static func fromPartialAutocorrelations(_ partials: [Double]) -> [Double] {
    var phi: [Double] = []
    for (k, r) in partials.enumerated() {
      var next = (0..<k).map { phi[$0] - r * phi[k - 1 - $0] }
      next.append(r)
      phi = next
    }
    return phi
  }

  /// The reverse recursion (valid for stationary coefficients).
  static func toPartialAutocorrelations(_ phi: [Double]) -> [Double] {
    var current = phi
    var partials = Array(repeating: 0.0, count: phi.count)
    while let k = current.indices.last {
      let r = current[k]
      partials[k] = r
      let denominator = max(1 - r * r, 1e-12)
      current = (0..<k).map { (current[$0] + r * current[k - 1 - $0]) / denominator }
    }
    return partials
  }
}

extension Polynomial {
  /// θ of 1 + Σ θ_k z^k with every root inside the unit circle replaced by its reciprocal
  /// (the same autocovariances, so the same likelihood); unchanged when already invertible.
  static func invertibleMA(_ theta: [Double]) -> [Double] {
    guard let last = theta.lastIndex(where: { $0 != 0 }) else { return theta }
    let degree = last + 1
    if isInvertible(Array(theta.prefix(degree))) { return theta }
    if degree == 1 { return [1 / theta[0]] + Array(repeating: 0, count: theta.count - 1) }
    var roots = polynomialRoots([1] + theta.prefix(degree))
    for i in roots.indices where roots[i].modulus < 1 { roots[i] = roots[i].reciprocal }
    // Π (1 − z / r_i), real parts.
    var product: [Complex] = [Complex(1, 0)]
    for root in roots {
      let factor = Complex(-1, 0) / root
      var next = Array(repeating: Complex(0, 0), count: product.count + 1)
      for (i, c) in product.enumerated() {
        next[i] = next[i] + c
        next[i + 1] = next[i + 1] + c * factor
      }
      product = next
    }
    return product.dropFirst().map(\.re) + Array(repeating: 0, count: theta.count - degree)
  }

  /// The roots of c_0 + c_1 z + … + c_n z^n by the Durand–Kerner (Weierstrass) iteration.
  static func polynomialRoots(_ coefficients: [Double]) -> [Complex] {
    let n = coefficients.count - 1
    guard n >= 1, let leading = coefficients.last, leading != 0 else { return [] }
    let monic = coefficients.map { Complex($0 / leading, 0) }
    func evaluate(_ z: Complex) -> Complex {
      var value = Complex(0, 0)
      for c in monic.reversed() { value = value * z + c }
      return value
    }
    let seed = Complex(0.4, 0.9)
    var roots = (0..<n).map { k in (0..<k).reduce(Complex(1, 0)) { value, _ in value * seed } }
    let scale = 1 + (monic.dropLast().map(\.modulus).max() ?? 0)
    roots = roots.map { $0 * Complex(scale, 0) }
    for _ in 0..<500 {
      var largestStep = 0.0
      for i in 0..<n {
        var denominator = Complex(1, 0)
        for j in 0..<n where j != i { denominator = denominator * (roots[i] - roots[j]) }
        guard denominator.modulus > 0 else { continue }
        let step = evaluate(roots[i]) / denominator
        roots[i] = roots[i] - step
        largestStep = max(largestStep, step.modulus)
      }
      if largestStep < 1e-14 { break }
    }
    return roots
  }
}

/// A complex number, for polynomial roots.
struct Complex: Sendable {
  var re: Double
  var im: Double
  init(_ re: Double, _ im: Double) {
    self.re = re
    self.im = im
  }
  var modulus: Double { (re * re + im * im).squareRoot() }
  var reciprocal: Complex { Complex(1, 0) / self }
  static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
  static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
  static func * (a: Complex, b: Complex) -> Complex { Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re) }
  static func / (a: Complex, b: Complex) -> Complex {
    let d = b.re * b.re + b.im * b.im
    return Complex((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d)
  }
}
