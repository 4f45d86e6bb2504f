import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// `dataset NAME`: the samples shipped in stdlib/datasets.
@Suite struct DatasetTests {
  let harness = ScriptHarness()

  @Test func airpassengersIs144MonthlyValuesFromJanuary1949() throws {
    let air = try harness.table("a", in: "a = dataset airpassengers")
    #expect(air.columnNames == ["date", "passengers"])
    #expect(air.rowCount == 144)
    let series = try #require(try harness.value(of: "p", in: "a = dataset airpassengers\np = a.passengers") as? Series)
    #expect(series.count == 144)
    #expect(series.frequency == .monthly)
    #expect(series.index.label(at: 0) == "1949-01-01")
    #expect(series.index.label(at: 143) == "1960-12-01")
    #expect(series.values.prefix(3) == [112, 118, 132])
    #expect(series.values.last == 432)
    #expect(series.missingCount == 0)
    let described = try harness.run("a = dataset airpassengers\ndescribe a.passengers")
    #expect(lines(described)[0] == "monthly series, 144 periods from 1949-01-01 to 1960-12-01")
  }

  @Test func shopDailyIsTwoYearsOfDailyUnits() throws {
    let output = try harness.run("s = dataset shop_daily\ndescribe s")
    #expect(lines(output)[0] == "730 rows × 2 columns")
    #expect(row("date", in: output.components(separatedBy: "date column").last ?? "") == ["date", "730", "0", "2024-01-01", "2025-12-30", "daily"])
    #expect(row("units", in: output)?.prefix(3) == ["units", "730", "0"])
  }

  @Test func basketsSmallIs3000OrdersOf83Items() throws {
    let orders = try #require(try harness.value(of: "o", in: "o = dataset baskets_small") as? Transactions)
    #expect(orders.basketCount == 3000)
    #expect(orders.itemCount == 83)
    #expect(orders.basketIDs?.first == "O000001")
    #expect(orders.items.count == 15_536, "one item per distinct order line")
    let output = try harness.run("o = dataset baskets_small\no")
    #expect(lines(output)[0] == "transactions: 3000 baskets, 83 distinct items, 5.18 items per basket")
    #expect(row("SKU0124", in: output) == ["SKU0124", "789", "0.2630"])
  }

  @Test func withoutANameTheDataSetsAreListed() throws {
    let output = try harness.run("dataset")
    let names = lines(output).dropFirst(2).compactMap { $0.split(separator: " ").first.map(String.init) }
    #expect(names.starts(with: ["airpassengers", "baskets_small"]), "\(output)")
    #expect(names.contains("shop_daily") && names == names.sorted())
    #expect(output.contains("Monthly international airline passengers (thousands), 1949-1960"))
  }

  @Test func aMisspelledDataSetGetsTheNearestName() throws {
    let message = harness.runtimeFailure("a = dataset airpasengers")
    #expect(message.hasPrefix("test.tc:1:13: error: there is no data set 'airpasengers'\n"), "\(message)")
    #expect(message.hasSuffix("help: did you mean 'airpassengers'?\n"), "\(message)")
  }

  @Test func anUnknownDataSetListsTheOnesThereAre() throws {
    let message = harness.runtimeFailure("a = dataset quarterly_widgets")
    #expect(message.contains("error: there is no data set 'quarterly_widgets'"), "\(message)")
    #expect(message.contains("help: data sets: airpassengers, baskets_small, co2_weekly, lynx, macro, nile, shop_daily, shop_daily_gaps, wineind"))
  }
}
