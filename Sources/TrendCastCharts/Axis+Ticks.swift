import Foundation

/// A labelled position on an axis.
struct Tick: Equatable, Sendable {
  var position: Double
  var label: String
}

/// Round-number steps: 1, 2 and 5 times a power of ten.
enum NiceStep {
  static let mantissas: [Double] = [1, 2, 5]

  /// The smallest nice step that is at least `minimum` (which must be positive and finite).
  static func atLeast(_ minimum: Double) -> Double {
    guard minimum.isFinite, minimum > 0 else { return 1 }
    let exponent = floor(log10(minimum))
    for e in [exponent - 1, exponent, exponent + 1] {
      let power = pow(10, e)
      for m in mantissas where m * power >= minimum * (1 - 1e-12) { return m * power }
    }
    return pow(10, exponent + 1)
  }

  /// The nice step following `step` (1 → 2 → 5 → 10 …).
  static func after(_ step: Double) -> Double {
    atLeast(step * 1.000_001)
  }

  /// The multiples of `step` inside `lower...upper`; empty when there would be more than `limit`.
  static func multiples(of step: Double, from lower: Double, to upper: Double, limit: Int) -> [Double] {
    guard step > 0, upper >= lower else { return [] }
    let first = (lower / step - 1e-9).rounded(.up)
    let last = (upper / step + 1e-9).rounded(.down)
    guard first <= last, last - first < Double(limit) else { return [] }
    return stride(from: first, through: last, by: 1).map { $0 * step }
  }
}

/// The vertical scale of a plot: rows of equal value height, placed so that every tick
/// value falls exactly on the centre of a row (so the `┤` beside a label points at it).
///
/// Row k (0 = bottom) is centred on `(bottomIndex + k) × valuePerRow`, and a tick sits on
/// every `ticksEvery`-th row, at the multiples of `step`.
struct RowGrid: Equatable, Sendable {
  let rows: Int
  let step: Double
  let ticksEvery: Int
  let bottomIndex: Int

  var valuePerRow: Double { step / Double(ticksEvery) }
  /// The value at the bottom edge of the lowest row.
  var lower: Double { (Double(bottomIndex) - 0.5) * valuePerRow }
  /// The value at the top edge of the highest row.
  var upper: Double { (Double(bottomIndex + rows) - 0.5) * valuePerRow }

  /// The position of `value` in rows above the bottom edge (0…rows inside the plot).
  func rowPosition(of value: Double) -> Double {
    (value - lower) / valuePerRow
  }

  /// The rows (0 = bottom) that carry a tick, with the tick's value.
  var ticks: [(row: Int, value: Double)] {
    (0..<rows).compactMap { k in
      let index = bottomIndex + k
      guard index % ticksEvery == 0 else { return nil }
      return (k, Double(index / ticksEvery) * step)
    }
  }

  /// The grid that best fills `rows` rows with the range `lower...upper` (lower < upper,
  /// both finite) while keeping labels two to six rows apart.
  static func fitting(lower: Double, upper: Double, rows: Int) -> RowGrid {
    let rows = max(rows, 1)
    let spacing: ClosedRange<Int> = rows >= 9 ? 3...6 : rows >= 5 ? 2...4 : 1...rows
    var best: (grid: RowGrid, score: Double)?
    for every in spacing {
      guard let grid = smallestFit(lower: lower, upper: upper, rows: rows, every: every) else { continue }
      let coverage = (upper - lower) / (Double(rows) * grid.valuePerRow)
      let score = coverage - (grid.ticks.count >= 2 || rows < 3 ? 0 : 0.5)
      if best == nil || score > (best?.score ?? 0) + 1e-9 { best = (grid, score) }
    }
    return best?.grid ?? RowGrid(rows: rows, step: 1, ticksEvery: 1, bottomIndex: 0)
  }

  /// The finest nice step for which `rows` rows, ticks every `every` rows, hold the range;
  /// the data are then centred vertically.
  private static func smallestFit(lower: Double, upper: Double, rows: Int, every: Int) -> RowGrid? {
    var step = NiceStep.atLeast((upper - lower) * Double(every) / Double(rows))
    for _ in 0..<6 {
      let perRow = step / Double(every)
      let lowIndex = (lower / perRow + 0.5).rounded(.down)
      let highIndex = (upper / perRow + 0.5).rounded(.down)
      guard abs(lowIndex) < 1e15, abs(highIndex) < 1e15 else { return nil }
      let used = Int(highIndex - lowIndex) + 1
      // `upper` may sit exactly on the top edge of the row below `highIndex`.
      let fitsTop = (highIndex - 0.5) * perRow >= upper ? used - 1 : used
      if fitsTop <= rows {
        let spare = rows - fitsTop
        let bottom = Int(lowIndex) - spare / 2
        return RowGrid(rows: rows, step: step, ticksEvery: every, bottomIndex: bottom)
      }
      step = NiceStep.after(step)
    }
    return nil
  }
}
