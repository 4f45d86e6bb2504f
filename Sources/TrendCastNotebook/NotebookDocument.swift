import TrendCastSyntax

/// A `.tcnb` notebook (LANGUAGE.md §5): Markdown whose fenced blocks tagged `tc` are code cells,
/// each optionally followed by a block tagged `output` holding its stored output.
///
/// The document keeps the original bytes; cells and outputs are byte ranges into them, so a
/// notebook whose outputs are current is rewritten byte for byte.
public struct NotebookDocument: Sendable {
  public struct Cell: Sendable {
    /// The code between the fences (a range of the file, so errors carry notebook line numbers).
    public var code: SourceRange
    /// The whole block including its fences.
    public var block: SourceRange
    /// The stored output block, if any: its whole range (fences included) and its text.
    public var output: StoredOutput?
    /// `tc error`: the cell is expected to fail; its error message is its output.
    public var expectsError: Bool
  }

  public struct StoredOutput: Sendable {
    public var block: SourceRange
    /// From the end of the code block to the start of the output block (blank lines kept).
    public var gap: SourceRange
    public var text: String
  }

  public var file: SourceFile
  public var frontMatter: FrontMatter
  public var cells: [Cell]

  public init(file: SourceFile) throws(FrontMatter.Error) {
    self.file = file
    let lines = Self.lines(of: file)
    var index = 0
    self.frontMatter = try FrontMatter.parse(lines: lines, file: file, consumed: &index)
    var cells: [Cell] = []
    while index < lines.count {
      let line = lines[index]
      guard let fence = Fence(line.text) else {
        index += 1
        continue
      }
      let closing = Self.closingLine(of: fence, in: lines, after: index)
      let blockEnd = closing.map { lines[$0].end } ?? file.bytes.count
      let codeStart = index + 1 < lines.count ? lines[index + 1].start : line.end
      let codeEnd = closing.map { lines[$0].start } ?? file.bytes.count
      if fence.info.first == "tc" {
        var cell = Cell(code: SourceRange(codeStart, max(codeStart, codeEnd)), block: SourceRange(line.start, blockEnd),
                        output: nil, expectsError: fence.info.dropFirst().contains("error"))
        index = (closing ?? lines.count - 1) + 1
        // An output block directly after the cell (blank lines allowed) belongs to it.
        var look = index
        while look < lines.count, lines[look].text.allSatisfy(\.isWhitespace) { look += 1 }
        if look < lines.count, let outputFence = Fence(lines[look].text), outputFence.info.first == "output" {
          let outputClosing = Self.closingLine(of: outputFence, in: lines, after: look)
          let textStart = look + 1 < lines.count ? lines[look + 1].start : lines[look].end
          let textEnd = outputClosing.map { lines[$0].start } ?? file.bytes.count
          // Compared with fresh output line by line, so Windows line endings do not count.
          var text = String(file.text(of: SourceRange(textStart, max(textStart, textEnd))).map { $0 == "\r\n" ? "\n" : $0 })
          if text.hasSuffix("\n") { text.removeLast() }
          let end = outputClosing.map { lines[$0].end } ?? file.bytes.count
          cell.output = StoredOutput(block: SourceRange(lines[look].start, end), gap: SourceRange(blockEnd, lines[look].start), text: text)
          index = (outputClosing ?? lines.count - 1) + 1
        }
        cells.append(cell)
      } else {
        index = (closing ?? lines.count - 1) + 1
      }
    }
    self.cells = cells
  }

  // MARK: Lines and fences

  struct Line {
    var text: String
    var start: Int
    /// Offset after the line break.
    var end: Int
  }

  static func lines(of file: SourceFile) -> [Line] {
    var lines: [Line] = []
    var start = 0
    let bytes = file.bytes
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      lines.append(Line(text: String(decoding: bytes[start..<offset], as: UTF8.self), start: start, end: offset + 1))
      start = offset + 1
    }
    if start < bytes.count {
      lines.append(Line(text: String(decoding: bytes[start...], as: UTF8.self), start: start, end: bytes.count))
    }
    return lines
  }

  /// A fence line: three or more backticks (or tildes), then an info string.
  struct Fence {
    var marker: Character
    var length: Int
    var info: [String]

    init?(_ line: String) {
      // A Windows line ending is not part of the info string (`tc` must still read as `tc`).
      let content = line.hasSuffix("\r") ? line.dropLast() : Substring(line)
      let trimmed = content.drop { $0 == " " }
      guard content.count - trimmed.count <= 3, let first = trimmed.first, first == "`" || first == "~" else { return nil }
      let run = trimmed.prefix { $0 == first }
      guard run.count >= 3 else { return nil }
      marker = first
      length = run.count
      info = trimmed.dropFirst(run.count).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" || $0 == "}" || $0 == "," }).map(String.init)
    }

    func closes(_ line: String) -> Bool {
      let trimmed = line.trimmingTrailingWhitespace.drop { $0 == " " }
      return trimmed.count >= length && trimmed.allSatisfy { $0 == marker }
    }
  }

  static func closingLine(of fence: Fence, in lines: [Line], after index: Int) -> Int? {
    var look = index + 1
    while look < lines.count {
      if fence.closes(lines[look].text) { return look }
      look += 1
    }
    return nil
  }
}

extension String {
  var trimmingTrailingWhitespace: Substring {
    var view = self[...]
    while let last = view.last, last.isWhitespace { view = view.dropLast() }
    return view
  }
}
