import Testing
import TrendCastValues

/// What `save` writes for tables, series, forecasts and panels (LANGUAGE.md §7): CSV with a
/// header row, quotes only where needed, missing values as empty fields.
@Suite struct CSVExportTests {
  static func day(_ year: Int, _ month: Int, _ day: Int) -> Timestamp {
    Timestamp(date: CivilDate(year: year, month: month, day: day))
  }

  /// Three month ends from January 2024.
  static let monthEnds: TimeIndex = {
    let first = day(2024, 1, 31)
    let anchor = PeriodAnchor.fitting(first, frequency: .monthly, style: .isoDate)
    return TimeIndex(frequency: .monthly, start: 2024 * 12, count: 3, anchor: anchor)
  }()

  static let units = Series(name: "units", index: monthEnds, values: [1, 2.5, .nan])

  @Test func aSeriesIsADateColumnAndItsValues() throws {
    #expect(try Self.units.export(as: .csv) == "date,units\n2024-01-31,1\n2024-02-29,2.5\n2024-03-31,\n")
  }

  @Test func aTableKeepsItsColumnOrderAndQuotesOnlyWhereNeeded() throws {
    let table = Table(columns: [
      Column(name: "id", values: .integer([1, nil])),
      Column(name: "price", values: .float([2.5, .nan])),
      Column(name: "name", values: .text(["a, b", "say \"hi\""])),
      Column(name: "day", values: .date([Self.day(2024, 1, 1), nil], DateColumnInfo(style: .isoDate, frequency: .daily))),
      Column(name: "ok", values: .boolean([true, nil])),
      Column(name: "note", values: .text([" padded", "plain"])),
    ])
    #expect(try table.export(as: .csv) == #"""
      id,price,name,day,ok,note
      1,2.5,"a, b",2024-01-01,true," padded"
      ,,"say ""hi""",,,plain

      """#)
  }

  @Test func datesAreWrittenInTheStyleTheyWereRead() throws {
    let table = Table(columns: [
      Column(name: "quarter", values: .date([Self.day(1959, 1, 1), Self.day(1959, 4, 1)], DateColumnInfo(style: .quarter, frequency: .quarterly))),
      Column(name: "gdp", values: .float([2710.349, 2778.801])),
    ])
    #expect(try table.export(as: .csv) == "quarter,gdp\n1959Q1,2710.349\n1959Q2,2778.801\n")
  }

  @Test(arguments: [("plain", "plain"), ("a,b", "\"a,b\""), ("a\"b", "\"a\"\"b\""), ("two\nlines", "\"two\nlines\""),
    ("cr\r", "\"cr\r\""), ("crlf\r\nend", "\"crlf\r\nend\""), (" lead", "\" lead\""), ("trail ", "\"trail \""), ("", "")])
  func fieldsAreQuotedPerRFC4180(_ field: String, _ written: String) {
    #expect(CSVDocument.quoted(field) == written)
    // A streamed export quotes the same way.
    let stream = ByteStream()
    stream.appendCSVField(field, first: true)
    stream.appendCSVField(field, first: false)
    #expect(stream.text == written + "," + written)
  }

  @Test func aStreamHandsOnFullChunksAndTheRest() throws {
    var chunks: [[UInt8]] = []
    let stream = ByteStream { chunks.append($0) }
    let line = Array(repeating: UInt8(ascii: "x"), count: 1000) + [0x0A]
    for _ in 0..<2000 {
      stream.append(contentsOf: line)
      try stream.flushIfFull()
    }
    try stream.finish()
    #expect(chunks.count == 2)
    #expect(chunks.allSatisfy { !$0.isEmpty })
    #expect(chunks.joined().count == 2000 * line.count)
  }

  @Test func aForecastHasOneLowAndHighPairPerLevelInTheOrderRequested() throws {
    let forecast = Forecast(modelName: "ARIMA(0,1,1)", history: Self.units, index: Self.monthEnds.following(2), mean: [10, 11.5],
      intervals: [
        PredictionInterval(level: 80, lower: [8, 9], upper: [12, 14]),
        PredictionInterval(level: 97.5, lower: [7, 6.5], upper: [13, 16.5]),
      ])
    #expect(try forecast.export(as: .csv) == """
      date,mean,lo80,hi80,lo97.5,hi97.5
      2024-04-30,10,8,12,7,13
      2024-05-31,11.5,9,14,6.5,16.5

      """)
    #expect(forecast.columnNames == ["mean", "lo80", "hi80", "lo97.5", "hi97.5"])
  }

  @Test func aPanelIsOneLongTableWithTheIdColumnFirst() throws {
    let other = Series(name: "units", index: Self.monthEnds.prefix(1), values: [7])
    let panel = Panel(idName: "sku", entries: [.init(id: "A", value: Self.units), .init(id: "B,1", value: other)])
    #expect(try panel.export(as: .csv) == """
      sku,date,units
      A,2024-01-31,1
      A,2024-02-29,2.5
      A,2024-03-31,
      "B,1",2024-01-31,7

      """)
  }

  @Test func csvValuesRefuseJSONAndSayWhatToUse() {
    #expect {
      try Self.units.export(as: .json)
    } throws: { error in
      (error as? RuntimeError)?.message == "a series is saved as .csv, not .json" && (error as? RuntimeError)?.hint == "use a file name ending in .csv"
    }
    let panel = Panel(idName: "sku", entries: [.init(id: "A", value: NumberValue(1))])
    #expect {
      try panel.export(as: .csv)
    } throws: { error in
      (error as? RuntimeError)?.message == "the members of this panel (a number) cannot be saved as CSV"
    }
    #expect(throws: RuntimeError.self) { try NumberValue(1).export(as: .csv) }
  }
}

/// `table.column`: a numeric column on the table's time index.
@Suite struct TableSeriesTests {
  static func table(_ dates: [Timestamp?], _ values: [Double]) -> Table {
    Table(columns: [
      Column(name: "date", values: .date(dates, DateColumnInfo(style: .isoDate, frequency: nil))),
      Column(name: "units", values: .float(values)),
    ], timeColumn: "date")
  }

  @Test func aMissingDayBecomesAMissingValue() throws {
    let table = Self.table([CSVExportTests.day(2024, 1, 1), CSVExportTests.day(2024, 1, 2), CSVExportTests.day(2024, 1, 4)], [1, 2, 4])
    let series = try #require(try table.member("units") as? Series)
    #expect(series.index.frequency == .daily)
    #expect(series.index.labels == ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"])
    #expect(series.values.map { NumberFormatting.display($0) } == ["1", "2", "NA", "4"])
    #expect(series.missingCount == 1)
  }

  @Test func aDuplicateDateIsRefusedWithItsRowsUnlessCombined() throws {
    let table = Self.table([CSVExportTests.day(2024, 1, 1), CSVExportTests.day(2024, 1, 2), CSVExportTests.day(2024, 1, 2)], [1, 2, 5])
    #expect {
      try table.series(column: "units")
    } throws: { error in
      (error as? RuntimeError)?.message == "date 2024-01-02 (rows 2, 3) appears more than once in column 'date'"
    }
    #expect(try table.series(column: "units", duplicates: .sum).values == [1, 7])
    #expect(try table.series(column: "units", duplicates: .mean).values == [1, 3.5])
    #expect(try table.series(column: "units", duplicates: .first).values == [1, 2])
    #expect(try table.series(column: "units", duplicates: .last).values == [1, 5])
  }

  @Test func anUnknownColumnSuggestsTheNearestName() {
    let table = Self.table([CSVExportTests.day(2024, 1, 1)], [1])
    #expect {
      try table.member("unit")
    } throws: { error in
      (error as? RuntimeError)?.message == "the table has no column 'unit'" && (error as? RuntimeError)?.hint == "did you mean 'units'?"
    }
  }
}
