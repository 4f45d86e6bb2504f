import Foundation

/// The local-regression building blocks of STL (Cleveland, Cleveland, McRae & Terpenning 1990),
/// following the structure of the reference implementation R's `stl` calls, so results agree
/// with R to rounding. Arrays here are 1-based (index 0 is unused) to keep the window
/// arithmetic identical to the published algorithm.
enum STLLoess {
  /// The loess estimate at abscissa `xs` from y[nleft…nright] with tricube weights of
  /// half-width max(xs − nleft, nright − xs) (widened when the span exceeds the series), degree
  /// 0 or 1, optionally times robustness weights. Nil when all weights vanish.
  static func estimate(
    _ y: [Double], n: Int, span: Int, degree: Int, at xs: Double, nleft: Int, nright: Int,
    weights w: inout [Double], robustnessWeights rw: [Double]?
  ) -> Double? {
    let range = Double(n) - 1
    var h = Swift.max(xs - Double(nleft), Double(nright) - xs)
    if span > n { h += Double((span - n) / 2) }
    let h9 = 0.999 * h
    let h1 = 0.001 * h
    var total = 0.0
    for j in nleft...nright {
      w[j] = 0
      let r = abs(Double(j) - xs)
      if r <= h9 {
        if r <= h1 {
          w[j] = 1
        } else {
          let u = r / h
          let c = 1 - u * u * u
          w[j] = c * c * c
        }
        if let rw { w[j] *= rw[j] }
        total += w[j]
      }
    }
    guard total > 0 else { return nil }
    for j in nleft...nright { w[j] /= total }
    if h > 0 && degree > 0 {
      var center = 0.0
      for j in nleft...nright { center += w[j] * Double(j) }
      var b = xs - center
      var c = 0.0
      for j in nleft...nright { c += w[j] * (Double(j) - center) * (Double(j) - center) }
      if c.squareRoot() > 0.001 * range {
        b /= c
        for j in nleft...nright { w[j] *= b * (Double(j) - center) + 1 }
      }
    }
    var ys = 0.0
    for j in nleft...nright { ys += w[j] * y[j] }
    return ys
  }

  /// Loess smoothing of y[1…n] with window `span`, evaluated every `jump` points and linearly
  /// interpolated in between.
  static func smooth(
    _ y: [Double], n: Int, span: Int, degree: Int, jump: Int, robustnessWeights rw: [Double]?
  ) -> [Double] {
    var ys = Array(repeating: 0.0, count: n + 1)
    if n < 2 {
      if n == 1 { ys[1] = y[1] }
      return ys
    }
    var w = Array(repeating: 0.0, count: n + 1)
    let step = Swift.min(jump, n - 1)
    var nleft = 1
    var nright = n
    if span >= n {
      nleft = 1
      nright = n
      for i in stride(from: 1, through: n, by: step) {
        ys[i] = estimate(y, n: n, span: span, degree: degree, at: Double(i), nleft: nleft, nright: nright, weights: &w, robustnessWeights: rw) ?? y[i]
      }
    } else if step == 1 {
      let half = (span + 1) / 2
      nleft = 1
      nright = span
      for i in 1...n {
        if i > half && nright != n {
          nleft += 1
          nright += 1
        }
        ys[i] = estimate(y, n: n, span: span, degree: degree, at: Double(i), nleft: nleft, nright: nright, weights: &w, robustnessWeights: rw) ?? y[i]
      }
    } else {
      let half = (span + 1) / 2
      for i in stride(from: 1, through: n, by: step) {
        if i < half {
          nleft = 1
          nright = span
        } else if i >= n - half + 1 {
          nleft = n - span + 1
          nright = n
        } else {
          nleft = i - half + 1
          nright = span + i - half
        }
        ys[i] = estimate(y, n: n, span: span, degree: degree, at: Double(i), nleft: nleft, nright: nright, weights: &w, robustnessWeights: rw) ?? y[i]
      }
    }
    if step != 1 {
      for i in stride(from: 1, through: n - step, by: step) {
        let delta = (ys[i + step] - ys[i]) / Double(step)
        for j in (i + 1)..<(i + step) { ys[j] = ys[i] + delta * Double(j - i) }
      }
      let k = ((n - 1) / step) * step + 1
      if k != n {
        // The last point uses the window of the last evaluated point, as the reference does.
        ys[n] = estimate(y, n: n, span: span, degree: degree, at: Double(n), nleft: nleft, nright: nright, weights: &w, robustnessWeights: rw) ?? y[n]
        if k != n - 1 {
          let delta = (ys[n] - ys[k]) / Double(n - k)
          for j in (k + 1)...(n - 1) { ys[j] = ys[k] + delta * Double(j - k) }
        }
      }
    }
    return ys
  }

  /// Moving average of length `length` over x[1…n]: n − length + 1 values (1-based result).
  static func movingAverage(_ x: [Double], n: Int, length: Int) -> [Double] {
    let count = n - length + 1
    var average = Array(repeating: 0.0, count: count + 1)
    guard count >= 1 else { return average }
    var v = 0.0
    for i in 1...length { v += x[i] }
    let flen = Double(length)
    average[1] = v / flen
    if count > 1 {
      var k = length
      var m = 0
      for j in 2...count {
        k += 1
        m += 1
        v = v - x[m] + x[k]
        average[j] = v / flen
      }
    }
    return average
  }

  /// Robustness weights: bisquare of |y − fit| / (6 · median |y − fit|).
  static func robustnessWeights(_ y: [Double], fit: [Double], n: Int) -> [Double] {
    var r = Array(repeating: 0.0, count: n + 1)
    for i in 1...n { r[i] = abs(y[i] - fit[i]) }
    let mid1 = n / 2 + 1
    let mid2 = n - mid1 + 1
    var partial = r
    referencePartialSort(&partial, n: n, positions: [mid1, mid2])
    // 6 × the median absolute residual (as the reference's partial sort leaves it).
    let cmad = 3 * (partial[mid1] + partial[mid2])
    let c9 = 0.999 * cmad
    let c1 = 0.001 * cmad
    var rw = Array(repeating: 0.0, count: n + 1)
    for i in 1...n {
      if r[i] <= c1 {
        rw[i] = 1
      } else if r[i] <= c9 {
        let u = r[i] / cmad
        rw[i] = (1 - u * u) * (1 - u * u)
      } else {
        rw[i] = 0
      }
    }
    return rw
  }
}
