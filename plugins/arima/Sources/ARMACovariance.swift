import Foundation
import TrendCastNumerics

/// Second moments of a stationary ARMA process w_t = Σ φ_k w_{t−k} + ε_t + Σ θ_k ε_{t−k} with
/// unit innovation variance: ψ weights, autocovariances and the stationary covariance of the
/// Harvey state vector that initialises the Kalman filter.
enum ARMACovariance {
  /// ψ_0 … ψ_count−1 of the MA(∞) form.
  static func psiWeights(phi: [Double], theta: [Double], count: Int) -> [Double] {
    var psi = Array(repeating: 0.0, count: max(count, 1))
    psi[0] = 1
    for j in 1..<max(count, 1) {
      var value = j <= theta.count ? theta[j - 1] : 0
      for k in 1...min(j, max(phi.count, 1)) where k <= phi.count { value += phi[k - 1] * psi[j - k] }
      psi[j] = value
    }
    return psi
  }

  /// Autocovariances γ(0) … γ(maxLag): the linear system for γ(0…p), then the AR recursion.
  ///
  /// - Throws: `NumericsError.singular` when the AR part has a unit root.
  static func autocovariances(phi: [Double], theta: [Double], maxLag: Int) throws -> [Double] {
    let p = phi.count
    let q = theta.count
    let psi = psiWeights(phi: phi, theta: theta, count: q + 1)
    // Σ_{j=k}^{q} θ_j ψ_{j−k} with θ_0 = 1: the MA contribution to γ(k).
    func maTerm(_ k: Int) -> Double {
      guard k <= q else { return 0 }
      var sum = 0.0
      for j in k...q { sum += (j == 0 ? 1 : theta[j - 1]) * psi[j - k] }
      return sum
    }
    var gamma = Array(repeating: 0.0, count: max(maxLag, p) + 1)
    if p == 0 {
      for k in gamma.indices { gamma[k] = maTerm(k) }
      return Array(gamma.prefix(maxLag + 1))
    }
    // γ(k) − Σ_j φ_j γ(|k − j|) = maTerm(k), k = 0…p.
    var system = Matrix(rows: p + 1, columns: p + 1)
    var rhs = Array(repeating: 0.0, count: p + 1)
    for k in 0...p {
      system[k, k] += 1
      for j in 1...p { system[k, abs(k - j)] -= phi[j - 1] }
      rhs[k] = maTerm(k)
    }
    let lu = LUDecomposition(system)
    guard !lu.isSingular else { throw NumericsError.singular("ARMA autocovariances (unit root in the AR part)") }
    let solved = try lu.solve(rhs)
    for k in 0...p { gamma[k] = solved[k] }
    if gamma.count > p + 1 {
      for k in (p + 1)..<gamma.count {
        var value = maTerm(k)
        for j in 1...p { value += phi[j - 1] * gamma[k - j] }
        gamma[k] = value
      }
    }
    guard gamma.allSatisfy(\.isFinite), gamma[0] > 0 else { throw NumericsError.nonFinite("ARMA autocovariances") }
    return Array(gamma.prefix(maxLag + 1))
  }

  /// The stationary covariance of the Harvey state (dimension r = max(p, q + 1)), written into
  /// `into` with row stride `rowStride` (≥ r). The first row comes from the autocovariances; the
  /// others follow from P = T P T' + R R' read entry by entry, filled from the bottom-right
  /// corner, so the cost is O(r²) beyond the autocovariances.
  static func stationaryStateCovariance(phi: [Double], theta: [Double], r: Int, into p: inout [Double], rowStride: Int) throws {
    let gamma = try autocovariances(phi: phi, theta: theta, maxLag: r)
    let psi = psiWeights(phi: phi, theta: theta, count: r + 1)
    func phiAt(_ i: Int) -> Double { i < phi.count ? phi[i] : 0 }  // φ_{i+1}
    func rAt(_ i: Int) -> Double { i == 0 ? 1 : (i <= theta.count ? theta[i - 1] : 0) }  // θ_i
    // Row 0: Cov(w_t, α_t[k]) = Σ_{m=1}^{r−k} φ_{k+m} γ(m) + Σ_{m=0}^{r−1−k} θ_{k+m} ψ_m.
    var row0 = Array(repeating: 0.0, count: r + 1)
    for k in 0..<r {
      var value = 0.0
      if r - k >= 1 {
        for m in 1...(r - k) { value += phiAt(k + m - 1) * gamma[m] }
      }
      for m in 0..<(r - k) { value += rAt(k + m) * psi[m] }
      row0[k] = value
    }
    row0[0] = gamma[0]
    for i in stride(from: r - 1, through: 1, by: -1) {
      for l in stride(from: r - 1, through: i, by: -1) {
        let next = (i + 1 < r && l + 1 < r) ? p[(i + 1) * rowStride + l + 1] : 0
        let value = phiAt(i) * phiAt(l) * gamma[0] + rAt(i) * rAt(l) + next
          + phiAt(i) * row0[l + 1] + phiAt(l) * row0[i + 1]
        p[i * rowStride + l] = value
        p[l * rowStride + i] = value
      }
    }
    for k in 0..<r {
      p[k] = row0[k]
      p[k * rowStride] = row0[k]
    }
  }
}
