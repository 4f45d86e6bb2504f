import Foundation
import TrendCastValues

/// Reads basket files through the shared `BasketFileReader`, pointing a bad line out in the file.
enum BasketReader {
  static func read(_ data: Data, source: String, path: String) throws -> Transactions {
    do {
      let baskets = try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
        try BasketFileReader.read(raw.bindMemory(to: UInt8.self))
      }
      return Transactions(itemNames: baskets.itemNames, offsets: baskets.offsets, items: baskets.items, basketIDs: nil, source: source)
    } catch let error as BasketFileError {
      throw RuntimeError(error.detail, hint: error.hint, at: DataLocation(file: source, line: error.line, path: path))
    }
  }
}

/// Builds transactions and panels from a long table.
enum Grouping {
  /// One basket per distinct value of `idColumn` (in order of first appearance); items from
  /// `itemColumn`. Rows with a missing id or item are left out and counted in the report.
  static func transactions(_ table: Table, idColumn: String, itemColumn: String, quantityColumn: String?, source: String) throws -> (Transactions, skipped: Int) {
    guard let ids = table.column(named: idColumn) else {
      throw RuntimeError("there is no column '\(idColumn)' for id=", hint: DataReading.nearest(idColumn, among: table.columnNames)).focused(on: .option("id"))
    }
    guard let items = table.column(named: itemColumn) else {
      throw RuntimeError("there is no column '\(itemColumn)' for item=", hint: DataReading.nearest(itemColumn, among: table.columnNames)).focused(on: .option("item"))
    }
    let quantities = try quantityColumn.map { name -> [Double] in
      guard let column = table.column(named: name) else {
        throw RuntimeError("there is no column '\(name)' for quantity=", hint: DataReading.nearest(name, among: table.columnNames)).focused(on: .option("quantity"))
      }
      guard let values = column.doubles else {
        // Name the first value that is not a number, where it is in the file.
        if case .text(let texts) = column.values, let row = texts.firstIndex(where: { $0.map { Double($0) == nil } ?? false }) {
          throw RuntimeError("column '\(name)' for quantity= is not numeric: row \(row + 1) holds '\(texts[row] ?? "")'",
            hint: "quantities are numbers; fix the value in the file, or leave out quantity=", at: table.location(row: row, column: name))
        }
        throw RuntimeError("column '\(name)' for quantity= holds \(column.typeName) values, not numbers", hint: "choose a numeric column").focused(on: .option("quantity"))
      }
      return values
    }
    var basketIndex: [String: Int] = [:]
    var basketIDs: [String] = []
    var baskets: [[String]] = []
    var skipped = 0
    for row in 0..<table.rowCount {
      if ids.isMissing(row) || items.isMissing(row) {
        skipped += 1
        continue
      }
      // A line with a quantity of zero or less (a return) adds nothing to the basket.
      if let quantities, !(quantities[row] > 0) {
        skipped += 1
        continue
      }
      let id = ids.text(at: row)
      let index: Int
      if let known = basketIndex[id] {
        index = known
      } else {
        index = baskets.count
        basketIndex[id] = index
        basketIDs.append(id)
        baskets.append([])
      }
      baskets[index].append(items.text(at: row))
    }
    return (Transactions(baskets: baskets, basketIDs: basketIDs, source: source), skipped)
  }

  /// A panel with one table per id (in order of first appearance), without the id column.
  static func panel(_ table: Table, idColumn: String) throws -> Panel {
    guard let ids = table.column(named: idColumn) else {
      throw RuntimeError("there is no column '\(idColumn)' for id=", hint: DataReading.nearest(idColumn, among: table.columnNames)).focused(on: .option("id"))
    }
    var order: [String] = []
    var rowsByID: [String: [Int]] = [:]
    for row in 0..<table.rowCount {
      let id = ids.isMissing(row) ? "NA" : ids.text(at: row)
      if rowsByID[id] == nil { order.append(id) }
      rowsByID[id, default: []].append(row)
    }
    var rest = table
    rest.columns.removeAll { $0.name == idColumn }
    let entries = order.map { id in Panel.Entry(id: id, value: rest.selectingRows(rowsByID[id] ?? [])) }
    return Panel(idName: idColumn, entries: entries)
  }
}
