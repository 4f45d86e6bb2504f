import Foundation
import Testing

@testable import TrendCastNumerics

/// STL and classical decomposition against R 4.2.2's `stl` and `decompose`
/// (Fixtures/make_r_fixtures.R → r_fixtures.json).
@Suite("STL and classical decomposition")
struct SeasonalDecompositionTests {
  struct STLCase: Decodable {
    let label: String
    let period: Int
    let s_window: SWindow
    let robust: Bool
    let x: [Double]
    let seasonal: [Double]
    let trend: [Double]
    let weights: [Double]
    let win: [Int]
  }
  /// "periodic" or a number.
  enum SWindow: Decodable {
    case periodic
    case span(Int)
    init(from decoder: Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let span = try? container.decode(Int.self) { self = .span(span) } else { self = .periodic }
    }
  }
  struct DecomposeCase: Decodable {
    let label: String
    let period: Int
    let type: String
    let x: [Double]
    let trend: [Double?]
    let seasonal: [Double]
    let figure: [Double]
  }
  struct File: Decodable {
    let stl: [STLCase]
    let decompose: [DecomposeCase]
  }

  static let file: File? = try? ReferenceData.fixture("r_fixtures.json", as: File.self)

  @Test(arguments: 0..<7)
  func stlMatchesR(index: Int) throws {
    let c = try #require(Self.file?.stl[index])
    var options: STLOptions
    switch c.s_window {
    case .periodic: options = STLOptions(seasonalWindow: .periodic, robust: c.robust)
    case .span(let span): options = STLOptions(seasonalWindow: .span(span), robust: c.robust)
    }
    let result = try STL.decompose(c.x, period: c.period, options: options)
    // Same algorithm and arithmetic as R's Fortran: components agree to 1e-6 relative to the
    // series scale (in practice ~1e-10).
    let scale = Swift.max(1, c.x.map(abs).max() ?? 1)
    expectClose(result.seasonal, c.seasonal, tolerance: 1e-6 * scale, "\(c.label) seasonal")
    expectClose(result.trend, c.trend, tolerance: 1e-6 * scale, "\(c.label) trend")
    expectClose(result.weights, c.weights, tolerance: 1e-6, "\(c.label) weights")
    #expect([result.seasonalWindow, result.trendWindow, result.lowPassWindow] == c.win, "\(c.label) windows")
    let sum = (0..<c.x.count).map { result.seasonal[$0] + result.trend[$0] + result.remainder[$0] }
    expectClose(sum, c.x, tolerance: 1e-9 * scale, "\(c.label) reconstruction")
  }

  @Test(arguments: 0..<4)
  func classicalMatchesR(index: Int) throws {
    let c = try #require(Self.file?.decompose[index])
    let type: ClassicalDecomposition.Kind = c.type == "additive" ? .additive : .multiplicative
    let result = try ClassicalDecomposition.decompose(c.x, period: c.period, kind: type)
    let trend = c.trend.map { $0 ?? .nan }
    #expect(result.trend.map(\.isNaN) == trend.map(\.isNaN), "\(c.label) NaN pattern of trend")
    let finite = trend.indices.filter { !trend[$0].isNaN }
    // Moving averages and means: 1e-9 relative to the series scale.
    let scale = Swift.max(1, c.x.map(abs).max() ?? 1)
    expectClose(finite.map { result.trend[$0] }, finite.map { trend[$0] }, tolerance: 1e-9 * scale, "\(c.label) trend")
    expectClose(result.seasonal, c.seasonal, tolerance: 1e-9 * scale, "\(c.label) seasonal")
    expectClose(result.figure, c.figure, tolerance: 1e-9 * scale, "\(c.label) figure")
  }

  @Test func badInputThrows() {
    #expect(throws: NumericsError.self) { try STL.decompose(Array(repeating: 1, count: 24), period: 12, options: .init(seasonalWindow: .periodic)) }
    #expect(throws: NumericsError.self) { try STL.decompose([1, 2, .nan, 4, 5, 6, 7], period: 2, options: .init(seasonalWindow: .periodic)) }
    #expect(throws: NumericsError.self) { try ClassicalDecomposition.decompose([1, 2, 3, 4, 5], period: 4, kind: .additive) }
  }
}
