import Foundation

/// Solvers for the discrete Lyapunov equation P = T P T' + Q, which gives the stationary
/// covariance of a state-space model x_{t+1} = T x_t + η_t with Var(η) = Q (used to initialise
/// the Kalman filter of a stationary ARMA part).
///
/// The stationary solution exists when every eigenvalue of T lies inside the unit circle.
/// `solve` uses the doubling iteration P ← P + A P A', A ← A² (Smith's method): O(n³) per
/// step and about log₂(1/(1 − ρ)) + 5 steps, so sizes of 30 and more are cheap, and a T that is
/// not stable shows itself by failing to settle. The residual ‖T P T' + Q − P‖ is then checked.
/// `solveDirect` solves the Kronecker form on the n(n+1)/2 distinct entries of P instead — exact
/// in one LU, O(n⁶), for small systems or cross-checks; it does not test stability.
public enum DiscreteLyapunov {
  /// Solves P = T P T' + Q for symmetric Q and stable T.
  ///
  /// - Throws: `NumericsError.notConverged` when T is not stable (an eigenvalue on or outside
  ///   the unit circle) or the residual check fails; `NumericsError.nonFinite` for NaN input.
  public static func solve(_ t: Matrix, _ q: Matrix) throws -> Matrix {
    precondition(t.isSquare && q.isSquare && t.rows == q.rows, "Lyapunov needs square T and Q of equal size")
    guard t.isFinite, q.isFinite else { throw NumericsError.nonFinite("Lyapunov equation") }
    let p = try solveByDoubling(t, q)
    try verify(p, t, q)
    return p
  }

  /// ‖T P T' + Q − P‖_max, the residual of a candidate solution.
  public static func residual(_ p: Matrix, _ t: Matrix, _ q: Matrix) -> Double {
    (t * p * t.transposed + q).maxAbsDifference(p)
  }

  private static func verify(_ p: Matrix, _ t: Matrix, _ q: Matrix) throws {
    let scale = Swift.max(1, p.maxAbsElement, q.maxAbsElement)
    let r = residual(p, t, q)
    guard p.isFinite, r <= 1e-8 * scale else { throw NumericsError.notConverged("Lyapunov solve (is the model stationary?)") }
  }

  /// The doubling (Smith) iteration. Throws when it does not settle within 100 squarings
  /// (which happens only when ρ(T) ≥ 1, or within about 1e-28 of it).
  public static func solveByDoubling(_ t: Matrix, _ q: Matrix) throws -> Matrix {
    var a = t
    var p = q.symmetrized
    for _ in 0..<100 {
      let increment = a * p * a.transposed
      p = (p + increment).symmetrized
      guard p.isFinite else { break }
      if increment.maxAbsElement <= Double.ulpOfOne * Swift.max(p.maxAbsElement, Double.leastNormalMagnitude) {
        return p
      }
      a = a * a
      guard a.isFinite else { break }
    }
    throw NumericsError.notConverged("Lyapunov doubling iteration")
  }

  /// The direct solve on the distinct entries of symmetric P: the linear system
  /// (I − T⊗T) vec P = vec Q reduced by symmetry to n(n+1)/2 unknowns.
  public static func solveDirect(_ t: Matrix, _ q: Matrix) throws -> Matrix {
    let n = t.rows
    // Unknown index of P[i][j] with i <= j.
    var index = Array(repeating: 0, count: n * n)
    var count = 0
    for i in 0..<n {
      for j in i..<n {
        index[i * n + j] = count
        index[j * n + i] = count
        count += 1
      }
    }
    var system = Matrix(rows: count, columns: count)
    var rhs = Array(repeating: 0.0, count: count)
    for i in 0..<n {
      for j in i..<n {
        let row = index[i * n + j]
        // Equation P_ij − Σ_kl T_ik T_jl P_kl = Q_ij.
        system[row, row] += 1
        for k in 0..<n {
          let tik = t[i, k]
          if tik == 0 { continue }
          for l in 0..<n {
            let coefficient = tik * t[j, l]
            if coefficient != 0 { system[row, index[k * n + l]] -= coefficient }
          }
        }
        rhs[row] = 0.5 * (q[i, j] + q[j, i])
      }
    }
    let lu = LUDecomposition(system)
    guard !lu.isSingular, lu.pivotRatio > 1e-14 else { throw NumericsError.singular("Lyapunov equation (unit root in T)") }
    let solution = try lu.solve(rhs)
    var p = Matrix(rows: n, columns: n)
    for i in 0..<n {
      for j in 0..<n { p[i, j] = solution[index[i * n + j]] }
    }
    return p
  }
}
