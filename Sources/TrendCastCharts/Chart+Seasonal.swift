extension Chart {
  /// A seasonal plot: a dated series cut into cycles, one line per cycle over the position
  /// in the cycle, each line named at its end.
  ///
  /// - month data: one line per year over Jan…Dec;
  /// - quarter data: one line per year over Q1…Q4;
  /// - week data: one line per ISO year over ISO weeks 1…53;
  /// - day data: one line per ISO week (named like `2024-W03`) over Mon…Sun;
  /// - hour data: one line per day (named like `2024-03-04`) over hours 0…23;
  /// - year or none: a single line (there is no cycle to cut).
  ///
  /// `dates` are epoch days; values with a missing date are left out.
  public static func seasonal(dates: [Double], values: [Double], frequency: Frequency, title: String? = nil) -> Chart {
    var cycles: [(name: String, positions: [Double], values: [Double])] = []
    var indexOfCycle: [String: Int] = [:]
    for (date, value) in zip(dates, values) {
      guard let civil = CivilDate(epochDay: date) else { continue }
      let (name, position) = seasonalCycle(of: civil, epochDay: date, frequency: frequency)
      if let i = indexOfCycle[name] {
        cycles[i].positions.append(position)
        cycles[i].values.append(value)
      } else {
        indexOfCycle[name] = cycles.count
        cycles.append((name, [position], [value]))
      }
    }
    let scale: AxisScale
    var xLabel: String?
    switch frequency {
    case .month: scale = .categories(monthNames)
    case .quarter: scale = .categories(["Q1", "Q2", "Q3", "Q4"])
    case .day: scale = .categories(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    case .hour:
      scale = .numeric
      xLabel = "hour"
    case .week:
      scale = .numeric
      xLabel = "ISO week"
    case .year, .none:
      scale = .dates(frequency)
    }
    let layers = cycles.map { Layer.line(Series(name: $0.name, x: $0.positions, y: $0.values)) }
    return Chart(title: title, x: Axis(label: xLabel, scale: scale), layers: layers, lineLabels: .lineEnds)
  }

  static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// The cycle a date belongs to and its position in it.
  static func seasonalCycle(of date: CivilDate, epochDay: Double, frequency: Frequency) -> (name: String, position: Double) {
    let day = date.epochDay
    switch frequency {
    case .hour: return (date.isoText, ((epochDay - Double(day)) * 24 + 1e-6).rounded(.down))
    case .month: return (date.yearText, Double(date.month - 1))
    case .quarter: return (date.yearText, Double((date.month - 1) / 3))
    case .week:
      let week = CivilDate.isoWeek(epochDay: day)
      return (CivilDate(year: week.year, month: 1, day: 1).yearText, Double(week.week))
    case .day:
      let week = CivilDate.isoWeek(epochDay: day)
      let number = week.week < 10 ? "0\(week.week)" : "\(week.week)"
      return (CivilDate(year: week.year, month: 1, day: 1).yearText + "-W" + number, Double(CivilDate.isoWeekday(epochDay: day) - 1))
    case .year, .none:
      return ("", Double(day))
    }
  }
}
