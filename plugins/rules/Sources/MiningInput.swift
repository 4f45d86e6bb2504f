import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

/// Reading the inputs and options the mining commands share.
enum MiningInput {
  /// The transactions as the miners' database (same item ids: Values.Transactions already
  /// stores baskets sorted and without repeated items).
  static func database(_ invocation: Invocation) throws -> TransactionDatabase {
    let transactions = try invocation.input(0, as: Transactions.self, expecting: "transactions (load … transactions id=COL item=COL)")
    guard transactions.basketCount > 0 else {
      throw RuntimeError("the transactions hold no baskets, so there is nothing to mine").focused(on: .input(0))
    }
    return TransactionDatabase(itemNames: transactions.itemNames, flatItems: transactions.items, offsets: transactions.offsets)
  }

  /// support=: a fraction below 1 (or a percent literal), or a whole count of baskets.
  static func support(_ invocation: Invocation) throws -> SupportThreshold {
    guard let option = invocation.optionValue("support") else {
      throw invocation.optionError("support", "mine needs support=", hint: supportHint)
    }
    switch option {
    case .integer(let count): return .count(count)
    case .number(let value, let isPercent):
      if isPercent { return .percent(value * 100) }
      if value >= 1, value == value.rounded() { return .count(Int(value)) }
      return .fraction(value)
    default:
      throw invocation.optionError("support", "support= needs a number, not \(option.sourceText)", hint: supportHint)
    }
  }

  static let supportHint = "a fraction (support=0.01), a percent (support=1%) or a count of baskets (support=30)"

  /// The itemset options shared by both mine commands, checked.
  static func itemsetOptions(_ invocation: Invocation, database: TransactionDatabase) throws -> ItemsetMiningOptions {
    let support = try support(invocation)
    do {
      _ = try support.minimumCount(basketCount: database.basketCount)
    } catch let error as MiningError {
      throw invocation.optionError("support", error.description, hint: supportHint)
    }
    let minimum = try invocation.integer("minlen") ?? 1
    if minimum < 1 { throw invocation.optionError("minlen", "minlen= must be at least 1, not \(minimum)") }
    let maximum = try invocation.integer("maxlen")
    if let maximum, maximum < minimum {
      throw invocation.optionError("maxlen", "maxlen=\(maximum) is below minlen=\(minimum)")
    }
    let limit = try invocation.integer("limit") ?? ItemsetMiningOptions.defaultLimit
    if limit < 1 { throw invocation.optionError("limit", "limit= must be at least 1, not \(limit)") }
    let algorithm = MiningAlgorithm(rawValue: try invocation.keyword("algorithm") ?? "fpgrowth") ?? .fpgrowth
    return ItemsetMiningOptions(support: support, algorithm: algorithm, minLength: minimum, maxLength: maximum, limit: limit)
  }

  /// Item names given in a list option, as item ids; an unknown name is an error with the
  /// nearest known name.
  static func items(_ invocation: Invocation, option: String, database: TransactionDatabase) throws -> Set<Int32>? {
    guard let names = try invocation.strings(option) else { return nil }
    var idOfName: [String: Int32] = [:]
    for (id, name) in database.itemNames.enumerated() { idOfName[name] = Int32(id) }
    var ids = Set<Int32>()
    for name in names {
      guard let id = idOfName[name] else {
        throw invocation.optionError(option, "no basket holds the item '\(name)'",
          hint: Suggestions.didYouMean(name, among: database.itemNames) ?? "items are named as in the data, e.g. \(database.itemNames.prefix(3).map { "\"\($0)\"" }.joined(separator: ", "))")
      }
      ids.insert(id)
    }
    return ids
  }

  /// Runs a miner, turning its errors into messages that point at the right option.
  static func mining<T>(_ invocation: Invocation, _ body: (MiningControl) throws -> T) throws -> T {
    let cancellation = invocation.context.cancellation
    let control = MiningControl(isCancelled: { cancellation.isCancelled })
    do {
      return try body(control)
    } catch let error as MiningError {
      if error.isCancelled { throw CancellationError() }
      if error.isLimitExceeded { throw invocation.optionError("limit", error.description) }
      throw RuntimeError(error.description)
    }
  }
}
