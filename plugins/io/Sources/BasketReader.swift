import Foundation
import TrendCastValues

/// Reads basket files — one basket a line, items separated by spaces, tabs or commas (the FIMI
/// format is the special case of integer items) — straight into dense item ids.
enum BasketReader {
  static func read(_ data: Data, source: String) -> Transactions {
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Transactions in
      let bytes = raw.bindMemory(to: UInt8.self)
      // Item names are found by their bytes in the file: a String is made once per item.
      var names = StringInterner(bytes: bytes, limit: Int(Int32.max))
      // Small non-negative integer items (FIMI files) are mapped through an array, not a dictionary.
      var idsByNumber: [Int32] = []
      var offsets = [0]
      var items: [Int32] = []
      items.reserveCapacity(bytes.count / 3)
      var basket: [Int32] = []
      var position = 0
      let end = bytes.count
      if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
      func closeBasket() {
        basket.sort()
        var last: Int32 = -1
        for item in basket where item != last {
          items.append(item)
          last = item
        }
        offsets.append(items.count)
        basket.removeAll(keepingCapacity: true)
      }
      var lineHasContent = false
      while position < end {
        let byte = bytes[position]
        if byte == UInt8(ascii: "\n") {
          if lineHasContent { closeBasket() }
          lineHasContent = false
          position += 1
          continue
        }
        if byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ",") || byte == 0x0D {
          position += 1
          continue
        }
        lineHasContent = true
        let start = position
        var number = 0
        var isNumber = true
        while position < end {
          let next = bytes[position]
          if next == 0x20 || next == 0x09 || next == UInt8(ascii: ",") || next == UInt8(ascii: "\n") || next == 0x0D { break }
          if isNumber {
            if next >= 48, next <= 57, number < 10_000_000 { number = number * 10 + Int(next - 48) } else { isNumber = false }
          }
          position += 1
        }
        if isNumber, position - start > 1 ? bytes[start] != 48 : true {
          if number >= idsByNumber.count { idsByNumber.append(contentsOf: repeatElement(-1, count: number + 1 - idsByNumber.count)) }
          var id = idsByNumber[number]
          if id < 0 {
            // Without leading zeros the token is the number's own spelling, so numbers and
            // other names share one table.
            id = Int32(names.index(start: start, end: position) ?? 0)
            idsByNumber[number] = id
          }
          basket.append(id)
        } else {
          basket.append(Int32(names.index(start: start, end: position) ?? 0))
        }
      }
      if lineHasContent { closeBasket() }
      return Transactions(itemNames: names.strings, offsets: offsets, items: items, basketIDs: nil, source: source)
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
