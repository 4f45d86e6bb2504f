import Foundation

/// Measuring and fitting text in terminal columns.
///
/// A character's width follows the usual terminal conventions (as `wcwidth`): East Asian
/// wide and fullwidth characters and emoji take two columns, combining marks and other
/// zero-width characters none, everything else one. ANSI escape sequences (`ESC [ … letter`)
/// take no columns.
public enum TerminalText {
  /// The number of terminal columns `text` occupies.
  public static func width(of text: String) -> Int {
    // Printable ASCII, by far the most common case, is one column a byte.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    var total = 0
    var inEscape = false
    var afterEscapeIntroducer = false
    for character in text {
      if character == "\u{1B}" {
        inEscape = true
        afterEscapeIntroducer = true
        continue
      }
      if inEscape {
        if afterEscapeIntroducer {
          afterEscapeIntroducer = false
          if character == "[" { continue }
          inEscape = false
          continue
        }
        if let scalar = character.unicodeScalars.first, (0x40...0x7E).contains(scalar.value) {
          inEscape = false
        }
        continue
      }
      total += width(of: character)
    }
    return total
  }

  /// The number of terminal columns one grapheme cluster occupies (0, 1 or 2).
  public static func width(of character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    if character.unicodeScalars.count == 1, Self.narrowRanges.contains(where: { $0.contains(first.value) }) { return 1 }
    if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
    if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    if isZeroWidth(first) { return 0 }
    return isWide(first) || first.properties.isEmojiPresentation ? 2 : 1
  }

  /// `text` cut to at most `maxWidth` columns; when it is cut, it ends in `ellipsis`
  /// (which itself counts towards the width). Never splits a wide character.
  public static func truncated(_ text: String, toWidth maxWidth: Int, ellipsis: String = "…") -> String {
    if maxWidth <= 0 { return "" }
    if width(of: text) <= maxWidth { return text }
    let ellipsisWidth = width(of: ellipsis)
    if ellipsisWidth > maxWidth { return String(repeating: ".", count: maxWidth) }
    var result = ""
    var used = 0
    for character in text {
      let w = width(of: character)
      if used + w > maxWidth - ellipsisWidth { break }
      result.append(character)
      used += w
    }
    return result + ellipsis
  }

  /// A 7-bit rendering of `text`: common typographic symbols become ASCII look-alikes
  /// (`→` becomes `->`, `…` becomes `...`, `±` becomes `+/-`), accented letters lose their
  /// accents, and every other non-ASCII character becomes `?` (one per column it took).
  public static func asciiFolded(_ text: String) -> String {
    var result = ""
    for character in text {
      if character.isASCII {
        result.append(character)
      } else if let replacement = asciiReplacements[character] {
        result += replacement
      } else {
        let stripped = String(character).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        if stripped.allSatisfy(\.isASCII), !stripped.isEmpty {
          result += stripped
        } else {
          result += String(repeating: "?", count: max(width(of: character), 1))
        }
      }
    }
    return result
  }

  /// Printable Latin, box drawing, block elements and braille: one column, no lookup needed.
  static let narrowRanges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x2FF, 0x2500...0x259F, 0x2800...0x28FF]

  static let asciiReplacements: [Character: String] = [
    "→": "->", "←": "<-", "⇒": "=>", "↔": "<->", "…": "...", "–": "-", "—": "--", "−": "-",
    "‘": "'", "’": "'", "“": "\"", "”": "\"", "×": "x", "±": "+/-", "≤": "<=", "≥": ">=",
    "≠": "!=", "·": ".", "•": "*", "°": "deg", "√": "sqrt", "€": "EUR", "£": "GBP", "¥": "JPY",
    "\u{00A0}": " ",
  ]

  static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return true
    default: break
    }
    return (0x1160...0x11FF).contains(scalar.value) || scalar.value == 0x200B
  }

  /// East Asian Wide (W) and Fullwidth (F) ranges, after Unicode's EastAsianWidth.txt.
  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x1100 { return false }
    for range in wideRanges where range.contains(v) { return true }
    return false
  }

  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
    0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
    0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
    0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
    0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
    0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
    0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
    0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
    0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
    0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
    0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
    0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
    0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]
}
