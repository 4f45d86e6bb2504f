#if canImport(Glibc)
import Glibc
#endif

/// Lines from a file descriptor without editing: for a terminal libedit cannot drive
/// (`TERM=dumb`, an editor's shell buffer) or input that is not a terminal. Prompts are written
/// only if given a descriptor for them. History stays in memory; there is no completion.
public final class PlainLineReader: LineReader {
  public var completer: ((String) -> Completions)?
  private let input: Int32
  private let promptOutput: Int32?
  private var buffer: [UInt8] = []
  private var atEnd = false
  public private(set) var history: [String] = []

  public init(input: Int32 = STDIN_FILENO, promptOutput: Int32? = nil) {
    self.input = input
    self.promptOutput = promptOutput
  }

  public func readLine(prompt: String) -> LineInput {
    if let promptOutput { Terminal.write(prompt, to: promptOutput) }
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        var line = Array(buffer[..<newline])
        buffer.removeFirst(newline + 1)
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return .line(String(decoding: line, as: UTF8.self))
      }
      if atEnd {
        guard !buffer.isEmpty else { return .endOfInput }
        defer { buffer.removeAll() }
        return .line(String(decoding: buffer, as: UTF8.self))
      }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR {
          // Ctrl-C: drop what was typed of this line.
          buffer.removeAll()
          return .interrupted
        }
        atEnd = true
      } else if count == 0 {
        atEnd = true
      } else {
        buffer += chunk[..<count]
      }
    }
  }

  public func addHistory(_ entry: String) {
    history.append(entry)
  }
}
