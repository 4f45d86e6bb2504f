import TrendCastValues

/// The lines `clean` reports: one heading, then what each step changed, naming the dates and
/// values it touched so nothing changes unseen.
struct CleanReport {
  var series: Series
  /// Plain 7-bit text (`--ascii`).
  var ascii: Bool
  /// Listings wrap at this width.
  var width = 72

  private var arrow: String { ascii ? "->" : "→" }

  var heading: String { "clean \(series.name): \(series.summary)" }

  func clipping(_ outcome: ClipOutcome, original: [Double], lower: Double?, upper: Double?) -> [String] {
    let range: String
    switch (lower, upper) {
    case (let lower?, let upper?): range = "to [\(number(lower)), \(number(upper))]"
    case (let lower?, nil): range = "to at least \(number(lower))"
    case (nil, let upper?): range = "to at most \(number(upper))"
    case (nil, nil): return []
    }
    if outcome.raised.isEmpty && outcome.lowered.isEmpty { return ["  clip \(range): no value outside"] }
    var lines: [String] = []
    if let lower, !outcome.raised.isEmpty {
      lines.append("  clip \(range): \(count(outcome.raised.count, "value")) below \(number(lower)) raised to \(number(lower)):")
      lines += listing(outcome.raised.map { "\(label($0)) \(number(original[$0]))" })
    }
    if let upper, !outcome.lowered.isEmpty {
      lines.append("  clip \(range): \(count(outcome.lowered.count, "value")) above \(number(upper)) lowered to \(number(upper)):")
      lines += listing(outcome.lowered.map { "\(label($0)) \(number(original[$0]))" })
    }
    return lines
  }

  func outliers(_ findings: OutlierFindings, values: [Double], rule: OutlierRule, action: CleanPlan.OutlierAction, fill: FillMethod) -> [String] {
    let description: String
    switch rule {
    case .iqr(let k):
      description = "iqr (Tukey's fences, \(number(k)) × IQR\(bounds(findings)))"
    case .zscore(let threshold):
      description = "zscore (|z| > \(number(threshold))\(bounds(findings)))"
    case .hampel(let window, let threshold):
      description = "hampel (window \(window), \(number(threshold)) MADs from the window median)"
    }
    guard !findings.positions.isEmpty else { return ["  outliers by \(description): none"] }
    let what: String
    switch action {
    case .flag: what = "flagged, values kept"
    case .replace:
      switch rule {
      case .iqr: what = "replaced by the nearest fence"
      case .zscore: what = "replaced by the nearest bound"
      case .hampel: what = "replaced by the window median"
      }
    case .drop: what = fill == .none ? "dropped: now missing (add fill= to fill them)" : "dropped, then filled below"
    }
    var lines = ["  outliers by \(description): \(findings.positions.count) \(what):"]
    lines += listing(zip(findings.positions, findings.replacements).map { position, replacement in
      let shown = "\(label(position)) \(number(values[position]))"
      return action == .replace ? "\(shown) \(arrow) \(number(replacement))" : shown
    })
    if findings.zeroSpread {
      lines.append("  note: the spread is 0 (most values are equal), so every value off the centre counts as an outlier")
    }
    return lines
  }

  private func bounds(_ findings: OutlierFindings) -> String {
    guard let bounds = findings.bounds else { return "" }
    return ": below \(number(bounds.lowerBound)) or above \(number(bounds.upperBound))"
  }

  /// `dropped`: how many of the missing values were outliers dropped just before.
  func filling(_ outcome: FillOutcome, before: [Double], method: FillMethod, period: Int?, dropped: Int) -> [String] {
    let how: String
    switch method {
    case .none: return []
    case .linear: how = "linear interpolation"
    case .ffill: how = "the last observation carried forward"
    case .bfill: how = "the next observation carried backward"
    case .mean: how = "the mean, \(outcome.constant.map { number($0) } ?? "NA")"
    case .seasonal: how = "seasonal interpolation (period \(period ?? 0))"
    }
    guard !outcome.filled.isEmpty else { return ["  fill by \(how): no missing values"] }
    let gaps = runs(outcome.filled)
    var text = "  fill by \(how): "
    if dropped > 0 {
      text += "\(count(outcome.filled.count, "value")) filled (\(outcome.filled.count - dropped) missing, \(dropped) dropped as outliers; "
    } else {
      text += "\(count(outcome.filled.count, "missing value")) filled ("
    }
    if let longest = gaps.max(by: { $0.count < $1.count }), gaps.count > 1 || longest.count > 1 {
      text += "\(count(gaps.count, "gap")), the longest \(count(longest.count, "period")) from \(label(longest.lowerBound)))"
    } else {
      text += "\(label(outcome.filled[0])))"
    }
    var lines = [text]
    let observed = before.indices.filter { !before[$0].isNaN }
    if outcome.leading > 0, let first = observed.first {
      lines.append("  \(count(outcome.leading, "missing value")) before the first observation (\(label(first))) took \(method == .seasonal ? "its seasonally adjusted level plus the season" : "its value, \(number(before[first]))")")
    }
    if outcome.trailing > 0, let last = observed.last, method != .ffill {
      lines.append("  \(count(outcome.trailing, "missing value")) after the last observation (\(label(last))) took \(method == .seasonal ? "its seasonally adjusted level plus the season" : "its value, \(number(before[last]))")")
    }
    return lines
  }

  func normalizing(_ method: NormalizeMethod, map: AffineMap) -> String {
    let scale = number(map.scale)
    let offset = number(map.offset)
    let what = method == .minmax ? "minmax (min \(offset), range \(scale))" : "zscore (mean \(offset), sd \(scale))"
    return "  normalize by \(what): z = (x - \(offset)) / \(scale); forecasts map back by x = z × \(scale) + \(offset)"
      .replacingOccurrences(of: "×", with: ascii ? "*" : "×")
  }

  // MARK: Helpers

  private func label(_ position: Int) -> String { series.index.label(at: position) }
  private func number(_ value: Double) -> String { NumberFormatting.display(value) }
  private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

  /// Consecutive positions grouped into ranges.
  private func runs(_ positions: [Int]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    for position in positions {
      if let last = result.last, last.upperBound == position {
        result[result.count - 1] = last.lowerBound..<(position + 1)
      } else {
        result.append(position..<(position + 1))
      }
    }
    return result
  }

  /// Items joined by commas and wrapped, indented under their heading.
  func listing(_ items: [String]) -> [String] {
    var lines: [String] = []
    var current = "    "
    for (i, item) in items.enumerated() {
      let piece = item + (i == items.count - 1 ? "" : ",")
      if current.count > 4, current.count + 1 + piece.count > width {
        lines.append(current)
        current = "    "
      }
      current += (current.count > 4 ? " " : "") + piece
    }
    if current.count > 4 { lines.append(current) }
    return lines
  }
}
