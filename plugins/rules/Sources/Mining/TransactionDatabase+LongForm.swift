import Foundation

extension TransactionDatabase {
  /// A database from long-form order lines: one (basket key, item name) pair per line, in any
  /// order. Lines with the same key form one basket; baskets keep the order in which their keys
  /// first appear, items get ids in order of first appearance. Repeated lines (or quantities
  /// spread over several lines) count the item once.
  public init<Keys: Sequence, Items: Sequence>(keys: Keys, items: Items)
  where Keys.Element == String, Items.Element == String {
    var basketOfKey: [String: Int32] = [:]
    var basketIndex: [Int32] = []
    var itemIDs: [Int32] = []
    var builder = Builder()
    var keyIterator = keys.makeIterator()
    for name in items {
      guard let key = keyIterator.next() else {
        preconditionFailure("TransactionDatabase(keys:items:) needs as many keys as items")
      }
      let basket: Int32
      if let known = basketOfKey[key] {
        basket = known
      } else {
        basket = Int32(basketOfKey.count)
        basketOfKey[key] = basket
      }
      basketIndex.append(basket)
      itemIDs.append(builder.id(for: name))
    }
    precondition(keyIterator.next() == nil, "TransactionDatabase(keys:items:) needs as many keys as items")
    self.init(groupingLines: basketIndex, itemIDs: itemIDs, basketCount: basketOfKey.count, itemNames: builder.build().itemNames)
  }

  /// Groups line `i` (item `itemIDs[i]`) into basket `basketIndex[i]` with a counting sort.
  private init(groupingLines basketIndex: [Int32], itemIDs: [Int32], basketCount: Int, itemNames: [String]) {
    var offsets = [Int](repeating: 0, count: basketCount + 1)
    for basket in basketIndex { offsets[Int(basket) + 1] += 1 }
    for b in 0..<basketCount { offsets[b + 1] += offsets[b] }
    var cursor = offsets
    var grouped = [Int32](repeating: 0, count: itemIDs.count)
    for (line, basket) in basketIndex.enumerated() {
      grouped[cursor[Int(basket)]] = itemIDs[line]
      cursor[Int(basket)] += 1
    }
    // Sort and de-duplicate each basket, compacting as we go.
    var flat: [Int32] = []
    flat.reserveCapacity(grouped.count)
    var newOffsets = [0]
    newOffsets.reserveCapacity(basketCount + 1)
    for b in 0..<basketCount {
      let start = flat.count
      flat.append(contentsOf: grouped[offsets[b]..<offsets[b + 1]])
      let end = TransactionDatabase.sortUnique(&flat, from: start)
      flat.removeLast(flat.count - end)
      newOffsets.append(flat.count)
    }
    self.init(itemNames: itemNames, flatItems: flat, offsets: newOffsets)
  }
}
