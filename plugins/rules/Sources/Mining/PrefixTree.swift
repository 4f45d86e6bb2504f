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
  /// What a walk up the tree reads, kept apart from the rest so that eight nodes share a cache
  /// line: walks are the miners' hot loop and are bound by memory latency.
  struct Link {
    var item: Int32
    var parent: Int32
  }

  struct Node {
    var value: Int32
    var nextSameItem: Int32
    var firstChild: Int32
    var nextSibling: Int32
  }

  private static let rootNode = Node(value: 0, nextSameItem: -1, firstChild: -1, nextSibling: -1)
  private static let rootLink = Link(item: -1, parent: -1)

  @exclusivity(unchecked) private(set) var links: [Link] = [PrefixTree.rootLink]
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
  /// For repositories, whose nodes can have hundreds of children: a hash of (parent, item) →
  /// child. Slots of an older `generation` count as empty, so `reset` is O(1).
  private struct ChildSlot {
    var key: UInt64
    var child: Int32
    var generation: UInt32
  }
  @exclusivity(unchecked) private var childIndex: [ChildSlot] = []
  private var generation: UInt32 = 0
  private var indexedChildren = 0
  private(set) var usesChildIndex = false

  var itemCount: Int { head.count }
  var nodeCount: Int { nodes.count }

  /// Empties the tree for `itemCount` local items, keeping capacity.
  func reset(itemCount: Int, indexChildren: Bool = false) {
    usesChildIndex = indexChildren
    if indexChildren {
      generation &+= 1
      if generation == 0 {  // wrapped: clear for real
        for k in childIndex.indices { childIndex[k].generation = 0 }
        generation = 1
      }
      indexedChildren = 0
      if childIndex.isEmpty { childIndex = Array(repeating: ChildSlot(key: 0, child: -1, generation: 0), count: 64) }
    }
    nodes.removeAll(keepingCapacity: true)
    nodes.append(Self.rootNode)
    links.removeAll(keepingCapacity: true)
    links.append(Self.rootLink)
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
    links.withUnsafeBufferPointer { links in
    nodes.withUnsafeMutableBufferPointer { nodes in
      itemTotal.withUnsafeMutableBufferPointer { totals in
        while index < path.count {
          let x = path[index]
          var child: Int32
          if node == 0 {
            child = rootChild[Int(x)]
          } else if usesChildIndex {
            child = lookupChild(parent: node, item: x)
          } else {
            child = nodes[node].firstChild
            while child >= 0 && links[Int(child)].item != x { child = nodes[Int(child)].nextSibling }
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
    }
    // Append the rest as new nodes.
    while index < path.count {
      let x = path[index]
      let child = Int32(nodes.count)
      nodes.append(Node(value: weight, nextSameItem: head[Int(x)], firstChild: -1, nextSibling: nodes[node].firstChild))
      links.append(Link(item: x, parent: Int32(node)))
      nodes[node].firstChild = child
      if node == 0 {
        rootChild[Int(x)] = child
      } else if usesChildIndex {
        indexChild(parent: node, item: x, child: child)
      }
      head[Int(x)] = child
      if !takeMaximum { itemTotal[Int(x)] += weight }
      node = Int(child)
      index += 1
    }
  }

  private static func key(parent: Int, item: Int32) -> UInt64 { UInt64(parent) << 32 | UInt64(UInt32(bitPattern: item)) }

  private static func slot(of key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
  }

  private func lookupChild(parent: Int, item: Int32) -> Int32 {
    let key = Self.key(parent: parent, item: item)
    let mask = childIndex.count - 1
    var slot = Self.slot(of: key, mask: mask)
    while childIndex[slot].generation == generation {
      if childIndex[slot].key == key { return childIndex[slot].child }
      slot = (slot + 1) & mask
    }
    return -1
  }

  private func indexChild(parent: Int, item: Int32, child: Int32) {
    if (indexedChildren + 1) * 2 > childIndex.count { growChildIndex() }
    let key = Self.key(parent: parent, item: item)
    let mask = childIndex.count - 1
    var slot = Self.slot(of: key, mask: mask)
    while childIndex[slot].generation == generation { slot = (slot + 1) & mask }
    childIndex[slot] = ChildSlot(key: key, child: child, generation: generation)
    indexedChildren += 1
  }

  private func growChildIndex() {
    let old = childIndex
    childIndex = Array(repeating: ChildSlot(key: 0, child: -1, generation: 0), count: old.count * 2)
    let mask = childIndex.count - 1
    for entry in old where entry.generation == generation {
      var slot = Self.slot(of: entry.key, mask: mask)
      while childIndex[slot].generation == generation { slot = (slot + 1) & mask }
      childIndex[slot] = entry
    }
  }
}
