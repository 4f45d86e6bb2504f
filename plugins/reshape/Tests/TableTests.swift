import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

/// select, filter, join, group, pivot and calendar end to end, with every bad input's message.
@Suite struct TableTests {
  let sales = Fixture.load("long_sales.csv", as: "s")
  let prices = Fixture.load("prices.csv", as: "p")

  // MARK: select

  @Test func selectKeepsTheTimeColumn() throws {
    let chosen = try value("t", sales + "\nt = select s units sku", as: Table.self)
    #expect(chosen.columnNames == ["date", "units", "sku"])
    #expect(try ScriptHarness().run(sales + "\nt = select s units").contains("select: kept the time column 'date'"))
    #expect(failure(sales + "\nt = select s unts").contains("error: the table has no column 'unts'"))
    #expect(failure(sales + "\nt = select s unts").contains("help: did you mean 'units'?"))
    #expect(failure(sales + "\nt = select s units units").contains("error: column 'units' is named twice"))
  }

  // MARK: filter

  @Test func filterComparesNumbersTextAndDates() throws {
    let positive = try value("f", sales + "\nf = filter s units > 0", as: Table.self)
    #expect(positive.texts("units") == ["5", "50", "52", "7", "8", "58", "3"])
    let output = try ScriptHarness(width: 200).run(sales + "\nf = filter s units > 0")
    #expect(output.contains("filter units > 0: kept 7 of 9 rows (2 left out; 1 of them because a compared value is missing)"))
    let skuA = try value("f", sales + "\nf = filter s sku == \"A\" and date >= \"2024-01-03\"", as: Table.self)
    #expect(skuA.texts("date") == ["2024-01-03", "2024-01-04", "2024-01-06"])
    let either = try value("f", sales + "\nf = filter s units < 0 or units == NA", as: Table.self)
    #expect(either.texts("units") == ["NA", "-1"])
    let present = try value("f", sales + "\nf = filter s units != NA", as: Table.self)
    #expect(present.rowCount == 8)
    let columns = try value("f", sales + "\nf = filter s units > price", as: Table.self)
    #expect(columns.rowCount == 7)
  }

  @Test func filteredRowsKeepTheirFileLines() {
    // Row 5 of the filtered table is line 9 of the file.
    let text = failure(sales + "\nf = filter s units > 6\nu = f.units")
    #expect(text.contains("long_sales.csv:9:1: error: date 2024-01-04 (rows 4, 5) appears more than once in column 'date'"))
  }

  @Test func filterExplainsBadComparisons() {
    #expect(failure(sales + "\nf = filter s date > 5").contains("error: cannot compare column 'date' (dates) with the number 5"))
    #expect(failure(sales + "\nf = filter s date > 5").contains("help: write the date in quotes: date >= \"2024-03-01\""))
    #expect(failure(sales + "\nf = filter s units > \"5\"").contains("help: numbers are compared with numbers, without quotes: units > 0"))
    #expect(failure(sales + "\nf = filter s sku == A").contains("help: to compare with text, put it in quotes: sku == \"A\""))
    #expect(failure(sales + "\nf = filter s date > \"2024-13-01\"").contains("error: \"2024-13-01\" is not a date"))
    #expect(failure(sales + "\nf = filter s units > NA").contains("error: NA (a missing value) can only be tested with == or !="))
  }

  // MARK: join

  @Test func joinKeepsAndCountsRows() throws {
    let inner = try value("j", sales + "\n" + prices + "\nj = join s p on=date", as: Table.self)
    #expect(inner.rowCount == 6)
    #expect(inner.columnNames == ["date", "sku", "units", "price", "price_2", "promo"])
    let output = try ScriptHarness(width: 200).run(sales + "\n" + prices + "\nj = join s p on=date")
    #expect(output.contains("join on date (inner): 6 rows"))
    #expect(output.contains("3 rows of the first table found no match (left out): 2024-01-04, 2024-01-04, 2024-01-06"))
    #expect(output.contains("1 row of the second table matched nothing (left out): 2024-01-05"))
    #expect(output.contains("the second's renamed: price as price_2"))
    let left = try value("j", sales + "\n" + prices + "\nj = join s p on=date how=left", as: Table.self)
    #expect(left.rowCount == 9 && left.texts("promo") == ["0", "0", "1", "1", "0", "0", "NA", "NA", "NA"])
    let outer = try value("j", sales + "\n" + prices + "\nj = join s p on=date how=outer", as: Table.self)
    #expect(outer.rowCount == 10)
    #expect(outer.texts("date") == ["2024-01-01", "2024-01-01", "2024-01-02", "2024-01-02", "2024-01-03", "2024-01-03", "2024-01-04", "2024-01-04", "2024-01-05", "2024-01-06"])
    #expect(outer.texts("sku")[8] == "NA" && outer.texts("price_2")[8] == "2.3")
  }

  @Test func joinRefusesWhatCannotMatch() {
    #expect(failure(sales + "\n" + prices + "\nj = join s p on=sku").contains("error: the second table has no column 'sku' to join on"))
    #expect(failure(sales + "\n" + prices + "\nj = join p s on=sku").contains("error: the first table has no column 'sku' to join on"))
    #expect(failure(sales + "\n" + prices + "\nj = join p s on=date")
      .contains("long_sales.csv:3:1: error: each key may appear only once in the second table, but 4 values of 'date' repeat: 2024-01-01 (rows 1 and 2)"))
    #expect(failure(sales + "\nj = join s s on=sku").contains("error: each key may appear only once in the second table, but 2 values of 'sku' repeat: A (rows 1 and 3), B (rows 2 and 4)"))
    #expect(failure(sales + "\n" + Fixture.load("text_keys.csv", as: "t") + "\nj = join s t on=date")
      .contains("error: the key 'date' holds dates in the first table but text in the second, so no row could match"))
    let text = Fixture.load("no_dates.csv", as: "n")
    #expect(failure(text + "\n" + prices + "\nj = join p n on=price")
      .contains("error: the second table has no column 'price' to join on"))
  }

  // MARK: group

  @Test func groupMakesAPanel() throws {
    let panel = try value("g", sales + "\ng = group s by=sku", as: Panel.self)
    #expect(panel.entries.map(\.id) == ["A", "B"])
    let a = try #require(panel.entries.first?.value as? Table)
    #expect(a.columnNames == ["date", "units", "price"] && a.rowCount == 5)
    #expect(try ScriptHarness().run(sales + "\ng = group s by=sku").contains("group by sku: 2 groups of 4 to 5 rows"))
    let cleaned = try value("u", sales + "\ng = group s by=sku\nu = clean g.units fill=linear", as: Panel.self)
    let units = try #require(cleaned.entries.first?.value as? Series)
    #expect(units.values == [5, 6, 7, 8, 5.5, 3])  // 2024-01-02 and the missing row 2024-01-05 interpolated
    #expect(failure(sales + "\ng = group s by=skus").contains("help: did you mean 'sku'?"))
    #expect(failure(sales + "\ng = group s by=date").contains("error: 'date' is the table's time column"))
  }

  // MARK: pivot

  @Test func pivotWideAndBack() throws {
    let wide = try value("w", sales + "\nw = pivot s id=sku value=units", as: Table.self)
    #expect(wide.columnNames == ["date", "A", "B"])
    #expect(wide.texts("A") == ["5", "NA", "7", "8", "3"] && wide.texts("B") == ["50", "52", "-1", "58", "NA"])
    let output = try ScriptHarness(width: 200).run(sales + "\nw = pivot s id=sku value=units")
    #expect(output.contains("pivot: 9 rows → 5 rows by date, one column per sku (A, B) holding units; 1 cell has no row: missing"))
    #expect(output.contains("left out column price (a wide table holds one value column)"))
    let long = try value("l", sales + "\nw = pivot s id=sku value=units\nl = pivot w longer names=sku value=units", as: Table.self)
    #expect(long.columnNames == ["date", "sku", "units"] && long.rowCount == 10)
    #expect(long.texts("sku").prefix(4) == ["A", "B", "A", "B"])
    let back = try value("u", sales + "\nw = pivot s id=sku value=units\nl = pivot w longer names=sku value=units\nu = filter l units != NA", as: Table.self)
    #expect(back.rowCount == 8)
  }

  @Test func pivotPanels() throws {
    let wide = try value("w", sales + "\ng = group s by=sku\nw = pivot g.units", as: Table.self)
    #expect(wide.columnNames == ["date", "A", "B"] && wide.rowCount == 6)
    let long = try value("l", sales + "\ng = group s by=sku\nl = pivot g longer", as: Table.self)
    #expect(long.columnNames == ["sku", "date", "units", "price"] && long.rowCount == 9)
  }

  @Test func pivotRefusals() {
    let twice = sales + "\nd = select s sku units\nt = pivot s id=sku value=units by=price"
    #expect(failure(twice).contains("long_sales.csv:4:15: error: 3 cells have more than one row: sku A at 2 (rows 1, 3); sku B at 9.5 (rows 2, 4, 6); sku A at 2.1 (rows 5, 7, 9)"))
    #expect(failure(twice).contains("help: combine them with dups=sum"))
    #expect(failure(sales + "\nw = pivot s").contains("error: pivot to wide needs id=COL"))
    #expect(failure(sales + "\nw = pivot s id=sku").contains("error: pivot to wide needs value=COL"))
    #expect(failure(sales + "\nw = pivot s id=sku value=sku").contains("must be three different columns"))
    #expect(failure(sales + "\nw = pivot s id=sku value=units names=x").contains("error: names= is for pivot … longer"))
    #expect(failure(sales + "\nw = pivot s longer id=sku").contains("error: id= is for pivoting to wide"))
    #expect(failure(sales + "\nw = pivot s longer names=sku").contains("error: the table already has a column 'sku'"))
  }

  @Test func pivotCombinesDuplicatesOnRequest() throws {
    let summed = try value("t", sales + "\nt = pivot s id=sku value=units by=price dups=sum", as: Table.self)
    #expect(summed.texts("price") == ["2", "9.5", "2.1", "9.9"])
    #expect(summed.texts("A") == ["5", "NA", "18", "NA"])
  }

  // MARK: calendar

  @Test func calendarColumnsAndHolidays() throws {
    let dated = try value("c", sales + "\nc = calendar s holidays=\"\(Fixture.path("holidays.csv"))\"", as: Table.self)
    #expect(dated.columnNames == ["date", "sku", "units", "price", "weekday", "month", "holiday"])
    #expect(dated.texts("weekday") == ["1", "1", "2", "2", "3", "3", "4", "4", "6"])
    #expect(dated.texts("holiday") == ["true", "true", "false", "false", "false", "false", "false", "false", "true"])
    let listed = try value("c", sales + "\nc = calendar s columns=[weekend,dayofyear] holidays=[\"2024-01-03\"]", as: Table.self)
    #expect(listed.texts("weekend").last == "true" && listed.texts("dayofyear").last == "6")
    #expect(listed.texts("holiday")[4] == "true")
    let weekly = try value("c", "a = dataset co2_weekly\nc = calendar a holidays=[\"1958-12-25\",\"1958-12-26\",\"1959-01-01\"]", as: Table.self)
    #expect(weekly.columnNames == ["date", "co2", "week", "month", "holidays"])
    // 1958-12-27 (a Saturday) lies in the ISO week of Mon 22 Dec, which holds both Christmas days.
    let row = try #require(weekly.texts("date").firstIndex(of: "1958-12-27"))
    #expect(weekly.texts("holidays")[row] == "2" && weekly.texts("holidays")[row + 1] == "1")
    let output = try ScriptHarness(width: 200).run(sales + "\nc = calendar s holidays=[\"2024-01-01\",\"2025-01-01\"]")
    #expect(output.contains("calendar: added weekday, month, holiday (2 holidays given, 1 within the table's dates)"))
  }

  @Test func calendarRefusals() {
    #expect(failure(sales + "\nc = calendar s holidays=[\"2024-01-01\", \"tomorrow\"]").contains("error: holidays= holds \"tomorrow\", which is not a date"))
    #expect(failure(sales + "\nc = calendar s holidays=\"nowhere.csv\"").contains("error: cannot read the holiday file 'nowhere.csv'"))
    #expect(failure(sales + "\nc = calendar s holidays=\"\(Fixture.path("bad_holidays.csv"))\"")
      .contains("bad_holidays.csv:3:1: error: the holiday file holds 'not a date' on line 3, which is not a date"))
    #expect(failure(sales + "\nc = calendar s\nd = calendar c").contains("error: the table already has a column 'weekday'"))
    #expect(failure(Fixture.load("no_dates.csv", as: "n") + "\nc = calendar n").contains("error: the table has no date column to take the calendar from"))
  }
}
