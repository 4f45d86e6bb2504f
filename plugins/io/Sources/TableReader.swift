import Dispatch
import Foundation
import Synchronization
import TrendCastSyntax
import TrendCastValues

/// Reads delimited text into a `Table`: separator, header row and column types are found from
/// the data unless the caller says; ragged rows are errors naming the line.
struct TableReader {
  struct Options {
    var separator: UInt8?
    var header: Bool?
    var dateColumn: String?
    var frequency: Frequency?
    /// Throws `CancellationError` once the user pressed Ctrl-C; polled between passes over the data.
    var checkCancellation: @Sendable () throws -> Void = {}
  }

  /// `displayName` is the path as the program wrote it (for messages), `path` the resolved one.
  static func read(_ data: Data, displayName: String, path: String, options: Options) throws -> Table {
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws -> Table in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard bytes.count < Int(Int32.max) else {
        throw RuntimeError("\(displayName) is larger than 2 GB, which load does not read yet", hint: "split the file, or load a filtered extract")
      }
      let separator = options.separator ?? DelimitedReader.sniffSeparator(bytes)
      let rows: DelimitedReader.Rows
      do {
        rows = try DelimitedReader.parse(bytes, separator: separator)
      } catch let error as DelimitedReader.Failure {
        let location = DataReading.location(in: bytes, byteOffset: error.column, file: displayName, path: path)
        throw RuntimeError("\(displayName): \(error.message)", hint: "close the quote, or double quotes inside a quoted field (\"\")", at: location)
      }
      try options.checkCancellation()
      guard rows.count > 0 else {
        throw RuntimeError("\(displayName) is empty", hint: "a table file needs a header row and at least one row of data")
      }
      let width = rows.fieldCount(0)
      for row in 1..<max(1, rows.count) where rows.fieldCount(row) != width {
        let line = Int(rows.rowLines[row])
        throw RuntimeError("line \(line) of \(displayName) has \(rows.fieldCount(row)) field\(rows.fieldCount(row) == 1 ? "" : "s"), but the first line has \(width)",
          hint: "every row needs the same number of fields; quote fields that contain the separator '\(Character(UnicodeScalar(separator)))'",
          at: DataLocation(file: displayName, line: line, field: min(width, rows.fieldCount(row)) + (rows.fieldCount(row) > width ? 1 : 0), path: path))
      }
      let inference = ColumnInference(bytes: bytes, rows: rows, dataRows: 0..<rows.count, locate: { _, _ in DataLocation(file: displayName, line: 0) })
      let hasHeader = options.header ?? detectHeader(rows: rows, inference: inference, width: width)
      let dataRows = (hasHeader ? 1 : 0)..<rows.count
      let names = columnNames(rows: rows, bytes: bytes, hasHeader: hasHeader, width: width)
      if let dateColumn = options.dateColumn, !names.contains(dateColumn) {
        throw RuntimeError("\(displayName) has no column '\(dateColumn)' for date=",
          hint: DataReading.nearest(dateColumn, among: names)).focused(on: .option("date"))
      }
      let locator: @Sendable (Int, Int) -> DataLocation = { row, column in
        DataLocation(file: displayName, line: Int(rows.rowLines[row]), field: column + 1, path: path)
      }
      let builder = ColumnInference(bytes: bytes, rows: rows, dataRows: dataRows, locate: locator, checkCancellation: options.checkCancellation)
      let columns = try buildColumns(names: names, builder: builder, options: options)
      let timeColumn = options.dateColumn ?? columns.first { if case .date = $0.values { return true } else { return false } }?.name
      let firstDataLine = dataRows.isEmpty ? 1 : Int(rows.rowLines[dataRows.lowerBound])
      let rowLines: [Int32]? = rows.linesDiverge ? Array(rows.rowLines[dataRows]) : nil
      return Table(columns: columns, timeColumn: timeColumn, source: TableSource(file: displayName, path: path, firstDataLine: firstDataLine, rowLines: rowLines))
    }
  }

  /// Converts the columns, in parallel for large tables (each column is independent).
  static func buildColumns(names: [String], builder: ColumnInference, options: Options) throws -> [Column] {
    let build = { (index: Int) throws -> Column in
      try builder.column(index, name: names[index], isDeclaredDate: names[index] == options.dateColumn, frequency: options.frequency)
    }
    guard builder.dataRows.count > 50_000, names.count > 1 else { return try names.indices.map(build) }
    let results = Mutex<[Int: Result<Column, any Error>]>([:])
    // The builder reads the file buffer, which outlives this call, and nothing writes to it.
    nonisolated(unsafe) let sharedBuild = build
    DispatchQueue.concurrentPerform(iterations: names.count) { index in
      let result = Result { try sharedBuild(index) }
      results.withLock { $0[index] = result }
    }
    let collected = results.withLock { $0 }
    return try names.indices.map { index in
      guard let result = collected[index] else { throw RuntimeError("column \(names[index]) could not be read") }
      return try result.get()
    }
  }

  /// The first row is a header when, in some column with a definite type, its value is text; it
  /// is data when no column says so and some typed column's first value has a type too (a
  /// header may name columns with numbers, as years); otherwise a header (every column text).
  static func detectHeader(rows: DelimitedReader.Rows, inference: ColumnInference, width: Int) -> Bool {
    guard rows.count > 1 else {
      return (0..<width).allSatisfy { inference.kind(0, $0) == .text }
    }
    let sample = 1..<min(rows.count, 101)
    var looksLikeData = false
    for column in 0..<width {
      let kinds = Set(sample.map { inference.kind($0, column) }).subtracting([.missing])
      let first = inference.kind(0, column)
      if kinds.isEmpty || kinds.contains(.text) { continue }
      if first == .text { return true }
      if first != .missing { looksLikeData = true }
    }
    return !looksLikeData
  }

  /// Header names made unique (`units`, `units.1`); empty or absent names become V1, V2, …
  static func columnNames(rows: DelimitedReader.Rows, bytes: UnsafeBufferPointer<UInt8>, hasHeader: Bool, width: Int) -> [String] {
    var names: [String] = []
    var seen = Set<String>()
    for column in 0..<width {
      var name = hasHeader ? DelimitedReader.text(rows.field(0, column), in: bytes).trimmingCharacters(in: .whitespaces) : ""
      if name.isEmpty { name = "V\(column + 1)" }
      var unique = name
      var suffix = 1
      while seen.contains(unique) {
        unique = "\(name).\(suffix)"
        suffix += 1
      }
      seen.insert(unique)
      names.append(unique)
    }
    return names
  }
}

/// Shared helpers of the readers.
enum DataReading {
  /// Line and column of a byte offset, for errors found by the byte-level parsers.
  static func location(in bytes: UnsafeBufferPointer<UInt8>, byteOffset: Int, file: String, path: String) -> DataLocation {
    var line = 1
    var lineStart = 0
    for index in 0..<min(byteOffset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    var lineEnd = lineStart
    while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), as: UTF8.self)
    let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<min(max(lineStart, byteOffset), lineEnd)]), as: UTF8.self).count + 1
    return DataLocation(file: file, line: line, column: column, lineText: text.hasSuffix("\r") ? String(text.dropLast()) : text, path: path)
  }

  static func nearest(_ name: String, among names: [String]) -> String {
    let list = "columns: \(names.joined(separator: ", "))"
    return Suggestions.didYouMean(name, among: names).map { "\($0) \(list)" } ?? list
  }
}
