/// What a minimiser found: the best point, its objective value, the work done and whether the
/// convergence test was met.
///
/// Minimisers never trap on NaN or infinite objective values: such points count as +∞, so
/// line searches and simplex moves back off from them. When even the starting point is not
/// finite, the result has `converged == false`, `value` non-finite and a message saying so.
public struct OptimizationResult: Sendable, CustomStringConvertible {
  /// The best point found.
  public var x: [Double]
  /// The objective at `x`.
  public var value: Double
  /// Iterations of the method (BFGS: gradient evaluations, as R's `optim` counts; Nelder–Mead:
  /// simplex moves; Brent: interpolation steps).
  public var iterations: Int
  /// Objective evaluations, including those spent on finite-difference gradients.
  public var evaluations: Int
  /// Gradient evaluations (analytic or finite-difference), 0 for derivative-free methods.
  public var gradientEvaluations: Int
  /// True when the method's convergence test was met before its iteration limit.
  public var converged: Bool
  /// A short readable account of why the method stopped.
  public var message: String
  /// True when R's `optim` would have stopped with an error here (only reported when asked,
  /// see `BFGSOptions.stopsWhereRStops`).
  public var stoppedWithRError = false

  public init(
    x: [Double], value: Double, iterations: Int, evaluations: Int, gradientEvaluations: Int = 0,
    converged: Bool, message: String
  ) {
    self.x = x
    self.value = value
    self.iterations = iterations
    self.evaluations = evaluations
    self.gradientEvaluations = gradientEvaluations
    self.converged = converged
    self.message = message
  }

  public var description: String {
    "\(converged ? "converged" : "not converged") (\(message)): f = \(value) at \(x) after \(iterations) iterations, \(evaluations) evaluations"
  }
}

/// Wraps an objective so that calls are counted and NaN/±∞ read as +∞.
struct CountedObjective {
  private let function: ([Double]) -> Double
  private(set) var count = 0

  init(_ function: @escaping ([Double]) -> Double) {
    self.function = function
  }

  /// The objective at `x`, with every non-finite value mapped to +∞.
  mutating func callAsFunction(_ x: [Double]) -> Double {
    count += 1
    let value = function(x)
    return value.isFinite ? value : .infinity
  }
}
