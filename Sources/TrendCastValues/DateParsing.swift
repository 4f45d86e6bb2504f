/// Recognises the date forms LANGUAGE.md promises in data files: ISO dates and date-times
/// (`2024-01-31`, `2024-01-31 13:00`, `2024-01-31T13:00:00`, also with `/`), `YYYY-MM`,
/// `Jan 1980` / `January 1980`, `1959Q1` / `1959 Q1` / `1959-Q1`, and plain years.
/// Works on UTF-8 bytes so loading a million rows does not allocate a String per field.
public enum DateParser {
  public struct Parsed: Sendable, Equatable {
    public var timestamp: Timestamp
    public var style: DateStyle
  }

  /// Parses a field; plain 4-digit years are accepted only when `allowPlainYear`.
  public static func parse(_ text: String, allowPlainYear: Bool = false) -> Parsed? {
    var text = text
    return text.withUTF8 { parse(UnsafeBufferPointer(start: $0.baseAddress, count: $0.count), allowPlainYear: allowPlainYear) }
  }

  public static func parse(_ field: UnsafeBufferPointer<UInt8>, allowPlainYear: Bool = false) -> Parsed? {
    var bytes = field[...]
    while let first = bytes.first, first == 0x20 { bytes = bytes.dropFirst() }
    while let last = bytes.last, last == 0x20 { bytes = bytes.dropLast() }
    guard let first = bytes.first else { return nil }
    if isDigit(first) { return parseNumeric(bytes, allowPlainYear: allowPlainYear) }
    return parseMonthName(bytes)
  }

  private static func parseNumeric(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, allowPlainYear: Bool) -> Parsed? {
    var cursor = bytes.startIndex
    let end = bytes.endIndex
    guard let year = readDigits(bytes, &cursor, exactly: 4) else { return nil }
    if cursor == end {
      guard allowPlainYear else { return nil }
      return Parsed(timestamp: Timestamp(date: CivilDate(year: year, month: 1, day: 1)), style: .year)
    }
    // Quarter: 1959Q1, 1959 Q1, 1959-Q1
    var quarterCursor = cursor
    if bytes[quarterCursor] == 0x20 || bytes[quarterCursor] == UInt8(ascii: "-") { quarterCursor += 1 }
    if quarterCursor < end, bytes[quarterCursor] == UInt8(ascii: "Q") || bytes[quarterCursor] == UInt8(ascii: "q") {
      quarterCursor += 1
      guard quarterCursor + 1 == end, let quarter = digit(bytes[quarterCursor]), (1...4).contains(quarter) else { return nil }
      return Parsed(timestamp: Timestamp(date: CivilDate(year: year, month: quarter * 3 - 2, day: 1)), style: .quarter)
    }
    let separator = bytes[cursor]
    guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") else { return nil }
    cursor += 1
    guard let month = readDigits(bytes, &cursor, between: 1...2), (1...12).contains(month) else { return nil }
    if cursor == end {
      return Parsed(timestamp: Timestamp(date: CivilDate(year: year, month: month, day: 1)), style: .yearMonth)
    }
    guard bytes[cursor] == separator else { return nil }
    cursor += 1
    guard let day = readDigits(bytes, &cursor, between: 1...2), let date = CivilDate.validated(year: year, month: month, day: day) else { return nil }
    if cursor == end { return Parsed(timestamp: Timestamp(date: date), style: .isoDate) }
    guard bytes[cursor] == 0x20 || bytes[cursor] == UInt8(ascii: "T") else { return nil }
    cursor += 1
    guard let hour = readDigits(bytes, &cursor, between: 1...2), hour < 24, cursor < end, bytes[cursor] == UInt8(ascii: ":") else { return nil }
    cursor += 1
    guard let minute = readDigits(bytes, &cursor, exactly: 2), minute < 60 else { return nil }
    var second = 0
    if cursor < end, bytes[cursor] == UInt8(ascii: ":") {
      cursor += 1
      guard let parsedSecond = readDigits(bytes, &cursor, exactly: 2), parsedSecond < 61 else { return nil }
      second = parsedSecond
      // Fractions of a second are accepted and dropped.
      if cursor < end, bytes[cursor] == UInt8(ascii: ".") {
        cursor += 1
        while cursor < end, isDigit(bytes[cursor]) { cursor += 1 }
      }
    }
    if cursor < end, bytes[cursor] == UInt8(ascii: "Z") { cursor += 1 }
    guard cursor == end else { return nil }
    return Parsed(timestamp: Timestamp(date: date, secondOfDay: hour * 3600 + minute * 60 + second), style: .isoDateTime)
  }

  /// `Jan 1980`, `January 1980`, `Jan-1980`.
  private static func parseMonthName(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Parsed? {
    var cursor = bytes.startIndex
    let end = bytes.endIndex
    var letters: [UInt8] = []
    while cursor < end, isLetter(bytes[cursor]), letters.count < 10 {
      letters.append(bytes[cursor] | 0x20)
      cursor += 1
    }
    guard letters.count >= 3, cursor < end else { return nil }
    let word = String(decoding: letters, as: UTF8.self)
    guard let monthIndex = CivilDate.monthNames.firstIndex(where: { name in
      let lower = name.lowercased()
      return lower == word || (word.count == 3 && lower.hasPrefix(word)) || (word == "sept" && lower == "september")
    }) else { return nil }
    guard bytes[cursor] == 0x20 || bytes[cursor] == UInt8(ascii: "-") else { return nil }
    cursor += 1
    guard let year = readDigits(bytes, &cursor, exactly: 4), cursor == end else { return nil }
    return Parsed(timestamp: Timestamp(date: CivilDate(year: year, month: monthIndex + 1, day: 1)), style: .monthName)
  }

  private static func readDigits(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ cursor: inout Int, exactly count: Int) -> Int? {
    readDigits(bytes, &cursor, between: count...count)
  }

  private static func readDigits(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ cursor: inout Int, between counts: ClosedRange<Int>) -> Int? {
    var value = 0
    var read = 0
    while cursor < bytes.endIndex, read < counts.upperBound, let d = digit(bytes[cursor]) {
      value = value * 10 + d
      cursor += 1
      read += 1
    }
    guard counts.contains(read) else { return nil }
    if cursor < bytes.endIndex, isDigit(bytes[cursor]) { return nil }
    return value
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  private static func digit(_ byte: UInt8) -> Int? { isDigit(byte) ? Int(byte - 0x30) : nil }
  private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
}

/// Infers the frequency of a set of timestamps: the largest calendar unit every gap is a whole
/// multiple of, among H, D, W, M, Q, Y. Gaps (missing periods) are allowed; duplicates are
/// ignored here (the caller reports them).
public enum FrequencyInference {
  public static func infer(_ sorted: [Timestamp]) -> Frequency? {
    var unique: [Timestamp] = []
    unique.reserveCapacity(sorted.count)
    for stamp in sorted where unique.last != stamp { unique.append(stamp) }
    guard unique.count >= 2 else { return nil }
    let allMidnight = unique.allSatisfy { $0.secondOfDay == unique[0].secondOfDay }
    if allMidnight {
      let dates = unique.map(\.date)
      let sameDay = dates.allSatisfy { $0.day == dates[0].day } || dates.allSatisfy(\.isLastDayOfMonth)
      if sameDay {
        let months = dates.map { $0.year * 12 + $0.month - 1 }
        var step = 0
        for i in 1..<months.count { step = gcd(step, months[i] - months[i - 1]) }
        if step % 12 == 0 { return .yearly }
        if step % 3 == 0 { return .quarterly }
        if step >= 1 { return .monthly }
      }
      var dayStep = 0
      for i in 1..<unique.count { dayStep = gcd(dayStep, unique[i].days - unique[i - 1].days) }
      if dayStep % 7 == 0 { return .weekly }
      return dayStep >= 1 ? .daily : nil
    }
    var secondStep = 0
    for i in 1..<unique.count { secondStep = gcd(secondStep, unique[i].seconds - unique[i - 1].seconds) }
    return secondStep % 3600 == 0 ? .hourly : nil
  }

  static func gcd(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (abs(a), abs(b))
    while y != 0 { (x, y) = (y, x % y) }
    return x
  }
}
