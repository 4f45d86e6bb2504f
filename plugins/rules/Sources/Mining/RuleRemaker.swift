import Foundation

/// Makes the rules of a finished mining run again: they were too many to keep, and only the
/// itemset index they come from is. Immutable once made; copies of a value share it.
final class RuleRemaker: @unchecked Sendable {
  private let index: ItemsetIndex
  private let database: TransactionDatabase
  private let options: RuleOptions

  init(index: ItemsetIndex, database: TransactionDatabase, options: RuleOptions) {
    self.index = index
    self.database = database
    var options = options
    // The run already stayed within the limit; making the rules again cannot cross it.
    options.limit = nil
    self.options = options
  }

  var arena: [Int32] { index.arena }

  /// Every rule, in mining order.
  func table() -> RuleTable {
    // Not cancellable and without a limit, generation cannot fail; an empty table stands for
    // the impossible.
    let made = try? AssociationRuleMiner.generate(index: index, database: database, options: options, control: .none, keepAtMost: Int.max)
    return made?.table ?? RuleTable(arena: index.arena, basketCount: database.basketCount)
  }

  /// The first `head` and last `tail` rules under `order`, in one pass that keeps no others.
  func ends(_ order: RuleOrder, first head: Int, last tail: Int) -> (first: [RuleRecord], last: [RuleRecord]) {
    let made = try? AssociationRuleMiner.generate(
      index: index, database: database, options: options, control: .none, keepAtMost: 0,
      selecting: RuleSelector(order: order, first: head, last: tail))
    let ends = made?.selector?.ends()
    return (ends?.first.map(\.record) ?? [], ends?.last.map(\.record) ?? [])
  }
}
