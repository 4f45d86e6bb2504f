/// The text of one file (a notebook, a script, a REPL entry) with fast offset → line/column
/// mapping. Every token and diagnostic refers to byte offsets into `bytes`, so a notebook's cells
/// are parsed in place and errors carry the notebook's own line numbers.
public struct SourceFile: Sendable, Equatable {
  /// The name shown in diagnostics: a path as the user typed it, `<repl>` or `<stdin>`.
  public let name: String
  public let text: String
  public let bytes: [UInt8]
  /// Byte offset at which each line starts; lineStarts[0] == 0.
  private let lineStarts: [Int]
  /// The line number of the first line of `text` (a REPL entry may start at line 7 of a session).
  public let firstLine: Int

  public init(name: String, text: String, firstLine: Int = 1) {
    self.name = name
    self.text = text
    self.firstLine = firstLine
    let bytes = Array(text.utf8)
    self.bytes = bytes
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(offset + 1)
    }
    self.lineStarts = starts
  }

  /// The 0-based index of the line containing `offset`.
  public func lineIndex(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// 1-based line and column (in characters, not bytes) of `offset`.
  public func location(of offset: Int) -> SourceLocation {
    let index = lineIndex(of: offset)
    let start = lineStarts[index]
    let clamped = max(start, min(offset, bytes.count))
    let prefix = String(decoding: bytes[start..<clamped], as: UTF8.self)
    return SourceLocation(line: index + firstLine, column: prefix.count + 1)
  }

  /// The text of the line containing `offset`, without its line break.
  public func lineText(containing offset: Int) -> String {
    let index = lineIndex(of: offset)
    let start = lineStarts[index]
    var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
    if end > start, end - 1 < bytes.count, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
  }

  /// The source text of a range.
  public func text(of range: SourceRange) -> String {
    let lower = max(0, min(range.start, bytes.count))
    let upper = max(lower, min(range.end, bytes.count))
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }

  public var lineCount: Int { lineStarts.count }
}

/// A 1-based line and column.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
  public var description: String { "\(line):\(column)" }
}

/// A half-open range of byte offsets into a `SourceFile`.
public struct SourceRange: Sendable, Hashable {
  public var start: Int
  public var end: Int
  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = max(start, end)
  }
  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(min(start, other.start), max(end, other.end))
  }
  public static let empty = SourceRange(0, 0)
}
