import Foundation
import TrendCastValues

/// Text pieces shared by the ETS and Holt-Winters displays, in the layout of R's
/// `print(ets)`.
enum ETSDisplay {
  /// R's round(x, 4), printed without trailing zeros.
  static func rounded(_ value: Double) -> String {
    let rounded = (value * 10_000).rounded() / 10_000
    return NumberFormatting.display(rounded == 0 && value != 0 ? value : rounded, significant: 10)
  }

  static func smoothingParameters(_ p: ETSParameters, spec: ETSSpecification) -> [(String, Double)] {
    var result = [("alpha", p.alpha)]
    if spec.hasTrend { result.append(("beta", p.beta)) }
    if spec.hasSeason { result.append(("gamma", p.gamma)) }
    if spec.damped { result.append(("phi", p.phi)) }
    return result
  }

  /// l, b, s1 … sm: R's names of the states.
  static func stateNames(_ spec: ETSSpecification) -> [String] {
    var names = ["l"]
    if spec.hasTrend { names.append("b") }
    if spec.hasSeason { names += (1...spec.period).map { "s\($0)" } }
    return names
  }

  static func parameterLines(_ parameters: [(String, Double)], title: String = "Smoothing parameters") -> [String] {
    ["  \(title):"] + parameters.map { name, value in
      "    \(name.padding(toLength: 5, withPad: " ", startingAt: 0)) = \(rounded(value))"
    }
  }

  /// "l = …", "b = …", "s = …" with six seasonal states a line, as R prints them.
  static func stateLines(_ state: [Double], spec: ETSSpecification, title: String = "Initial states") -> [String] {
    var lines = ["  \(title):", "    l = \(rounded(state[0]))"]
    if spec.hasTrend { lines.append("    b = \(rounded(state[1]))") }
    if spec.hasSeason {
      let seasons = Array(state[(spec.hasTrend ? 2 : 1)...]).map(rounded)
      var chunks: [String] = []
      var start = 0
      while start < seasons.count {
        chunks.append(seasons[start..<min(start + 6, seasons.count)].joined(separator: " "))
        start += 6
      }
      lines.append("    s = " + chunks.joined(separator: "\n        "))
    }
    return lines
  }

  /// The candidates ranked by AICc, with the difference to the winner, then one sentence on
  /// why the winner won.
  static func selectionLines(_ candidates: [ETSSelection.Candidate], winner: ETSFit, notes: [String], ascii: Bool) -> [String] {
    let fitted = candidates.enumerated().filter { $0.element.fit != nil }
      .sorted { ($0.element.aicc, $0.offset) < ($1.element.aicc, $1.offset) }.map(\.element)
    let failed = candidates.filter { $0.fit == nil }
    let rows = fitted.map { candidate -> [String] in
      let fit = candidate.fit
      return [
        candidate.spec.description,
        NumberFormatting.fixed(candidate.aicc, decimals: 2),
        NumberFormatting.fixed(candidate.aicc - winner.aicc, decimals: 2),
        fit.map { NumberFormatting.fixed($0.logLikelihood, decimals: 2) } ?? "",
        fit.map { String($0.estimatedParameterCount) } ?? "",
      ]
    } + failed.map { [$0.spec.description, "—", "", "", ""].map { ascii && $0 == "—" ? "-" : $0 } }
    var lines = ["  Models tried (\(candidates.count)), ranked by AICc:"]
    lines += TextTable(headers: ["model", "AICc", "ΔAICc", "log-lik", "k"].map { ascii ? $0.replacingOccurrences(of: "Δ", with: "d") : $0 },
      alignments: [.left, .right, .right, .right, .right], rows: rows).render(ascii: ascii).split(separator: "\n").map { "    " + $0 }
    var why = "  \(winner.spec) has the lowest AICc"
    if fitted.count > 1 {
      let runnerUp = fitted[1]
      why += ", \(NumberFormatting.fixed(runnerUp.aicc - winner.aicc, decimals: 2)) below \(runnerUp.spec)"
      why += runnerUp.aicc - winner.aicc < 2 ? " (less than 2: the two fit about equally well)." : "."
    } else {
      why += "."
    }
    lines.append(why)
    if !failed.isEmpty {
      lines.append("  Not fitted: " + failed.map { "\($0.spec) (\($0.failure ?? "failed"))" }.joined(separator: "; "))
    }
    lines += notes.map { "  note: \($0)" }
    return lines
  }

  static func periodWord(_ frequency: Frequency) -> String {
    switch frequency {
    case .hourly: return "hourly observations"
    case .daily: return "daily observations"
    case .weekly: return "weekly observations"
    case .monthly: return "monthly observations"
    case .quarterly: return "quarterly observations"
    case .yearly: return "yearly observations"
    case .unspecified: return "observations"
    }
  }
}
