import Foundation
import TrendCastNumerics

/// One estimation problem: the data, the order, and reusable buffers for the objective
/// functions the optimiser calls thousands of times (CSS and the exact likelihood), so an
/// evaluation allocates nothing per observation.
///
/// The exact likelihood runs the ARMA filter on the differenced series w = Δ(y − Xβ), which
/// equals the diffuse likelihood of the undifferenced model when nothing is missing; with
/// missing values inside a differenced series it runs the full state-space filter instead.
final class ARIMAProblem {
  let y: [Double]
  let regressors: [[Double]]
  let order: ARIMAOrder
  let delta: [Double]
  /// Present observations less the d + D·s lost to differencing.
  let nobs: Int
  /// R's `ncond` for CSS: d + D·s + p + s·P.
  let conditioningLength: Int
  private let usesDifferencedFilter: Bool
  private let filter = ARMAFilter()
  private var z: [Double]
  private var w: [Double]
  private var cssResiduals: [Double]
  /// The series being differenced in place.
  private var scratch: [Double]

  init(y: [Double], order: ARIMAOrder, regressors: [[Double]]) throws {
    precondition(regressors.allSatisfy { $0.count == y.count }, "each regressor needs one value per observation")
    self.y = y
    self.order = order
    self.regressors = regressors
    delta = order.differencingCoefficients
    let present = y.indices.filter { t in !y[t].isNaN && regressors.allSatisfy { !$0[t].isNaN } }
    guard !present.isEmpty else {
      throw ARIMAFitError(.allMissing, "every value of the series is missing", hint: "check the column, or clean it first (clean X fill=linear)")
    }
    guard y.allSatisfy({ $0.isNaN || $0.isFinite }), regressors.allSatisfy({ $0.allSatisfy { $0.isNaN || $0.isFinite } }) else {
      throw ARIMAFitError(.badData, "the data contain infinite values", hint: "remove or clean them first")
    }
    if order.hasSeasonalPart && order.period >= present.count {
      throw ARIMAFitError(.periodTooLong,
        "the seasonal period \(order.period) is not shorter than the series (\(present.count) observations)",
        hint: "fit a non-seasonal model (leave out seasonal=), or give a shorter period=")
    }
    if isConstant(present.map { y[$0] }) {
      throw ARIMAFitError(.constantSeries, "the series is constant (every value is \(NumberText.short(present.first.map { y[$0] } ?? 0))), so there is nothing to model",
        hint: "a constant series forecasts itself; check that the right column was chosen")
    }
    nobs = present.count - order.differencingLength
    conditioningLength = order.differencingLength + order.p + order.period * order.seasonalP
    // At least two more observations than coefficients (σ² and a residual degree of freedom).
    let coefficientCount = order.armaParameterCount + regressors.count
    guard nobs > coefficientCount + 1 else {
      throw ARIMAFitError(.tooFewObservations,
        "\(order) needs at least \(coefficientCount + 2 + order.differencingLength) observations, but the series has \(present.count)",
        hint: "use a smaller order (fewer AR/MA terms or differences), or a longer series")
    }
    let anyMissing = present.count < y.count
    usesDifferencedFilter = !anyMissing || delta.isEmpty
    z = y
    w = Array(repeating: 0, count: y.count - delta.count)
    cssResiduals = Array(repeating: 0, count: y.count)
    scratch = Array(repeating: 0, count: y.count)
  }

  /// Least-squares start values for the regression coefficients on the differenced data and
  /// their parameter scales (10 standard errors, as R). One regressor — the mean or the drift
  /// of the automatic search — is fitted with R's own arithmetic (`RLeastSquares`), so the
  /// CSS search starts from R's very numbers.
  func regressionStart() throws -> (beta: [Double], scale: [Double]) {
    guard !regressors.isEmpty else { return ([], []) }
    let dy = sequentialDifference(y)
    let dx = regressors.map(sequentialDifference)
    if dx.count == 1 {
      let rows = dy.indices.filter { !dy[$0].isNaN && !dx[0][$0].isNaN }
      if let fit = RLeastSquares.singleRegressor(x: rows.map { dx[0][$0] }, y: rows.map { dy[$0] }) {
        return ([fit.coefficient], [scale(beta: fit.coefficient, standardError: fit.standardError)])
      }
    }
    func ols(_ target: [Double], _ columns: [[Double]]) -> OLSResult? {
      let rows = target.indices.filter { t in !target[t].isNaN && columns.allSatisfy { !$0[t].isNaN } }
      guard rows.count > columns.count else { return nil }
      let design = Matrix(columns: columns.map { column in rows.map { column[$0] } })
      return try? ordinaryLeastSquares(design, rows.map { target[$0] })
    }
    guard let fit = ols(dy, dx) ?? ols(y, regressors) else {
      throw ARIMAFitError(.badRegressors, "the regression terms are collinear, or constant after differencing",
        hint: "drop a regressor that repeats another (or a constant one), or use fewer differences")
    }
    return (fit.coefficients, zip(fit.coefficients, fit.standardErrors).map { scale(beta: $0, standardError: $1) })
  }

  private func scale(beta: Double, standardError: Double) -> Double {
    standardError.isFinite && standardError > 0 ? 10 * standardError : max(abs(beta) * 1e-3, 1e-6)
  }

  /// Δ with R's rounding (`diff(x, 1, d)` then `diff(x, s, D)`): n − (d + D·s) values.
  func sequentialDifference(_ x: [Double]) -> [Double] {
    var u = x
    u.withUnsafeMutableBufferPointer { differenceInPlace($0) }
    let k = delta.count
    return u.count > k ? Array(u[k...]) : []
  }

  /// d differences at lag 1, then D at lag s, each in place from the end, as ARIMA_CSS does;
  /// the first d + D·s values are left as they are.
  private func differenceInPlace(_ u: UnsafeMutableBufferPointer<Double>) {
    let n = u.count
    for _ in 0..<order.d {
      for t in stride(from: n - 1, to: 0, by: -1) { u[t] -= u[t - 1] }
    }
    let s = order.period
    for _ in 0..<order.seasonalD {
      for t in stride(from: n - 1, through: s, by: -1) { u[t] -= u[t - s] }
    }
  }

  /// Set once w holds Δy for a model without regression terms (w then never changes).
  private var preparedWithoutRegressors = false

  /// z = y − Xβ and w = Δz into the buffers, with R's rounding: `x - xreg %*% beta` (the
  /// regression sum formed first), then d differences at lag 1 and D at lag s, each in place
  /// from the end, as ARIMA_CSS does. Multiplying Δ out first gives the same numbers rounded
  /// differently, and those last bits are enough to send a long BFGS search elsewhere than R's.
  private func prepare(_ parameters: [Double]) {
    if regressors.isEmpty {
      if preparedWithoutRegressors { return }
      preparedWithoutRegressors = true
    }
    let armaCount = order.armaParameterCount
    let n = y.count
    let beta = Array(parameters[armaCount..<(armaCount + regressors.count)])
    for t in 0..<n {
      var fitted = 0.0
      for (j, column) in regressors.enumerated() { fitted += column[t] * beta[j] }
      z[t] = regressors.isEmpty ? y[t] : y[t] - fitted
    }
    scratch.withUnsafeMutableBufferPointer { all in
      let u = UnsafeMutableBufferPointer(rebasing: all[0..<n])
      for t in 0..<n { u[t] = z[t] }
      differenceInPlace(u)
      let k = delta.count
      w.withUnsafeMutableBufferPointer { w in
        for t in k..<n { w[t - k] = u[t] }
      }
    }
  }

  /// w = Δ(y − Xβ) at `parameters`, as the objectives see it.
  func differencedSeries(at parameters: [Double]) -> [Double] {
    prepare(parameters)
    return w
  }

  // MARK: Exact likelihood

  func mlSums(_ parameters: [Double]) -> LikelihoodSums {
    let arma = ARMACoefficients(parameters, order: order)
    let phi = arma.expandedAR(period: order.period)
    let theta = arma.expandedMA(period: order.period)
    prepare(parameters)
    if usesDifferencedFilter {
      guard (try? filter.reset(phi: phi, theta: theta)) != nil else { return LikelihoodSums(ssq: .infinity, sumLog: 0, count: 0) }
      return w.withUnsafeBufferPointer { filter.run($0) }
    }
    let model = ARIMAStateSpace(phi: phi, theta: theta, delta: delta)
    return (try? model.filter(z).sums) ?? LikelihoodSums(ssq: .infinity, sumLog: 0, count: 0)
  }

  /// R's `armafn`: ½ (log σ̂² + Σ log F_t / n).
  func mlObjective(_ parameters: [Double]) -> Double {
    mlSums(parameters).concentratedObjective
  }

  // MARK: Conditional sum of squares

  /// R's `ARIMA_CSS`: residuals of the ARMA recursion on the differenced series from
  /// t = ncond on, earlier residuals taken as zero; missing terms are skipped.
  func cssSums(_ parameters: [Double]) -> LikelihoodSums {
    let arma = ARMACoefficients(parameters, order: order)
    let phi = arma.expandedAR(period: order.period)
    let theta = arma.expandedMA(period: order.period)
    prepare(parameters)
    var sums = LikelihoodSums()
    let n = y.count
    let k = delta.count
    let start = conditioningLength
    guard start < n else { return LikelihoodSums(ssq: .infinity, sumLog: 0, count: 0) }
    // Seasonal polynomials are mostly zeros: only the non-zero lags enter the recursion.
    let arLags = phi.indices.filter { phi[$0] != 0 }
    let arCoefficients = arLags.map { phi[$0] }
    let maLags = theta.indices.filter { theta[$0] != 0 }
    let maCoefficients = maLags.map { theta[$0] }
    w.withUnsafeBufferPointer { w in
      cssResiduals.withUnsafeMutableBufferPointer { e in
        for t in 0..<n { e[t] = 0 }
        for t in start..<n {
          var value = w[t - k]
          for (index, j) in arLags.enumerated() { value -= arCoefficients[index] * w[t - j - 1 - k] }
          let available = t - start
          for (index, j) in maLags.enumerated() where j < available { value -= maCoefficients[index] * e[t - j - 1] }
          if value.isNaN {
            e[t] = 0
          } else {
            e[t] = value
            sums.ssq += value * value
            sums.count += 1
          }
        }
      }
    }
    return sums
  }

  /// R's `armaCSS`: ½ log(ssq / n).
  func cssObjective(_ parameters: [Double]) -> Double {
    let sums = cssSums(parameters)
    guard sums.count > 0, sums.ssq > 0, sums.ssq.isFinite else { return .infinity }
    return 0.5 * log(sums.ssq / Double(sums.count))
  }
}
