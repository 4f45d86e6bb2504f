/// Numbers on a regular time index: the input of every model. Missing values are NaN.
public struct Series: CSVExportable {
  public var name: String
  public var index: TimeIndex
  public var values: [Double]
  /// Set by `clean normalize=…`: how to map values (and forecasts) back to the original scale.
  public var scaling: Scaling?

  public init(name: String, index: TimeIndex, values: [Double], scaling: Scaling? = nil) {
    precondition(index.count == values.count, "a series needs one value per period")
    self.name = name
    self.index = index
    self.values = values
    self.scaling = scaling
  }

  public var kind: ValueKind { .series }
  public var count: Int { values.count }
  public var frequency: Frequency { index.frequency }
  public var missingCount: Int { values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } }

  public var summary: String {
    let missing = missingCount
    return "\(index.summary)" + (missing > 0 ? ", \(missing) missing" : "")
  }

  /// The first `n` observations (a backtest's training window).
  public func prefix(_ n: Int) -> Series {
    let n = max(0, min(n, count))
    return Series(name: name, index: index.prefix(n), values: Array(values.prefix(n)), scaling: scaling)
  }

  /// Observations at positions `range`.
  public func slice(_ range: Range<Int>) -> Series {
    let clamped = range.clamped(to: 0..<count)
    return Series(name: name, index: index.slice(clamped), values: Array(values[clamped]), scaling: scaling)
  }

  public var csvDocument: CSVDocument {
    CSVDocument(header: ["date", name], rows: (0..<count).map { [index.label(at: $0), NumberFormatting.exact(values[$0])] })
  }

  public func render(_ style: RenderStyle) -> String {
    let visible = TextTable.visibleRows(count: count, head: style.headRows, tail: style.tailRows)
    let positions = Array(visible.head) + Array(visible.tail ?? 0..<0)
    let decimals = NumberFormatting.decimalsForColumn(positions.map { values[$0] })
    var rows = positions.map { [index.label(at: $0), NumberFormatting.fixed(values[$0], decimals: decimals)] }
    if visible.tail != nil { rows.insert([style.asciiOnly ? "..." : "…", ""], at: visible.head.count) }
    let missing = missingCount
    let title = "\(name): \(index.frequency.name) series, \(count) periods"
      + (missing > 0 ? ", \(missing) missing" : "")
      + (scaling.map { ", \($0.description)" } ?? "")
    return TextTable(headers: ["date", name], alignments: [.left, .right], rows: rows, title: title).render(ascii: style.asciiOnly)
  }
}

/// A reversible affine rescaling: original = scaled × scale + offset.
public struct Scaling: Sendable, Hashable, CustomStringConvertible {
  public var method: String
  public var offset: Double
  public var scale: Double
  public init(method: String, offset: Double, scale: Double) {
    self.method = method
    self.offset = offset
    self.scale = scale
  }
  public func original(_ value: Double) -> Double { value * scale + offset }
  public func scaled(_ value: Double) -> Double { (value - offset) / scale }
  public var description: String {
    "normalized by \(method) (x = z × \(NumberFormatting.display(scale)) + \(NumberFormatting.display(offset)))"
  }
}
