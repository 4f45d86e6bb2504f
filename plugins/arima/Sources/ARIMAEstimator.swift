import Foundation
import TrendCastNumerics

/// Estimates a regression with (S)ARIMA errors the way R's `arima(method = "CSS-ML")` does:
/// least-squares start values for the regression terms on the differenced data, conditional-
/// sum-of-squares estimates by BFGS, then exact Gaussian maximum likelihood by BFGS over
/// parameters kept stationary and invertible (partial autocorrelations through tanh), with σ²
/// concentrated out. Standard errors come from a numerical Hessian of the log-likelihood.
///
/// As R, the AR parts are kept stationary by the transformation while the MA parts are free
/// during the search and made invertible afterwards by moving roots outside the unit circle
/// (which leaves the likelihood unchanged). An MA root that ends on the unit circle is then
/// visible, and the automatic search rejects such models as R does.
public enum ARIMAEstimator {
  public struct Options: Sendable {
    public var method: ARIMAFit.Method = .cssML
    /// BFGS iteration limit (R's `maxit`, 100).
    public var maxIterations = 100
    public var computeCovariance = true
    /// Fail where R's `stats::arima` stops with an error, so that auto.arima's search scores
    /// Inf exactly the candidates R scores Inf: an optimiser stopped by a non-finite objective
    /// at its start or a non-finite finite-difference gradient (`optim`'s errors, in the CSS
    /// or the exact step), and converged CSS estimates with a non-stationary AR or seasonal AR
    /// part ("non-stationary AR part from CSS"). False (fixed orders) is more forgiving: it
    /// differences one-sidedly, pulls such a CSS start inside, and restarts from zero.
    public var failsWhereRFails = false
    /// Parameters to start the ML step from (natural scale, laid out as `ARIMAFit.parameters`),
    /// in place of the CSS estimates.
    public var start: [Double]? = nil
    /// Polled by the objective: once true, every evaluation is +∞ so the optimiser stops at
    /// once (Ctrl-C); the caller then reports the interruption.
    public var isCancelled: @Sendable () -> Bool = { false }
    public init() {}
  }

  /// Fits `order` to `y` (NaN = missing) with regression columns `regressors` (each as long as y).
  public static func fit(
    _ y: [Double], order: ARIMAOrder, regressors: [[Double]] = [], regressorNames: [String] = [], options: Options = Options()
  ) throws -> ARIMAFit {
    let problem = try ARIMAProblem(y: y, order: order, regressors: regressors)
    let k = regressors.count
    let armaCount = order.armaParameterCount
    let (betaStart, betaScale) = try problem.regressionStart()
    let scale = Array(repeating: 1.0, count: armaCount) + betaScale

    var bfgs = BFGSOptions()
    bfgs.maxIterations = options.maxIterations
    bfgs.parameterScale = scale
    bfgs.stopsWhereRStops = options.failsWhereRFails
    func failIfRWould(_ result: OptimizationResult, _ step: String) throws {
      guard options.failsWhereRFails && result.stoppedWithRError else { return }
      throw ARIMAFitError(.notEstimable, "\(order): \(step): \(result.message)")
    }

    // Conditional sum of squares, on the natural parameters (as R).
    var natural = Array(repeating: 0.0, count: armaCount) + betaStart
    var cssResult: OptimizationResult?
    if options.start == nil || options.method == .css {
      let css = minimizeBFGS({ options.isCancelled() ? .infinity : problem.cssObjective($0) }, from: natural, options: bfgs)
      cssResult = css
      try failIfRWould(css, "CSS")
      if css.value.isFinite && (css.converged || options.method == .css) { natural = css.x }
    }
    if let start = options.start, start.count == natural.count, options.method == .cssML { natural = start }
    if options.failsWhereRFails && options.method == .cssML && !hasStationaryARParts(natural, order: order) {
      throw ARIMAFitError(.notEstimable, "\(order): non-stationary AR part from CSS")
    }

    if options.method == .css {
      let parameters = natural
      let sums = problem.cssSums(parameters)
      guard sums.count > 0, sums.ssq.isFinite else {
        throw ARIMAFitError(.notEstimable, "\(order) cannot be estimated: the conditional sum of squares is not finite")
      }
      // Cancelled: every evaluation is NaN at once (the caller throws the cancellation).
      let hessian = NumericalDerivatives.optimStyleHessian(of: { options.isCancelled() ? .nan : problem.cssObjective($0) }, at: parameters, parameterScale: scale)
      let covariance = invertedCovariance(hessian, scale: Double(problem.nobs))
      return ARIMAFit(
        order: order, method: .css, arma: ARMACoefficients(parameters, order: order), regressionNames: regressorNames,
        beta: Array(parameters.suffix(k)), sigma2: sums.ssq / Double(sums.count), logLikelihood: nil, nobs: problem.nobs,
        covariance: covariance, converged: cssResult?.converged ?? true, iterations: cssResult?.iterations ?? 0,
        optimizerMessage: cssResult?.message ?? "")
    }

    // Exact ML over transformed (stationary, invertible) ARMA parameters.
    let startRaw = ParameterTransform.unconstrained(natural, order: order)
    let objective: ([Double]) -> Double = { raw in
      options.isCancelled() ? .infinity : problem.mlObjective(ParameterTransform.constrained(raw, order: order))
    }
    var result = minimizeBFGS(objective, from: startRaw, options: bfgs)
    try failIfRWould(result, "ML")
    if !result.value.isFinite {
      // The CSS start may sit where the likelihood cannot be evaluated: start from zero.
      let zero = Array(repeating: 0.0, count: armaCount) + betaStart
      result = minimizeBFGS(objective, from: ParameterTransform.unconstrained(zero, order: order), options: bfgs)
    }
    guard result.value.isFinite else {
      throw ARIMAFitError(.notEstimable, "\(order) cannot be estimated from these data: the likelihood is not finite anywhere the search looked",
        hint: "try a smaller order, fewer differences, or transform=log")
    }
    // As R: MA parts estimated freely, then made invertible (the likelihood is unchanged).
    let parameters = ParameterTransform.invertingMA(ParameterTransform.constrained(result.x, order: order), order: order)
    let sums = problem.mlSums(parameters)
    guard sums.count > 0, sums.ssq.isFinite, sums.ssq > 0 else {
      throw ARIMAFitError(.notEstimable, "\(order) cannot be estimated: the innovation variance is zero or not finite",
        hint: "the model fits the data exactly; try a smaller order")
    }
    var covariance: [[Double]]? = parameters.isEmpty ? [] : nil
    if options.computeCovariance && !parameters.isEmpty {
      let steps = (0..<parameters.count).map { $0 < armaCount ? 1e-4 : 1e-3 * scale[$0] }
      let hessian = NumericalDerivatives.optimStyleHessian(of: { options.isCancelled() ? .nan : problem.mlObjective($0) }, at: parameters, steps: steps)
      covariance = invertedCovariance(hessian, scale: Double(problem.nobs))
    }
    return ARIMAFit(
      order: order, method: .cssML, arma: ARMACoefficients(parameters, order: order), regressionNames: regressorNames,
      beta: Array(parameters.suffix(k)), sigma2: sums.sigma2, logLikelihood: sums.logLikelihood, nobs: problem.nobs,
      covariance: covariance, converged: result.converged, iterations: result.iterations, evaluations: result.evaluations,
      optimizerMessage: result.message)
  }

  /// R's `arCheck` on each AR polynomial: every root strictly outside the unit circle.
  static func hasStationaryARParts(_ parameters: [Double], order: ARIMAOrder) -> Bool {
    let nonSeasonal = Array(parameters.prefix(order.p))
    let seasonalStart = order.p + order.q
    let seasonal = Array(parameters[seasonalStart..<(seasonalStart + order.seasonalP)])
    return Polynomial.isStationary(nonSeasonal) && Polynomial.isStationary(seasonal)
  }

  /// (H · n)⁻¹, or nil when the Hessian is not positive definite (a variance would be negative).
  static func invertedCovariance(_ hessian: Matrix, scale: Double) -> [[Double]]? {
    guard hessian.rows > 0, hessian.isFinite else { return hessian.rows == 0 ? [] : nil }
    guard let inverse = try? (scale * hessian).inverseSymmetricPositiveDefinite() else { return nil }
    let rows = (0..<inverse.rows).map { inverse.row($0) }
    guard rows.indices.allSatisfy({ rows[$0][$0] >= 0 && rows[$0][$0].isFinite }) else { return nil }
    return rows
  }

  /// The state-space pass over the whole series at the fitted parameters: standardized
  /// residuals on the series' own index and the filtered state for forecasting.
  static func filtered(_ fit: ARIMAFit, y: [Double], regressors: [[Double]]) throws -> ARIMAStateSpace.Filtered {
    let z = y.indices.map { t in
      var value = y[t]
      for (j, column) in regressors.enumerated() { value -= fit.beta[j] * column[t] }
      return value
    }
    let model = ARIMAStateSpace(phi: fit.expandedAR, theta: fit.expandedMA, delta: fit.order.differencingCoefficients)
    return try model.filter(z)
  }
}
