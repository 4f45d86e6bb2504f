import Testing

@Test func rulesPlaceholder() {}
