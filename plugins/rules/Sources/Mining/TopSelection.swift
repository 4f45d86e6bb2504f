import Foundation

/// The first or last few of `0..<n` under a total order, in one pass with a heap of each.
enum TopSelection {
  static func first(_ k: Int, of n: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
    ends(first: k, last: 0, of: n, by: precedes).first
  }

  /// The first `head` and the last `tail` elements, each in order, from one pass.
  static func ends(first head: Int, last tail: Int, of n: Int, by precedes: (Int, Int) -> Bool) -> (first: [Int], last: [Int]) {
    var best = BoundedHeap<Int>(capacity: min(max(head, 0), n))
    var worst = BoundedHeap<Int>(capacity: min(max(tail, 0), n))
    for element in 0..<n {
      best.offer(element, keeps: precedes)
      worst.offer(element) { precedes($1, $0) }
    }
    return (best.elements.sorted(by: precedes), worst.elements.sorted(by: precedes))
  }
}

/// At most `capacity` elements: those an order keeps in preference to the rest. The root is
/// the element kept least, so a newcomer only has to beat it.
struct BoundedHeap<Element> {
  let capacity: Int
  private(set) var elements: [Element] = []

  init(capacity: Int) {
    self.capacity = capacity
    elements.reserveCapacity(min(capacity, 1 << 16))
  }

  var isFull: Bool { elements.count >= capacity }

  /// Adds `element` if `keeps(element, root)`, or while there is room; `keeps(a, b)` is true
  /// when `a` is kept in preference to `b`. True if the heap changed.
  @discardableResult
  mutating func offer(_ element: Element, keeps: (Element, Element) -> Bool) -> Bool {
    if elements.count < capacity {
      elements.append(element)
      var child = elements.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard keeps(elements[parent], elements[child]) else { break }
        elements.swapAt(parent, child)
        child = parent
      }
      return true
    }
    guard capacity > 0, keeps(element, elements[0]) else { return false }
    elements[0] = element
    var parent = 0
    while true {
      let left = 2 * parent + 1
      guard left < elements.count else { return true }
      var weaker = left
      if left + 1 < elements.count, keeps(elements[left], elements[left + 1]) { weaker = left + 1 }
      guard keeps(elements[parent], elements[weaker]) else { return true }
      elements.swapAt(parent, weaker)
      parent = weaker
    }
  }
}

extension BoundedHeap: Sendable where Element: Sendable {}
