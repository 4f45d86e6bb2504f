import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// Reading orders: basket files (one basket a line) and long-form order lines
/// (`load … transactions id=COL item=COL`).
@Suite struct TransactionsTests {
  let harness = Fixture.harness
  let scratch = Scratch()

  func transactions(_ source: String, in harness: ScriptHarness? = nil) throws -> Transactions {
    let value = try (harness ?? self.harness).value(of: "o", in: source)
    return try #require(value as? Transactions, "got \(value.kind.withArticle)")
  }

  /// The item names of every basket, each sorted.
  func baskets(_ transactions: Transactions) -> [[String]] {
    (0..<transactions.basketCount).map { b in transactions.basket(b).map { transactions.itemNames[Int($0)] }.sorted() }
  }

  @Test func aBasketFileHoldsOneBasketALineSplitOnSpacesCommasAndTabs() throws {
    let orders = try transactions("o = load \"shop.basket\"")
    #expect(orders.basketCount == 5, "the blank line is an empty basket, as pyfim and mlxtend count it")
    #expect(orders.itemCount == 5)
    #expect(baskets(orders) == [["bread", "milk"], ["bread", "eggs", "milk"], [], ["beer", "diapers", "milk"], ["bread"]])
    #expect(!orders.itemNames.contains { $0.contains("\r") }, "CRLF line ends are not part of an item")
  }

  @Test func theBasketDisplayCountsBasketsItemsAndSupport() throws {
    let output = try harness.run("o = load \"shop.basket\"\no")
    #expect(lines(output)[0] == "transactions: 5 baskets, 5 distinct items, 1.80 items per basket")
    #expect(row("milk", in: output) == ["milk", "3", "0.6000"])
    #expect(row("bread", in: output) == ["bread", "3", "0.6000"])
    #expect(row("eggs", in: output) == ["eggs", "1", "0.2000"])
  }

  @Test func formatBasketsReadsAFileWhoseExtensionDoesNotSay() throws {
    try scratch.write("orders.csv", "1 2 3\n2 3\n3\n07 7\n")
    let orders = try transactions("o = load \"orders.csv\" format=baskets", in: scratch.harness)
    #expect(orders.basketCount == 4)
    #expect(orders.itemNames.sorted() == ["07", "1", "2", "3", "7"], "07 and 7 are different items")
    #expect(baskets(orders)[3] == ["07", "7"])
  }

  @Test func aTextFileWithoutSeparatorsOnItsFirstLineIsTakenForBaskets() throws {
    try scratch.write("retail.txt", "tea scones\njam tea\n")
    let orders = try transactions("o = load \"retail.txt\"", in: scratch.harness)
    #expect(orders.basketCount == 2)
    #expect(baskets(orders) == [["scones", "tea"], ["jam", "tea"]])
  }

  @Test func orderLinesAreGroupedIntoBasketsInOrderOfFirstAppearance() throws {
    let orders = try transactions("o = load \"orders.csv\" transactions id=order item=sku")
    #expect(orders.basketCount == 4)
    #expect(orders.basketIDs == ["O1", "O2", "O3", "O4"])
    #expect(baskets(orders) == [["bread", "milk"], ["eggs", "milk"], ["beer", "chips"], ["bread"]])
    #expect(orders.itemCount == 5, "tea is only on a line without an order id")
  }

  @Test func linesWithoutAnOrderOrItemAreLeftOutAndReported() throws {
    let output = try harness.run("o = load \"orders.csv\" transactions id=order item=sku\no")
    #expect(output.contains("left out 1 order line: no id or item, or a quantity of 0 or less"), "\(output)")
    #expect(output.contains("transactions: 4 baskets, 5 distinct items, 1.75 items per basket"))
  }

  @Test func aQuantityOfZeroOrLessIsAReturnAndAddsNothing() throws {
    let orders = try transactions("o = load \"orders.csv\" transactions id=order item=sku quantity=qty")
    #expect(baskets(orders) == [["bread", "milk"], ["eggs", "milk"], ["chips"], ["bread"]])
    let output = try harness.run("o = load \"orders.csv\" transactions id=order item=sku quantity=qty")
    #expect(output.contains("left out 2 order lines"), "\(output)")
  }

  @Test func itemCodesWithLeadingZerosAreNotMergedWithPlainNumbers() throws {
    try scratch.write("codes.csv", "order,item\n1,042\n1,42\n2,007\n")
    let orders = try transactions("o = load \"codes.csv\" transactions id=order item=item", in: scratch.harness)
    #expect(baskets(orders) == [["042", "42"], ["007"]])
  }

  @Test func savedTransactionsAreOneLinePerBasketAndItem() throws {
    _ = try scratch.harness.run("o = load \"\(Fixture.directory)/orders.csv\" transactions id=order item=sku\nsave o \"long.csv\"")
    #expect(try scratch.read("long.csv") == "basket,item\nO1,milk\nO1,bread\nO2,milk\nO2,eggs\nO3,beer\nO3,chips\nO4,bread\n")
  }

  // MARK: - Refusals

  @Test(arguments: [
    ("o = load \"orders.csv\" transactions id=order",
     "error: reading transactions needs id=COL (the order) and item=COL (the item)",
     "help: e.g. load \"orders.csv\" transactions id=order_id item=sku; columns: order, sku, qty"),
    ("o = load \"orders.csv\" transactions id=orders item=sku",
     "test.tc:1:36: error: there is no column 'orders' for id=",
     "help: did you mean 'order'? columns: order, sku, qty"),
    ("o = load \"orders.csv\" transactions id=order item=skus",
     "test.tc:1:45: error: there is no column 'skus' for item=",
     "help: did you mean 'sku'? columns: order, sku, qty"),
    ("o = load \"orders.csv\" item=sku",
     "test.tc:1:23: error: item= is used with the flag transactions",
     "help: add transactions: load \"…\" transactions id=COL item=COL"),
    ("o = load \"orders.csv\" quantity=qty",
     "test.tc:1:23: error: quantity= is used with the flag transactions",
     "help: add transactions: load \"…\" transactions id=COL item=COL quantity=COL"),
  ])
  func missingOrUnknownColumnsAreRefusedWithAHint(source: String, message: String, hint: String) throws {
    let failure = harness.runtimeFailure(source)
    #expect(failure.contains(message), "\(failure)")
    #expect(failure.contains(hint), "\(failure)")
  }

  @Test func aBasketFileWithNothingInItIsRefused() throws {
    try scratch.write("empty.basket", "\n \n\t\n")
    let failure = scratch.harness.runtimeFailure("o = load \"empty.basket\"")
    #expect(failure.contains("error: empty.basket holds no items"), "\(failure)")
  }

  @Test func aBasketFileThatIsNotUTF8NamesItsLine() throws {
    try scratch.write("bad.basket", bytes: Array("milk bread\nte".utf8) + [0xC3, 0x28] + Array(" eggs\n".utf8))
    let failure = scratch.harness.runtimeFailure("o = load \"bad.basket\" format=baskets")
    #expect(failure.contains("bad.basket:2"), "\(failure)")
    #expect(failure.contains("an item name is not valid UTF-8"), "\(failure)")
    #expect(failure.contains("help: save the file as UTF-8"), "\(failure)")
  }
}
