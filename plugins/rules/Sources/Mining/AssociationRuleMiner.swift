import Foundation

/// Makes association rules from frequent itemsets: rule support is the support of antecedent
/// and consequent together (pyfim's mode `o`, mlxtend). Consequents grow level-wise per
/// itemset (Agrawal & Srikant's ap-genrules): a consequent is extended only if all its
/// one-smaller subsets passed the confidence threshold, which is exact because confidence can
/// only fall as the consequent grows. Antecedents are never empty.
public enum AssociationRuleMiner {
  /// Mines the rules, filters, prunes and ranks them as `ruleOptions` says.
  public static func mine(
    _ database: TransactionDatabase, itemsetOptions: ItemsetMiningOptions, ruleOptions: RuleOptions,
    control: MiningControl = .none
  ) throws -> AssociationRules {
    try ruleOptions.validate()
    let (index, minimumCount) = try frequentItemsets(database, itemsetOptions, ruleOptions, control)
    let nameRanks = RuleOrder.nameRanks(of: database.itemNames)
    let order = RuleOrder(
      keys: RuleRankKey.standard(ruleOptions.rankBy), nameRanks: nameRanks, arena: index.arena, basketCount: database.basketCount)
    func result(_ table: RuleTable) -> AssociationRules {
      AssociationRules(
        itemNames: database.itemNames, basketCount: database.basketCount, minimumCount: minimumCount, table: table,
        rankBy: ruleOptions.rankBy, nameRanks: nameRanks)
    }
    guard ruleOptions.pruneRedundant || ruleOptions.significance != nil else {
      // Nothing is judged against the whole set: the best rules (top=), or the rows a display
      // shows, are picked as the rules are made, and past `keepAtMost` the rules are not kept.
      if let top = ruleOptions.top {
        let made = try generate(
          index: index, database: database, options: ruleOptions, control: control, keepAtMost: 0,
          selecting: RuleSelector(order: order, first: top, last: 0))
        return result(RuleTable(arena: index.arena, basketCount: database.basketCount, records: made.selector?.ends().first.map(\.record) ?? []))
      }
      let rows = ruleOptions.previewRows
      let made = try generate(
        index: index, database: database, options: ruleOptions, control: control, keepAtMost: ruleOptions.keepAtMost,
        selecting: RuleSelector(order: order, first: rows.head, last: rows.tail))
      let ends = made.selector?.ends()
      let preview = AssociationRules.Preview(
        keys: order.keys, first: ends?.first.map(\.record) ?? [], last: ends?.last.map(\.record) ?? [], head: rows.head, tail: rows.tail)
      let storage = made.table.map(AssociationRules.Storage.table)
        ?? .remade(RuleRemaker(index: index, database: database, options: ruleOptions))
      return AssociationRules(
        itemNames: database.itemNames, basketCount: database.basketCount, minimumCount: minimumCount, rankBy: ruleOptions.rankBy,
        count: made.count, storage: storage, preview: preview, nameRanks: nameRanks)
    }
    var table = try generate(index: index, database: database, options: ruleOptions, control: control, keepAtMost: Int.max).table
      ?? RuleTable(arena: index.arena, basketCount: database.basketCount)
    if ruleOptions.pruneRedundant { table = try removeRedundant(table, index: index, control: control) }
    if let alpha = ruleOptions.significance { table = keepSignificant(table, alpha: alpha) }
    if let top = ruleOptions.top { table = table.subset(order.ends(of: table, first: top, last: 0).first) }
    return result(table)
  }

  /// Counts the rules meeting confidence, the measure minimums and the item constraints,
  /// without storing them. (`top`, `pruneRedundant` and `significance` need the rules: use
  /// `mine` for those.)
  public static func countRules(
    _ database: TransactionDatabase, itemsetOptions: ItemsetMiningOptions, ruleOptions: RuleOptions,
    control: MiningControl = .none
  ) throws -> Int {
    try ruleOptions.validate()
    let (index, _) = try frequentItemsets(database, itemsetOptions, ruleOptions, control)
    var total = 0
    try generate(index: index, database: database, options: ruleOptions, control: control) { _, _, _, _, _ in
      total += 1
    }
    return total
  }

  /// All frequent itemsets (the full lattice, whatever the target) in an index with the counts
  /// of their subsets. Items that can be on neither side of a rule are left out of the mining.
  private static func frequentItemsets(
    _ database: TransactionDatabase, _ itemsetOptions: ItemsetMiningOptions, _ ruleOptions: RuleOptions,
    _ control: MiningControl
  ) throws -> (ItemsetIndex, Int) {
    var options = itemsetOptions
    options.target = .all
    options.minLength = 1
    options.includeUniversalItemsets = true
    if let antecedent = ruleOptions.antecedentItems, let consequent = ruleOptions.consequentItems {
      let allowed = antecedent.union(consequent)
      options.allowedItems = options.allowedItems.map { $0.intersection(allowed) } ?? allowed
    }
    var builder = ItemsetIndexBuilder(database: database, reportsBranches: options.algorithm != .apriori, maxLength: options.maxLength)
    let (minimumCount, _) = try FrequentItemsetMiner.visit(database, options: options, control: control, visitor: &builder)
    return (try builder.build(control: control), minimumCount)
  }

  /// `emit(position, consequentMask, count, antecedentCount, consequentCount)`: a rule as the
  /// arena position of its itemset and the bit mask of its consequent's positions in it.
  typealias Emit = (Int, UInt64, Int, Int, Int) throws -> Void

  /// Calls `emit` for every rule meeting the confidence, the minimums and the item constraints,
  /// made from the itemsets `entries` of the index (default: all). `itemCounts` (per item, its
  /// baskets) saves chunks of one run counting them again.
  static func generate(
    index: ItemsetIndex, database: TransactionDatabase, options: RuleOptions, control: MiningControl,
    entries: Range<Int>? = nil, itemCounts: [Int]? = nil, emit: Emit
  ) throws {
    let itemCounts = itemCounts ?? database.itemCounts()
    let n = database.basketCount
    let minimums = options.minimums.sorted { $0.key.rawValue < $1.key.rawValue }
    let antecedentAllowed = options.antecedentItems
    let consequentAllowed = options.consequentItems
    let minConfidence = options.minConfidence
    // Local copies of the index's columns: read through the class on every itemset, each
    // access would retain and release the shared buffers, and workers would contend for them.
    let (positions, counts) = (index.positions, index.counts)

    try index.arena.withUnsafeBufferPointer { arena in
     try index.subsetCounts.withUnsafeBufferPointer { subsetCounts in
      func accept(_ position: Int, _ mask: UInt64, _ count: Int, _ countA: Int, _ countC: Int) throws {
        if let antecedentAllowed {
          for offset in 0..<Int(arena[position])
          where !RuleTable.isConsequent(offset, mask) && !antecedentAllowed.contains(arena[position + 1 + offset]) {
            return
          }
        }
        for (measure, threshold) in minimums
        where measure.value(ruleCount: count, antecedentCount: countA, consequentCount: countC, basketCount: n) < threshold {
          return
        }
        try emit(position, mask, count, countA, countC)
      }

      var generator = ConsequentGenerator(index: index, arena: arena)
      for entry in entries ?? 0..<index.count {
        if entry & 4095 == 0, control.isCancelled() { throw MiningError.cancelled }
        let position = positions[entry]
        let length = Int(arena[position])
        guard length >= max(2, options.minRuleLength) else { continue }
        guard length <= RuleTable.longestItemset else {
          throw MiningError.invalidOption(
            "a frequent itemset has \(length) items, and rules are made from itemsets of at most \(RuleTable.longestItemset); try a higher support= or maxlen=")
        }
        let count = Int(counts[entry])
        let largest = min(options.consequentMax ?? (length - 1), length - 1)
        generator.start(position: position)
        for skip in 0..<length {
          let c = arena[position + 1 + skip]
          if let consequentAllowed, !consequentAllowed.contains(c) { continue }
          let countA = subsetCounts[position + 1 + skip]
          guard countA > 0 else { continue }
          guard Double(count) / Double(countA) >= minConfidence else { continue }
          if largest > 1 { generator.keep([skip]) }
          try accept(position, 1 << UInt64(skip), count, Int(countA), itemCounts[Int(c)])
        }
        var size = 1
        while size < largest, generator.advance() {
          size += 1
          for consequent in generator.candidates {
            let (a, cSlice) = generator.split(consequent: consequent)
            guard let countA = generator.count(of: a), let countC = generator.count(of: cSlice) else { continue }
            guard Double(count) / Double(countA) >= minConfidence else { continue }
            generator.keep(consequent)
            try accept(position, consequent.reduce(0) { $0 | 1 << UInt64($1) }, count, countA, countC)
          }
        }
      }
     }
    }
  }

  /// Drops rules that a rule with a proper subset of the antecedent and the same consequent
  /// matches or beats in confidence (compared exactly, by cross-multiplying counts).
  private static func removeRedundant(_ table: RuleTable, index: ItemsetIndex, control: MiningControl) throws -> RuleTable {
    var kept: [Int] = []
    var buffer: [Int32] = []
    var subset: [Int32] = []
    for rule in 0..<table.count {
      if rule & 1023 == 0, control.isCancelled() { throw MiningError.cancelled }
      let a = table.antecedent(of: rule)
      let c = table.consequent(of: rule)
      let (count, countA) = (Int64(table.counts[rule]), Int64(table.antecedentCounts[rule]))
      var redundant = false
      if a.count >= 2 && a.count <= 24 {
        for mask in 1..<((1 << a.count) - 1) {
          subset.removeAll(keepingCapacity: true)
          for (k, item) in a.enumerated() where mask & (1 << k) != 0 { subset.append(item) }
          buffer = subset + c
          guard let union = lookup(index, buffer), let general = lookup(index, subset) else { continue }
          // count(A'∪C)/count(A') ≥ count(A∪C)/count(A)
          if Int64(union) * countA >= count * Int64(general) {
            redundant = true
            break
          }
        }
      }
      if !redundant { kept.append(rule) }
    }
    return table.subset(kept)
  }

  static func lookup(_ index: ItemsetIndex, _ items: [Int32]) -> Int? {
    index.count(of: items).map { Int($0) }
  }

  private static func keepSignificant(_ table: RuleTable, alpha: Double) -> RuleTable {
    let pValues = (0..<table.count).map { rule in
      FisherExactTest.upperTailPValue(
        both: Int(table.counts[rule]), rowTotal: Int(table.antecedentCounts[rule]),
        columnTotal: Int(table.consequentCounts[rule]), total: table.basketCount)
    }
    let adjusted = FisherExactTest.holmAdjusted(pValues)
    let kept = adjusted.indices.filter { adjusted[$0] <= alpha }
    return table.subset(kept).withAdjustedPValues(kept.map { adjusted[$0] })
  }

  /// Orders by `measure` (descending), then confidence, lift, count, then item names; keeps `top`.
  static func ranked(_ rules: [AssociationRule], by measure: RuleMeasure, top: Int?, itemNames: [String]) -> [AssociationRule] {
    let table = RuleTable(rules: rules, basketCount: rules.first?.basketCount ?? 0)
    let order = RuleOrder(
      keys: RuleRankKey.standard(measure), nameRanks: RuleOrder.nameRanks(of: itemNames), arena: table.arena, basketCount: table.basketCount)
    return (top.map { order.ends(of: table, first: $0, last: 0).first } ?? order.all(table)).map(table.rule(at:))
  }
}

/// Per itemset, the consequents (as positions in the itemset) that passed confidence at the
/// current size, and the joins that make the next size's candidates.
private struct ConsequentGenerator {
  let index: ItemsetIndex
  let arena: UnsafeBufferPointer<Int32>
  private(set) var passed: [[Int]] = []
  private(set) var candidates: [[Int]] = []
  private var position = 0
  private var antecedentBuffer: [Int32] = []
  private var consequentBuffer: [Int32] = []

  init(index: ItemsetIndex, arena: UnsafeBufferPointer<Int32>) {
    self.index = index
    self.arena = arena
  }

  /// Starts on the itemset stored at arena `position`.
  mutating func start(position: Int) {
    self.position = position
    passed.removeAll(keepingCapacity: true)
  }

  mutating func keep(_ consequent: [Int]) { passed.append(consequent) }

  /// Makes the next size's candidates from the passed consequents; false if there are none.
  mutating func advance() -> Bool {
    let previous = passed.sorted { $0.lexicographicallyPrecedes($1) }
    let known = Set(previous)
    passed.removeAll(keepingCapacity: true)
    candidates.removeAll(keepingCapacity: true)
    for x in 0..<previous.count {
      for y in (x + 1)..<max(x + 1, previous.count) {
        guard previous[x].dropLast() == previous[y].dropLast() else { break }
        let candidate = previous[x] + [previous[y][previous[y].count - 1]]
        var allKnown = true
        for skip in 0..<(candidate.count - 2) {
          var subset = candidate
          subset.remove(at: skip)
          if !known.contains(subset) { allKnown = false; break }
        }
        if allKnown { candidates.append(candidate) }
      }
    }
    return !candidates.isEmpty
  }

  /// The antecedent and consequent items for consequent positions (ascending).
  mutating func split(consequent: [Int]) -> (ArraySlice<Int32>, ArraySlice<Int32>) {
    let length = Int(arena[position])
    antecedentBuffer.removeAll(keepingCapacity: true)
    consequentBuffer.removeAll(keepingCapacity: true)
    var next = 0
    for index in 0..<length {
      let item = arena[position + 1 + index]
      if next < consequent.count && consequent[next] == index {
        consequentBuffer.append(item)
        next += 1
      } else {
        antecedentBuffer.append(item)
      }
    }
    return (antecedentBuffer[...], consequentBuffer[...])
  }

  func count(of items: ArraySlice<Int32>) -> Int? {
    index.count(of: items).map { Int($0) }
  }
}
