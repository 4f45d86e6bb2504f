import Foundation
import TrendCastValues

/// Decides each column's type from its values — integer, float, date or text — and converts it.
/// A column is the narrowest type every non-missing value fits; a declared date column
/// (`date=COL`) must be dates, and its failures are reported with row and value.
struct ColumnInference {
  let bytes: UnsafeBufferPointer<UInt8>
  let rows: DelimitedReader.Rows
  /// Rows holding data (the header row excluded).
  let dataRows: Range<Int>
  /// The data location of a cell: data row, column index.
  let locate: @Sendable (Int, Int) -> DataLocation
  /// Polled before each pass over a column, so Ctrl-C stops a large load.
  var checkCancellation: @Sendable () throws -> Void = {}

  /// The bytes of a field for reading numbers, dates and missing markers: without the spaces
  /// around it (`date, units` files), as header names and dates are read. Text keeps them.
  func field(_ row: Int, _ column: Int) -> UnsafeBufferPointer<UInt8> {
    let field = rows.field(row, column)
    var start = Int(field.start), end = Int(field.end)
    while start < end, bytes[start] == 0x20 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 { end -= 1 }
    return UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + start }, count: end - start)
  }

  func text(_ row: Int, _ column: Int) -> String {
    DelimitedReader.text(rows.field(row, column), in: bytes)
  }

  /// The kind of value a single field holds (for header detection).
  enum FieldKind { case missing, integer, float, date, text }

  func kind(_ row: Int, _ column: Int) -> FieldKind {
    let bytes = field(row, column)
    if FieldParsing.isMissing(bytes) { return .missing }
    if FieldParsing.integer(bytes) != nil { return .integer }
    if FieldParsing.double(bytes) != nil { return .float }
    if DateParser.parse(bytes) != nil { return .date }
    return .text
  }

  /// Builds column `index` named `name`.
  func column(_ index: Int, name: String, isDeclaredDate: Bool, frequency: Frequency?) throws -> Column {
    try checkCancellation()
    if isDeclaredDate { return try dateColumn(index, name: name, declared: true, frequency: frequency) }
    if let integers = integers(index) { return Column(name: name, values: .integer(integers), sourceField: index + 1) }
    try checkCancellation()
    if let doubles = doubles(index) { return Column(name: name, values: .float(doubles), sourceField: index + 1) }
    try checkCancellation()
    do {
      return try dateColumn(index, name: name, declared: false, frequency: frequency)
    } catch is NotDates {
      // not dates: text
    }
    try checkCancellation()
    var texts: [String?] = []
    texts.reserveCapacity(dataRows.count)
    var interner = StringInterner(bytes: bytes)
    for row in dataRows {
      let bytes = field(row, index)
      if FieldParsing.isMissing(bytes) {
        texts.append(nil)
        continue
      }
      let raw = rows.field(row, index)
      texts.append((raw.escaped ? nil : interner.intern(start: Int(raw.start), end: Int(raw.end))) ?? text(row, index))
    }
    return Column(name: name, values: .text(texts), sourceField: index + 1)
  }

  private func integers(_ index: Int) -> [Int?]? {
    var values: [Int?] = []
    values.reserveCapacity(dataRows.count)
    var present = 0
    for row in dataRows {
      let bytes = field(row, index)
      if FieldParsing.isMissing(bytes) {
        values.append(nil)
        continue
      }
      guard let value = FieldParsing.integer(bytes) else { return nil }
      values.append(value)
      present += 1
    }
    return present > 0 || dataRows.isEmpty ? values : nil
  }

  private func doubles(_ index: Int) -> [Double]? {
    var values: [Double] = []
    values.reserveCapacity(dataRows.count)
    var present = 0
    for row in dataRows {
      let bytes = field(row, index)
      if FieldParsing.isMissing(bytes) {
        values.append(.nan)
        continue
      }
      guard let value = FieldParsing.double(bytes) else { return nil }
      values.append(value)
      present += 1
    }
    return present > 0 ? values : nil
  }

  struct NotDates: Error {}

  /// A date column. Undeclared columns must parse completely in one style or they are not
  /// dates (they are text); a declared column that does not is an error.
  private func dateColumn(_ index: Int, name: String, declared: Bool, frequency: Frequency?) throws -> Column {
    var stamps: [Timestamp?] = []
    stamps.reserveCapacity(dataRows.count)
    var style: DateStyle?
    var styleRow = 0
    var allIntegers = true
    var anyPresent = false
    for row in dataRows where !FieldParsing.isMissing(field(row, index)) {
      anyPresent = true
      if FieldParsing.integer(field(row, index)) == nil { allIntegers = false; break }
    }
    // A column of nothing but missing values is not period numbers: it has no dates at all.
    if declared && allIntegers && (anyPresent || dataRows.isEmpty) {
      return numberedDateColumn(index, name: name, frequency: frequency)
    }
    // Long files repeat each date many times (one row per SKU): reuse the previous parse when
    // the bytes are the same.
    var previous: (bytes: UnsafeBufferPointer<UInt8>, parsed: DateParser.Parsed)?
    for row in dataRows {
      let bytes = field(row, index)
      if FieldParsing.isMissing(bytes) {
        stamps.append(nil)
        continue
      }
      if let previous, previous.bytes.count == bytes.count, let a = previous.bytes.baseAddress, let b = bytes.baseAddress,
        memcmp(a, b, bytes.count) == 0
      {
        stamps.append(previous.parsed.timestamp)
        continue
      }
      guard let parsed = DateParser.parse(bytes, allowPlainYear: false) else {
        guard declared else { throw NotDates() }
        let value = text(row, index)
        throw RuntimeError("column '\(name)' should hold dates, but row \(row - dataRows.lowerBound + 1) holds '\(value)'",
          hint: "dates are written like 2024-01-31, 2024-01, 2024-01-31 13:00, Jan 2024, 2024Q1 or 2024", at: locate(row, index))
      }
      if let style, style != parsed.style {
        // Undeclared, it is text wherever the change comes; using it as dates names the clash.
        guard declared else { throw NotDates() }
        let first = text(styleRow, index)
        let value = text(row, index)
        throw RuntimeError("column '\(name)' mixes date formats: '\(first)' (row \(styleRow - dataRows.lowerBound + 1)) and '\(value)' (row \(row - dataRows.lowerBound + 1))",
          hint: "write every date of a column the same way", at: locate(row, index))
      }
      if style == nil {
        style = parsed.style
        styleRow = row
      }
      stamps.append(parsed.timestamp)
      previous = (bytes, parsed)
    }
    guard let style else {
      if declared { throw RuntimeError("column '\(name)' has no dates at all", hint: "choose the date column with date=COL") }
      throw NotDates()
    }
    let inferred = frequency ?? FrequencyInference.infer(stamps.compactMap { $0 }.sorted())
    return Column(name: name, values: .date(stamps, DateColumnInfo(style: style, frequency: inferred)), sourceField: index + 1)
  }

  /// A declared date column of whole numbers: years (1000…2999) unless `freq=` says they are
  /// other periods, else plain period numbers.
  private func numberedDateColumn(_ index: Int, name: String, frequency: Frequency?) -> Column {
    let numbers = dataRows.map { row in FieldParsing.integer(field(row, index)) }
    let present = numbers.compactMap { $0 }
    let looksLikeYears = !present.isEmpty && present.allSatisfy { (1000...2999).contains($0) }
    if looksLikeYears && (frequency == nil || frequency == .yearly) {
      let stamps = numbers.map { $0.map { Timestamp(date: CivilDate(year: $0, month: 1, day: 1)) } }
      return Column(name: name, values: .date(stamps, DateColumnInfo(style: .year, frequency: .yearly)), sourceField: index + 1)
    }
    let stamps = numbers.map { $0.map { Timestamp(seconds: $0 * 86_400) } }
    return Column(name: name, values: .date(stamps, DateColumnInfo(style: .number, frequency: frequency ?? .unspecified)), sourceField: index + 1)
  }
}
