import Testing

@Test func trendPlaceholder() {}
