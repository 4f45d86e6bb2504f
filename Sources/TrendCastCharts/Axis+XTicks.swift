import Foundation

/// Maps x values to the pixel columns of a plot.
struct XMapping: Equatable, Sendable {
  let lower: Double
  let upper: Double
  /// Pixel columns across the plot (cell columns × dots per cell).
  let pixels: Int
  let dotsPerCell: Int

  /// The pixel column of `x`, which may fall outside the plot when `x` is out of range.
  func pixel(of x: Double) -> Int {
    let fraction = (x - lower) / (upper - lower)
    let position = (fraction * Double(pixels - 1)).rounded()
    guard position.isFinite else { return -1 }
    return Int(max(min(position, 1e9), -1e9))
  }

  func column(of x: Double) -> Int { floorDivide(pixel(of: x), dotsPerCell) }
}

func floorDivide(_ a: Int, _ b: Int) -> Int {
  a >= 0 ? a / b : -((-a + b - 1) / b)
}

/// A tick label placed on the line under the x axis.
struct PlacedLabel: Equatable, Sendable {
  /// The plot column of the tick mark.
  var column: Int
  /// The first line column of the label text.
  var start: Int
  var text: String
}

/// Chooses the x ticks: the finest candidate set whose labels fit side by side.
enum XTicks {
  /// Columns left blank between neighbouring labels.
  static let gap = 2

  /// Candidate tick sets, finest first, for the axis `scale` over `lower...upper`.
  static func candidates(scale: Chart.AxisScale, lower: Double, upper: Double, integerOnly: Bool, maxTicks: Int) -> [[Tick]] {
    switch scale {
    case .numeric:
      return numericCandidates(lower: lower, upper: upper, integerOnly: integerOnly, maxTicks: maxTicks)
    case .dates(let frequency):
      guard CivilDate(epochDay: lower) != nil, CivilDate(epochDay: upper) != nil else {
        return numericCandidates(lower: lower, upper: upper, integerOnly: integerOnly, maxTicks: maxTicks)
      }
      let sets = DateTickUnit.candidates(for: frequency).compactMap { unit in
        unit.ticks(from: lower, to: upper, limit: maxTicks)?.map { Tick(position: $0.position, label: $0.label) }
      }
      let fallback = Tick(position: lower, label: frequency.label(forEpochDay: lower))
      return sets.filter { !$0.isEmpty } + [[fallback]]
    case .categories(let names):
      var sets: [[Tick]] = []
      for every in [1, 2, 3, 4, 6, 12, 24, 52, 100] {
        let ticks = names.indices.filter { $0 % every == 0 && Double($0) >= lower - 1e-9 && Double($0) <= upper + 1e-9 }
          .map { Tick(position: Double($0), label: names[$0]) }
        if !ticks.isEmpty { sets.append(ticks) }
      }
      return sets
    }
  }

  static func numericCandidates(lower: Double, upper: Double, integerOnly: Bool, maxTicks: Int) -> [[Tick]] {
    let span = upper - lower
    guard span > 0, span.isFinite else {
      return [[Tick(position: lower, label: NumberFormat.compact(lower))]]
    }
    var step = NiceStep.atLeast(span / Double(max(maxTicks, 1)))
    if integerOnly { step = max(step, 1) }
    var sets: [[Tick]] = []
    for _ in 0..<40 {
      let values = NiceStep.multiples(of: step, from: lower, to: upper, limit: maxTicks + 1)
      if !values.isEmpty {
        let labels = NumberFormat.compactDistinct(values)
        sets.append(zip(values, labels).map { Tick(position: $0, label: $1) })
      }
      if values.count <= 1, !sets.isEmpty { break }
      step = NiceStep.after(step)
    }
    if sets.isEmpty { sets.append([Tick(position: lower, label: NumberFormat.compact(lower))]) }
    return sets
  }

  /// Places the labels of the finest candidate whose labels do not collide, within a line
  /// of `lineWidth` columns whose plot starts at column `plotStart`. When every candidate
  /// collides, keeps the coarsest and drops labels that would overlap.
  static func place(candidates: [[Tick]], mapping: XMapping, plotStart: Int, plotColumns: Int, lineWidth: Int) -> [PlacedLabel] {
    for ticks in candidates {
      let placed = layout(ticks, mapping: mapping, plotStart: plotStart, plotColumns: plotColumns, lineWidth: lineWidth)
      if placed.count == ticks.count, !placed.isEmpty { return placed }
    }
    guard let coarsest = candidates.last else { return [] }
    return layout(coarsest, mapping: mapping, plotStart: plotStart, plotColumns: plotColumns, lineWidth: lineWidth)
  }

  /// Centres each label under its tick (shifting it inward at the line's edges), and skips
  /// a label that would come closer than `gap` columns to the previous one.
  static func layout(_ ticks: [Tick], mapping: XMapping, plotStart: Int, plotColumns: Int, lineWidth: Int) -> [PlacedLabel] {
    var placed: [PlacedLabel] = []
    var nextFree = 0
    for tick in ticks {
      let column = mapping.column(of: tick.position)
      guard column >= 0, column < plotColumns else { continue }
      let text = TerminalText.truncated(tick.label, toWidth: lineWidth)
      let width = TerminalText.width(of: text)
      let centred = plotStart + column - (width - 1) / 2
      let start = max(min(centred, lineWidth - width), 0)
      if start < nextFree { continue }
      placed.append(PlacedLabel(column: column, start: start, text: text))
      nextFree = start + width + gap
    }
    return placed
  }
}
