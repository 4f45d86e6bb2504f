/// "Did you mean …?" hints: the nearest known spelling by edit distance.
public enum Suggestions {
  /// The candidate closest to `word`, if it is close enough to be a plausible typo.
  public static func nearest(_ word: String, among candidates: [String]) -> String? {
    let lowered = word.lowercased()
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where candidate != word {
      let distance = editDistance(lowered, candidate.lowercased())
      if best == nil || distance < best?.distance ?? Int.max { best = (candidate, distance) }
    }
    guard let best else { return nil }
    let limit = max(1, min(3, (max(word.count, best.candidate.count) + 1) / 3))
    if best.distance <= limit { return best.candidate }
    // A prefix typed in full ("arim" for "arima") is a good guess too.
    if word.count >= 2, let prefixed = candidates.first(where: { $0.lowercased().hasPrefix(lowered) }) { return prefixed }
    return nil
  }

  /// A help line: "did you mean 'x'?", or nil when nothing is close.
  public static func didYouMean(_ word: String, among candidates: [String]) -> String? {
    nearest(word, among: candidates).map { "did you mean '\($0)'?" }
  }

  /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions).
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var row = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      row[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          row[j] = min(row[j], previousPrevious[j - 2] + 1)
        }
      }
      previousPrevious = previous
      previous = row
    }
    return previous[b.count]
  }
}
