import Foundation

/// Fisher's exact test for the 2×2 table of a rule, and Holm's step-down correction.
enum FisherExactTest {
  /// P(X ≥ `both`) for X hypergeometric: `total` baskets, `rowTotal` with the antecedent,
  /// `columnTotal` with the consequent — the one-sided test of positive association.
  static func upperTailPValue(both: Int, rowTotal: Int, columnTotal: Int, total: Int) -> Double {
    let lowest = max(0, rowTotal + columnTotal - total)
    let highest = min(rowTotal, columnTotal)
    if both <= lowest { return 1 }
    if both > highest { return 0 }
    // log of the probability of `both`, then the later terms by the ratio of successive terms.
    let logFirst = logChoose(columnTotal, both) + logChoose(total - columnTotal, rowTotal - both) - logChoose(total, rowTotal)
    var term = 1.0
    var sum = 1.0
    var x = both
    while x < highest {
      let ratio = Double(rowTotal - x) * Double(columnTotal - x)
        / (Double(x + 1) * Double(total - rowTotal - columnTotal + x + 1))
      term *= ratio
      sum += term
      if term < sum * 1e-17 { break }
      x += 1
    }
    return min(1, exp(logFirst) * sum)
  }

  static func logChoose(_ n: Int, _ k: Int) -> Double {
    lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
  }

  /// Holm-adjusted p-values, in the order given: the i-th smallest p becomes
  /// max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎).
  static func holmAdjusted(_ pValues: [Double]) -> [Double] {
    let m = pValues.count
    let order = pValues.indices.sorted { pValues[$0] != pValues[$1] ? pValues[$0] < pValues[$1] : $0 < $1 }
    var adjusted = [Double](repeating: 1, count: m)
    var running = 0.0
    for (rank, index) in order.enumerated() {
      running = max(running, min(1, Double(m - rank) * pValues[index]))
      adjusted[index] = running
    }
    return adjusted
  }
}
