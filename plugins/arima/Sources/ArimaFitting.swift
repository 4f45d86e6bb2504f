import Foundation
import TrendCastValues

/// From a series and a specification to a fitted `ArimaModel`: the log transform, leading
/// missing values, regressors, the fixed-order fit or the automatic search, and errors a
/// user can act on.
enum ArimaFitting {
  static func fit(
    _ series: Series, specification: ArimaSpecification, xreg: [Regressor], period: Int,
    isCancelled: @escaping @Sendable () -> Bool = { false }, checkCancellation: () throws -> Void = {}
  ) throws -> ArimaModel {
    var values = series.values
    if specification.logTransform {
      if let bad = values.firstIndex(where: { !$0.isNaN && $0 <= 0 }) {
        throw RuntimeError("transform=log needs positive data, but \(series.name) is \(NumberFormatting.display(values[bad])) at \(series.index.label(at: bad))",
          hint: "leave out transform=log, or shift the data to be positive first")
      }
      values = values.map { log($0) }
    }
    guard let first = values.firstIndex(where: { !$0.isNaN }) else {
      throw RuntimeError("every value of \(series.name) is missing, so there is nothing to fit", hint: "check the column, or load the data again")
    }
    let y = Array(values[first...])
    let fittedIndex = series.index.slice(first..<series.count)
    // Fourier terms first, then the user's regressors.
    let fourier = specification.fourier
    let xregColumns = (fourier?.columns(first: 1, count: y.count) ?? [])
      + (try xreg.map { try $0.values(on: fittedIndex, purpose: "the fitted series") })
    let xregNames = (fourier?.names ?? []) + xreg.map(\.name)

    var model: (fit: ARIMAFit, mean: Bool, drift: Bool, report: AutoARIMA.Report?)
    do {
      if let order = specification.order {
        let terms = try ArimaSpecification.deterministicTerms(specification.trend, order: order)
        let columns = ArimaSpecification.regressionColumns(mean: terms.mean, drift: terms.drift, first: 1, count: y.count, xreg: xregColumns)
        let names = (terms.mean ? ["intercept"] : []) + (terms.drift ? ["drift"] : []) + xregNames
        var first = ARIMAEstimator.Options()
        first.isCancelled = isCancelled
        var fit = try ARIMAEstimator.fit(y, order: order, regressors: columns, regressorNames: names, options: first)
        try checkCancellation()
        if !fit.converged {
          var options = first
          options.maxIterations = 1000
          options.start = fit.parameters
          fit = try ARIMAEstimator.fit(y, order: order, regressors: columns, regressorNames: names, options: options)
        }
        model = (fit, terms.mean, terms.drift, nil)
      } else {
        var options = specification.search
        if let trend = specification.trend {
          options.allowMean = trend != .none
          options.allowDrift = trend != .none
        }
        // With Fourier terms the season is theirs: the search is non-seasonal (R's
        // auto.arima(y, xreg = fourier(y, K), seasonal = FALSE)).
        let result = try AutoARIMA.search(
          y, xreg: xregColumns, xregNames: xregNames, period: fourier == nil ? period : 1, options: options, isCancelled: isCancelled,
          checkCancellation: checkCancellation)
        var fit = result.fit
        if !fit.converged {
          // The search keeps fits that reached R's 100 iterations; the winner is taken to convergence.
          let columns = ArimaSpecification.regressionColumns(mean: result.includeMean, drift: result.includeDrift, first: 1, count: y.count, xreg: xregColumns)
          var refit = ARIMAEstimator.Options()
          refit.isCancelled = isCancelled
          refit.maxIterations = 1000
          refit.start = fit.parameters
          fit = try ARIMAEstimator.fit(y, order: fit.order, regressors: columns, regressorNames: fit.regressionNames, options: refit)
        }
        model = (fit, result.includeMean, result.includeDrift, result.report)
      }
    } catch let error as ARIMAFitError {
      try checkCancellation()
      throw RuntimeError(error.message, hint: error.hint)
    }
    try checkCancellation()
    let fit = model.fit
    guard fit.converged else {
      throw RuntimeError("the optimiser did not converge for \(fit.order) (\(fit.optimizerMessage) after \(fit.iterations) iterations), so its estimates are not reported",
        hint: "try a simpler order, transform=log, or a longer series")
    }
    guard fit.parameters.allSatisfy(\.isFinite), fit.sigma2.isFinite, fit.sigma2 > 0, (fit.logLikelihood ?? 0).isFinite else {
      throw RuntimeError("\(fit.order) could not be estimated: the estimates are not finite", hint: "try a simpler order or transform=log")
    }
    let filtered: ARIMAStateSpace.Filtered
    do {
      filtered = try ARIMAEstimator.filtered(fit, y: y, regressors: ArimaSpecification.regressionColumns(
        mean: model.mean, drift: model.drift, first: 1, count: y.count, xreg: xregColumns))
    } catch {
      throw RuntimeError("\(fit.order) could not be filtered at its estimates (\(error))", hint: "try a simpler order")
    }
    if filtered.isStillDiffuse {
      throw RuntimeError("\(fit.order) needs more observations than \(series.name) has to fix its starting levels",
        hint: "use fewer differences or a longer series")
    }
    return ArimaModel(
      fit: fit, specification: specification, trainingSeries: series, leadingMissing: first, includeMean: model.mean,
      includeDrift: model.drift, xreg: xreg, modelSeries: y, filtered: filtered, searchReport: model.report)
  }
}
