import Testing
import TrendCastSyntax

/// "did you mean …?": which spelling is near enough to suggest.
@Suite struct SuggestionsTests {
  @Test(arguments: [
    ("kitten", "sitting", 3), ("fill", "fil", 1), ("arima", "arima", 0), ("", "abc", 3), ("abc", "", 3),
    ("form", "from", 1), ("ab", "ba", 1), ("ca", "abc", 3),
  ])
  func editDistanceCountsEditsAndAdjacentSwapsAsOne(_ a: String, _ b: String, _ distance: Int) {
    #expect(Suggestions.editDistance(a, b) == distance)
    #expect(Suggestions.editDistance(b, a) == distance)
  }

  @Test func theNearestCandidateWins() {
    #expect(Suggestions.nearest("fil", among: ["outliers", "fill", "normalize"]) == "fill")
    #expect(Suggestions.nearest("outlier", among: ["fill", "outliers"]) == "outliers")
    #expect(Suggestions.nearest("pasengers", among: ["date", "passengers"]) == "passengers")
  }

  @Test func aTransposedPairIsOneTypo() {
    #expect(Suggestions.nearest("form", among: ["from", "farm2"]) == "from")
  }

  @Test func caseIsIgnoredButTheCandidateIsReturnedAsSpelt() {
    #expect(Suggestions.nearest("FILL", among: ["fill"]) == "fill")
    #expect(Suggestions.nearest("Units", among: ["date", "units"]) == "units")
  }

  @Test func theWordItselfIsNeverSuggested() {
    #expect(Suggestions.nearest("fill", among: ["fill"]) == nil)
    #expect(Suggestions.nearest("fill", among: ["fill", "fills"]) == "fills")
  }

  @Test func shortWordsAllowOneEditAndLongWordsAtMostThree() {
    #expect(Suggestions.nearest("ab", among: ["xy"]) == nil, "two edits in a two-letter word is a different word")
    #expect(Suggestions.nearest("ab", among: ["ax"]) == "ax")
    #expect(Suggestions.nearest("seasnl", among: ["seasonal"]) == "seasonal", "8 letters allow 3 edits")
    #expect(Suggestions.nearest("transformation", among: ["transfer"]) == nil, "six edits are too many, however long the word")
    #expect(Suggestions.nearest("abcdefghijkl", among: ["abcdefghiXYZW"]) == nil, "the limit is capped at 3")
    #expect(Suggestions.nearest("abcdefghijkl", among: ["abcdefghiXYZ"]) == "abcdefghiXYZ")
  }

  @Test func aTypedPrefixOfACandidateIsAGoodGuess() {
    #expect(Suggestions.nearest("ar", among: ["arima", "ets"]) == "arima")
    #expect(Suggestions.nearest("a", among: ["arima"]) == nil, "one letter is not a prefix worth guessing from")
  }

  @Test func nothingIsSuggestedFromNoCandidatesOrFarOnes() {
    #expect(Suggestions.nearest("x", among: []) == nil)
    #expect(Suggestions.didYouMean("zzz", among: ["load", "plot"]) == nil)
  }

  @Test func didYouMeanQuotesTheSuggestion() {
    #expect(Suggestions.didYouMean("fot", among: ["fit", "plot"]) == "did you mean 'fit'?")
  }
}
