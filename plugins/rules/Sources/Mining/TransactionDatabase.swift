import Foundation
import TrendCastValues

/// A set of baskets over named items, stored compactly.
///
/// Items get dense `Int32` ids in order of first appearance; `itemNames[id]` is the name.
/// Baskets are stored in CSR form: one flat array of item ids plus offsets, each basket's ids
/// sorted and de-duplicated (an item bought twice in one basket counts once, as in pyfim).
public struct TransactionDatabase: Sendable {
  /// Item names, indexed by item id.
  public let itemNames: [String]
  /// All baskets' item ids, basket after basket.
  public let flatItems: [Int32]
  /// `offsets[b]..<offsets[b + 1]` is basket `b` in `flatItems`; `offsets.count == basketCount + 1`.
  public let offsets: [Int]

  public var basketCount: Int { offsets.count - 1 }
  public var itemCount: Int { itemNames.count }

  /// Builds a database from already de-duplicated, sorted baskets. Internal: the readers and
  /// builders below guarantee the invariants.
  init(itemNames: [String], flatItems: [Int32], offsets: [Int]) {
    self.itemNames = itemNames
    self.flatItems = flatItems
    self.offsets = offsets
  }

  /// A database from baskets given as lists of item names (duplicates within a basket count once).
  public init<Baskets: Sequence>(baskets: Baskets) where Baskets.Element: Sequence, Baskets.Element.Element == String {
    var builder = Builder()
    for basket in baskets { builder.addBasket(basket) }
    self = builder.build()
  }

  /// The item ids of basket `index`, sorted ascending.
  public func basket(_ index: Int) -> ArraySlice<Int32> {
    flatItems[offsets[index]..<offsets[index + 1]]
  }

  /// The number of baskets that contain each item, indexed by item id.
  public func itemCounts() -> [Int] {
    var counts = [Int](repeating: 0, count: itemCount)
    for item in flatItems { counts[Int(item)] += 1 }
    return counts
  }

  /// The id of the item with this name, if it occurs.
  public func itemID(named name: String) -> Int32? {
    nameIndex[name]
  }

  /// The ids of these item names; throws `unknownItem` for a name that never occurs.
  public func itemIDs<Names: Sequence>(named names: Names) throws -> [Int32] where Names.Element == String {
    let index = nameIndex
    return try names.map { name in
      guard let id = index[name] else { throw MiningError.unknownItem(name) }
      return id
    }
  }

  /// Names of these item ids, in the given order.
  public func names<IDs: Sequence>(of ids: IDs) -> [String] where IDs.Element == Int32 {
    ids.map { itemNames[Int($0)] }
  }

  private var nameIndex: [String: Int32] {
    var index = [String: Int32](minimumCapacity: itemCount)
    for (id, name) in itemNames.enumerated() { index[name] = Int32(id) }
    return index
  }
}

extension TransactionDatabase {
  /// Collects baskets one at a time, mapping names to ids as they first appear.
  public struct Builder {
    private var ids: [String: Int32] = [:]
    private var names: [String] = []
    private var flatItems: [Int32] = []
    private var offsets: [Int] = [0]

    public init() {}

    /// The id of `name`, assigning the next free id on first sight.
    public mutating func id(for name: String) -> Int32 {
      if let id = ids[name] { return id }
      let id = Int32(names.count)
      ids[name] = id
      names.append(name)
      return id
    }

    /// Adds one basket of item names.
    public mutating func addBasket<Names: Sequence>(_ basket: Names) where Names.Element == String {
      let start = flatItems.count
      for name in basket { flatItems.append(id(for: name)) }
      closeBasket(from: start)
    }

    /// Adds one basket of ids previously returned by `id(for:)`.
    public mutating func addBasket(ids basket: [Int32]) {
      let start = flatItems.count
      flatItems.append(contentsOf: basket)
      closeBasket(from: start)
    }

    private mutating func closeBasket(from start: Int) {
      let end = TransactionDatabase.sortUnique(&flatItems, from: start)
      flatItems.removeLast(flatItems.count - end)
      offsets.append(flatItems.count)
    }

    public func build() -> TransactionDatabase {
      TransactionDatabase(itemNames: names, flatItems: flatItems, offsets: offsets)
    }
  }

  /// Sorts `items[start...]` and removes duplicates in place; returns the new end index.
  static func sortUnique(_ items: inout [Int32], from start: Int) -> Int { ItemLists.sortUnique(&items, from: start) }
}
