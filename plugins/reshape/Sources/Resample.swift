import TrendCastPlugin
import TrendCastValues

/// `resample X freq=D|W|M|Q|Y [agg=sum|mean|median|min|max|first|last|count] [partial=keep|drop]`
///
/// Aggregates a series (or every numeric column of a table) into calendar periods: ISO weeks
/// from Monday, labelled by their Monday; calendar months, quarters, years. The report names
/// partial first and last periods and periods aggregated from incomplete data.
enum Resample {
  struct Request {
    var target: Frequency
    var aggregation: Aggregation
    var dropPartial: Bool
    var bins: CalendarBins { CalendarBins(target) }
  }

  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let code = try invocation.keyword("freq") ?? ""
    guard let target = Frequency(code: code), target != .hourly, target != .unspecified else {
      throw invocation.optionError("freq", "resample makes daily, weekly, monthly, quarterly or yearly data, not '\(code)'", hint: "freq=D|W|M|Q|Y")
    }
    let aggWord = try invocation.keyword("agg") ?? Aggregation.sum.rawValue
    guard let aggregation = Aggregation(rawValue: aggWord) else {
      throw invocation.optionError("agg", "unknown aggregation '\(aggWord)'", hint: "agg=\(Aggregation.allCases.map(\.rawValue).joined(separator: "|"))")
    }
    let request = Request(target: target, aggregation: aggregation, dropPartial: try invocation.keyword("partial") == "drop")
    if let table = try invocation.value(0) as? Table {
      return try ResampleTable.run(table, request, invocation)
    }
    return try series(try invocation.series(0), request, invocation)
  }

  static func series(_ series: Series, _ request: Request, _ invocation: Invocation) throws -> Series {
    let source = series.frequency
    guard series.count > 0 else {
      throw RuntimeError("\(series.name) is empty: it has no periods to resample", hint: "check the file, or the filter that made it").focused(on: .input(0))
    }
    try checkDirection(from: source, to: request.target, what: series.name, invocation)
    if series.scaling != nil, !request.aggregation.commutesWithAffineMaps {
      throw invocation.optionError("agg", "\(series.name) is normalized, and a \(request.aggregation.rawValue) of normalized values cannot be mapped back to the original scale",
        hint: "resample before clean normalize=, or use agg=mean")
    }
    let bins = request.bins
    let keys = (0..<series.count).map { bins.key(series.index.timestamp(at: $0)) }
    let firstKey = keys[0]
    let lastKey = keys[keys.count - 1]
    var buckets = [[Double]](repeating: [], count: lastKey - firstKey + 1)
    for (position, key) in keys.enumerated() { buckets[key - firstKey].append(series.values[position]) }
    var index = bins.index(from: firstKey, through: lastKey)
    var values = buckets.map(request.aggregation.apply)
    let coverage = bins.edgeCoverage(of: series.index)
    let unit = CalendarBins.unit(request.target)
    let sourceUnit = CalendarBins.unit(source)
    var lines = ["resample \(series.name): \(source.name) → \(describe(request.target)), \(request.aggregation.rawValue) of each \(unit)"]
    var incomplete = buckets.enumerated().filter { $0.element.contains { $0.isNaN } }.map { (position: $0.offset, missing: $0.element.filter(\.isNaN).count, of: $0.element.count) }

    // Partial edges: reported, and left out with partial=drop.
    var keep = 0..<buckets.count
    if let coverage {
      let edges = buckets.count == 1 ? [("only", 0, coverage.first)] : [("first", 0, coverage.first), ("last", buckets.count - 1, coverage.last)]
      for (which, position, cover) in edges where cover.isPartial {
        let label = index.label(at: position)
        let verdict = request.dropPartial ? "left out (partial=drop)" : "kept (partial=drop leaves it out)"
        lines.append("  \(which) \(unit) \(label) is partial: \(cover.spanned) of \(cover.expected) \(sourceUnit)s; \(verdict)")
        if request.dropPartial {
          keep = position == 0 ? (keep.lowerBound + 1)..<keep.upperBound : keep.lowerBound..<(keep.upperBound - 1)
        }
      }
    }
    guard !keep.isEmpty else {
      throw invocation.optionError("partial", "every \(unit) of \(series.name) is partial, so partial=drop leaves nothing",
        hint: "use partial=keep, or a finer freq=")
    }
    values = Array(values[keep])
    index = index.slice(keep)
    incomplete = incomplete.filter { keep.contains($0.position) }.map { ($0.position - keep.lowerBound, $0.missing, $0.of) }
    lines[0] += ": \(count(index.count, unit)), \(index.count > 0 ? "\(index.label(at: 0)) … \(index.label(at: index.count - 1))" : "none")"
    if !incomplete.isEmpty {
      let note = request.aggregation == .sum || request.aggregation == .count
        ? "their \(request.aggregation.rawValue) covers only the \(sourceUnit)s present (fill first: clean fill=…)"
        : "aggregated from the \(sourceUnit)s present"
      let empty = incomplete.filter { $0.missing == $0.of }.count
      lines.append("  \(count(incomplete.count, unit)) include missing \(sourceUnit)s\(empty > 0 ? " (\(empty) with none present: missing)" : ""); \(note):")
      lines += Listing.wrap(incomplete.map { "\(index.label(at: $0.position)) (\($0.missing) of \($0.of))" })
    }
    for line in lines { invocation.report(line) }
    let scaling = request.aggregation.commutesWithAffineMaps ? series.scaling : nil
    return Series(name: series.name, index: index, values: values, scaling: scaling)
  }

  /// Refuses data without a calendar, and upsampling (which would invent values).
  static func checkDirection(from source: Frequency, to target: Frequency, what: String, _ invocation: Invocation) throws {
    if source == .unspecified {
      throw RuntimeError("\(what) has no calendar (its periods are plain numbers), so it cannot be resampled into weeks or months",
        hint: "load the data with its date column (load … date=COL)").focused(on: .input(0))
    }
    if CalendarBins.rank(target) < CalendarBins.rank(source) {
      throw invocation.optionError("freq", "resample aggregates into longer periods: \(source.name) data cannot be made \(target.name) without inventing values",
        hint: "choose a freq= of \(source.name) periods or longer; to combine \(source.name) data with \(target.name) data, resample the \(target.name) data instead, or join them")
    }
  }

  static func describe(_ frequency: Frequency) -> String {
    frequency == .weekly ? "weekly (ISO weeks from Monday)" : frequency.name
  }

  static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
