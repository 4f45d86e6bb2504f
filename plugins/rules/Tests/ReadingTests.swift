import Foundation
import Testing

@testable import TrendCastRulesPlugin

@Suite struct ReadingTests {
  @Test func basketLinesSplitOnSpacesCommasAndTabs() throws {
    let database = try TransactionDatabase.readBaskets(text: "a b,c\tb\n\nc  a\r\nd")
    #expect(database.basketCount == 4)  // the blank line is an empty basket
    #expect(database.itemNames == ["a", "b", "c", "d"])
    #expect(Array(database.basket(0)) == [0, 1, 2])  // duplicate b counts once
    #expect(database.basket(1).isEmpty)
    #expect(Array(database.basket(2)) == [0, 2])
    #expect(Array(database.basket(3)) == [3])
  }

  @Test func finalNewlineDoesNotAddABasket() throws {
    #expect(try TransactionDatabase.readBaskets(text: "1 2\n3\n").basketCount == 2)
    #expect(try TransactionDatabase.readBaskets(text: "").basketCount == 0)
    #expect(try TransactionDatabase.readBaskets(text: "\n").basketCount == 1)
  }

  @Test func numericAndTextNamesAreDistinct() throws {
    let database = try TransactionDatabase.readBaskets(text: "7 07 007 7\nkäse 🧀 7")
    #expect(database.itemNames == ["7", "07", "007", "käse", "🧀"])
    #expect(database.basket(1).count == 3)
  }

  @Test func invalidUTF8ReportsItsLine() throws {
    var bytes = Array("a b\nc d\n".utf8)
    bytes += [0x66, 0xFF, 0x0A]
    do {
      _ = try TransactionDatabase.readBaskets(data: Data(bytes))
      Issue.record("expected an error")
    } catch let error as MiningError {
      #expect(error.line == 3)
      #expect(error.description.contains("line 3"))
    }
  }

  @Test func missingFileSaysSo() {
    #expect(throws: MiningError.self) { try TransactionDatabase.readBaskets(path: "/nonexistent/baskets.dat") }
  }

  @Test func longFormGroupsByKeyInFirstAppearanceOrder() {
    let database = TransactionDatabase(
      keys: ["o2", "o1", "o2", "o1", "o2", "o3"], items: ["milk", "bread", "eggs", "milk", "milk", "tea"])
    #expect(database.basketCount == 3)
    #expect(database.itemNames == ["milk", "bread", "eggs", "tea"])
    #expect(database.names(of: database.basket(0)) == ["milk", "eggs"])  // o2, milk counted once
    #expect(database.names(of: database.basket(1)) == ["milk", "bread"])
    #expect(database.names(of: database.basket(2)) == ["tea"])
  }

  @Test func fimiFilesHaveTheReferenceSizes() throws {
    let expected = try Reference.json("fimi.expected.json")
    let datasets = try #require(expected["datasets"] as? [[String: Any]])
    for dataset in datasets {
      let file = try #require(dataset["file"] as? String)
      let database = try TransactionDatabase.readBaskets(path: Reference.path(file))
      #expect(database.basketCount == dataset["baskets"] as? Int, "\(file)")
      #expect(database.itemCount == dataset["items"] as? Int, "\(file)")
    }
  }

  @Test func supportParsesPercentFractionAndCount() {
    #expect(SupportThreshold(parsing: "1%") == .percent(1))
    #expect(SupportThreshold(parsing: "0.01") == .fraction(0.01))
    #expect(SupportThreshold(parsing: "50") == .count(50))
    #expect(SupportThreshold(parsing: "1e-3") == .fraction(0.001))
    #expect(SupportThreshold(parsing: "lots") == nil)
  }

  @Test func minimumCountIsTheCeilingWithoutFloatingError() throws {
    #expect(try SupportThreshold.fraction(0.01).minimumCount(basketCount: 3000) == 30)
    #expect(try SupportThreshold.fraction(0.001).minimumCount(basketCount: 88162) == 89)
    #expect(try SupportThreshold.fraction(0.0001).minimumCount(basketCount: 88162) == 9)
    #expect(try SupportThreshold.fraction(0.1).minimumCount(basketCount: 8124) == 813)
    #expect(try SupportThreshold.percent(1).minimumCount(basketCount: 3000) == 30)
    #expect(try SupportThreshold.count(50).minimumCount(basketCount: 3000) == 50)
    #expect(throws: MiningError.self) { try SupportThreshold.fraction(1.5).minimumCount(basketCount: 10) }
    #expect(throws: MiningError.self) { try SupportThreshold.fraction(.nan).minimumCount(basketCount: 10) }
    #expect(throws: MiningError.self) { try SupportThreshold.count(0).minimumCount(basketCount: 10) }
  }
}
