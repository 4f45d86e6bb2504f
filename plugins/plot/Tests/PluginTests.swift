import Testing

@Test func plotPlaceholder() {}
