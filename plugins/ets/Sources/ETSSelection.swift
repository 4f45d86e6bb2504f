import Dispatch
import Foundation
import Synchronization

/// Automatic choice among ETS models, as R's `ets(y, model = "ZZZ")`: every combination the
/// pattern allows is fitted and the one with the lowest AICc wins.
public enum ETSSelection {
  /// One model tried, with its AICc, or why it could not be fitted.
  public struct Candidate: Sendable {
    public var spec: ETSSpecification
    public var fit: ETSFit?
    public var failure: String?
    public var aicc: Double { fit?.aicc ?? .infinity }
  }

  /// The winner and every candidate in the order R tries them.
  public struct Result: Sendable {
    public var best: ETSFit
    public var candidates: [Candidate]
    /// Why some letters were fixed before the search (non-seasonal data, too high a period,
    /// data not positive), for the report.
    public var notes: [String]
  }

  /// The candidates R's `ets()` would fit for `pattern` on data of length `n`, seasonal
  /// period `period` and positivity `positive`, in R's loop order (error, trend, season,
  /// damped = TRUE before FALSE). Throws for requests R refuses.
  public static func candidates(
    for pattern: ETSModelPattern, period: Int, count n: Int, positive: Bool, allowMultiplicativeTrend: Bool = false
  ) throws -> (specs: [ETSSpecification], notes: [String]) {
    var notes: [String] = []
    var season = pattern.season
    if period <= 1 || n <= period {
      if let fixed = season, fixed != .none {
        if period <= 1 {
          throw ETSError("a seasonal \(fixed == .additive ? "additive" : "multiplicative") model needs a seasonal period above 1, but the period is \(period)",
            hint: "give the period with period=N, or choose a non-seasonal model such as model=\"AAN\"")
        }
        throw ETSError.tooShort(needed: period + 1, got: n, what: "a seasonal model with period \(period)", hint: "choose a non-seasonal model such as model=\"AAN\"")
      }
      if season == nil, period > 1 { notes.append("season: none (only \(n) observations for period \(period))") }
      season = ETSComponent.none
    }
    if period > 24, season != ETSComponent.none {
      if season != nil {
        throw ETSError("seasonal ETS models handle periods up to 24, not \(period) (R's limit)",
          hint: "choose a non-seasonal model, or use fit arima or fit trend for long cycles")
      }
      notes.append("season: none (period \(period) is above 24, R's limit for ETS)")
      season = ETSComponent.none
    }
    if let error = pattern.error, let trend = pattern.trend, let season {
      let probe = ETSSpecification(error: error, trend: trend, damped: pattern.damped ?? false, season: season, period: max(period, 2))
      if probe.isRestricted {
        throw ETSError("ETS(\(error.rawValue),\(trend.rawValue),\(season.rawValue)) is a forbidden combination: its forecast variance can be infinite (R's restrict=TRUE)",
          hint: "use multiplicative errors with a multiplicative trend or season, e.g. model=\"M\(trend.rawValue)\(season.rawValue)\"")
      }
    }
    if !positive, pattern.error == .multiplicative || pattern.trend == .multiplicative || season == .multiplicative {
      throw ETSError("multiplicative components need strictly positive data")
    }
    let errors = pattern.error.map { [$0] } ?? [.additive, .multiplicative]
    let trends = pattern.trend.map { [$0] } ?? (allowMultiplicativeTrend ? [.none, .additive, .multiplicative] : [.none, .additive])
    let seasons = season.map { [$0] } ?? [.none, .additive, .multiplicative]
    let dampings = pattern.damped.map { [$0] } ?? [true, false]
    var specs: [ETSSpecification] = []
    for error in errors {
      for trend in trends {
        for season in seasons {
          for damped in dampings {
            if trend == .none && damped { continue }
            let spec = ETSSpecification(error: error, trend: trend, damped: damped, season: season, period: period)
            if spec.isRestricted { continue }
            if !positive && spec.needsPositiveData { continue }
            specs.append(spec)
          }
        }
      }
    }
    if !positive, pattern.error == nil { notes.append("error: additive only (the data are not all positive)") }
    return (specs, notes)
  }

  /// Fits every candidate (two at a time) and returns the one with the lowest AICc; ties go
  /// to the earlier candidate, as in R's loop.
  public static func select(
    _ y: [Double], pattern: ETSModelPattern, period: Int, space: ETSParameterSpace = ETSParameterSpace(),
    allowMultiplicativeTrend: Bool = false, parallelism: Int = 2, checkCancellation: @Sendable () throws -> Void = {}
  ) throws -> Result {
    let positive = y.allSatisfy { $0 > 0 }
    let (specs, notes) = try candidates(for: pattern, period: period, count: y.count, positive: positive, allowMultiplicativeTrend: allowMultiplicativeTrend)
    let results = Mutex<[Candidate?]>(Array(repeating: nil, count: specs.count))
    let cancelled = Atomic<Bool>(false)
    let next = Atomic<Int>(0)
    let workers = max(1, min(parallelism, specs.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let index = next.add(1, ordering: .relaxed).oldValue
        if index >= specs.count || cancelled.load(ordering: .relaxed) { return }
        do {
          try checkCancellation()
        } catch {
          cancelled.store(true, ordering: .relaxed)
          return
        }
        let spec = specs[index]
        let candidate: Candidate
        do {
          candidate = Candidate(spec: spec, fit: try ETSEstimation.fit(y, spec: spec, space: space), failure: nil)
        } catch let error as ETSError {
          candidate = Candidate(spec: spec, fit: nil, failure: error.message)
        } catch {
          candidate = Candidate(spec: spec, fit: nil, failure: "\(error)")
        }
        results.withLock { $0[index] = candidate }
      }
    }
    try checkCancellation()
    let candidates = results.withLock { $0.compactMap { $0 } }
    var best: ETSFit?
    for candidate in candidates {
      if let fit = candidate.fit, fit.aicc.isFinite, fit.aicc < (best?.aicc ?? .infinity) { best = fit }
    }
    guard let best else {
      if specs.count == 1, let failure = candidates.first?.failure {
        throw ETSError("\(specs[0]) could not be fitted: \(failure)", hint: "try another model, e.g. model=\"ANN\"")
      }
      throw ETSError("none of the \(specs.count) candidate ETS models could be fitted to this series",
        hint: candidates.first?.failure.map { "the first failed with: \($0)" })
    }
    return Result(best: best, candidates: candidates, notes: notes)
  }
}
