import Foundation
import Testing
import TrendCastTestSupport
import TrendCastValues

@testable import TrendCastArimaPlugin

/// `fit arima … fourier=K`: R's `fourier(x, K)` terms as regressors, for long seasons.
struct FourierTests {
  let harness = ScriptHarness()

  @Test func termsAreRsFourierColumns() {
    // R: fourier(ts(1:5, frequency = 4), K = 2) has columns S1-4, C1-4, C2-4 (S2-4 is zero).
    let terms = FourierTerms(pairs: 2, period: 4)
    #expect(terms.names == ["S1-4", "C1-4", "C2-4"])
    let columns = terms.columns(first: 1, count: 5)
    let expected: [[Double]] = [[1, 0, -1, 0, 1], [0, -1, 0, 1, 0], [-1, 1, -1, 1, -1]]
    for (column, reference) in zip(columns, expected) {
      #expect(zip(column, reference).allSatisfy { abs($0 - $1) < 1e-12 })
    }
    // Forecast periods continue the same waves.
    #expect(terms.columns(first: 6, count: 1).map(\.[0]) == terms.columns(first: 1, count: 6).map(\.[5]))
  }

  /// R 4.2.2, forecast 8.20: `y <- ts(co2, frequency = 52)`;
  /// `auto.arima(y, xreg = fourier(y, K = 4), seasonal = FALSE)` chooses Regression with
  /// ARIMA(2,1,0) errors with drift (TrendCast names it after its Fourier terms), log likelihood −1095.96, and forecasts (xreg =
  /// fourier(y, K = 4, h = 8)) 371.7058, 371.8809, 372.0656, 372.2627, 372.4698, 372.6923,
  /// 372.9315, 373.1836.
  @Test func weeklySeasonsFitAsRDoes() throws {
    let source = """
      c = dataset co2_weekly
      m = fit arima c.co2 fourier=4
      f = forecast m h=8
      """
    let model = try #require(try harness.value(of: "m", in: source) as? ArimaModel)
    #expect(model.modelName == "ARIMA(2,1,0) with drift + 4 Fourier pairs [52]")
    #expect(model.fit.regressionNames == ["drift", "S1-52", "C1-52", "S2-52", "C2-52", "S3-52", "C3-52", "S4-52", "C4-52"])
    #expect(abs((model.fit.logLikelihood ?? 0) - -1095.96) < 0.02)
    let reference: [Double] = [-0.3222, -0.2237, 0.0245, 2.3523, 1.3613, -0.4603, -0.4656, 0.0612, -0.0712, -0.0399, 0.0164]
    #expect(zip(model.fit.parameters, reference).allSatisfy { abs($0 - $1) < 2e-4 }, "\(model.fit.parameters)")
    let forecast = try #require(try harness.value(of: "f", in: source) as? Forecast)
    let rMeans = [371.7058, 371.8809, 372.0656, 372.2627, 372.4698, 372.6923, 372.9315, 373.1836]
    #expect(zip(forecast.mean, rMeans).allSatisfy { abs($0 - $1) < 2e-3 }, "\(forecast.mean)")
    let display = try harness.run(source + "\nm")
    #expect(display.contains("the season (period 52) is 4 Fourier pairs (fourier=4)"))
  }

  @Test func fourierModelsBacktestAndRefitWithTheirTerms() throws {
    let output = try harness.run("""
      air = dataset airpassengers
      m = fit arima air order=(1,1,0) fourier=3 transform=log
      backtest m h=12 windows=2
      """)
    #expect(output.contains("Backtest of ARIMA(1,1,0) + 3 Fourier pairs [12]"), "\(output)")
  }

  @Test func badFourierOptionsSayWhatToDo() {
    func failure(_ source: String) -> String {
      do {
        _ = try harness.run(source)
        return "(no error)"
      } catch {
        return "\(error)"
      }
    }
    let air = "air = dataset airpassengers\n"
    #expect(failure(air + "m = fit arima air fourier=7").contains("fourier=7 needs between 1 and 6 pairs for a period of 12"))
    #expect(failure(air + "m = fit arima air fourier=0").contains("use fourier=1 to fourier=6"))
    #expect(failure(air + "m = fit arima air order=(0,1,1) seasonal=(0,1,1) fourier=2")
      .contains("fourier= and a seasonal ARIMA part both model the season of period 12"))
    #expect(failure("n = dataset nile\nm = fit arima n fourier=1").contains("fourier= needs a seasonal period of at least 2"))
  }
}
