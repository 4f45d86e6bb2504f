import TrendCastCharts
import TrendCastPlugin
import TrendCastValues

/// The options of one `plot`, checked once.
struct PlotOptions: Sendable {
  var kind: String
  var title: String?
  var width: Int?
  var height: Int?
  var ylabel: String?
  var unit: String?
  var top: Int
  var bins: Int?
  /// Periods of history drawn by kind=line (nil: all).
  var last: Int?

  init(_ invocation: Invocation) throws {
    kind = try invocation.keyword("kind") ?? "line"
    title = try invocation.string("title")
    ylabel = try invocation.string("ylabel")
    unit = try invocation.string("unit")
    width = try invocation.integer("width")
    height = try invocation.integer("height")
    top = try invocation.integer("top") ?? 10
    bins = try invocation.integer("bins")
    last = try invocation.integer("last")
    if let width, !(ChartStyle.minimumWidth...ChartStyle.maximumWidth).contains(width) {
      throw invocation.optionError("width", "width=\(width) is outside \(ChartStyle.minimumWidth) to \(ChartStyle.maximumWidth)")
    }
    if let height, !(3...ChartStyle.maximumHeight).contains(height) {
      throw invocation.optionError("height", "height=\(height) is outside 3 to \(ChartStyle.maximumHeight) rows")
    }
    if top < 1 { throw invocation.optionError("top", "top=\(top) must be at least 1") }
    if let bins, !(1...200).contains(bins) {
      throw invocation.optionError("bins", "bins=\(bins) is outside 1 to 200")
    }
    if let last, last < 2 { throw invocation.optionError("last", "last=\(last) must be at least 2 periods") }
    if last != nil, kind != "line" {
      throw invocation.optionError("last", "last= applies to kind=line only", hint: kind == "bar" ? "kind=bar takes top= for its last periods" : "leave out last=")
    }
    if bins != nil, kind != "hist" {
      throw invocation.optionError("bins", "bins= applies to kind=hist only", hint: "add kind=hist")
    }
  }

  /// The chart with the user's title, y label and unit.
  func labelled(_ chart: Chart) -> Chart {
    chart.labelled(title: title, y: ylabel, yUnit: unit)
  }

  /// A drawing of a fixed chart with the user's labels.
  func decorated(_ chart: Chart) -> Plot.Drawing {
    let final = labelled(chart)
    return { style in final.render(style) }
  }
}
