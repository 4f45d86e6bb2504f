import Foundation

/// The entry points for frequent-itemset mining: stream to a visitor, count, or materialise.
public enum FrequentItemsetMiner {
  /// Mines `database` and hands every reported itemset to `visitor`. Returns the minimum count
  /// used and, for apriori, its per-level trace.
  @discardableResult
  public static func visit<Visitor: ItemsetVisitor>(
    _ database: TransactionDatabase, options: ItemsetMiningOptions, control: MiningControl = .none,
    visitor: inout Visitor
  ) throws -> (minimumCount: Int, trace: AprioriTrace?) {
    try options.validate()
    let minimumCount = try options.support.minimumCount(basketCount: database.basketCount)
    let ranked = RankedDatabase(database: database, minimumCount: minimumCount, allowedItems: options.allowedItems)
    let reporter = ItemsetReporter(
      visitor: visitor, options: options, basketCount: database.basketCount, minimumCount: minimumCount, control: control)
    var trace: AprioriTrace?
    switch options.algorithm {
    case .fpgrowth:
      var miner = FPGrowth(database: ranked, target: options.target, maxLength: options.maxLength, reporter: reporter)
      try miner.run()
      visitor = miner.reporter.visitor
    case .eclat:
      var miner = Eclat(database: ranked, target: options.target, maxLength: options.maxLength, reporter: reporter)
      try miner.run()
      visitor = miner.reporter.visitor
    case .apriori:
      var miner = Apriori(database: ranked, target: options.target, maxLength: options.maxLength, reporter: reporter)
      try miner.run()
      visitor = miner.reporter.visitor
      trace = miner.trace
    }
    return (minimumCount, trace)
  }

  /// Counts the itemsets (in total and by length) without storing them.
  public static func count(
    _ database: TransactionDatabase, options: ItemsetMiningOptions, control: MiningControl = .none
  ) throws -> ItemsetCounter {
    var counter = ItemsetCounter()
    try visit(database, options: options, control: control, visitor: &counter)
    return counter
  }

  /// Mines and stores the itemsets, ordered by count, length, then items.
  public static func mine(
    _ database: TransactionDatabase, options: ItemsetMiningOptions, control: MiningControl = .none
  ) throws -> FrequentItemsets {
    var collector = ItemsetCollector()
    let (minimumCount, trace) = try visit(database, options: options, control: control, visitor: &collector)
    return FrequentItemsets(
      collector: collector, itemNames: database.itemNames, basketCount: database.basketCount,
      minimumCount: minimumCount, target: options.target, trace: trace)
  }
}
