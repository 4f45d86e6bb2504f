import Foundation

/// The full state-space form of an ARIMA model on the undifferenced series, filtered with an
/// exact diffuse initialisation (Koopman 1997): the ARMA part starts from its stationary
/// covariance, the d + D·s previous levels are diffuse. Used where the differenced series
/// cannot be: missing values inside a differenced series, the residuals on the original time
/// index, and forecasts with their exact finite-sample variances.
///
/// State: the r ARMA states (Harvey form), then the levels y_{t−1} … y_{t−k}, k = d + D·s.
/// Observation y_t = α_t[0] + Σ δ_i y_{t−i} (no noise). Steps whose diffuse variance is
/// positive are the diffuse steps: they fix the levels and add nothing to the likelihood, so
/// for complete data the likelihood equals that of the differenced series (what statsmodels'
/// exact diffuse filter and R's large-κ prior give).
struct ARIMAStateSpace {
  let phi: [Double]
  let theta: [Double]
  let delta: [Double]
  let r: Int
  var m: Int { r + delta.count }

  /// The filtered state after the last observation, ready for prediction.
  struct Filtered {
    var sums: LikelihoodSums
    /// Standardized innovations v_t/√F_t; NaN at diffuse steps and missing values.
    var residuals: [Double]
    var state: [Double]
    var covariance: [Double]
    var diffuseCovariance: [Double]
    var isStillDiffuse: Bool
  }

  init(phi: [Double], theta: [Double], delta: [Double]) {
    self.phi = phi
    self.theta = theta
    self.delta = delta
    r = max(phi.count, theta.count + 1)
  }

  private func phiAt(_ i: Int) -> Double { i < phi.count ? phi[i] : 0 }
  private func rAt(_ i: Int) -> Double { i == 0 ? 1 : (i <= theta.count ? theta[i - 1] : 0) }

  /// The non-zero differencing coefficients as (state index, δ): (1 − B)(1 − B^52) has 3 of 53.
  private var sparseDelta: [(index: Int, value: Double)] {
    delta.enumerated().filter { $0.element != 0 }.map { (r + $0.offset, $0.element) }
  }

  /// x ← T x for a vector of length m.
  private func transition(_ x: inout [Double], scratch: inout [Double]) {
    let x0 = x[0]
    var level = x0
    for (index, d) in sparseDelta { level += d * x[index] }
    for i in 0..<r { scratch[i] = phiAt(i) * x0 + (i + 1 < r ? x[i + 1] : 0) }
    if !delta.isEmpty {
      scratch[r] = level
      for k in stride(from: delta.count - 1, through: 1, by: -1) { scratch[r + k] = x[r + k - 1] }
    }
    swap(&x, &scratch)
  }

  /// P ← T P T' (+ R R' on the ARMA block when `addNoise`), in place with row and column
  /// operations: the ARMA rows mix row 0 into the next row, the first level row is Z P (sparse),
  /// the other level rows shift down; then the same on the columns.
  private func propagate(_ p: inout [Double], addNoise: Bool, column: inout [Double], scratch: inout [Double]) {
    let m = self.m
    let r = self.r
    let levels = sparseDelta
    let lagCount = delta.count
    let phiValues = (0..<r).map(phiAt)
    p.withUnsafeMutableBufferPointer { p in
      column.withUnsafeMutableBufferPointer { row0 in
        // Rows: A = T P.
        for j in 0..<m { row0[j] = p[j] }
        if lagCount > 0 {
          // New first level row = Z P = row 0 + Σ δ_k row (r + k), from the old rows.
          for j in 0..<m {
            var value = row0[j]
            for (index, d) in levels { value += d * p[index * m + j] }
            scratch[j] = value
          }
          for k in stride(from: lagCount - 1, through: 1, by: -1) {
            let to = (r + k) * m
            let from = (r + k - 1) * m
            for j in 0..<m { p[to + j] = p[from + j] }
          }
          for j in 0..<m { p[r * m + j] = scratch[j] }
        }
        for i in 0..<r {
          let to = i * m
          let phiI = phiValues[i]
          if i + 1 < r {
            let from = (i + 1) * m
            for j in 0..<m { p[to + j] = phiI * row0[j] + p[from + j] }
          } else {
            for j in 0..<m { p[to + j] = phiI * row0[j] }
          }
        }
        // Columns: P' = A T'.
        for i in 0..<m {
          let base = i * m
          let a0 = p[base]
          var level = a0
          for (index, d) in levels { level += d * p[base + index] }
          if lagCount > 0 {
            for k in stride(from: lagCount - 1, through: 1, by: -1) { p[base + r + k] = p[base + r + k - 1] }
            p[base + r] = level
          }
          for j in 0..<r { p[base + j] = phiValues[j] * a0 + (j + 1 < r ? p[base + j + 1] : 0) }
        }
        if addNoise {
          for i in 0..<r {
            let ri = rAt(i)
            if ri == 0 { continue }
            for j in 0..<r { p[i * m + j] += ri * rAt(j) }
          }
        }
      }
    }
  }

  /// Z x = x[0] + Σ δ_k x[r + k].
  private func observe(_ x: [Double]) -> Double {
    var value = x[0]
    for (index, d) in sparseDelta { value += d * x[index] }
    return value
  }

  /// P Z'.
  private func timesZ(_ p: [Double]) -> [Double] {
    let m = self.m
    let levels = sparseDelta
    return (0..<m).map { i in
      var value = p[i * m]
      for (index, d) in levels { value += d * p[i * m + index] }
      return value
    }
  }

  /// Runs the filter over `y` (NaN = missing).
  func filter(_ y: [Double]) throws -> Filtered {
    let m = self.m
    var a = Array(repeating: 0.0, count: m)
    var pStar = Array(repeating: 0.0, count: m * m)
    var pInf = Array(repeating: 0.0, count: m * m)
    var armaBlock = Array(repeating: 0.0, count: (r + 1) * (r + 1))
    if phi.isEmpty {
      for i in 0..<r {
        for j in 0..<r {
          var value = 0.0
          var k = 0
          while i + k < r && j + k < r {
            value += rAt(i + k) * rAt(j + k)
            k += 1
          }
          armaBlock[i * (r + 1) + j] = value
        }
      }
    } else {
      try ARMACovariance.stationaryStateCovariance(phi: phi, theta: theta, r: r, into: &armaBlock, rowStride: r + 1)
    }
    for i in 0..<r {
      for j in 0..<r { pStar[i * m + j] = armaBlock[i * (r + 1) + j] }
    }
    for k in 0..<delta.count { pInf[(r + k) * m + r + k] = 1 }
    var diffuse = !delta.isEmpty
    // While the last d + D·s levels are observed their block of P is zero and the step is the
    // ARMA filter's on the r × r block (O(r²)); the full O(m²) step runs only in the diffuse
    // start and around missing values.
    var levelsKnown = delta.isEmpty
    var sums = LikelihoodSums()
    var residuals = Array(repeating: Double.nan, count: y.count)
    var column = Array(repeating: 0.0, count: m)
    var scratch = Array(repeating: 0.0, count: m)
    var block = Array(repeating: 0.0, count: r)
    let rVector = (0..<r).map(rAt)
    // Set while only the upper triangle of the ARMA block is current (the r × r step).
    var symmetricUpper = false
    // The r × r step converges to a fixed point (the steady state of the filter); once two
    // successive blocks agree to rounding it is skipped — O(r) a step instead of O(r²), which
    // is what makes long seasonal series (weekly data, r ≈ 2·52) affordable.
    var steady = false
    var snapshot: [Double] = []
    for t in 0..<y.count {
      let value = y[t]
      if levelsKnown && !value.isNaN {
        let f = pStar[0]
        let v = value - observe(a)
        guard f > 0, f.isFinite else { throw ARIMAFitError(.notEstimable, "the filter's variance is not positive") }
        sums.ssq += v * v / f
        sums.sumLog += log(f)
        sums.count += 1
        residuals[t] = v / f.squareRoot()
        for i in 0..<r { a[i] += pStar[i] / f * v }
        transition(&a, scratch: &scratch)
        if steady { continue }
        // The r × r step of the ARMA filter on the upper triangle, in place: row 0 is kept
        // aside because every entry needs it; row i + 1 is read before it is overwritten.
        let inverseF = 1 / f
        pStar.withUnsafeMutableBufferPointer { p in
          block.withUnsafeMutableBufferPointer { row0 in
            rVector.withUnsafeBufferPointer { rv in
              for j in 0..<r { row0[j] = p[j] }
              for i in 0..<r {
                let pi0 = i + 1 < r ? row0[i + 1] * inverseF : 0
                let ri = rv[i]
                let out = i * m
                let from = (i + 1) * m + 1
                if i + 1 < r {
                  for j in i..<(r - 1) { p[out + j] = p[from + j] - pi0 * row0[j + 1] + ri * rv[j] }
                }
                p[out + r - 1] = ri * rv[r - 1]
              }
            }
          }
        }
        symmetricUpper = true
        if abs(pStar[0] - f) <= 1e-14 * f {
          steady = Self.upperTriangle(of: pStar, r: r, m: m, equals: snapshot, tolerance: 1e-14 * f)
          if !steady { snapshot = Self.upperTriangle(of: pStar, r: r, m: m) }
        } else if !snapshot.isEmpty {
          snapshot = []
        }
        continue
      }
      steady = false
      snapshot = []
      if symmetricUpper {
        for i in 0..<r {
          for j in 0..<i { pStar[i * m + j] = pStar[j * m + i] }
        }
        symmetricUpper = false
      }
      levelsKnown = false
      if !value.isNaN {
        let v = value - observe(a)
        let mStar = timesZ(pStar)
        let fStar = observe(mStar)
        let mInf = diffuse ? timesZ(pInf) : []
        let fInf = diffuse ? observe(mInf) : 0
        if diffuse && fInf > 1e-8 {
          let k0 = mInf.map { $0 / fInf }
          for i in 0..<m {
            a[i] += k0[i] * v
            for j in 0..<m {
              pStar[i * m + j] += k0[i] * k0[j] * fStar - mStar[i] * k0[j] - k0[i] * mStar[j]
              pInf[i * m + j] -= k0[i] * k0[j] * fInf
            }
          }
        } else if fStar > 1e-12 {
          sums.ssq += v * v / fStar
          sums.sumLog += log(fStar)
          sums.count += 1
          residuals[t] = v / fStar.squareRoot()
          for i in 0..<m {
            a[i] += mStar[i] / fStar * v
            for j in 0..<m { pStar[i * m + j] -= mStar[i] * mStar[j] / fStar }
          }
        }
      }
      if diffuse {
        propagate(&pInf, addNoise: false, column: &column, scratch: &scratch)
        diffuse = pInf.contains { abs($0) > 1e-8 }
        if !diffuse { for i in pInf.indices { pInf[i] = 0 } }
      }
      transition(&a, scratch: &scratch)
      propagate(&pStar, addNoise: true, column: &column, scratch: &scratch)
      if !diffuse && !value.isNaN {
        // Known again once every level row is zero to rounding.
        var scale = 1.0
        for i in 0..<r { scale = max(scale, abs(pStar[i * m + i])) }
        var largest = 0.0
        for i in r..<m {
          for j in 0..<m { largest = max(largest, abs(pStar[i * m + j])) }
        }
        if largest <= 1e-10 * scale {
          for i in r..<m {
            for j in 0..<m {
              pStar[i * m + j] = 0
              pStar[j * m + i] = 0
            }
          }
          levelsKnown = true
        }
      }
    }
    if symmetricUpper {
      for i in 0..<r {
        for j in 0..<i { pStar[i * m + j] = pStar[j * m + i] }
      }
    }
    return Filtered(sums: sums, residuals: residuals, state: a, covariance: pStar, diffuseCovariance: pInf, isStillDiffuse: diffuse)
  }

  /// The upper triangle of the r × r ARMA block of `p`, row by row.
  private static func upperTriangle(of p: [Double], r: Int, m: Int) -> [Double] {
    var values: [Double] = []
    values.reserveCapacity(r * (r + 1) / 2)
    for i in 0..<r { values.append(contentsOf: p[(i * m + i)..<(i * m + r)]) }
    return values
  }

  /// Whether the upper triangle of `p`'s ARMA block equals `snapshot` within `tolerance`.
  private static func upperTriangle(of p: [Double], r: Int, m: Int, equals snapshot: [Double], tolerance: Double) -> Bool {
    guard snapshot.count == r * (r + 1) / 2 else { return false }
    var index = 0
    for i in 0..<r {
      for j in i..<r {
        if abs(p[i * m + j] - snapshot[index]) > tolerance { return false }
        index += 1
      }
    }
    return true
  }

  /// Point forecasts and forecast variances (for unit innovation variance) `horizon` steps
  /// past the end of a filtered series.
  func forecast(from filtered: Filtered, horizon: Int) -> (mean: [Double], variance: [Double]) {
    var a = filtered.state
    var p = filtered.covariance
    var column = Array(repeating: 0.0, count: m)
    var scratch = Array(repeating: 0.0, count: m)
    var mean: [Double] = []
    var variance: [Double] = []
    for _ in 0..<horizon {
      mean.append(observe(a))
      variance.append(observe(timesZ(p)))
      transition(&a, scratch: &scratch)
      propagate(&p, addNoise: true, column: &column, scratch: &scratch)
    }
    return (mean, variance)
  }
}
