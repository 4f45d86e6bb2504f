import Dispatch
import Foundation
import Synchronization
import TrendCastNumerics

/// What every candidate fit of one search shares, and forecast's `myarima`.
struct SearchContext: Sendable {
  var y: [Double]
  var xreg: [[Double]]
  var xregNames: [String]
  var d: Int
  var seasonalD: Int
  var period: Int
  var seriesLength: Int
  var criterion: AutoARIMA.Options.Criterion
  /// R's offset that puts CSS fits on the scale of the exact likelihood.
  var offset: Double
  var allowDrift: Bool
  var allowMean: Bool
  /// Ctrl-C: fits in progress stop at their next evaluation.
  var isCancelled: @Sendable () -> Bool = { false }

  func order(_ p: Int, _ q: Int, _ sp: Int, _ sq: Int) -> ARIMAOrder {
    ARIMAOrder(p: p, d: d, q: q, seasonalP: sp, seasonalD: seasonalD, seasonalQ: sq, period: period)
  }

  /// auto.arima's offset: −2 log L − n log σ² of the exact fit of (0,d,0)(0,D,0) (with a mean
  /// when undifferenced, as `stats::arima` defaults), or 0 when it cannot be fitted.
  func approximationOffset() -> Double {
    let base = order(0, 0, 0, 0)
    let mean = d + seasonalD == 0
    let columns = ArimaSpecification.regressionColumns(mean: mean, drift: false, first: 1, count: y.count, xreg: xreg)
    var options = ARIMAEstimator.Options()
    options.computeCovariance = false
    options.isCancelled = isCancelled
    guard let fit = try? ARIMAEstimator.fit(y, order: base, regressors: columns, options: options), let loglik = fit.logLikelihood else { return 0 }
    return -2 * loglik - Double(seriesLength) * log(fit.sigma2)
  }

  /// Fits one candidate as `myarima` does and scores it; failures and models with roots
  /// within 1.01 of the unit circle (or a negative variance) score nil.
  func fit(_ order: ARIMAOrder, constant: Bool, approximate: Bool) -> (fit: ARIMAFit?, candidate: AutoARIMA.Candidate) {
    let differences = order.differenceCount
    let mean = constant && differences == 0
    let drift = constant && differences == 1
    let columns = ArimaSpecification.regressionColumns(mean: mean, drift: drift, first: 1, count: y.count, xreg: xreg)
    let names = (mean ? ["intercept"] : []) + (drift ? ["drift"] : []) + xregNames
    var options = ARIMAEstimator.Options()
    options.method = approximate ? .css : .cssML
    options.failsWhereRFails = true
    options.isCancelled = isCancelled
    var candidate = AutoARIMA.Candidate(order: order, constant: constant, criterion: nil, approximated: approximate, note: nil)
    let fit: ARIMAFit
    do {
      fit = try ARIMAEstimator.fit(y, order: order, regressors: columns, regressorNames: names, options: options)
    } catch {
      candidate.note = (error as? ARIMAFitError)?.message ?? "could not be fitted"
      return (nil, candidate)
    }
    let k = fit.informationParameterCount
    let nstar = seriesLength - order.differencingLength
    let aic = approximate ? offset + Double(nstar) * log(fit.sigma2) + 2 * Double(k) : (fit.aic ?? .infinity)
    let value: Double?
    switch criterion {
    case .aic: value = aic
    case .bic: value = aic + Double(k) * (log(Double(nstar)) - 2)
    case .aicc: value = ARIMAFit.corrected(aic: aic, parameters: k, nobs: nstar)
    }
    guard let value, value.isFinite else {
      candidate.note = "too few observations for its criterion"
      return (fit, candidate)
    }
    guard fit.passesRootAndVarianceChecks else {
      candidate.note = fit.covariance == nil ? "Hessian not positive definite" : "a root within 1.01 of the unit circle"
      return (fit, candidate)
    }
    candidate.criterion = value
    return (fit, candidate)
  }
}

extension AutoARIMA {
  typealias Best = (fit: ARIMAFit, candidate: Candidate)

  /// The stepwise search of forecast 8.20, neighbour by neighbour in R's order; the first
  /// neighbour that improves the criterion becomes the new centre. With more than one worker
  /// the next few candidates in that order are fitted ahead in parallel; they are still taken
  /// one by one in R's order, so the path, the trace and the result do not change.
  static func stepwiseSearch(
    _ context: SearchContext, limits: SearchLimits, options: Options, approximation: Bool, length: Int,
    checkCancellation: () throws -> Void
  ) throws -> (Best?, [Candidate]) {
    typealias Key = SearchKey
    var tried: [Candidate] = []
    var best: Best?
    var cache: [Key: (ARIMAFit?, Candidate)] = [:]
    let workers = max(1, options.parallelism)
    func prefetch(_ keys: [Key]) throws {
      let missing = keys.filter { cache[$0] == nil }
      guard workers > 1, missing.count > 1 else { return }
      try checkCancellation()
      let results = Mutex<[Int: (ARIMAFit?, Candidate)]>([:])
      DispatchQueue.concurrentPerform(iterations: min(workers, missing.count)) { worker in
        var index = worker
        while index < missing.count {
          let key = missing[index]
          let outcome = context.fit(context.order(key.p, key.q, key.sp, key.sq), constant: key.constant, approximate: approximation)
          results.withLock { $0[index] = outcome }
          index += min(workers, missing.count)
        }
      }
      for (index, outcome) in results.withLock({ $0 }) { cache[missing[index]] = outcome }
    }
    func better(_ value: Double?) -> Bool {
      guard let value else { return false }
      return value < (best?.candidate.criterion ?? .infinity)
    }
    func run(_ p: Int, _ q: Int, _ sp: Int, _ sq: Int, _ constant: Bool) throws -> Bool {
      try checkCancellation()
      let key = Key(p: p, q: q, sp: sp, sq: sq, constant: constant)
      let result = cache[key] ?? context.fit(context.order(p, q, sp, sq), constant: constant, approximate: approximation)
      cache[key] = result
      tried.append(result.1)
      if let fit = result.0, better(result.1.criterion) {
        best = (fit, result.1)
        return true
      }
      return false
    }
    let short = length < 10
    var p = min(short ? min(options.startP, 1) : options.startP, limits.maxP)
    var q = min(short ? min(options.startQ, 1) : options.startQ, limits.maxQ)
    var sp = min(short ? 0 : options.startSeasonalP, limits.maxSP)
    var sq = min(short ? 0 : options.startSeasonalQ, limits.maxSQ)
    var constant = context.allowDrift || context.allowMean
    let firstAR = limits.maxP > 0 ? 1 : 0, firstSAR = context.period > 1 && limits.maxSP > 0 ? 1 : 0
    let firstMA = limits.maxQ > 0 ? 1 : 0, firstSMA = context.period > 1 && limits.maxSQ > 0 ? 1 : 0
    try prefetch([Key(p: p, q: q, sp: sp, sq: sq, constant: constant), Key(p: 0, q: 0, sp: 0, sq: 0, constant: constant),
                  Key(p: firstAR, q: 0, sp: firstSAR, sq: 0, constant: constant), Key(p: 0, q: firstMA, sp: 0, sq: firstSMA, constant: constant)]
                 + (constant ? [Key(p: 0, q: 0, sp: 0, sq: 0, constant: false)] : []))
    _ = try run(p, q, sp, sq, constant)
    if try run(0, 0, 0, 0, constant) { (p, q, sp, sq) = (0, 0, 0, 0) }
    if limits.maxP > 0 || limits.maxSP > 0 {
      let ap = limits.maxP > 0 ? 1 : 0
      let asp = context.period > 1 && limits.maxSP > 0 ? 1 : 0
      if try run(ap, 0, asp, 0, constant) { (p, q, sp, sq) = (ap, 0, asp, 0) }
    }
    if limits.maxQ > 0 || limits.maxSQ > 0 {
      let aq = limits.maxQ > 0 ? 1 : 0
      let asq = context.period > 1 && limits.maxSQ > 0 ? 1 : 0
      if try run(0, aq, 0, asq, constant) { (p, q, sp, sq) = (0, aq, 0, asq) }
    }
    if constant {
      if try run(0, 0, 0, 0, false) { (p, q, sp, sq) = (0, 0, 0, 0) }
    }
    func isNew(_ p: Int, _ q: Int, _ sp: Int, _ sq: Int, _ constant: Bool) -> Bool {
      !tried.contains { $0.order.p == p && $0.order.q == q && $0.order.seasonalP == sp && $0.order.seasonalQ == sq && $0.constant == constant }
    }
    var startCount = 0
    while startCount < tried.count && tried.count < options.maxModels {
      startCount = tried.count
      let moves: [(Bool, Int, Int, Int, Int)] = [
        (sp > 0, p, q, sp - 1, sq), (sq > 0, p, q, sp, sq - 1),
        (sp < limits.maxSP, p, q, sp + 1, sq), (sq < limits.maxSQ, p, q, sp, sq + 1),
        (sq > 0 && sp > 0, p, q, sp - 1, sq - 1), (sq < limits.maxSQ && sp > 0, p, q, sp - 1, sq + 1),
        (sq > 0 && sp < limits.maxSP, p, q, sp + 1, sq - 1), (sq < limits.maxSQ && sp < limits.maxSP, p, q, sp + 1, sq + 1),
        (p > 0, p - 1, q, sp, sq), (q > 0, p, q - 1, sp, sq),
        (p < limits.maxP, p + 1, q, sp, sq), (q < limits.maxQ, p, q + 1, sp, sq),
        (q > 0 && p > 0, p - 1, q - 1, sp, sq), (q < limits.maxQ && p > 0, p - 1, q + 1, sp, sq),
        (q > 0 && p < limits.maxP, p + 1, q - 1, sp, sq), (q < limits.maxQ && p < limits.maxP, p + 1, q + 1, sp, sq),
      ]
      var moved = false
      let candidates = moves.filter { $0.0 && isNew($0.1, $0.2, $0.3, $0.4, constant) }
      for (position, (_, np, nq, nsp, nsq)) in candidates.enumerated() {
        guard tried.count < options.maxModels else { break }
        if workers > 1 && position % workers == 0 {
          let ahead = candidates[position..<min(position + workers, candidates.count, position + options.maxModels - tried.count)]
          try prefetch(ahead.map { Key(p: $0.1, q: $0.2, sp: $0.3, sq: $0.4, constant: constant) })
        }
        if try run(np, nq, nsp, nsq, constant) {
          (p, q, sp, sq) = (np, nq, nsp, nsq)
          moved = true
          break
        }
      }
      if moved { continue }
      if (context.allowDrift || context.allowMean) && isNew(p, q, sp, sq, !constant) && tried.count < options.maxModels {
        if try run(p, q, sp, sq, !constant) { constant.toggle() }
      }
    }
    return (best, tried)
  }

  /// Every order within the limits (p + q + P + Q ≤ max order), with and without the constant;
  /// fitted in parallel, compared in R's loop order so the result does not depend on threads.
  static func exhaustiveSearch(
    _ context: SearchContext, limits: SearchLimits, options: Options, approximation: Bool, checkCancellation: () throws -> Void
  ) throws -> (Best?, [Candidate]) {
    let constants = context.allowDrift || context.allowMean ? [false, true] : [false]
    var grid: [(ARIMAOrder, Bool)] = []
    for p in 0...limits.maxP {
      for q in 0...limits.maxQ {
        for sp in 0...limits.maxSP {
          for sq in 0...limits.maxSQ where p + q + sp + sq <= limits.maxOrder {
            for constant in constants { grid.append((context.order(p, q, sp, sq), constant)) }
          }
        }
      }
    }
    try checkCancellation()
    let results = Mutex<[Int: (ARIMAFit?, Candidate)]>([:])
    let workers = max(1, min(options.parallelism, grid.count))
    let items = grid
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var index = worker
      while index < items.count {
        let outcome = context.fit(items[index].0, constant: items[index].1, approximate: approximation)
        results.withLock { $0[index] = outcome }
        index += workers
      }
    }
    try checkCancellation()
    let collected = results.withLock { $0 }
    var tried: [Candidate] = []
    var best: Best?
    for index in grid.indices {
      guard let (fit, candidate) = collected[index] else { continue }
      tried.append(candidate)
      if let fit, let value = candidate.criterion, value < (best?.candidate.criterion ?? .infinity) { best = (fit, candidate) }
    }
    return (best, tried)
  }
}

/// A candidate of the stepwise search: (p, q, P, Q) and the constant.
struct SearchKey: Hashable, Sendable {
  var p: Int, q: Int, sp: Int, sq: Int, constant: Bool
}
