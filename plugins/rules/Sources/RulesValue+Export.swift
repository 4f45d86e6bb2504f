import TrendCastValues

extension RulesValue {
  /// `save`'s CSV (LANGUAGE.md §7), written rule by rule to the file as it is made: millions of
  /// rules would otherwise take a string per field (4.5 million rules of mushroom at 10 %: 3.6 GB
  /// and 34 s that way). The same text as `csvDocument`, which panels use.
  public func export(as format: ExportFormat, into stream: ByteStream) throws {
    guard format == .csv else {
      throw RuntimeError("\(kind.withArticle) is saved as .csv, not .\(format.rawValue)", hint: "use a file name ending in .csv")
    }
    for (index, name) in (["antecedent", "consequent"] + Self.saved.map(\.rawValue)).enumerated() {
      stream.appendCSVField(name, first: index == 0)
    }
    stream.append(byte: 0x0A)
    let all = ordered()
    let names = result.itemNames.map { Array($0.utf8) }
    let nameRanks = result.nameRanks
    var side: [Int32] = []
    var field: [UInt8] = []
    for row in all.rows {
      let (items, mask) = all.table.itemset(of: row)
      for part in 0..<2 {
        let consequent = part == 1
        side.removeAll(keepingCapacity: true)
        for (offset, item) in items.enumerated() where RuleTable.isConsequent(offset, mask) == consequent { side.append(item) }
        side.sort { nameRanks[Int($0)] < nameRanks[Int($1)] }
        field.removeAll(keepingCapacity: true)
        for (index, item) in side.enumerated() {
          if index > 0 { field.append(UInt8(ascii: ";")) }
          field.append(contentsOf: names[Int(item)])
        }
        field.withUnsafeBufferPointer { stream.appendCSVField($0, first: !consequent) }
      }
      let record = all.table.record(at: row)
      for measure in Self.saved {
        stream.append(byte: 0x2C)
        stream.append(Self.exportText(record.value(measure, basketCount: result.basketCount), measure))
      }
      stream.append(byte: 0x0A)
      try stream.flushIfFull()
    }
  }

  public func export(as format: ExportFormat) throws -> String {
    let stream = ByteStream()
    try export(as: format, into: stream)
    return stream.text
  }

  /// A measure as `save` writes it: counts as integers, the rest exactly, `inf` for a rule that
  /// always holds.
  static func exportText(_ value: Double, _ measure: RuleMeasure) -> String {
    if measure == .count { return String(Int(value)) }
    return value.isInfinite ? (value > 0 ? "inf" : "-inf") : NumberFormatting.exact(value)
  }
}
