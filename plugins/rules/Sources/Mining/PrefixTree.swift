import Foundation

/// An array-based prefix tree of item paths, used as FP-tree (node values are summed counts)
/// and as the repository of found closed/maximal itemsets (node values are maximum counts).
///
/// Items are small local indices `0..<itemCount`; a path runs from the root through ascending
/// items. Every node is linked into a list of the nodes of its item (`head`/`nextSameItem`),
/// so the paths above an item's nodes — its conditional pattern base — can be walked quickly.
/// Nodes are one struct each so that a walk up the tree touches one cache line per step; the
/// arrays are kept between uses (`reset`) so recursion levels reuse their storage.
final class PrefixTree {
  struct Node {
    var item: Int32
    var value: Int32
    var parent: Int32
    var nextSameItem: Int32
    var firstChild: Int32
    var nextSibling: Int32
  }

  private static let rootNode = Node(item: -1, value: 0, parent: -1, nextSameItem: -1, firstChild: -1, nextSibling: -1)

  @exclusivity(unchecked) private(set) var nodes: [Node] = [PrefixTree.rootNode]
  /// First node of each item, -1 if none.
  @exclusivity(unchecked) private(set) var head: [Int32] = []
  /// Sum of node values per item (the item's count in an FP-tree).
  @exclusivity(unchecked) private(set) var itemTotal: [Int32] = []
  /// Global rank of each local item.
  var localToGlobal: [Int32] = []
  /// The root's child of each item, -1 if none: the root can have a child for every item, so a
  /// sibling scan there would be slow.
  @exclusivity(unchecked) private var rootChild: [Int32] = []

  var itemCount: Int { head.count }
  var nodeCount: Int { nodes.count }

  /// Empties the tree for `itemCount` local items, keeping capacity.
  func reset(itemCount: Int) {
    nodes.removeAll(keepingCapacity: true)
    nodes.append(Self.rootNode)
    head.removeAll(keepingCapacity: true)
    head.append(contentsOf: repeatElement(-1, count: itemCount))
    itemTotal.removeAll(keepingCapacity: true)
    itemTotal.append(contentsOf: repeatElement(0, count: itemCount))
    rootChild.removeAll(keepingCapacity: true)
    rootChild.append(contentsOf: repeatElement(-1, count: itemCount))
  }

  /// Adds a path of ascending local items with `weight`; node values are summed (FP-tree) or
  /// maximised (repository).
  func insert(_ path: UnsafeBufferPointer<Int32>, weight: Int32, takeMaximum: Bool) {
    var node = 0
    var index = 0
    // Follow the existing prefix.
    nodes.withUnsafeMutableBufferPointer { nodes in
      itemTotal.withUnsafeMutableBufferPointer { totals in
        while index < path.count {
          let x = path[index]
          var child: Int32
          if node == 0 {
            child = rootChild[Int(x)]
          } else {
            child = nodes[node].firstChild
            while child >= 0 && nodes[Int(child)].item != x { child = nodes[Int(child)].nextSibling }
          }
          if child < 0 { break }
          let c = Int(child)
          if takeMaximum {
            nodes[c].value = max(nodes[c].value, weight)
          } else {
            nodes[c].value += weight
            totals[Int(x)] += weight
          }
          node = c
          index += 1
        }
      }
    }
    // Append the rest as new nodes.
    while index < path.count {
      let x = path[index]
      let child = Int32(nodes.count)
      nodes.append(
        Node(item: x, value: weight, parent: Int32(node), nextSameItem: head[Int(x)], firstChild: -1,
             nextSibling: nodes[node].firstChild))
      nodes[node].firstChild = child
      if node == 0 { rootChild[Int(x)] = child }
      head[Int(x)] = child
      if !takeMaximum { itemTotal[Int(x)] += weight }
      node = Int(child)
      index += 1
    }
  }
}
