import Foundation
import TrendCastTestSupport

@testable import TrendCastArimaPlugin

/// Reads the series of a reference case: the column named like the case's series, else the
/// only value column of its CSV.
enum ReferenceSeries {
  static func values(csv: String, series: String) throws -> [Double] {
    let text = try String(contentsOfFile: ReferenceData.path(csv), encoding: .utf8)
    let header = text.split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
    let name = header.contains(series) ? series : header.count > 1 ? header[1] : series
    return try ReferenceData.column(csv, name)
  }

  /// The ARIMA order of a reference case: [p,d,q] and [P,D,Q,s].
  static func order(_ item: [String: Any], orderKey: String = "order", seasonalKey: String = "seasonal_order") -> ARIMAOrder {
    let o = item.ints(orderKey) ?? [0, 0, 0]
    let s = item.ints(seasonalKey) ?? [0, 0, 0, 0]
    return ARIMAOrder(p: o[0], d: o[1], q: o[2], seasonalP: s[0], seasonalD: s[1], seasonalQ: s[2], period: max(1, s[3]))
  }

  /// statsmodels parameter names → R's.
  static func rName(_ statsmodelsName: String, period: Int) -> String {
    if statsmodelsName == "const" { return "intercept" }
    if statsmodelsName == "x1" { return "drift" }
    let seasonalIndex = (Int(statsmodelsName.dropFirst(6)) ?? 0) / max(period, 1)
    if statsmodelsName.hasPrefix("ar.S.L") { return "sar\(seasonalIndex)" }
    if statsmodelsName.hasPrefix("ma.S.L") { return "sma\(seasonalIndex)" }
    if statsmodelsName.hasPrefix("ar.L") { return "ar" + statsmodelsName.dropFirst(4) }
    if statsmodelsName.hasPrefix("ma.L") { return "ma" + statsmodelsName.dropFirst(4) }
    return statsmodelsName
  }
}
