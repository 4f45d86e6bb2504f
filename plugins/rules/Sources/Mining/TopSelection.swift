import Foundation

/// The first or last few of `0..<n` under a total order, in one pass with a heap of each.
enum TopSelection {
  static func first(_ k: Int, of n: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
    ends(first: k, last: 0, of: n, by: precedes).first
  }

  /// The first `head` and the last `tail` elements, each in order, from one pass.
  static func ends(first head: Int, last tail: Int, of n: Int, by precedes: (Int, Int) -> Bool) -> (first: [Int], last: [Int]) {
    ends(first: head, last: tail, of: n, primary: { _ in 0 }, descending: true, by: precedes)
  }

  /// As `ends(first:last:of:by:)` when the order starts with `primary` (largest first if
  /// `descending`): an element worse than a heap's root on `primary` alone is passed over
  /// without a full comparison, which is what almost every element of a long list is.
  static func ends(
    first head: Int, last tail: Int, of n: Int, primary: (Int) -> Double, descending: Bool, by precedes: (Int, Int) -> Bool
  ) -> (first: [Int], last: [Int]) {
    // The first elements are kept in a heap whose root is the latest of them, so a newcomer
    // only has to beat the root; the last elements likewise, the order reversed.
    var best = BoundedHeap(capacity: min(max(head, 0), n))
    var worst = BoundedHeap(capacity: min(max(tail, 0), n))
    var bestRoot = 0.0
    var worstRoot = 0.0
    for element in 0..<n {
      let value = primary(element)
      if best.capacity > 0, !best.isFull || (descending ? value >= bestRoot : value <= bestRoot) {
        if best.offer(element, by: precedes), best.isFull { bestRoot = primary(best.elements[0]) }
      }
      if worst.capacity > 0, !worst.isFull || (descending ? value <= worstRoot : value >= worstRoot) {
        if worst.offer(element, by: { precedes($1, $0) }), worst.isFull { worstRoot = primary(worst.elements[0]) }
      }
    }
    return (best.elements.sorted(by: precedes), worst.elements.sorted(by: precedes))
  }
}

/// At most `capacity` elements, the first ones offered under an order; the root is the latest.
private struct BoundedHeap {
  let capacity: Int
  private(set) var elements: [Int] = []

  init(capacity: Int) {
    self.capacity = capacity
    elements.reserveCapacity(capacity)
  }

  var isFull: Bool { elements.count == capacity }

  /// Adds `element` if it is among the first `capacity`; true if the heap changed.
  @discardableResult
  mutating func offer(_ element: Int, by precedes: (Int, Int) -> Bool) -> Bool {
    if elements.count < capacity {
      elements.append(element)
      var child = elements.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard precedes(elements[parent], elements[child]) else { break }
        elements.swapAt(parent, child)
        child = parent
      }
      return true
    } else if capacity > 0, precedes(element, elements[0]) {
      elements[0] = element
      var parent = 0
      while true {
        let left = 2 * parent + 1
        guard left < elements.count else { return true }
        var later = left
        if left + 1 < elements.count, precedes(elements[left], elements[left + 1]) { later = left + 1 }
        guard precedes(elements[parent], elements[later]) else { return true }
        elements.swapAt(parent, later)
        parent = later
      }
    }
    return false
  }
}
