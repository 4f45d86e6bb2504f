import Foundation

/// The sums an exact Gaussian likelihood is made of, with the innovation variance concentrated
/// out: ssq = Σ v_t²/F_t, sumLog = Σ log F_t over the `count` observations used.
public struct LikelihoodSums: Sendable {
  public var ssq = 0.0
  public var sumLog = 0.0
  public var count = 0

  /// σ̂² = ssq / count, the maximum-likelihood innovation variance.
  public var sigma2: Double { ssq / Double(count) }
  /// R's `armafn`: ½ (log σ̂² + sumLog / count), the concentrated −log L per observation
  /// without constants.
  public var concentratedObjective: Double {
    guard count > 0, ssq > 0 else { return .infinity }
    return 0.5 * (log(ssq / Double(count)) + sumLog / Double(count))
  }
  /// The full log-likelihood at σ̂².
  public var logLikelihood: Double {
    let n = Double(count)
    return -0.5 * (n * log(2 * Double.pi * ssq / n) + sumLog + n)
  }
}

/// The Kalman filter of a stationary ARMA process in Harvey's state-space form, the hot path
/// of estimation.
///
/// State α_t of dimension r = max(p, q + 1); T has φ in its first column and ones above the
/// diagonal; R = (1, θ_1, …, θ_{r−1}); the observation is α_t[0] with no noise. Because the
/// observation is exact, the updated covariance has a zero first row and column, so the next
/// prediction is a shifted copy plus R R' (O(r²) per step with a tiny constant, as in R's
/// `ARIMA_Like` for d = 0). Once the predicted covariance equals R R' to 1e-12 the gain is
/// constant and the filter runs as the innovations recursion in O(p + q) per step (the
/// steady-state shortcut; exact to that tolerance). Missing values (NaN) are predicted over.
/// The workspace is reused between calls: a likelihood evaluation allocates O(r²) once,
/// nothing per step.
final class ARMAFilter {
  private(set) var r = 0
  private var phi: [Double] = []
  private var rVector: [Double] = []
  /// Predicted covariance, (r + 1) × (r + 1) with a zero last row and column as padding.
  private var p: [Double] = []
  private var next: [Double] = []
  private var state: [Double] = []
  private var nextState: [Double] = []
  private var gain: [Double] = []
  private var lowRank: [Double] = []
  private var scratch: [Double] = []

  init() {}

  /// Prepares the filter for new coefficients; throws when the AR part is not stationary.
  func reset(phi expandedAR: [Double], theta expandedMA: [Double]) throws {
    r = max(expandedAR.count, expandedMA.count + 1)
    let stride = r + 1
    // Buffers are reused between evaluations: refilled in place when the size is unchanged.
    func refill(_ buffer: inout [Double], _ count: Int) {
      if buffer.count == count {
        buffer.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
      } else {
        buffer = Array(repeating: 0, count: count)
      }
    }
    refill(&phi, r + 1)
    for (i, value) in expandedAR.enumerated() { phi[i] = value }
    refill(&rVector, r + 1)
    rVector[0] = 1
    for (i, value) in expandedMA.enumerated() { rVector[i + 1] = value }
    refill(&p, stride * stride)
    refill(&next, stride * stride)
    refill(&state, r + 1)
    refill(&nextState, r + 1)
    refill(&gain, r + 1)
    refill(&lowRank, r + 1)
    refill(&scratch, r + 1)
    if expandedAR.isEmpty {
      // Pure MA: the stationary covariance is Σ_k T^k R R' T'^k, a finite sum of shifts.
      for i in 0..<r {
        for j in 0..<r {
          var value = 0.0
          var k = 0
          while i + k < r && j + k < r {
            value += rVector[i + k] * rVector[j + k]
            k += 1
          }
          p[i * stride + j] = value
        }
      }
    } else {
      try ARMACovariance.stationaryStateCovariance(phi: expandedAR, theta: expandedMA, r: r, into: &p, rowStride: stride)
    }
  }

  /// Filters `w` (the differenced series less its regression part). When `residuals` is given
  /// it receives the standardized innovations v_t / √F_t (NaN where w is missing).
  func run(_ w: UnsafeBufferPointer<Double>, residuals: UnsafeMutableBufferPointer<Double>? = nil) -> LikelihoodSums {
    w.contains(where: \.isNaN) ? runCovarianceForm(w, residuals: residuals) : runChandrasekhar(w, residuals: residuals)
  }

  /// The filter on the full predicted covariance (any data, missing values included).
  func runCovarianceForm(_ w: UnsafeBufferPointer<Double>, residuals: UnsafeMutableBufferPointer<Double>? = nil) -> LikelihoodSums {
    var sums = LikelihoodSums()
    let r = self.r
    let stride = r + 1
    var steady = false
    p.withUnsafeMutableBufferPointer { pBuffer in
      next.withUnsafeMutableBufferPointer { nextBuffer in
        state.withUnsafeMutableBufferPointer { a in
          nextState.withUnsafeMutableBufferPointer { aNext in
            phi.withUnsafeBufferPointer { phi in
              rVector.withUnsafeBufferPointer { rv in
                var pb = pBuffer
                var nb = nextBuffer
                var a = a
                var aNext = aNext
                for i in 0...r { a[i] = 0 }
                var logProduct = 1.0
                defer { sums.sumLog += log(logProduct) }
                for t in 0..<w.count {
                  let y = w[t]
                  if steady {
                    if y.isNaN {
                      // Leave the steady state: its covariance is R R'.
                      for i in 0..<r {
                        for j in 0..<r { pb[i * stride + j] = rv[i] * rv[j] }
                      }
                      steady = false
                    } else {
                      let v = y - a[0]
                      sums.ssq += v * v
                      sums.count += 1
                      residuals?[t] = v
                      for i in 0..<r { aNext[i] = phi[i] * y + a[i + 1] + rv[i + 1] * v }
                      swap(&a, &aNext)
                      continue
                    }
                  }
                  if y.isNaN {
                    residuals?[t] = .nan
                    let p00 = pb[0]
                    for i in 0..<r {
                      let pi0 = pb[i + 1]
                      let rowNext = (i + 1) * stride + 1
                      let rowOut = i * stride
                      for j in i..<r {
                        nb[rowOut + j] = phi[i] * phi[j] * p00 + phi[i] * pb[j + 1] + phi[j] * pi0 + pb[rowNext + j] + rv[i] * rv[j]
                      }
                    }
                    for i in 0..<r { aNext[i] = phi[i] * a[0] + a[i + 1] }
                  } else {
                    let f = pb[0]
                    let v = y - a[0]
                    guard f > 0, f.isFinite else {
                      sums.ssq = .infinity
                      return
                    }
                    sums.ssq += v * v / f
                    logProduct *= f
                    if logProduct > 1e250 || t & 15 == 15 {
                      sums.sumLog += log(logProduct)
                      logProduct = 1
                    }
                    sums.count += 1
                    residuals?[t] = v / f.squareRoot()
                    let scaled = v / f
                    for i in 0..<r { aNext[i] = phi[i] * y + a[i + 1] + pb[i + 1] * scaled }
                    // Only the upper triangle is kept (P[i][0] is read as P[0][i]).
                    var largest = 0.0
                    let inverseF = 1 / f
                    for i in 0..<r {
                      let pi0 = pb[i + 1] * inverseF
                      let ri = rv[i]
                      let rowNext = (i + 1) * stride + 1
                      let rowOut = i * stride
                      for j in i..<r {
                        nb[rowOut + j] = pb[rowNext + j] - pi0 * pb[j + 1] + ri * rv[j]
                      }
                      // P is positive semi-definite, so its largest entry is on the diagonal.
                      largest = max(largest, abs(nb[rowOut + i] - ri * ri))
                    }
                    if largest < 1e-12 { steady = true }
                  }
                  swap(&pb, &nb)
                  swap(&a, &aNext)
                }
              }
            }
          }
        }
      }
    }
    return sums
  }

  /// The same likelihood by the Chandrasekhar recursions (Morf, Sidhu & Kailath 1974), for a
  /// series without missing values. With the stationary initial covariance P₁,
  /// P₂ − P₁ = −K₁K₁'/F₁ has rank one, and so has every later ΔP_t = Y_t M_t Y_t'; the filter
  /// then carries the gain K_t = T P_t Z', F_t, Y_t and the scalar M_t instead of P_t:
  ///   F_{t+1} = F_t + M_t u², K_{t+1} = K_t + M_t u T Y_t (u = Z Y_t = Y_t[0]),
  ///   Y_{t+1} = T Y_t − K_t u / F_t, M_{t+1} = M_t − M_t² u² / F_{t+1}:
  /// O(r) per step instead of O(r²), with the same innovations and variances.
  func runChandrasekhar(_ w: UnsafeBufferPointer<Double>, residuals: UnsafeMutableBufferPointer<Double>? = nil) -> LikelihoodSums {
    var sums = LikelihoodSums()
    let r = self.r
    p.withUnsafeBufferPointer { p in
      state.withUnsafeMutableBufferPointer { a in
        gain.withUnsafeMutableBufferPointer { k in
          lowRank.withUnsafeMutableBufferPointer { y in
            scratch.withUnsafeMutableBufferPointer { ty in
              phi.withUnsafeBufferPointer { phi in
                // K₁ = T P₁ Z' = T P₁[:, 0]; a₁ = 0.
                for i in 0..<r { k[i] = phi[i] * p[0] + p[i + 1] }
                for i in 0...r { a[i] = 0 }
                k[r] = 0
                var f = p[0]
                for i in 0...r { y[i] = k[i] }
                var m = -1 / f
                var logProduct = 1.0
                for t in 0..<w.count {
                  guard f > 0, f.isFinite else {
                    sums.ssq = .infinity
                    return
                  }
                  let v = w[t] - a[0]
                  let scaled = v / f
                  sums.ssq += v * scaled
                  sums.count += 1
                  logProduct *= f
                  if logProduct > 1e250 || t & 15 == 15 {
                    sums.sumLog += log(logProduct)
                    logProduct = 1
                  }
                  residuals?[t] = v / f.squareRoot()
                  // a_{t+1} = T a_t + K_t v_t / F_t.
                  let a0 = a[0]
                  for i in 0..<r { a[i] = phi[i] * a0 + a[i + 1] + k[i] * scaled }
                  // T Y_t, then the recursions.
                  let u = y[0]
                  for i in 0..<r { ty[i] = phi[i] * u + y[i + 1] }
                  let fNext = f + m * u * u
                  let kScale = m * u
                  let yScale = u / f
                  for i in 0..<r {
                    let tyi = ty[i]
                    y[i] = tyi - k[i] * yScale
                    k[i] += kScale * tyi
                  }
                  m -= m * m * u * u / fNext
                  f = fNext
                }
                sums.sumLog += log(logProduct)
              }
            }
          }
        }
      }
    }
    return sums
  }
}
