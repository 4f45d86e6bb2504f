import Foundation
import Testing

@testable import TrendCastRulesPlugin

/// Locations and loaders shared by the rules tests.
enum Reference {
  /// Tests/Reference at the repository root, found from this file's path (CI runs on a clean
  /// clone where /work/shared may not exist).
  static let directory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tests/Reference")

  static func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

  static func json(_ relative: String) throws -> [String: Any] {
    let data = try Data(contentsOf: directory.appendingPathComponent(relative))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// baskets_small.csv (long form `order_id,sku`) as a database.
  static func basketsSmall() throws -> TransactionDatabase {
    let text = try String(contentsOfFile: path("data/baskets_small.csv"), encoding: .utf8)
    var keys: [String] = []
    var items: [String] = []
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",")
      guard fields.count == 2 else { continue }
      keys.append(String(fields[0]))
      items.append(String(fields[1]).trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return TransactionDatabase(keys: keys, items: items)
  }

  /// The reference files write SKU0072 as 72.
  static func skuNumber(_ name: String) -> Int { Int(name.dropFirst(3)) ?? -1 }
}

/// A small deterministic PRNG (SplitMix64) so property tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A random basket database with item-specific densities (some items in nearly every basket,
/// so perfect extensions, universal items and long itemsets all occur).
func randomDatabase(seed: UInt64, maxBaskets: Int = 40, maxItems: Int = 10) -> TransactionDatabase {
  var rng = SplitMix64(seed: seed)
  let basketCount = Int.random(in: 1...maxBaskets, using: &rng)
  let itemCount = Int.random(in: 1...maxItems, using: &rng)
  let density = (0..<itemCount).map { _ in [0.1, 0.3, 0.6, 0.9, 1.0].randomElement(using: &rng) ?? 0.5 }
  var baskets: [[String]] = []
  for _ in 0..<basketCount {
    var basket: [String] = []
    for item in 0..<itemCount where Double.random(in: 0..<1, using: &rng) < density[item] { basket.append("i\(item)") }
    baskets.append(basket)
  }
  return TransactionDatabase(baskets: baskets)
}

/// Every itemset of the database with its count, by enumerating subsets (small data only).
func bruteForceCounts(_ database: TransactionDatabase) -> [[Int32]: Int] {
  let items = database.itemCount
  precondition(items <= 16, "brute force is for small item counts")
  var counts: [[Int32]: Int] = [:]
  for mask in 1..<(1 << items) {
    let set = (0..<items).filter { mask & (1 << $0) != 0 }.map { Int32($0) }
    var count = 0
    for b in 0..<database.basketCount {
      let basket = Set(database.basket(b))
      if set.allSatisfy(basket.contains) { count += 1 }
    }
    if count > 0 { counts[set] = count }
  }
  return counts
}

/// The itemsets a correct miner reports, by definition, with pyfim's convention of leaving
/// out sets whose count is the number of baskets.
func bruteForceItemsets(
  _ database: TransactionDatabase, minimumCount: Int, target: MiningTarget, lengths: ClosedRange<Int> = 1...Int.max
) -> Set<Itemset> {
  let all = bruteForceCounts(database)
  let frequent = all.filter { $0.value >= minimumCount }
  var result = Set<Itemset>()
  for (set, count) in frequent {
    let supersets = frequent.filter { $0.key.count == set.count + 1 && Set(set).isSubset(of: $0.key) }
    let keep: Bool
    switch target {
    case .all: keep = true
    case .closed: keep = !supersets.contains { $0.value == count }
    case .maximal: keep = supersets.isEmpty
    }
    if keep && count != database.basketCount && lengths.contains(set.count) {
      result.insert(Itemset(items: set, count: count))
    }
  }
  return result
}
