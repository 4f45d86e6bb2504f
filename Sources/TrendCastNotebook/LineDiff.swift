/// A short line diff for `--check` reports: what the stored output says against what the run
/// printed, with a few lines of context.
public enum LineDiff {
  public static func describe(expected: String, actual: String, context: Int = 2, limit: Int = 24) -> String {
    // An empty output has no lines (splitting it would give one empty line, shown as a change).
    let old = expected.isEmpty ? [] : expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let new = actual.isEmpty ? [] : actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard old.count * new.count <= 4_000_000 else {
      return "  (outputs of \(old.count) and \(new.count) lines differ)"
    }
    // Longest common subsequence table, then walk it into an edit script.
    var table = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
    for i in stride(from: old.count - 1, through: 0, by: -1) {
      for j in stride(from: new.count - 1, through: 0, by: -1) {
        table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    var edits: [(Character, String)] = []
    var i = 0
    var j = 0
    while i < old.count || j < new.count {
      if i < old.count, j < new.count, old[i] == new[j] {
        edits.append((" ", old[i])); i += 1; j += 1
      } else if j < new.count, i == old.count || table[i][j + 1] >= table[i + 1][j] {
        edits.append(("+", new[j])); j += 1
      } else {
        edits.append(("-", old[i])); i += 1
      }
    }
    let changed = edits.indices.filter { edits[$0].0 != " " }
    var shown: [String] = []
    var last = -1
    for index in changed {
      let from = max(last + 1, index - context)
      let to = min(edits.count - 1, index + context)
      if from > last + 1, !shown.isEmpty { shown.append("  …") }
      if from <= to {
        for k in from...to where k > last { shown.append("  \(edits[k].0) \(edits[k].1)") }
      }
      last = max(last, to)
      if shown.count >= limit { shown.append("  … (more differences)"); break }
    }
    return shown.joined(separator: "\n")
  }
}
