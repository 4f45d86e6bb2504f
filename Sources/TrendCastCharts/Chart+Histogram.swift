import Foundation

extension Chart {
  /// How a histogram chooses its bins.
  public enum HistogramBins: Sendable, Equatable {
    /// The larger bin count of Sturges' and Freedman–Diaconis' rules (as numpy's "auto"),
    /// at most 40, then widened to a round bin width.
    case auto
    /// ⌈log₂ n⌉ + 1 bins, widened to a round bin width.
    case sturges
    /// Bins of width 2·IQR·n^(-1/3) (Sturges when the IQR is 0), widened to a round width.
    case freedmanDiaconis
    /// Exactly this many bins of equal width from the minimum to the maximum.
    case count(Int)
    /// Bins between these increasing edges.
    case edges([Double])
  }
}

extension Chart {
  /// The most bins an automatic rule may choose.
  static let maximumAutomaticBins = 20

  /// A histogram of `values` (NaN ignored), drawn as one horizontal bar per bin, labelled
  /// with its interval `[a, b)` (the last bin is closed) and its count.
  public static func histogram(_ values: [Double], bins: HistogramBins = .auto, title: String? = nil) -> Chart {
    let data = values.filter(isDrawable)
    let edges = histogramEdges(data, bins: bins)
    var counts = Array(repeating: 0, count: max(edges.count - 1, 0))
    for value in data {
      if let bin = binIndex(of: value, edges: edges) { counts[bin] += 1 }
    }
    let edgeLabels = NumberFormat.compactDistinct(edges)
    let labels = counts.indices.map { i in
      "[" + edgeLabels[i] + ", " + edgeLabels[i + 1] + (i == counts.count - 1 ? "]" : ")")
    }
    var chart = Chart(
      title: title,
      layers: [.bars(Bars(labels: labels, values: counts.map(Double.init), valueLabels: counts.map(String.init)))])
    chart.x.label = "count"
    return chart
  }

  /// The bin holding `value`: bins are [a, b), the last one [a, b].
  static func binIndex(of value: Double, edges: [Double]) -> Int? {
    guard edges.count >= 2, let first = edges.first, let last = edges.last, value >= first, value <= last else {
      return nil
    }
    var low = 0, high = edges.count - 1
    while high - low > 1 {
      let middle = (low + high) / 2
      if value >= edges[middle] { low = middle } else { high = middle }
    }
    return low
  }

  /// The bin edges for `data` (all drawable) under `bins`.
  static func histogramEdges(_ data: [Double], bins: HistogramBins) -> [Double] {
    guard let low = data.min(), let high = data.max() else { return [] }
    if case .edges(let given) = bins {
      let edges = given.filter(isDrawable)
      return zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 } && edges.count >= 2 ? edges : [low, max(high, low + 1)]
    }
    if high - low <= abs(low) * 1e-12 {
      let half = low == 0 ? 0.5 : abs(low) * 0.05
      return [low - half, low + half]
    }
    let n = Double(data.count)
    let sturges = Int(log2(n).rounded(.up)) + 1
    let count: Int
    switch bins {
    case .count(let k):
      let k = min(max(k, 1), 10_000)
      return (0...k).map { $0 == k ? high : low + (high - low) * Double($0) / Double(k) }
    case .sturges: count = sturges
    case .freedmanDiaconis: count = freedmanDiaconisCount(data, low: low, high: high) ?? sturges
    case .auto: count = max(sturges, freedmanDiaconisCount(data, low: low, high: high) ?? 0)
    case .edges: count = sturges
    }
    let k = min(max(count, 1), maximumAutomaticBins)
    let width = NiceStep.atLeast((high - low) / Double(k))
    let start = (low / width).rounded(.down)
    let end = max((high / width).rounded(.up), start + 1)
    guard end - start <= Double(maximumAutomaticBins * 3) else { return [low, high] }
    return stride(from: start, through: end, by: 1).map { $0 * width }
  }

  /// ⌈range / (2·IQR·n^(-1/3))⌉, or nil when the IQR is 0.
  static func freedmanDiaconisCount(_ data: [Double], low: Double, high: Double) -> Int? {
    let sorted = data.sorted()
    let iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25)
    guard iqr > 0 else { return nil }
    let width = 2 * iqr * pow(Double(sorted.count), -1.0 / 3.0)
    let count = ((high - low) / width).rounded(.up)
    return count.isFinite ? Int(min(count, 1e6)) : nil
  }

  /// The `p` quantile of sorted data by linear interpolation (R's type 7).
  static func quantile(_ sorted: [Double], _ p: Double) -> Double {
    guard let first = sorted.first else { return .nan }
    let position = p * Double(sorted.count - 1)
    let below = Int(position.rounded(.down))
    let above = min(below + 1, sorted.count - 1)
    let fraction = position - Double(below)
    return below < sorted.count ? sorted[below] + (sorted[above] - sorted[below]) * fraction : first
  }
}
