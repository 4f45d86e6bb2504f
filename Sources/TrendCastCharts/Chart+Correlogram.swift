import Foundation

extension Chart {
  /// A correlogram (ACF or PACF): a stem from zero at each lag, a zero line, and dashed
  /// lines at ±`band` (the significance band, e.g. 1.96/√n) when one is given.
  public static func correlogram(
    lags: [Double], values: [Double], band: Double? = nil, name: String = "ACF", title: String? = nil
  ) -> Chart {
    var layers: [Layer] = [.rule(Rule(y: 0, dashed: false))]
    if let band, isDrawable(band), band != 0 {
      let size = abs(band)
      let label = "±" + NumberFormat.compact(size, significantDigits: 2) + " significance"
      layers.append(.rule(Rule(name: label, y: size)))
      layers.append(.rule(Rule(y: -size)))
    }
    layers.append(.stems(Series(name: name, x: lags, y: values)))
    var chart = Chart(title: title, layers: layers)
    chart.x.label = "lag"
    return chart
  }

  /// The usual significance band of a correlogram of `n` observations: 1.96/√n.
  public static func whiteNoiseBand(observations n: Int) -> Double? {
    n > 0 ? 1.96 / Double(n).squareRoot() : nil
  }
}
