/// The partial sort the reference STL uses to find the median absolute residual for its
/// robustness weights (Singleton's quicksort variant, ACM Algorithm 347, restricted to the
/// segments holding the requested positions).
///
/// It is reproduced step for step because its result is not always the true order statistic:
/// with some inputs the second requested position is left holding a neighbouring value, and R's
/// `stl` weights depend on that. Arrays are 1-based (index 0 unused).
extension STLLoess {
  static func referencePartialSort(_ a: inout [Double], n: Int, positions ind: [Int]) {
    let ni = ind.count
    guard n >= 2, ni > 0 else { return }
    // ind is 0-based here; the algorithm's ind(1…ni) maps to ind[0…ni−1].
    func indAt(_ q: Int) -> Int { ind[q - 1] }
    var il = Array(repeating: 0, count: 17)
    var iu = Array(repeating: 0, count: 17)
    var indl = Array(repeating: 0, count: 17)
    var indu = Array(repeating: 0, count: 17)
    var jl = 1
    var ju = ni
    indl[1] = 1
    indu[1] = ni
    var i = 1
    var j = n
    var m = 1
    var k = 0
    var l = 0
    var t = 0.0

    enum Step { case outer, pop, whileTest, partition, scan, split, insertion, done }
    var step = Step.outer
    while true {
      switch step {
      case .outer:  // 161
        step = i < j ? .partition : .pop
      case .pop:  // 166
        m -= 1
        if m == 0 {
          step = .done
          continue
        }
        i = il[m]
        j = iu[m]
        jl = indl[m]
        ju = indu[m]
        step = jl <= ju ? .whileTest : .pop
      case .whileTest:  // 173
        step = j - i > 10 ? .partition : .insertion
      case .partition:  // 10
        k = i
        let ij = (i + j) / 2
        t = a[ij]
        if a[i] > t {
          a[ij] = a[i]
          a[i] = t
          t = a[ij]
        }
        l = j
        if a[j] < t {
          a[ij] = a[j]
          a[j] = t
          t = a[ij]
          if a[i] > t {
            a[ij] = a[i]
            a[i] = t
            t = a[ij]
          }
        }
        step = .scan
      case .scan:  // 181
        l -= 1
        if a[l] <= t {
          let tt = a[l]
          repeat { k += 1 } while !(a[k] >= t)  // 186
          if k > l {
            step = .split
            continue
          }
          a[l] = a[k]
          a[k] = tt
        }
        step = .scan
      case .split:  // 183
        indl[m] = jl
        indu[m] = ju
        let p = m
        m += 1
        if l - i <= j - k {
          il[p] = k
          iu[p] = j
          j = l
          while true {  // 193
            if jl > ju {
              step = .pop
              break
            }
            if indAt(ju) > j {
              ju -= 1
            } else {
              indl[p] = ju + 1
              step = .whileTest
              break
            }
          }
        } else {
          il[p] = i
          iu[p] = l
          i = k
          while true {  // 200
            if jl > ju {
              step = .pop
              break
            }
            if indAt(jl) < i {
              jl += 1
            } else {
              indu[p] = jl - 1
              step = .whileTest
              break
            }
          }
        }
      case .insertion:  // 174
        if i != 1 {
          i -= 1
          while true {  // 209
            i += 1
            if i == j { break }
            t = a[i + 1]
            if a[i] > t {
              k = i
              repeat {  // 216
                a[k + 1] = a[k]
                k -= 1
              } while !(t >= a[k])
              a[k + 1] = t
            }
          }
          step = .pop
        } else {
          step = .outer
        }
      case .done:
        return
      }
    }
  }
}
