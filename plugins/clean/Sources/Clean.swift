import TrendCastPlugin
import TrendCastValues

/// `clean X [clip=…] [outliers=… action=… threshold=… window=…] [fill=… period=…] [normalize=…]`
///
/// The steps run in that order: clip the values to their valid range, judge outliers on the
/// clipped values, fill the missing values (including outliers that were dropped), then
/// rescale. Each step reports what it changed; the statement's output is that report.
enum Clean {
  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let series = try emptyColumnSeries(invocation) ?? invocation.series(0)
    let plan = try CleanPlan(invocation, frequency: series.frequency)
    let report = CleanReport(series: series, ascii: invocation.context.style.asciiOnly)
    var values = series.values
    if plan.isEmpty {
      invocation.report("clean \(series.name): nothing asked for, so nothing changed (options: fill=, outliers=, normalize=, clip=)")
      return series
    }
    if series.count > 0, series.missingCount == series.count {
      let problem = "\(series.name) has no values at all: all \(series.count) periods are missing"
      let hint = "check the column and the file (an empty column, or a filter that left no values)"
      if plan.fill != .none {
        throw invocation.optionError("fill", "fill=\(plan.fill.rawValue) needs observed values to fill from, but \(problem)", hint: hint)
      }
      throw RuntimeError("\(problem), so there is nothing to clean", hint: hint).focused(on: .input(0))
    }
    var lines = [report.heading]

    if plan.clipLower != nil || plan.clipUpper != nil {
      let clipped = Clipping.clip(values, lower: plan.clipLower, upper: plan.clipUpper)
      lines += report.clipping(clipped, original: values, lower: plan.clipLower, upper: plan.clipUpper)
      values = clipped.values
    }

    var dropped = 0
    if let rule = plan.outliers {
      let observed = values.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }
      guard observed >= 3 else {
        throw invocation.optionError("outliers", "\(series.name) has \(observed) observed value\(observed == 1 ? "" : "s"); judging outliers needs at least 3")
      }
      let findings = OutlierDetection.find(values, rule: rule)
      lines += report.outliers(findings, values: values, rule: rule, action: plan.action, fill: plan.fill)
      for (position, replacement) in zip(findings.positions, findings.replacements) {
        switch plan.action {
        case .flag: break
        case .replace: values[position] = replacement
        case .drop:
          values[position] = .nan
          dropped += 1
        }
      }
    }

    if plan.fill != .none {
      let outcome: FillOutcome
      do {
        outcome = try Filling.fill(values, method: plan.fill, period: plan.period ?? 1)
      } catch {
        throw fillError(error, series: series, plan: plan, invocation: invocation)
      }
      lines += report.filling(outcome, before: values, method: plan.fill, period: plan.period, dropped: dropped)
      values = outcome.values
    }

    var scaling = series.scaling
    if plan.normalize != .none {
      let map: AffineMap?
      do {
        map = try Normalization.map(for: values, method: plan.normalize)
      } catch .allMissing {
        throw invocation.optionError("normalize", "\(series.name) has no values left to normalise")
      } catch .constant(let value) {
        throw invocation.optionError("normalize", "\(series.name) is constant (every value is \(NumberFormatting.display(value))), so it has no \(plan.normalize == .minmax ? "range" : "spread") to normalise by",
          hint: "leave out normalize=")
      }
      if let map {
        values = Normalization.apply(map, to: values)
        let added = Scaling(method: plan.normalize.rawValue, offset: map.offset, scale: map.scale)
        scaling = scaling.map { Self.compose(outer: $0, inner: added) } ?? added
        lines.append(report.normalizing(plan.normalize, map: map))
      }
    }
    for line in lines { invocation.report(line) }
    return Series(name: series.name, index: series.index, values: values, scaling: scaling)
  }

  /// A column with no value at all has no type (a file may read it as text), yet it is the
  /// series the user named: taken as all missing, so the message says exactly that.
  static func emptyColumnSeries(_ invocation: Invocation) throws -> Series? {
    guard let table = try invocation.value(0) as? Table else { return nil }
    let timeName = table.timeIndexColumn?.name
    let others = table.columns.filter { $0.name != timeName }
    guard others.count == 1, let only = others.first, !only.isNumeric, only.count > 0, only.missingCount == only.count else { return nil }
    var numeric = table
    numeric.columns = table.columns.map { column in
      column.name == only.name ? Column(name: column.name, values: .float(Array(repeating: .nan, count: column.count)), sourceField: column.sourceField) : column
    }
    return try numeric.series(column: only.name, duplicates: table.duplicatePolicy)
  }

  /// A series normalised twice maps back through both: x = (z·s₂ + o₂)·s₁ + o₁.
  static func compose(outer: Scaling, inner: Scaling) -> Scaling {
    Scaling(method: "\(outer.method), then \(inner.method)", offset: inner.offset * outer.scale + outer.offset, scale: inner.scale * outer.scale)
  }

  private static func fillError(_ problem: FillProblem, series: Series, plan: CleanPlan, invocation: Invocation) -> RuntimeError {
    switch problem {
    case .allMissing:
      return invocation.optionError("fill", "fill=\(plan.fill.rawValue) needs observed values to fill from, and \(series.name) has none left",
        hint: plan.action == .drop ? "every observed value was dropped as an outlier; try action=flag or a larger threshold=" : "check the column and the file")
    case .noSeason:
      return invocation.optionError("fill", "fill=seasonal needs a seasonal period of at least 2", hint: "give one with period=N, or use fill=linear")
    case .tooFewForSeason(let needed, let observed):
      return invocation.optionError("fill", "fill=seasonal needs more than two full seasons of observed values (at least \(needed) for period \(plan.period ?? 0)), and \(series.name) has \(observed)",
        hint: "use fill=linear, or a shorter period=")
    }
  }
}
