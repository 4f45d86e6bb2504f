import Foundation
import TrendCastCharts
import TrendCastValues

/// The result of a statistical test (`test adf`, `test kpss`, `test ljungbox`): the statistic,
/// its p-value and lags, the hypotheses, and a plain-words reading at the 5 % level. Saves as
/// LANGUAGE.md §7's JSON `{"test", "statistic", "pvalue", "lags", …}`.
public struct TestResult: JSONExportable {
  /// "adf", "kpss", "ljungbox".
  public let test: String
  /// "Augmented Dickey-Fuller test".
  public let title: String
  /// What was tested ("passengers", "residuals from …").
  public let subject: String
  public let statistic: Double
  public let pValue: Double
  /// How to print the p-value when it is only a bound ("< 0.01").
  public let pValueDisplay: String?
  public let lags: Int
  /// Lines under the title: the hypothesis, settings, critical values.
  public let details: [String]
  /// The reading at the 5 % level.
  public let conclusion: String
  /// JSON members after test, statistic, pvalue and lags.
  public let extra: [(String, JSON)]

  public var kind: ValueKind { .test }
  public var summary: String { "\(test): statistic \(NumberFormatting.display(statistic, significant: 4)), p-value \(pValueDisplay ?? pValueText(pValue))" }

  public var jsonDocument: JSON {
    .object([("test", .string(test)), ("statistic", .number(statistic)), ("pvalue", .number(pValue)), ("lags", .number(Double(lags)))] + extra)
  }

  public var memberNames: [String] { ["statistic", "pvalue", "lags"] }

  /// `t.statistic`, `t.pvalue`, `t.lags` as numbers.
  public func member(_ name: String) throws -> any Value {
    switch name {
    case "statistic": return NumberValue(statistic)
    case "pvalue": return NumberValue(pValue)
    case "lags": return NumberValue(Double(lags))
    default: throw RuntimeError("a test result has no part '\(name)'", hint: "parts: \(memberNames.joined(separator: ", "))")
    }
  }

  public func render(_ style: RenderStyle) -> String {
    var lines = ["\(title) on \(subject)"]
    lines += details.map { "  " + $0 }
    lines.append("  => " + conclusion)
    let text = TerminalText.wrappedLines(lines.joined(separator: "\n"), width: style.width)
    return style.asciiOnly ? asciiFolded(text) : text
  }

  /// "statistic = …   p-value = …   lags = …".
  static func mainLine(statisticName: String, statistic: Double, pValue: String, lags: String) -> String {
    "\(statisticName) = \(NumberFormatting.fixed(statistic, decimals: 4))   p-value \(pValue.hasPrefix("<") || pValue.hasPrefix(">") ? pValue : "= " + pValue)   \(lags)"
  }
}
