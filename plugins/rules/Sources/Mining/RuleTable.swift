import Foundation

/// Association rules stored column by column, in the order they were mined.
///
/// A rule A → C is a frequent itemset A ∪ C (its position in an arena of `[length, items…]`,
/// items in the order the itemsets were made) and a bit mask of the positions in it that form
/// C. A rule costs 24 bytes
/// and no allocation, so millions of them are cheap to keep; item lists are made only for
/// the rules that are shown, saved or compared by name.
public struct RuleTable: Sendable {
  /// The itemsets rules are made from, each as `[length, items…]`.
  let arena: [Int32]
  private(set) var positions: [UInt32] = []
  private(set) var consequentMasks: [UInt64] = []
  private(set) var counts: [Int32] = []
  private(set) var antecedentCounts: [Int32] = []
  private(set) var consequentCounts: [Int32] = []
  /// Fisher's exact test p-values after Holm's correction, when significance was asked for.
  private(set) var adjustedPValues: [Double]?
  public let basketCount: Int

  /// Itemsets longer than this cannot carry a consequent mask. (Such an itemset has 2⁶⁴
  /// frequent subsets, so no run that finishes meets one.)
  static let longestItemset = 64

  init(arena: [Int32], basketCount: Int) {
    self.arena = arena
    self.basketCount = basketCount
  }

  /// A table of explicit rules (tests, and callers holding `AssociationRule`s).
  public init(rules: [AssociationRule], basketCount: Int) {
    var arena: [Int32] = []
    var masks: [UInt64] = []
    for rule in rules {
      let items = (rule.antecedent + rule.consequent).sorted()
      arena.append(Int32(items.count))
      arena.append(contentsOf: items)
      var mask: UInt64 = 0
      for (index, item) in items.enumerated() where rule.consequent.contains(item) && index < Self.longestItemset {
        mask |= 1 << UInt64(index)
      }
      masks.append(mask)
    }
    self.init(arena: arena, basketCount: basketCount)
    var position = 0
    for (rule, mask) in zip(rules, masks) {
      append(position: position, consequent: mask, count: rule.count, antecedentCount: rule.antecedentCount,
        consequentCount: rule.consequentCount)
      position += 1 + Int(arena[position])
    }
    if rules.contains(where: { $0.adjustedPValue != nil }) { adjustedPValues = rules.map { $0.adjustedPValue ?? 1 } }
  }

  public var count: Int { positions.count }

  /// The rules `records`, made from the itemsets of `arena`.
  init(arena: [Int32], basketCount: Int, records: [RuleRecord]) {
    self.init(arena: arena, basketCount: basketCount)
    reserve(records.count)
    for record in records { append(record) }
  }

  func record(at rule: Int) -> RuleRecord {
    RuleRecord(
      position: positions[rule], consequent: consequentMasks[rule], count: counts[rule],
      antecedentCount: antecedentCounts[rule], consequentCount: consequentCounts[rule])
  }

  mutating func append(_ record: RuleRecord) {
    positions.append(record.position)
    consequentMasks.append(record.consequent)
    counts.append(record.count)
    antecedentCounts.append(record.antecedentCount)
    consequentCounts.append(record.consequentCount)
  }

  /// Reserves room for `capacity` rules. Large reservations are address space, mapped only
  /// as rules arrive, and save the copies of growing millions of rules step by step.
  mutating func reserve(_ capacity: Int) {
    positions.reserveCapacity(capacity)
    consequentMasks.reserveCapacity(capacity)
    counts.reserveCapacity(capacity)
    antecedentCounts.reserveCapacity(capacity)
    consequentCounts.reserveCapacity(capacity)
  }

  mutating func append(position: Int, consequent mask: UInt64, count: Int, antecedentCount: Int, consequentCount: Int) {
    append(RuleRecord(position: position, consequent: mask, count: count, antecedentCount: antecedentCount, consequentCount: consequentCount))
  }

  /// Adds the rules of `other`, made from the same itemsets.
  mutating func append(contentsOf other: RuleTable) {
    positions.append(contentsOf: other.positions)
    consequentMasks.append(contentsOf: other.consequentMasks)
    counts.append(contentsOf: other.counts)
    antecedentCounts.append(contentsOf: other.antecedentCounts)
    consequentCounts.append(contentsOf: other.consequentCounts)
  }

  /// The rules at `rules` (any order, repeats allowed), with their p-values if any.
  func subset<Rules: Collection>(_ rules: Rules) -> RuleTable where Rules.Element == Int {
    var table = RuleTable(arena: arena, basketCount: basketCount)
    table.positions = rules.map { positions[$0] }
    table.consequentMasks = rules.map { consequentMasks[$0] }
    table.counts = rules.map { counts[$0] }
    table.antecedentCounts = rules.map { antecedentCounts[$0] }
    table.consequentCounts = rules.map { consequentCounts[$0] }
    table.adjustedPValues = adjustedPValues.map { values in rules.map { values[$0] } }
    return table
  }

  /// The same rules with these p-values (one per rule).
  func withAdjustedPValues(_ values: [Double]) -> RuleTable {
    var table = self
    table.adjustedPValues = values
    return table
  }

  public func value(_ measure: RuleMeasure, of rule: Int) -> Double {
    measure.value(ruleCount: Int(counts[rule]), antecedentCount: Int(antecedentCounts[rule]),
      consequentCount: Int(consequentCounts[rule]), basketCount: basketCount)
  }

  /// The items of a rule's itemset, and the mask of its consequent.
  func itemset(of rule: Int) -> (items: ArraySlice<Int32>, consequent: UInt64) {
    let position = Int(positions[rule])
    return (arena[(position + 1)..<(position + 1 + Int(arena[position]))], consequentMasks[rule])
  }

  /// The antecedent's item ids, ascending.
  public func antecedent(of rule: Int) -> [Int32] { side(of: rule, consequent: false) }
  /// The consequent's item ids, ascending.
  public func consequent(of rule: Int) -> [Int32] { side(of: rule, consequent: true) }

  private func side(of rule: Int, consequent: Bool) -> [Int32] {
    let (items, mask) = itemset(of: rule)
    var result: [Int32] = []
    for (offset, item) in items.enumerated() where Self.isConsequent(offset, mask) == consequent { result.append(item) }
    return result.sorted()
  }

  @inline(__always) static func isConsequent(_ offset: Int, _ mask: UInt64) -> Bool {
    offset < longestItemset && mask & (1 << UInt64(offset)) != 0
  }

  /// Rule `rule` as a value with its own item lists.
  public func rule(at rule: Int) -> AssociationRule {
    Self.rule(record(at: rule), arena: arena, basketCount: basketCount, adjustedPValue: adjustedPValues?[rule])
  }

  /// A record as a value with its own item lists.
  static func rule(_ record: RuleRecord, arena: [Int32], basketCount: Int, adjustedPValue: Double? = nil) -> AssociationRule {
    let position = Int(record.position)
    var antecedent: [Int32] = []
    var consequent: [Int32] = []
    for offset in 0..<Int(arena[position]) {
      let item = arena[position + 1 + offset]
      if isConsequent(offset, record.consequent) { consequent.append(item) } else { antecedent.append(item) }
    }
    return AssociationRule(
      antecedent: antecedent.sorted(), consequent: consequent.sorted(), count: Int(record.count), antecedentCount: Int(record.antecedentCount),
      consequentCount: Int(record.consequentCount), basketCount: basketCount, adjustedPValue: adjustedPValue)
  }
}

/// One rule as the miner makes it: the arena position of its itemset, the bit mask of the
/// positions in it that form the consequent, and the counts of the whole rule, its
/// antecedent and its consequent.
struct RuleRecord: Sendable, Equatable {
  var position: UInt32
  var consequent: UInt64
  var count: Int32
  var antecedentCount: Int32
  var consequentCount: Int32

  init(position: UInt32, consequent: UInt64, count: Int32, antecedentCount: Int32, consequentCount: Int32) {
    self.position = position
    self.consequent = consequent
    self.count = count
    self.antecedentCount = antecedentCount
    self.consequentCount = consequentCount
  }

  init(position: Int, consequent: UInt64, count: Int, antecedentCount: Int, consequentCount: Int) {
    self.init(
      position: UInt32(truncatingIfNeeded: position), consequent: consequent, count: Int32(clamping: count),
      antecedentCount: Int32(clamping: antecedentCount), consequentCount: Int32(clamping: consequentCount))
  }

  @inline(__always) func value(_ measure: RuleMeasure, basketCount: Int) -> Double {
    measure.value(
      ruleCount: Int(count), antecedentCount: Int(antecedentCount), consequentCount: Int(consequentCount), basketCount: basketCount)
  }
}
