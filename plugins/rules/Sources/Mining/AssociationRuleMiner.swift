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
    let limit = ruleOptions.limit ?? Int.max
    var rules: [AssociationRule] = []
    try generate(index: index, database: database, options: ruleOptions, control: control) { a, c, count, countA, countC in
      guard rules.count < limit else {
        throw MiningError.limitExceeded(
          limit: limit, what: "rules",
          suggestion: "try a higher confidence= or support=, a measure filter such as lift=1.5, or a higher limit=")
      }
      rules.append(
        AssociationRule(
          antecedent: Array(a), consequent: Array(c), count: count, antecedentCount: countA, consequentCount: countC,
          basketCount: database.basketCount, adjustedPValue: nil))
    }
    if ruleOptions.pruneRedundant { rules = try removeRedundant(rules, index: index, control: control) }
    if let alpha = ruleOptions.significance { rules = keepSignificant(rules, alpha: alpha) }
    rules = ranked(rules, by: ruleOptions.rankBy, top: ruleOptions.top, itemNames: database.itemNames)
    return AssociationRules(itemNames: database.itemNames, basketCount: database.basketCount, minimumCount: minimumCount, rules: rules)
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
    try generate(index: index, database: database, options: ruleOptions, control: control, needsItems: false) { _, _, _, _, _ in
      total += 1
    }
    return total
  }

  /// All frequent itemsets (the full lattice, whatever the target) in a hash index. Items that
  /// can be on neither side of a rule are left out of the mining.
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
    var builder = ItemsetIndexBuilder(index: ItemsetIndex())
    let (minimumCount, _) = try FrequentItemsetMiner.visit(database, options: options, control: control, visitor: &builder)
    builder.index.finish()
    return (builder.index, minimumCount)
  }

  typealias Emit = (ArraySlice<Int32>, ArraySlice<Int32>, Int, Int, Int) throws -> Void

  /// Calls `emit(antecedent, consequent, count, antecedentCount, consequentCount)` for every
  /// rule meeting the confidence, the minimums and the item constraints. With `needsItems`
  /// false (counting without an antecedent constraint) the item slices passed are empty.
  private static func generate(
    index: ItemsetIndex, database: TransactionDatabase, options: RuleOptions, control: MiningControl,
    needsItems: Bool = true, emit: Emit
  ) throws {
    let itemCounts = database.itemCounts()
    let n = database.basketCount
    let minimums = options.minimums.sorted { $0.key.rawValue < $1.key.rawValue }
    let antecedentAllowed = options.antecedentItems
    let consequentAllowed = options.consequentItems
    let buildItems = needsItems || antecedentAllowed != nil
    let minConfidence = options.minConfidence

    func accept(_ a: ArraySlice<Int32>, _ c: ArraySlice<Int32>, _ count: Int, _ countA: Int, _ countC: Int) throws {
      if let antecedentAllowed, !a.allSatisfy(antecedentAllowed.contains) { return }
      for (measure, threshold) in minimums
      where measure.value(ruleCount: count, antecedentCount: countA, consequentCount: countC, basketCount: n) < threshold {
        return
      }
      try emit(a, c, count, countA, countC)
    }

    try index.withLookup { lookup in
      var generator = ConsequentGenerator(lookup: lookup)
      var subsetCounts: [Int32] = []
      let empty: ArraySlice<Int32> = []
      for entry in 0..<index.count {
        if entry & 4095 == 0, control.isCancelled() { throw MiningError.cancelled }
        let position = index.positions[entry]
        let length = Int(lookup.arena[position])
        guard length >= max(2, options.minRuleLength) else { continue }
        let count = Int(index.counts[entry])
        let hash = index.hashes[entry]
        let largest = min(options.consequentMax ?? (length - 1), length - 1)
        generator.start(position: position)
        if subsetCounts.count < length { subsetCounts = Array(repeating: 0, count: length) }
        let perfect = index.perfectPositions[entry]
        subsetCounts.withUnsafeMutableBufferPointer {
          lookup.countsWithoutEach(position: position, hash: hash, perfect: perfect, count: Int32(count), into: $0)
        }
        for skip in 0..<length {
          let c = lookup.arena[position + 1 + skip]
          if let consequentAllowed, !consequentAllowed.contains(c) { continue }
          let countA = subsetCounts[skip]
          guard countA > 0 else { continue }
          guard Double(count) / Double(countA) >= minConfidence else { continue }
          if largest > 1 { generator.keep([skip]) }
          if buildItems {
            let (a, cSlice) = generator.split(consequent: [skip])
            try accept(a, cSlice, count, Int(countA), itemCounts[Int(c)])
          } else {
            try accept(empty, empty, count, Int(countA), itemCounts[Int(c)])
          }
        }
        var size = 1
        while size < largest, generator.advance() {
          size += 1
          for consequent in generator.candidates {
            let (a, cSlice) = generator.split(consequent: consequent)
            guard let countA = generator.count(of: a), let countC = generator.count(of: cSlice) else { continue }
            guard Double(count) / Double(countA) >= minConfidence else { continue }
            generator.keep(consequent)
            try accept(a, cSlice, count, countA, countC)
          }
        }
      }
    }
  }

  /// Drops rules that a rule with a proper subset of the antecedent and the same consequent
  /// matches or beats in confidence (compared exactly, by cross-multiplying counts).
  private static func removeRedundant(_ rules: [AssociationRule], index: ItemsetIndex, control: MiningControl) throws -> [AssociationRule] {
    var kept: [AssociationRule] = []
    var buffer: [Int32] = []
    var subset: [Int32] = []
    for (number, rule) in rules.enumerated() {
      if number & 1023 == 0, control.isCancelled() { throw MiningError.cancelled }
      let a = rule.antecedent
      var redundant = false
      if a.count >= 2 && a.count <= 24 {
        for mask in 1..<((1 << a.count) - 1) {
          subset.removeAll(keepingCapacity: true)
          for (k, item) in a.enumerated() where mask & (1 << k) != 0 { subset.append(item) }
          buffer = (subset + rule.consequent).sorted()
          guard let union = lookup(index, buffer), let general = lookup(index, subset) else { continue }
          // count(A'∪C)/count(A') ≥ count(A∪C)/count(A)
          if Int64(union) * Int64(rule.antecedentCount) >= Int64(rule.count) * Int64(general) {
            redundant = true
            break
          }
        }
      }
      if !redundant { kept.append(rule) }
    }
    return kept
  }

  static func lookup(_ index: ItemsetIndex, _ sorted: [Int32]) -> Int? {
    index.withLookup { lookup in
      sorted.withUnsafeBufferPointer { buffer in
        lookup.count(of: buffer, hash: ItemsetIndex.hash(buffer)).map { Int($0) }
      }
    }
  }

  private static func keepSignificant(_ rules: [AssociationRule], alpha: Double) -> [AssociationRule] {
    let pValues = rules.map {
      FisherExactTest.upperTailPValue(
        both: $0.count, rowTotal: $0.antecedentCount, columnTotal: $0.consequentCount, total: $0.basketCount)
    }
    let adjusted = FisherExactTest.holmAdjusted(pValues)
    return zip(rules, adjusted).compactMap { rule, p in
      p <= alpha
        ? AssociationRule(
          antecedent: rule.antecedent, consequent: rule.consequent, count: rule.count,
          antecedentCount: rule.antecedentCount, consequentCount: rule.consequentCount, basketCount: rule.basketCount,
          adjustedPValue: p)
        : nil
    }
  }

  /// Orders by `measure` (descending), then confidence, lift, count, then item names; keeps `top`.
  static func ranked(_ rules: [AssociationRule], by measure: RuleMeasure, top: Int?, itemNames: [String]) -> [AssociationRule] {
    let keys = rules.map { ($0.value(measure), $0.confidence, $0.lift, $0.count) }
    // Ties fall back to the item names, compared as sorted lists. Names are unique, so each
    // item's rank in name order stands for its name: the lists become sorted rank lists, made
    // once per rule into flat arrays (comparing strings, or making arrays, inside the sort's
    // comparisons took most of the time when millions of rules tie on every measure).
    var nameRank = [Int32](repeating: 0, count: itemNames.count)
    for (rank, item) in itemNames.indices.sorted(by: { itemNames[$0] < itemNames[$1] }).enumerated() { nameRank[item] = Int32(rank) }
    func flatten(_ side: (AssociationRule) -> [Int32]) -> (ranks: [Int32], starts: [Int]) {
      var ranks: [Int32] = []
      var starts = [0]
      starts.reserveCapacity(rules.count + 1)
      for rule in rules {
        let first = ranks.count
        for item in side(rule) { ranks.append(nameRank[Int(item)]) }
        ranks[first...].sort()
        starts.append(ranks.count)
      }
      return (ranks, starts)
    }
    let antecedents = flatten(\.antecedent)
    let consequents = flatten(\.consequent)
    let compare = RankedDatabase.compare
    let order = antecedents.ranks.withUnsafeBufferPointer { aRanks in
      antecedents.starts.withUnsafeBufferPointer { aStarts in
        consequents.ranks.withUnsafeBufferPointer { cRanks in
          consequents.starts.withUnsafeBufferPointer { cStarts in
            keys.withUnsafeBufferPointer { keys in
              rules.indices.sorted { x, y in
                let a = keys[x]
                let b = keys[y]
                if a.0 != b.0 { return a.0 > b.0 }
                if a.1 != b.1 { return a.1 > b.1 }
                if a.2 != b.2 { return a.2 > b.2 }
                if a.3 != b.3 { return a.3 > b.3 }
                let antecedent = compare(aRanks, aStarts, x, y)
                return antecedent != 0 ? antecedent < 0 : compare(cRanks, cStarts, x, y) < 0
              }
            }
          }
        }
      }
    }
    let kept = top.map { Array(order.prefix($0)) } ?? order
    return kept.map { rules[$0] }
  }
}

/// Per itemset, the consequents (as positions in the itemset) that passed confidence at the
/// current size, and the joins that make the next size's candidates.
private struct ConsequentGenerator {
  let lookup: ItemsetIndex.Lookup
  private(set) var passed: [[Int]] = []
  private(set) var candidates: [[Int]] = []
  private var position = 0
  private var antecedentBuffer: [Int32] = []
  private var consequentBuffer: [Int32] = []

  init(lookup: ItemsetIndex.Lookup) { self.lookup = lookup }

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
    let length = Int(lookup.arena[position])
    antecedentBuffer.removeAll(keepingCapacity: true)
    consequentBuffer.removeAll(keepingCapacity: true)
    var next = 0
    for index in 0..<length {
      let item = lookup.arena[position + 1 + index]
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
    items.withUnsafeBufferPointer { buffer in
      lookup.count(of: buffer, hash: ItemsetIndex.hash(buffer)).map { Int($0) }
    }
  }
}
