import TrendCastCharts
import TrendCastPlugin
import TrendCastValues

/// `plot` of a panel: a few series overlaid on one axis (each named by its id); more series,
/// forecasts and other results as small charts one under another, each titled by its id.
enum PanelPlot {
  /// At most this many series share one chart; beyond it lines cannot be told apart.
  static let overlaidSeriesLimit = 6

  static func drawing(_ panel: Panel, _ options: PlotOptions) throws -> Plot.Drawing {
    guard !panel.entries.isEmpty else {
      throw RuntimeError("the panel is empty, so there is nothing to plot").focused(on: .input(0))
    }
    // Members loaded as tables (`load … id=COL`) with one numeric column are series.
    let entries = panel.entries.map { entry in
      Panel.Entry(id: entry.id, value: entry.value is Table ? (try? SeriesCoercion.series(from: entry.value)) ?? entry.value : entry.value)
    }
    let series = entries.compactMap { $0.value as? Series }
    if series.count == entries.count, series.count <= overlaidSeriesLimit {
      let renamed = zip(entries, series).map { entry, member in
        var copy = member
        copy.name = entry.id
        return copy as any Value
      }
      var chart = try Plot.lineChart(renamed, labels: [])
      chart.title = "\(series.first?.name ?? "series") by \(panel.idName)"
      return options.decorated(chart)
    }
    let members: [(id: String, value: any Plottable)] = try entries.map { entry in
      guard let plottable = entry.value as? Plottable else {
        throw RuntimeError("the panel's member '\(entry.id)' is \(entry.value.kind.withArticle), which has no chart").focused(on: .input(0))
      }
      return (entry.id, plottable)
    }
    let top = options.top
    let title = options.title
    let labelled = options
    return { style in
      var small = style
      small.height = style.height ?? max(ChartStyle.defaultPlotRows(forWidth: style.effectiveWidth) / 2, 5)
      let charts = members.map { member in
        let memberTitle = "\(panel.idName) \(member.id)"
        if member.value is Series || member.value is Forecast {
          return labelled.labelled(member.value.chart(top: top)).labelled(title: memberTitle).render(small)
        }
        return member.value.drawChart(top: top, title: memberTitle, style: small)
      }
      return (title.map { [$0] } ?? []).joined() + (title == nil ? "" : "\n") + charts.joined(separator: "\n\n")
    }
  }
}
