import Foundation

/// One association rule A → C with the counts its measures derive from.
public struct AssociationRule: Sendable, Hashable {
  /// Antecedent item ids, sorted ascending.
  public let antecedent: [Int32]
  /// Consequent item ids, sorted ascending.
  public let consequent: [Int32]
  /// Baskets containing A ∪ C (the rule's count; its support is count / baskets).
  public let count: Int
  public let antecedentCount: Int
  public let consequentCount: Int
  public let basketCount: Int
  /// Fisher's exact test p-value after Holm's correction, when significance was asked for.
  public let adjustedPValue: Double?

  public func value(_ measure: RuleMeasure) -> Double {
    measure.value(ruleCount: count, antecedentCount: antecedentCount, consequentCount: consequentCount, basketCount: basketCount)
  }

  public var support: Double { value(.support) }
  public var confidence: Double { value(.confidence) }
  public var lift: Double { value(.lift) }
}

/// Mined rules with the item names needed to print them.
///
/// The rules are kept in mining order, as a table — or, past `RuleOptions.keepAtMost` rules,
/// not kept at all: the itemsets they come from are, and the rules are made again when a
/// use needs them all (`save`, `recommend`). Their ranking (by `rankBy`, ties as
/// `RuleRankKey.standard` says, then by item names) is computed when asked for, and only as
/// far as asked; the first and last rows a display shows were found while mining.
public struct AssociationRules: Sendable {
  public let itemNames: [String]
  public let basketCount: Int
  public let minimumCount: Int
  public let rankBy: RuleMeasure
  /// The number of rules.
  public let count: Int
  let storage: Storage
  /// The first and last rules in the order of `keys`, found while mining.
  let preview: Preview?
  /// Per item id, its place in name order (ties between rules fall to the names).
  let nameRanks: [Int32]

  enum Storage: Sendable {
    case table(RuleTable)
    case remade(RuleRemaker)
  }

  struct Preview: Sendable {
    var keys: [RuleRankKey]
    var first: [RuleRecord]
    var last: [RuleRecord]
    /// The rows asked for at each end (there may be fewer rules).
    var head: Int
    var tail: Int
  }

  init(
    itemNames: [String], basketCount: Int, minimumCount: Int, rankBy: RuleMeasure, count: Int, storage: Storage,
    preview: Preview? = nil, nameRanks: [Int32]? = nil
  ) {
    self.itemNames = itemNames
    self.nameRanks = nameRanks ?? RuleOrder.nameRanks(of: itemNames)
    self.basketCount = basketCount
    self.minimumCount = minimumCount
    self.rankBy = rankBy
    self.count = count
    self.storage = storage
    self.preview = preview
  }

  init(itemNames: [String], basketCount: Int, minimumCount: Int, table: RuleTable, rankBy: RuleMeasure, nameRanks: [Int32]? = nil) {
    self.init(
      itemNames: itemNames, basketCount: basketCount, minimumCount: minimumCount, rankBy: rankBy, count: table.count,
      storage: .table(table), nameRanks: nameRanks)
  }

  /// Rules given one by one (any order; they are ranked by `rankBy` when read).
  public init(itemNames: [String], basketCount: Int, minimumCount: Int, rules: [AssociationRule], rankBy: RuleMeasure = .confidence) {
    self.init(itemNames: itemNames, basketCount: basketCount, minimumCount: minimumCount,
      table: RuleTable(rules: rules, basketCount: basketCount), rankBy: rankBy)
  }

  /// The rules in mining order (made again if they were not kept).
  public var table: RuleTable {
    switch storage {
    case .table(let table): return table
    case .remade(let remaker): return remaker.table()
    }
  }

  /// True if the rules are kept, not made again when needed.
  public var isKept: Bool {
    if case .table = storage { return true }
    return false
  }

  var arena: [Int32] {
    switch storage {
    case .table(let table): return table.arena
    case .remade(let remaker): return remaker.arena
    }
  }

  /// The order by `keys` (default: by `rankBy`).
  func order(_ keys: [RuleRankKey]? = nil) -> RuleOrder {
    RuleOrder(keys: keys ?? RuleRankKey.standard(rankBy), nameRanks: nameRanks, arena: arena, basketCount: basketCount)
  }

  /// Every rule, ranked. (This makes every rule's item lists; `ends` finds a few.)
  public var rules: [AssociationRule] {
    let table = table
    return order().all(table).map(table.rule(at:))
  }

  /// The first `head` and the last `tail` rules in the order of `keys`.
  public func ends(keys: [RuleRankKey]? = nil, first head: Int, last tail: Int) -> (first: [AssociationRule], last: [AssociationRule]) {
    let order = order(keys)
    if let preview, preview.keys == order.keys, head <= preview.head, tail <= preview.tail {
      let rule = { RuleTable.rule($0, arena: order.arena, basketCount: basketCount) }
      return (preview.first.prefix(head).map(rule), preview.last.suffix(tail).map(rule))
    }
    switch storage {
    case .table(let table):
      let ends = order.ends(of: table, first: head, last: tail)
      return (ends.first.map(table.rule(at:)), ends.last.map(table.rule(at:)))
    case .remade(let remaker):
      let ends = remaker.ends(order, first: head, last: tail)
      let rule = { RuleTable.rule($0, arena: order.arena, basketCount: basketCount) }
      return (ends.first.map(rule), ends.last.map(rule))
    }
  }

  /// The first `top` rules in the order of `keys`, kept as a table.
  func cut(keys: [RuleRankKey], top: Int) -> AssociationRules {
    let order = order(keys)
    let table: RuleTable
    switch storage {
    case .table(let all):
      table = all.subset(order.ends(of: all, first: top, last: 0).first)
    case .remade(let remaker):
      table = RuleTable(arena: remaker.arena, basketCount: basketCount, records: remaker.ends(order, first: top, last: 0).first)
    }
    return AssociationRules(
      itemNames: itemNames, basketCount: basketCount, minimumCount: minimumCount, table: table, rankBy: rankBy, nameRanks: nameRanks)
  }

  /// Item names of a side of a rule, sorted by name (as `save` writes them).
  public func names(_ items: [Int32]) -> [String] {
    items.sorted { nameRanks[Int($0)] < nameRanks[Int($1)] }.map { itemNames[Int($0)] }
  }
}
