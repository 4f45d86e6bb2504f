/// What one read from a `LineReader` produced.
public enum LineInput: Sendable, Equatable {
  /// A line as typed, without its line break. A multi-line entry recalled from history
  /// arrives whole, with its inner line breaks.
  case line(String)
  /// Ctrl-C while typing: the line is abandoned.
  case interrupted
  /// Ctrl-D on an empty line, or the end of the input.
  case endOfInput
}

/// Where the REPL's lines come from: libedit in a terminal (`EditLineReader`), plain standard
/// input (`PlainLineReader`), or a list of lines in tests (`ScriptedLineReader`).
///
/// The REPL decides what a line means (a statement, a continuation, a meta command); the reader
/// only edits, recalls and completes text.
public protocol LineReader: AnyObject {
  /// Reads one line, showing `prompt` if this reader shows prompts.
  func readLine(prompt: String) -> LineInput
  /// Records a finished entry (a multi-line entry is one entry) for recall and, where the
  /// reader keeps one, in the history file.
  func addHistory(_ entry: String)
  /// Called on Tab with the text before the cursor; returns what may replace its last word.
  var completer: ((String) -> Completions)? { get set }
}

/// Completions for the word before the cursor.
public struct Completions: Sendable, Equatable {
  /// One way to finish the word.
  public struct Candidate: Sendable, Equatable {
    /// The whole word to put in place of `Completions.word`.
    public var text: String
    /// Added after `text` only when it is the single candidate: a space after a command word,
    /// `=` after an option name, `/` after a folder, a closing quote after a file.
    public var suffix: String

    public init(_ text: String, suffix: String = "") {
      self.text = text
      self.suffix = suffix
    }
  }

  /// The partial word being completed (the text it replaces, at the end of the line).
  public var word: String
  public var candidates: [Candidate]

  public init(word: String, candidates: [Candidate]) {
    self.word = word
    self.candidates = candidates
  }

  public static let none = Completions(word: "", candidates: [])

  /// What pressing Tab does with these completions.
  public enum Action: Sendable, Equatable {
    /// Replace `word`, which ends at the cursor, with `text`.
    case insert(replacing: String, text: String)
    /// Several candidates share nothing more than what is typed: show them.
    case list([String])
    /// Nothing fits.
    case none
  }

  /// One candidate is inserted whole, with its suffix; several are narrowed to their longest
  /// common prefix, and listed when that adds nothing to what is typed.
  public var action: Action {
    var seen = Set<String>()
    let distinct = candidates.filter { seen.insert($0.text).inserted }
    guard let first = distinct.first else { return .none }
    if distinct.count == 1 {
      return .insert(replacing: word, text: first.text + first.suffix)
    }
    let common = distinct.dropFirst().reduce(first.text) { $0.commonPrefix(with: $1.text) }
    if common.count > word.count {
      return .insert(replacing: word, text: common)
    }
    return .list(distinct.map(\.text))
  }
}

extension String {
  /// The longest prefix shared with `other`, compared character by character.
  func commonPrefix(with other: String) -> String {
    var result = ""
    for (mine, theirs) in zip(self, other) {
      guard mine == theirs else { break }
      result.append(mine)
    }
    return result
  }
}
