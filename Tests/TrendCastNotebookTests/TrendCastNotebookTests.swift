import Testing

@Test func TrendCastNotebookPlaceholder() {}
