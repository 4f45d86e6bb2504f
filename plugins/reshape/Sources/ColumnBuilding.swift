import TrendCastValues

/// A cell of a key column (join, pivot, group), comparable across tables: dates by instant,
/// numbers by value (integers and floats alike), text by its characters.
enum CellKey: Hashable, Comparable {
  case date(Int)
  case number(Double)
  case text(String)

  /// What kind of values a key column holds, for messages (keys of different kinds never match).
  static func kind(of column: Column) -> String {
    switch column.values {
    case .date: return "dates"
    case .integer, .float: return "numbers"
    case .text: return "text"
    case .boolean: return "true/false values"
    }
  }

  /// The key of each row (nil when missing).
  static func keys(of column: Column) -> [CellKey?] {
    switch column.values {
    case .date(let v, _): return v.map { $0.map { .date($0.seconds) } }
    case .integer(let v): return v.map { $0.map { .number(Double($0)) } }
    case .float(let v): return v.map { $0.isNaN ? nil : .number($0) }
    case .text(let v): return v.map { $0.map { .text($0) } }
    case .boolean(let v): return v.map { $0.map { .number($0 ? 1 : 0) } }
    }
  }
}

extension Column {
  /// The rows `indices`, nil giving a missing cell.
  func selecting(optional indices: [Int?]) -> Column {
    var copy = self
    switch values {
    case .integer(let v): copy.values = .integer(indices.map { $0.flatMap { v[$0] } })
    case .float(let v): copy.values = .float(indices.map { $0.map { v[$0] } ?? .nan })
    case .text(let v): copy.values = .text(indices.map { $0.flatMap { v[$0] } })
    case .date(let v, let info): copy.values = .date(indices.map { $0.flatMap { v[$0] } }, info)
    case .boolean(let v): copy.values = .boolean(indices.map { $0.flatMap { v[$0] } })
    }
    return copy
  }

  /// Row by row: this column's cell where `mine` has a row, else `other`'s (both key columns
  /// of one join, so of one kind; integers and floats meet as floats).
  func merged(_ mine: [Int?], with other: Column, _ theirs: [Int?]) -> Column {
    var copy = self
    switch (values, other.values) {
    case (.integer(let a), .integer(let b)):
      copy.values = .integer(zip(mine, theirs).map { m, t in m.flatMap { a[$0] } ?? t.flatMap { b[$0] } })
    case (.text(let a), .text(let b)):
      copy.values = .text(zip(mine, theirs).map { m, t in m.flatMap { a[$0] } ?? t.flatMap { b[$0] } })
    case (.date(let a, let info), .date(let b, _)):
      copy.values = .date(zip(mine, theirs).map { m, t in m.flatMap { a[$0] } ?? t.flatMap { b[$0] } }, info)
    default:
      let a = doubles ?? []
      let b = other.doubles ?? []
      copy.values = .float(zip(mine, theirs).map { m, t in m.map { a[$0] } ?? t.map { b[$0] } ?? .nan })
    }
    return copy
  }
}

extension Column {
  /// Columns of one name stacked end to end (the members of a panel made one long table);
  /// nil when their kinds differ (integers and floats meet as floats).
  static func concatenated(_ parts: [Column]) -> Column? {
    guard let first = parts.first else { return nil }
    var result = first
    result.sourceField = nil
    switch first.values {
    case .integer:
      var all: [Int?] = []
      for part in parts { guard case .integer(let v) = part.values else { return floats(parts) }; all += v }
      result.values = .integer(all)
    case .float:
      return floats(parts)
    case .text:
      var all: [String?] = []
      for part in parts { guard case .text(let v) = part.values else { return nil }; all += v }
      result.values = .text(all)
    case .date(_, let info):
      var all: [Timestamp?] = []
      for part in parts { guard case .date(let v, _) = part.values else { return nil }; all += v }
      result.values = .date(all, info)
    case .boolean:
      var all: [Bool?] = []
      for part in parts { guard case .boolean(let v) = part.values else { return nil }; all += v }
      result.values = .boolean(all)
    }
    return result
  }

  private static func floats(_ parts: [Column]) -> Column? {
    guard let first = parts.first else { return nil }
    var all: [Double] = []
    for part in parts {
      guard part.isNumeric, let values = part.doubles else { return nil }
      all += values
    }
    return Column(name: first.name, values: .float(all))
  }
}
