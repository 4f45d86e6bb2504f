import Foundation
import TrendCastPlugin
import TrendCastValues

/// The holiday dates `calendar holidays=` takes: a list of dates, or a file with one date a
/// line (a CSV whose first column holds them, a header line allowed).
enum Holidays {
  /// Days since the epoch, sorted and distinct.
  static func read(_ option: [String], _ invocation: Invocation) throws -> [Int] {
    if option.count == 1, let only = option.first, DateParser.parse(only, allowPlainYear: false) == nil {
      return try readFile(only, invocation)
    }
    var days = Set<Int>()
    for text in option {
      guard let parsed = DateParser.parse(text, allowPlainYear: false), parsed.style == .isoDate else {
        throw invocation.optionError("holidays", "holidays= holds \"\(text)\", which is not a date", hint: "write days like \"2024-12-25\"")
      }
      days.insert(parsed.timestamp.days)
    }
    return days.sorted()
  }

  static func readFile(_ path: String, _ invocation: Invocation) throws -> [Int] {
    let resolved = invocation.context.resolveForReading(path)
    guard let data = FileManager.default.contents(atPath: resolved) else {
      throw invocation.optionError("holidays", "cannot read the holiday file '\(path)'",
        hint: "give a file with one date a line, or a list: holidays=[\"2024-12-25\", \"2025-01-01\"]")
    }
    let text = String(decoding: data, as: UTF8.self)
    var days = Set<Int>()
    var sawDate = false
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !line.isEmpty, !line.hasPrefix("#") else { continue }
      let field = line.split(separator: line.contains(";") && !line.contains(",") ? ";" : ",", maxSplits: 1).first.map {
        String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
      } ?? line
      guard let parsed = DateParser.parse(field, allowPlainYear: false), parsed.style == .isoDate else {
        // A header line before the first date is allowed.
        if !sawDate, days.isEmpty, offset == 0 { continue }
        throw RuntimeError("the holiday file holds '\(field)' on line \(offset + 1), which is not a date",
          hint: "one date a line, like 2024-12-25", at: DataLocation(file: path, line: offset + 1, column: 1, lineText: String(rawLine)))
      }
      sawDate = true
      days.insert(parsed.timestamp.days)
    }
    guard !days.isEmpty else { throw invocation.optionError("holidays", "the holiday file '\(path)' holds no dates") }
    return days.sorted()
  }

  /// Daily (or irregular) data: `holiday`, whether the day is one. Longer periods: `holidays`,
  /// how many fall in the calendar period (ISO week, month …) of each row's date.
  static func column(stamps: [Timestamp?], holidays: [Int], frequency: Frequency?) -> Column {
    let set = Set(holidays)
    switch frequency {
    case .weekly?, .monthly?, .quarterly?, .yearly?:
      guard let frequency else { break }
      let bins = CalendarBins(frequency)
      var perBin: [Int: Int] = [:]
      for day in holidays { perBin[bins.key(Timestamp(date: CivilDate(daysSinceEpoch: day))), default: 0] += 1 }
      return Column(name: "holidays", values: .integer(stamps.map { $0.map { perBin[bins.key($0)] ?? 0 } }))
    default:
      break
    }
    return Column(name: "holiday", values: .boolean(stamps.map { $0.map { set.contains($0.days) } }))
  }
}
