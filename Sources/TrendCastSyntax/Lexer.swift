/// Turns a byte range of a `SourceFile` into tokens.
///
/// Line continuation is decided here, so the parser only sees statement ends that matter: a line
/// break is a `.newline` token unless it falls inside brackets or parentheses, or the previous
/// token is `|>` or `,` (LANGUAGE.md §2). Lexical errors become diagnostics and the lexer goes on.
public struct Lexer {
  private let bytes: [UInt8]
  private var position: Int
  private let end: Int
  private var depth = 0
  private var openers: [Token] = []
  /// Closing brackets supplied when an unclosed bracket is given up on (see `startsBinding`).
  private var pending: [Token] = []
  public private(set) var diagnostics: [Diagnostic] = []

  public init(_ file: SourceFile, range: SourceRange? = nil) {
    self.bytes = file.bytes
    self.position = range?.start ?? 0
    self.end = min(range?.end ?? file.bytes.count, file.bytes.count)
  }

  /// All tokens, ending with `.end`; the unclosed brackets are reported.
  public mutating func tokenize() -> [Token] {
    var tokens: [Token] = []
    while true {
      let token = next(previous: tokens.last)
      switch token.kind {
      case .newline:
        // Collapse blank lines and never start with a statement end.
        if let last = tokens.last, last.kind != .newline { tokens.append(token) }
      case .end:
        for opener in openers {
          diagnostics.append(.error("\(opener.spelling) is never closed", at: opener.range, help: "add the matching closing bracket"))
        }
        tokens.append(token)
        return tokens
      default:
        tokens.append(token)
      }
    }
  }

  private mutating func next(previous: Token?) -> Token {
    if !pending.isEmpty { return pending.removeFirst() }
    while position < end {
      let byte = bytes[position]
      let start = position
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
        position += 1
      case UInt8(ascii: "#"):
        while position < end, bytes[position] != UInt8(ascii: "\n") { position += 1 }
      case UInt8(ascii: "\n"):
        position += 1
        if depth > 0 && startsBinding(at: position) {
          // `order=(0,1,1` then `f = …` on the next line: the bracket was never closed. Close it
          // here, so the statement parses, its name stays bound and the next line is its own.
          for opener in openers.reversed() {
            diagnostics.append(.error("\(opener.spelling) is never closed", at: opener.range, help: "add the matching closing bracket"))
            pending.append(Token(opener.kind == .leftParen ? .rightParen : .rightBracket, SourceRange(start, start)))
          }
          openers.removeAll()
          depth = 0
          pending.append(Token(.newline, SourceRange(start, start + 1)))
          return pending.removeFirst()
        }
        if depth > 0 { continue }
        if let previous, previous.kind == .pipe || previous.kind == .comma { continue }
        return Token(.newline, SourceRange(start, start + 1))
      case UInt8(ascii: "\""):
        return lexString()
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        return lexNumber()
      case UInt8(ascii: "."):
        if position + 1 < end, isDigit(bytes[position + 1]), !(previous.map(endsValue) ?? false) {
          return lexNumber()
        }
        position += 1
        return Token(.dot, SourceRange(start, position))
      case UInt8(ascii: "("), UInt8(ascii: "["):
        position += 1
        let token = Token(byte == UInt8(ascii: "(") ? .leftParen : .leftBracket, SourceRange(start, position))
        depth += 1
        openers.append(token)
        return token
      case UInt8(ascii: ")"), UInt8(ascii: "]"):
        position += 1
        let kind: TokenKind = byte == UInt8(ascii: ")") ? .rightParen : .rightBracket
        if let opener = openers.last {
          let expected: TokenKind = opener.kind == .leftParen ? .rightParen : .rightBracket
          if expected == kind {
            openers.removeLast()
            depth -= 1
          } else {
            diagnostics.append(.error("\(Token(kind, .empty).spelling) does not match \(opener.spelling)", at: SourceRange(start, position), help: "close \(opener.spelling) first"))
          }
        } else {
          diagnostics.append(.error("\(Token(kind, .empty).spelling) without a matching opening bracket", at: SourceRange(start, position)))
          continue
        }
        return Token(kind, SourceRange(start, position))
      case UInt8(ascii: ","):
        position += 1
        return Token(.comma, SourceRange(start, position))
      case UInt8(ascii: "-"):
        position += 1
        return Token(.minus, SourceRange(start, position))
      case UInt8(ascii: "|"):
        if position + 1 < end, bytes[position + 1] == UInt8(ascii: ">") {
          position += 2
          return Token(.pipe, SourceRange(start, position))
        }
        position += 1
        diagnostics.append(.error("unexpected '|'", at: SourceRange(start, position), help: "the pipe is written '|>'"))
      case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"):
        if let token = lexOperator() { return token }
      default:
        if let token = lexName() { return token }
        let scalarEnd = nextScalarEnd(from: position)
        let text = String(decoding: bytes[position..<scalarEnd], as: UTF8.self)
        position = scalarEnd
        diagnostics.append(.error("unexpected character '\(text)'", at: SourceRange(start, scalarEnd)))
      }
    }
    return Token(.end, SourceRange(end, end))
  }

  /// Whether the line at `offset` starts, unindented, with `NAME =` — a new binding, which
  /// cannot continue a bracket (inside brackets only values are written).
  private func startsBinding(at offset: Int) -> Bool {
    guard offset < end, isNameStartScalar(at: offset) else { return false }
    var cursor = nextScalarEnd(from: offset)
    while cursor < end, isNameContinueScalar(at: cursor) { cursor = nextScalarEnd(from: cursor) }
    while cursor < end, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") { cursor += 1 }
    guard cursor < end, bytes[cursor] == UInt8(ascii: "=") else { return false }
    return cursor + 1 >= end || bytes[cursor + 1] != UInt8(ascii: "=")
  }

  private func endsValue(_ token: Token) -> Bool {
    switch token.kind {
    case .name, .rightParen, .rightBracket, .string, .number: return true
    default: return false
    }
  }

  private mutating func lexOperator() -> Token? {
    let start = position
    let first = bytes[position]
    let second: UInt8? = position + 1 < end ? bytes[position + 1] : nil
    if second == UInt8(ascii: "=") {
      position += 2
      switch first {
      case UInt8(ascii: "="): return Token(.compare(.equal), SourceRange(start, position))
      case UInt8(ascii: "!"): return Token(.compare(.notEqual), SourceRange(start, position))
      case UInt8(ascii: "<"): return Token(.compare(.lessOrEqual), SourceRange(start, position))
      default: return Token(.compare(.greaterOrEqual), SourceRange(start, position))
      }
    }
    position += 1
    switch first {
    case UInt8(ascii: "="): return Token(.equals, SourceRange(start, position))
    case UInt8(ascii: "<"): return Token(.compare(.less), SourceRange(start, position))
    case UInt8(ascii: ">"): return Token(.compare(.greater), SourceRange(start, position))
    default:
      diagnostics.append(.error("unexpected '!'", at: SourceRange(start, position), help: "'not equal' is written '!='"))
      return nil
    }
  }

  private mutating func lexNumber() -> Token {
    let start = position
    while position < end, isDigit(bytes[position]) { position += 1 }
    if position < end, bytes[position] == UInt8(ascii: "."), position + 1 < end, isDigit(bytes[position + 1]) {
      position += 1
      while position < end, isDigit(bytes[position]) { position += 1 }
    } else if position < end, bytes[position] == UInt8(ascii: "."), start < position,
      !(position + 1 < end && isNameStart(bytes[position + 1]))
    {
      position += 1  // "3." is a number; "x.col" never starts with a digit
    }
    if position < end, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
      var look = position + 1
      if look < end, bytes[look] == UInt8(ascii: "+") || bytes[look] == UInt8(ascii: "-") { look += 1 }
      if look < end, isDigit(bytes[look]) {
        position = look
        while position < end, isDigit(bytes[position]) { position += 1 }
      }
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    let value = Double(text) ?? 0
    if position < end, bytes[position] == UInt8(ascii: "%") {
      position += 1
      return Token(.number(value / 100, isPercent: true), SourceRange(start, position))
    }
    if position < end, isNameStart(bytes[position]) {
      let nameStart = position
      while position < end, isNameContinue(bytes[position]) { position += 1 }
      let suffix = String(decoding: bytes[nameStart..<position], as: UTF8.self)
      diagnostics.append(.error("'\(text)\(suffix)' is not a number or a name", at: SourceRange(start, position), help: "names start with a letter or '_'"))
    }
    return Token(.number(value, isPercent: false), SourceRange(start, position))
  }

  private mutating func lexString() -> Token {
    let start = position
    position += 1
    var value: [UInt8] = []
    while position < end {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return Token(.string(String(decoding: value, as: UTF8.self)), SourceRange(start, position))
      }
      if byte == UInt8(ascii: "\n") { break }
      if byte == UInt8(ascii: "\\"), position + 1 < end {
        let escaped = bytes[position + 1]
        switch escaped {
        case UInt8(ascii: "\""): value.append(escaped)
        case UInt8(ascii: "\\"): value.append(escaped)
        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
        default:
          let escapeEnd = nextScalarEnd(from: position + 1)
          let text = String(decoding: bytes[position..<escapeEnd], as: UTF8.self)
          diagnostics.append(.error("unknown escape '\(text)' in a string", at: SourceRange(position, escapeEnd), help: "the escapes are \\\" \\\\ \\n \\t"))
          value.append(contentsOf: bytes[position + 1..<escapeEnd])
          position = escapeEnd
          continue
        }
        position += 2
        continue
      }
      value.append(byte)
      position += 1
    }
    diagnostics.append(.error("this string is never closed", at: SourceRange(start, start + 1), help: "add '\"' before the end of the line"))
    return Token(.string(String(decoding: value, as: UTF8.self)), SourceRange(start, position))
  }

  private mutating func lexName() -> Token? {
    let start = position
    guard isNameStartScalar(at: position) else { return nil }
    position = nextScalarEnd(from: position)
    while position < end, isNameContinueScalar(at: position) {
      position = nextScalarEnd(from: position)
    }
    return Token(.name(String(decoding: bytes[start..<position], as: UTF8.self)), SourceRange(start, position))
  }

  // MARK: Character classes (ASCII fast path, Unicode letters allowed in names)

  private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
  private func isNameStart(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_") || byte >= 0x80
  }
  private func isNameContinue(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }

  private func scalar(at offset: Int) -> Unicode.Scalar? {
    let scalarEnd = nextScalarEnd(from: offset)
    return String(decoding: bytes[offset..<scalarEnd], as: UTF8.self).unicodeScalars.first
  }
  private func isNameStartScalar(at offset: Int) -> Bool {
    let byte = bytes[offset]
    if byte < 0x80 { return isNameStart(byte) }
    return scalar(at: offset)?.properties.isAlphabetic ?? false
  }
  private func isNameContinueScalar(at offset: Int) -> Bool {
    let byte = bytes[offset]
    if byte < 0x80 { return isNameContinue(byte) }
    guard let scalar = scalar(at: offset) else { return false }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }
  /// The offset just after the UTF-8 scalar starting at `offset`.
  private func nextScalarEnd(from offset: Int) -> Int {
    var next = offset + 1
    while next < end, bytes[next] & 0xC0 == 0x80 { next += 1 }
    return next
  }
}
