import Testing

@Test func baselinePlaceholder() {}
